#include <cdk/ec2/bastion_host.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/instance.hpp>
#include <cdk/error.hpp>

namespace cdk::ec2 {

BastionHost::BastionHost(Construct& scope, std::string_view id, const BastionHostProps& props) : Construct(scope, id) {
  if (!props.vpc) throw Error(node().path(), "a bastion host needs a VPC", "set .vpc");
  // "Resource", as in the CDK: the instance's resources get the bastion's logical ids.
  instance_ = &add<Instance>("Resource", {.vpc = props.vpc,
                                          .instance_type = props.instance_type,
                                          .machine_image = props.machine_image,
                                          .vpc_subnets = props.subnet_selection,
                                          .security_group = props.security_group,
                                          .block_devices = props.block_devices,
                                          .require_imdsv2 = props.require_imdsv2,
                                          .instance_name = props.instance_name,
                                          .ssm_session_permissions = true});
}

void BastionHost::allow_ssh_access_from(const Peer& peer, std::string description) {
  instance_->connections().allow_from(peer, Port::tcp(22), std::move(description));
}

Value BastionHost::instance_id() const { return instance_->instance_id(); }
Value BastionHost::instance_private_ip() const { return instance_->instance_private_ip(); }
Value BastionHost::instance_availability_zone() const { return instance_->instance_availability_zone(); }
Connections& BastionHost::connections() { return instance_->connections(); }
void BastionHost::add_to_principal_policy(const iam::PolicyStatement& statement) {
  instance_->add_to_principal_policy(statement);
}

}  // namespace cdk::ec2
