#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_cluster_capacity_provider_associations.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/ec2_service.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/security.hpp>
#include <cdk/servicediscovery/namespace.hpp>
#include <cdk/servicediscovery/service.hpp>

#include <algorithm>

namespace cdk::ecs {

namespace {
// Subnets, security groups (the given ones, else `<service>/SecurityGroup`) and public IP of awsvpc tasks.
CfnService::NetworkConfigurationProperty make_awsvpc_configuration(BaseService& service, const BaseServiceProps& s) {
  const auto path = service.node().path();
  auto* vpc = service.cluster().vpc();
  if (!vpc) throw Error(path, "the cluster has no VPC", "create the cluster with .vpc = vpc");
  ec2::SubnetSelection subnets = s.subnets;
  if (s.assign_public_ip && !subnets.subnet_type) subnets.subnet_type = ec2::SubnetType::Public;
  auto picked = vpc->select_subnets(subnets);
  if (picked.has_public && !s.assign_public_ip)
    throw Error(path, "the service is placed in public subnets without a public IP, so it cannot pull images",
                "use private subnets (default) or set assign_public_ip");
  std::vector<ec2::SecurityGroup*> groups;
  if (s.security_groups.empty())
    groups.push_back(
        &service.add<ec2::SecurityGroup>("SecurityGroup", {.vpc = Ptr<ec2::IVpc>(*vpc), .description = path + "/SecurityGroup"}));
  for (auto g : s.security_groups) groups.push_back(g.get());
  std::vector<Value> ids;
  for (auto* g : groups) {
    service.connections().add_security_group(*g);
    ids.push_back(g->security_group_id());
  }
  CfnService::AwsVpcConfigurationProperty av;
  av.assign_public_ip = s.assign_public_ip ? "ENABLED" : "DISABLED";
  av.security_groups = Value(ids);
  av.subnets = picked.subnet_ids();
  return CfnService::NetworkConfigurationProperty{.awsvpc_configuration = std::move(av)};
}
// Where the cluster logs ECS Exec sessions (ExecuteCommandLogging::Override),
// the task role writes them.
void grant_execute_command_logging(const ExecuteCommandConfiguration& c, iam::Role& role) {
  if (c.logging != ExecuteCommandLogging::Override) return;
  if (c.log_group) {
    role.add_to_policy({.actions = {"logs:DescribeLogGroups"}, .resources = {"*"}});
    role.add_to_policy({.actions = {"logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"},
                        .resources = {c.log_group->log_group_arn()}});
  }
  if (c.bucket) {
    role.add_to_policy({.actions = {"s3:PutObject"}, .resources = {c.bucket->arn_for_objects(c.s3_key_prefix + "*")}});
    role.add_to_policy({.actions = {"s3:GetEncryptionConfiguration"}, .resources = {c.bucket->bucket_arn()}});
  }
}

// ECS Exec: the agent in each task opens Session Manager channels as the task role.
void grant_execute_command(TaskDefinition& task, const Cluster& cluster) {
  auto& role = task.task_role();
  role.add_to_policy({.actions = {"ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                                  "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"},
                      .resources = {"*"}});
  security::explain_wildcard_resources(role, {"ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                                              "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
                                              "logs:DescribeLogGroups"},
                                       "ECS Exec: the ssmmessages actions (and logs:DescribeLogGroups) have no resource-level permissions");
  if (const auto* logging = cluster.execute_command_configuration()) grant_execute_command_logging(*logging, role);
}

bool is_fargate_provider(const Value& name) { return name == Value("FARGATE") || name == Value("FARGATE_SPOT"); }

void check_capacity_providers(const std::string& path, const std::vector<CapacityProviderStrategy>& strategies, bool fargate) {
  int with_base = 0;
  for (const auto& s : strategies) {
    if (s.capacity_provider.is_null()) throw Error(path, "a capacity provider strategy names no provider", "set .capacity_provider");
    if (fargate != is_fargate_provider(s.capacity_provider))
      throw Error(path, fargate ? "a Fargate service runs on FARGATE or FARGATE_SPOT only"
                                : "an EC2 service cannot run on FARGATE or FARGATE_SPOT",
                  fargate ? "name \"FARGATE\" or \"FARGATE_SPOT\"" : "name an add_asg_capacity_provider()'s ref()");
    if (s.weight < 0 || s.weight > 1000) throw Error(path, "a capacity provider weight must be 0-1000");
    if (s.base < 0 || s.base > 100000) throw Error(path, "a capacity provider base must be 0-100000");
    if (s.base > 0) ++with_base;
  }
  if (with_base > 1) throw Error(path, "only one capacity provider of a strategy may have a base", "keep .base on one of them");
  if (!strategies.empty() && std::all_of(strategies.begin(), strategies.end(), [](const auto& s) { return s.weight == 0; }))
    throw Error(path, "every capacity provider has weight 0, so no task would be placed", "give one a weight of 1 or more");
}

// Capacity providers replace the launch type; naming FARGATE or FARGATE_SPOT
// associates both with the cluster.
std::vector<CfnService::CapacityProviderStrategyItemProperty> capacity_provider_items(
    Cluster& cluster, const std::vector<CapacityProviderStrategy>& strategies) {
  std::vector<CfnService::CapacityProviderStrategyItemProperty> out;
  for (const auto& s : strategies) {
    if (is_fargate_provider(s.capacity_provider)) cluster.enable_fargate_capacity_providers();
    CfnService::CapacityProviderStrategyItemProperty item;
    item.capacity_provider = s.capacity_provider;
    item.weight = s.weight;
    if (s.base > 0) item.base = s.base;
    out.push_back(std::move(item));
  }
  return out;
}
}  // namespace

// The DeploymentController to write: the one set, else {Type: ECS} for a
// circuit breaker only when the AWS CDK's flag says older apps wrote it.
const char* BaseService::deployment_controller_type(const BaseServiceProps& s) const {
  if (s.deployment_controller)
    return *s.deployment_controller == DeploymentControllerType::CodeDeploy ? "CODE_DEPLOY" : "ECS";
  const bool implicit_off =
      FeatureFlags::of(*this).is_enabled(flags::kEcsDisableExplicitDeploymentControllerForCircuitBreaker);
  return !implicit_off && s.circuit_breaker_rollback ? "ECS" : nullptr;
}

BaseService::BaseService(Construct& scope, std::string_view id, LaunchType launch_type, const BaseServiceProps& s)
    : Construct(scope, id),
      cluster_(s.cluster.get()),
      task_(s.task_definition.get()),
      grace_period_(s.health_check_grace_period_seconds) {
  check(s, launch_type);
  CfnService::Props p;
  p.cluster = cluster_->cluster_name();
  CfnService::DeploymentConfigurationProperty dc;
  if (s.circuit_breaker_rollback) {
    CfnService::DeploymentCircuitBreakerProperty cb;
    cb.enable = true;
    cb.rollback = true;
    dc.deployment_circuit_breaker = std::move(cb);
  }
  dc.maximum_percent = s.max_healthy_percent;
  dc.minimum_healthy_percent = s.min_healthy_percent;
  p.deployment_configuration = std::move(dc);
  if (const char* type = deployment_controller_type(s)) p.deployment_controller = CfnService::DeploymentControllerProperty{.type = type};
  if (s.desired_count) p.desired_count = *s.desired_count;
  p.enable_ecs_managed_tags = false;
  if (s.enable_execute_command) {
    p.enable_execute_command = true;
    grant_execute_command(*task_, *cluster_);
  }
  if (s.capacity_provider_strategies.empty()) p.launch_type = launch_type_name(launch_type);
  else p.capacity_provider_strategy = capacity_provider_items(*cluster_, s.capacity_provider_strategies);
  if (task_->network_mode() == NetworkMode::AwsVpc) p.network_configuration = make_awsvpc_configuration(*this, s);
  // Bridge and host tasks use their instance's network, so its groups decide
  // who reaches them (and a discovered service's connections() opens them).
  else
    for (auto* g : cluster_->connections().security_groups()) connections_.add_security_group(*g);
  if (!s.service_name.empty()) p.service_name = s.service_name;
  p.task_definition = task_->task_definition_arn();
  resource_ = &add<CfnService>("Service", std::move(p));
  if (s.cloud_map_options) enable_cloud_map(*s.cloud_map_options);
  if (auto* associations = cluster_->capacity_provider_associations(); associations && !s.capacity_provider_strategies.empty())
    resource_->add_depends_on(*associations);  // a provider must be associated before a service uses it
}


void BaseService::check(const BaseServiceProps& s, LaunchType launch_type) const {
  const auto path = node().path();
  if (!cluster_) throw Error(path, "no cluster", "set .cluster = cluster");
  if (!task_) throw Error(path, "no task definition", "set .task_definition = task");
  const bool fargate = launch_type == LaunchType::Fargate;
  if (task_->compatibility() != launch_type)
    throw Error(path, std::string("a ") + (fargate ? "FargateService" : "Ec2Service") + " cannot run " + task_->node().path(),
                fargate ? "give it a FargateTaskDefinition" : "give it an Ec2TaskDefinition");
  if (!fargate && s.assign_public_ip)
    throw Error(path, "assign_public_ip applies to Fargate services only", "drop it, or use a FargateService");
  if (s.desired_count && *s.desired_count < 0) throw Error(path, "desired_count must not be negative");
  if (s.min_healthy_percent < 0 || s.min_healthy_percent > 100 || s.max_healthy_percent < 100 ||
      s.max_healthy_percent > 200 || s.max_healthy_percent <= s.min_healthy_percent)
    throw Error(path, "deployment percentages must satisfy 0 <= min_healthy <= 100 <= max_healthy <= 200 and min < max",
                "keep the defaults (100/200) for zero-downtime deployments");
  if (s.deployment_controller == DeploymentControllerType::CodeDeploy && s.circuit_breaker_rollback)
    throw Error(path, "the deployment circuit breaker works with the ECS deployment controller only",
                "set circuit_breaker_rollback = false with DeploymentControllerType::CodeDeploy");
  if (s.min_healthy_percent == 100 && s.max_healthy_percent == 100)
    throw Error(path, "min 100% and max 100% leave no room to deploy", "raise max_healthy_percent");
  check_capacity_providers(path, s.capacity_provider_strategies, fargate);
  if (task_->network_mode() != NetworkMode::AwsVpc && (!s.security_groups.empty() || s.assign_public_ip))
    throw Error(path, "security groups and public IPs apply to awsvpc tasks only",
                "use NetworkMode::AwsVpc in the task definition, or drop them");
}

Value BaseService::service_arn() const { return resource_->ref(); }
Value BaseService::service_name() const { return resource_->attr_name(); }

void BaseService::attach_to_target_group(elbv2::TargetGroup& group) {
  auto* container = task_->default_container();
  if (!container)
    throw Error(node().path(), "the task definition has no essential container to send traffic to",
                "add a container before attaching the service to a load balancer");
  const auto port = container->container_port();
  const bool awsvpc = task_->network_mode() == NetworkMode::AwsVpc;
  group.set_target_type(awsvpc ? elbv2::TargetType::Ip : elbv2::TargetType::Instance);
  CfnService::LoadBalancerProperty lb;
  lb.container_name = container->container_name();
  lb.container_port = port;
  lb.target_group_arn = group.target_group_arn();
  resource_->props().load_balancers.push_back(std::move(lb));
  resource_->props().health_check_grace_period_seconds = grace_period_;
  // The group must be attached to a listener before ECS registers tasks in it.
  for (auto* l : group.attached_by()) resource_->add_depends_on(*l);
  if (awsvpc) group.register_connectable(*this, static_cast<int>(port));
}

ScalableTaskCount& BaseService::auto_scale_task_count(TaskCountProps props) {
  if (scaling_) throw Error(node().path(), "auto scaling is already set up for this service", "call auto_scale_task_count once");
  scaling_ = &add<ScalableTaskCount>("TaskCount", *this, props);
  return *scaling_;
}

// ---- Cloud Map ----

namespace {

using servicediscovery::DnsRecordType;

// The AWS CDK's rule: awsvpc tasks have their own address (A records by
// default); bridge and host tasks share the instance's, so only SRV records
// (address and port) find them.
DnsRecordType pick_record_type(const std::string& path, NetworkMode mode, std::optional<DnsRecordType> asked) {
  if (mode == NetworkMode::None)
    throw Error(path, "tasks with network mode none cannot be discovered", "use awsvpc, bridge or host networking");
  if (mode == NetworkMode::AwsVpc) {
    if (asked == DnsRecordType::Cname)
      throw Error(path, "ECS registers addresses, not CNAME records", "use A, AAAA, \"A, AAAA\" or SRV records");
    return asked.value_or(DnsRecordType::A);
  }
  if (asked && *asked != DnsRecordType::Srv)
    throw Error(path, "bridge and host tasks share their instance's address, so they need SRV records, not " +
                          std::string(servicediscovery::dns_record_type_name(*asked)),
                "use DnsRecordType::Srv (the default for these network modes)");
  return DnsRecordType::Srv;
}

// The container and port an SRV record points at (none for address records).
CfnService::ServiceRegistryProperty render_registry(const std::string& path, TaskDefinition& task,
                                                    const CloudMapOptions& o, DnsRecordType type) {
  CfnService::ServiceRegistryProperty out;
  if (type != DnsRecordType::Srv) {
    if (o.container || o.container_port)
      throw Error(path, "a container and port apply to SRV records only", "drop them, or use DnsRecordType::Srv");
    return out;
  }
  if (o.container && &o.container->task_definition() != &task)
    throw Error(path, o.container->node().path() + " is not a container of " + task.node().path(),
                "name a container of the service's task definition");
  ContainerDefinition* container = o.container ? o.container.get() : task.default_container();
  if (!container)
    throw Error(path, "SRV records need a container with a port and the task definition has none",
                "add an essential container with a port mapping");
  const auto& mappings = container->options().port_mappings;
  if (mappings.empty())
    throw Error(path, "SRV records need a port, and " + container->node().path() + " maps none",
                "add .port_mappings = {{.container_port = 8080}} to the container");
  const auto port = o.container_port.value_or(mappings.front().container_port);
  if (std::none_of(mappings.begin(), mappings.end(), [&](const PortMapping& m) { return m.container_port == port; }))
    throw Error(path, "port " + std::to_string(port) + " is not mapped by " + container->node().path(),
                "name one of the container's mapped ports");
  out.container_name = container->container_name();
  out.container_port = port;
  return out;
}

}  // namespace

servicediscovery::Service& BaseService::enable_cloud_map(CloudMapOptions options) {
  const auto path = node().path();
  if (cloud_map_service_)
    throw Error(path, "the service is registered in Cloud Map already", "ECS takes one service registry per service");
  servicediscovery::Namespace* ns =
      options.cloud_map_namespace ? options.cloud_map_namespace.get() : cluster_->default_cloud_map_namespace();
  if (!ns)
    throw Error(path, "Cloud Map options name no namespace and cluster " + cluster_->node().path() + " has no default one",
                "call cluster.add_default_cloud_map_namespace({.name = \"internal\"}) or set .cloud_map_namespace");
  if (!ns->is_dns())
    throw Error(path, ns->node().path() + " is an HTTP namespace, and ECS service discovery registers DNS records",
                "use a private or public DNS namespace");
  const auto type = pick_record_type(path, task_->network_mode(), options.dns_record_type);
  auto entry = render_registry(path, *task_, options, type);  // checked before anything is made
  auto& registry = add<servicediscovery::Service>(
      "CloudmapService", servicediscovery::ServiceProps{
                             .namespace_ = *ns, .name = options.name, .dns_record_type = type,
                             .dns_ttl_seconds = options.dns_ttl_seconds,
                             .custom_health_check = servicediscovery::HealthCheckCustomConfig{options.failure_threshold}});
  entry.registry_arn = registry.service_arn();
  resource_->props().service_registries.push_back(std::move(entry));
  cloud_map_service_ = &registry;
  return registry;
}

// ---- launch types ----

FargateService::FargateService(Construct& scope, std::string_view id, const FargateServiceProps& props)
    : BaseService(scope, id, LaunchType::Fargate, std::move(props)) {}

Ec2Service::Ec2Service(Construct& scope, std::string_view id, const Ec2ServiceProps& props)
    : BaseService(scope, id, LaunchType::Ec2, std::move(props)) {}

}  // namespace cdk::ecs
