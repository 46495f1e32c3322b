#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_capacity_provider.hpp>
#include <cdk/ecs/cfn_cluster.hpp>
#include <cdk/ecs/cfn_cluster_capacity_provider_associations.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/managed_policy.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/servicediscovery/http_namespace.hpp>
#include <cdk/servicediscovery/private_dns_namespace.hpp>
#include <cdk/servicediscovery/public_dns_namespace.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::ecs {

namespace {

CfnCluster::ClusterConfigurationProperty execute_command(const std::string& path, const ExecuteCommandConfiguration& c) {
  const bool override = c.logging == ExecuteCommandLogging::Override;
  if (override && !c.log_group && !c.bucket)
    throw Error(path, "ECS Exec logging is Override but names no log group or bucket", "set .log_group and/or .bucket");
  if (!override && (c.log_group || c.bucket || !c.s3_key_prefix.empty()))
    throw Error(path, "an ECS Exec log group or bucket is used only with ExecuteCommandLogging::Override",
                "set .logging = ExecuteCommandLogging::Override");
  if (!c.s3_key_prefix.empty() && !c.bucket) throw Error(path, "s3_key_prefix needs a bucket", "set .bucket");
  CfnCluster::ExecuteCommandConfigurationProperty out;
  out.logging = c.logging == ExecuteCommandLogging::Default ? "DEFAULT" : override ? "OVERRIDE" : "NONE";
  if (override) {
    CfnCluster::ExecuteCommandLogConfigurationProperty log;
    if (c.log_group) log.cloud_watch_log_group_name = c.log_group->log_group_name();
    if (c.bucket) log.s3_bucket_name = c.bucket->bucket_name();
    if (!c.s3_key_prefix.empty()) log.s3_key_prefix = c.s3_key_prefix;
    out.log_configuration = std::move(log);
  }
  return {.execute_command_configuration = std::move(out)};
}

}  // namespace

Cluster::Cluster(Construct& scope, std::string_view id, const ClusterProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto& name = props_.cluster_name;
  if (name.size() > max_name_length ||
      !std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; }))
    throw Error(node().path(), "cluster name '" + name + "' is not valid",
                "use at most 255 letters, digits, hyphens and underscores");
  CfnCluster::Props p;
  if (!name.empty()) p.cluster_name = name;
  if (props_.container_insights) p.cluster_settings.push_back({.name = "containerInsights", .value = "enabled"});
  if (const auto* exec = execute_command_configuration()) p.configuration = execute_command(node().path(), *exec);
  resource_ = &add<CfnCluster>("Resource", std::move(p));
  if (props_.default_cloud_map_namespace) add_default_cloud_map_namespace(*props_.default_cloud_map_namespace);
  if (props_.enable_fargate_capacity_providers) enable_fargate_capacity_providers();
}

void Cluster::enable_fargate_capacity_providers() {
  if (fargate_providers_) return;
  fargate_providers_ = true;
  associate("FARGATE");
  associate("FARGATE_SPOT");
}

// Adds `provider` to the cluster's associations; the first one made becomes
// the default strategy.
void Cluster::associate(const Value& provider) {
  if (!associations_) {
    CfnClusterCapacityProviderAssociations::Props ap;
    ap.cluster = cluster_name();
    CfnClusterCapacityProviderAssociations::CapacityProviderStrategyProperty first;
    first.capacity_provider = provider;
    first.weight = 1;
    ap.default_capacity_provider_strategy.push_back(std::move(first));
    associations_ = &add<CfnClusterCapacityProviderAssociations>("CapacityProviderAssociations", std::move(ap));
  }
  Value::List providers;
  if (const auto& existing = associations_->props().capacity_providers.value(); !existing.is_null())
    providers = existing.as_list();
  providers.push_back(provider);
  associations_->props().capacity_providers = Value(std::move(providers));
}

servicediscovery::Namespace& Cluster::add_default_cloud_map_namespace(CloudMapNamespaceOptions options) {
  using servicediscovery::NamespaceType;
  const std::string id = "DefaultServiceDiscoveryNamespace";  // the AWS CDK's id, so logical ids match
  if (namespace_)
    throw Error(node().path() + "/" + id, "the cluster has a default Cloud Map namespace already",
                "call add_default_cloud_map_namespace once (or drop ClusterProps::default_cloud_map_namespace)");
  const auto type = options.type.value_or(NamespaceType::DnsPrivate);
  if (options.vpc && type != NamespaceType::DnsPrivate)
    throw Error(node().path() + "/" + id, "only a private DNS namespace takes a VPC", "drop .vpc");
  switch (type) {
    case NamespaceType::DnsPrivate: {
      Ptr<ec2::IVpc> vpc = options.vpc ? options.vpc : props_.vpc;
      if (!vpc)
        throw Error(node().path() + "/" + id, "a private DNS namespace needs a VPC and the cluster has none",
                    "create the cluster with .vpc = vpc, or give the namespace options a .vpc");
      namespace_ = &add<servicediscovery::PrivateDnsNamespace>(id, {.name = options.name, .vpc = vpc});
      break;
    }
    case NamespaceType::DnsPublic:
      namespace_ = &add<servicediscovery::PublicDnsNamespace>(id, {.name = options.name});
      break;
    case NamespaceType::Http:
      namespace_ = &add<servicediscovery::HttpNamespace>(id, {.name = options.name});
      break;
  }
  return *namespace_;
}

CfnCapacityProvider& Cluster::add_asg_capacity_provider(std::string_view id, autoscaling::AutoScalingGroup& group,
                                                        AsgCapacityProviderOptions options) {
  if (options.target_capacity_percent < 1 || options.target_capacity_percent > 100)
    throw Error(node().path() + "/" + std::string(id), "target capacity must be 1-100 percent", "e.g. 100");
  // Instances join this cluster when their ECS agent starts.
  group.add_user_data({Value("echo ECS_CLUSTER=") + cluster_name() + Value(" >> /etc/ecs/ecs.config")});
  group.role().add_managed_policy(iam::ManagedPolicy::aws_managed("service-role/AmazonEC2ContainerServiceforEC2Role"));
  for (auto* sg : group.connections().security_groups()) connections_.add_security_group(*sg);

  CfnCapacityProvider::AutoScalingGroupProviderProperty asg;
  asg.auto_scaling_group_arn = group.auto_scaling_group_name();  // CloudFormation takes the name or the ARN
  if (options.managed_scaling) {
    CfnCapacityProvider::ManagedScalingProperty ms;
    ms.status = "ENABLED";
    ms.target_capacity = options.target_capacity_percent;
    asg.managed_scaling = std::move(ms);
  }
  asg.managed_termination_protection = "DISABLED";
  CfnCapacityProvider::Props p;
  p.auto_scaling_group_provider = std::move(asg);
  if (!options.capacity_provider_name.empty()) p.name = options.capacity_provider_name;
  auto& provider = add<CfnCapacityProvider>(id, std::move(p));
  associate(provider.ref());
  return provider;
}

Value Cluster::cluster_name() const { return resource_->ref(); }
Value Cluster::cluster_arn() const { return resource_->attr_arn(); }

}  // namespace cdk::ecs
