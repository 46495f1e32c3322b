#include <cdk/ec2/instance.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/cfn_instance.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/cfn_instance_profile.hpp>
#include <cdk/iam/managed_policy.hpp>
#include <cdk/iam/principal.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/tags.hpp>

namespace cdk::ec2 {

namespace {
bool valid_instance_type(const std::string& t) {
  const auto dot = t.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < t.size() && t.find('.', dot + 1) == std::string::npos;
}
}  // namespace

Instance::Instance(Construct& scope, std::string_view id, const InstanceProps& props) : Construct(scope, id) {
  const std::string path = node().path();
  if (!props.vpc) throw Error(path, "an instance needs a VPC", "set .vpc");
  if (props.instance_type.empty()) throw Error(path, "an instance needs an instance type", "set .instance_type, e.g. \"t3.micro\"");
  if (!valid_instance_type(props.instance_type))
    throw Error(path, "\"" + props.instance_type + "\" is not an instance type", "use family.size, e.g. \"t3.micro\"");
  for (const auto& d : props.block_devices)
    if (auto problem = block_device_problem(d); !problem.empty()) throw Error(path, problem, "fix .block_devices");

  Tags::of(*this).add("Name", props.instance_name.empty() ? path : props.instance_name);

  const SelectedSubnets subnets = props.vpc->select_subnets(props.vpc_subnets);
  if (subnets.subnet_id_values.empty())
    throw Error(path, "the subnet selection matched no subnet", "change .vpc_subnets");
  az_ = subnets.availability_zones.front();

  security_group_ = props.security_group ? props.security_group.get()
                                         : &add<SecurityGroup>("InstanceSecurityGroup", {.vpc = props.vpc});
  connections_.add_security_group(*security_group_);

  role_ = props.role ? props.role.get()
                     : &add<iam::Role>("InstanceRole", {.assumed_by = iam::ServicePrincipal("ec2.amazonaws.com")});
  if (props.ssm_session_permissions)
    role_->add_managed_policy(iam::ManagedPolicy::aws_managed("AmazonSSMManagedInstanceCore"));
  auto& profile = add<iam::CfnInstanceProfile>("InstanceProfile", {.roles = {role_->role_name()}});

  const MachineImageConfig image = props.machine_image.get_image(*this);
  os_type_ = image.os_type;
  user_data_ = props.user_data.value_or(image.user_data);

  std::vector<BlockDevice> devices = props.block_devices;
  if (devices.empty() && !image.root_device_name.empty()) devices.push_back({.device_name = image.root_device_name});
  std::vector<CfnInstance::BlockDeviceMappingProperty> mappings;
  for (const auto& d : devices) {
    CfnInstance::EbsProperty ebs{.delete_on_termination = d.volume.delete_on_termination,
                                 .encrypted = d.volume.encrypted,
                                 .volume_type = ebs_volume_type_name(d.volume.volume_type)};
    if (d.volume.iops) ebs.iops = *d.volume.iops;
    if (!d.volume.kms_key_id.is_null()) ebs.kms_key_id = d.volume.kms_key_id;
    if (!d.volume.snapshot_id.empty()) ebs.snapshot_id = d.volume.snapshot_id;
    if (d.volume.size_gib) ebs.volume_size = *d.volume.size_gib;
    mappings.push_back({.device_name = d.device_name, .ebs = ebs});
  }

  CfnInstance::Props l1{.block_device_mappings = std::move(mappings),
                        .iam_instance_profile = profile.ref(),
                        .image_id = image.image_id,
                        .instance_type = props.instance_type,
                        .subnet_id = subnets.subnet_id_values.front(),
                        .user_data = user_data_.render_base64()};
  // EC2 takes the AZ from the subnet; the template repeats it (as the CDK
  // does) only as the Fn::Select token, since cfn-lint flags literal AZ names.
  if (az_.is_token()) l1.availability_zone = az_;
  if (!props.key_name.empty()) l1.key_name = props.key_name;
  if (props.require_imdsv2) l1.metadata_options = CfnInstance::MetadataOptionsProperty{.http_tokens = "required"};
  if (props.detailed_monitoring) l1.monitoring = true;
  if (!props.private_ip_address.empty()) l1.private_ip_address = props.private_ip_address;
  if (!props.source_dest_check) l1.source_dest_check = false;
  resource_ = &add<CfnInstance>("Resource", std::move(l1));
  refresh_security_groups();
  // The instance profile must hold the role's permissions before the instance boots.
  resource_->node().add_dependency(*role_);
}

void Instance::refresh_security_groups() {
  Value::List ids;
  for (auto* g : connections_.security_groups()) ids.push_back(g->security_group_id());
  resource_->props().security_group_ids = Value(std::move(ids));
}

void Instance::add_security_group(SecurityGroup& group) {
  connections_.add_security_group(group);
  refresh_security_groups();
}

void Instance::add_user_data(const std::vector<Value>& commands) {
  user_data_.add_commands(commands);
  resource_->props().user_data = user_data_.render_base64();
}

void Instance::add_to_principal_policy(const iam::PolicyStatement& statement) { role_->add_to_policy(statement); }

Value Instance::instance_id() const { return resource_->ref(); }
Value Instance::instance_private_ip() const { return resource_->attr_private_ip(); }
Value Instance::instance_private_dns_name() const { return resource_->attr_private_dns_name(); }
Value Instance::instance_public_ip() const { return resource_->attr_public_ip(); }
Value Instance::instance_public_dns_name() const { return resource_->attr_public_dns_name(); }

}  // namespace cdk::ec2
