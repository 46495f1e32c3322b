#include <cdk/elbv2/base_load_balancer.hpp>

#include <cdk/ec2/security_group.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/elbv2/names.hpp>
#include <cdk/error.hpp>
#include <cdk/names.hpp>

namespace cdk::elbv2 {

BaseLoadBalancer::BaseLoadBalancer(Construct& scope, std::string_view id, const BaseLoadBalancerProps& props,
                                   std::string_view type)
    : Construct(scope, id), vpc_(props.vpc.get()), internet_facing_(props.internet_facing) {
  const std::string path = node().path();
  if (vpc_ == nullptr) throw Error(path, "a load balancer needs a VPC", "set .vpc");
  detail::check_name(path, "load balancer", props.load_balancer_name);

  ec2::SubnetSelection selection = props.vpc_subnets.value_or(
      internet_facing_ ? ec2::SubnetSelection{.subnet_type = ec2::SubnetType::Public} : ec2::SubnetSelection{});
  ec2::SelectedSubnets subnets = vpc_->select_subnets(selection);
  subnet_count_ = subnets.subnet_id_values.size();
  if (type == "application" && subnet_count_ < 2) {
    throw Error(path, "an Application Load Balancer needs subnets in at least two Availability Zones",
                "give the VPC at least two AZs, or select subnets in two AZs with .vpc_subnets");
  }
  if (internet_facing_ && !subnets.has_public) {
    throw Error(path, "an internet-facing load balancer is placed in subnets that are not public",
                "select public subnets in .vpc_subnets, or make the load balancer internal");
  }

  if (props.security_groups.empty()) {
    auto& sg = add<ec2::SecurityGroup>(
        "SecurityGroup", ec2::SecurityGroupProps{
                             .vpc = props.vpc,
                             .description = "Automatically created Security Group for ELB " + Names::unique_id(*this),
                             .allow_all_outbound = false});
    connections_.add_security_group(sg);
  } else {
    for (const auto& sg : props.security_groups) {
      if (!sg) throw Error(path, "a null security group was given", "remove it from .security_groups");
      connections_.add_security_group(*sg);
    }
  }

  CfnLoadBalancer::Props l1;
  if (!props.load_balancer_name.empty()) l1.name = props.load_balancer_name;
  l1.scheme = internet_facing_ ? "internet-facing" : "internal";
  l1.subnets = subnets.subnet_ids();
  l1.type = std::string(type);
  Value::List sg_ids;
  for (ec2::SecurityGroup* sg : connections_.security_groups()) sg_ids.push_back(sg->security_group_id());
  l1.security_groups = Value(std::move(sg_ids));
  l1.load_balancer_attributes.push_back(
      {.key = "deletion_protection.enabled", .value = props.deletion_protection ? "true" : "false"});
  resource_ = &add<CfnLoadBalancer>("Resource", std::move(l1));
  if (internet_facing_) {
    for (Construct* c : vpc_->internet_connectivity_established()) resource_->node().add_dependency(*c);
  }
}

Value BaseLoadBalancer::load_balancer_arn() const { return resource_->ref(); }
Value BaseLoadBalancer::dns_name() const { return resource_->attr_dns_name(); }
Value BaseLoadBalancer::canonical_hosted_zone_id() const { return resource_->attr_canonical_hosted_zone_id(); }
Value BaseLoadBalancer::load_balancer_full_name() const { return resource_->attr_load_balancer_full_name(); }
Value BaseLoadBalancer::load_balancer_name() const { return resource_->attr_load_balancer_name(); }

route53::AliasTargetConfig BaseLoadBalancer::alias_target() const {
  // Route 53 wants the "dualstack." prefix for ELB aliases (as the CDK's LoadBalancerTarget writes).
  return {.dns_name = "dualstack." + dns_name(), .hosted_zone_id = canonical_hosted_zone_id()};
}

ec2::Peer BaseLoadBalancer::default_peer() const {
  return internet_facing_ ? ec2::Peer::any_ipv4() : ec2::Peer::ipv4(vpc_->vpc_cidr_block());
}

void BaseLoadBalancer::log_access_logs(const AccessLogs& logs) {
  if (logs.bucket_name.is_null()) {
    throw Error(node().path(), "access logs need a bucket name", "set access_logs.bucket_name");
  }
  if (!logs.prefix.empty() && (logs.prefix.front() == '/' || logs.prefix.back() == '/')) {
    throw Error(node().path(), "access log prefix '" + logs.prefix + "' starts or ends with '/'",
                "remove the leading and trailing '/'");
  }
  set_attribute("access_logs.s3.enabled", "true");
  set_attribute("access_logs.s3.bucket", logs.bucket_name);
  if (!logs.prefix.empty()) set_attribute("access_logs.s3.prefix", logs.prefix);
}

void BaseLoadBalancer::set_attribute(const std::string& key, Value value) {
  auto& attrs = resource_->props().load_balancer_attributes;
  for (auto& a : attrs) {
    if (a.key.value() == Value(key)) {
      a.value = std::move(value);
      return;
    }
  }
  attrs.push_back({.key = key, .value = std::move(value)});
}

}  // namespace cdk::elbv2
