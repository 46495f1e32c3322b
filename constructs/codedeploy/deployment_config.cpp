#include <cdk/codedeploy/deployment_config.hpp>
#include <cdk/codedeploy/ecs_deployment_config.hpp>
#include <cdk/codedeploy/lambda_deployment_config.hpp>
#include <cdk/codedeploy/server_deployment_config.hpp>

#include <cdk/codedeploy/cfn_deployment_config.hpp>
#include <cdk/codedeploy/detail/names.hpp>
#include <cdk/error.hpp>

namespace cdk::codedeploy {

// ---- references ----

DeploymentConfigRef::DeploymentConfigRef(const BaseDeploymentConfig& config)
    : name_(config.deployment_config_name()), platform_(config.compute_platform()), construct_(&config) {}

DeploymentConfigRef DeploymentConfigRef::from_name(Value name, ComputePlatform platform) {
  return {std::move(name), platform};
}

Value DeploymentConfigRef::deployment_config_arn(const Construct& scope) const {
  return detail::codedeploy_arn(scope, "deploymentconfig", name_);
}

// ---- base ----

BaseDeploymentConfig::BaseDeploymentConfig(Construct& scope, std::string_view id, ComputePlatform platform)
    : Construct(scope, id), platform_(platform) {}

Value BaseDeploymentConfig::deployment_config_name() const { return resource_->ref(); }
Value BaseDeploymentConfig::deployment_config_arn() const {
  return detail::codedeploy_arn(*this, "deploymentconfig", deployment_config_name());
}

void BaseDeploymentConfig::check_name(const std::string& name) const {
  detail::check_name(node().path(), "deployment configuration", name);
}

// ---- server ----

ServerDeploymentConfig::ServerDeploymentConfig(Construct& scope, std::string_view id, const ServerDeploymentConfigProps& props)
    : BaseDeploymentConfig(scope, id, ComputePlatform::Server) {
  const auto path = node().path();
  check_name(props.deployment_config_name);
  const auto& hosts = props.minimum_healthy_hosts;
  if (!hosts)
    throw Error(path, "a server deployment configuration needs minimum_healthy_hosts",
                "set .minimum_healthy_hosts = cdk::codedeploy::MinimumHealthyHosts::percentage(75) (or ::count(n))");
  if (hosts->is_percentage() && (hosts->value() < 0 || hosts->value() > 99))
    throw Error(path, "minimum healthy hosts " + std::to_string(hosts->value()) + "% is outside CodeDeploy's range 0-99",
                "use a fleet percentage of 0-99 (100% would leave no instance to deploy to)");
  if (!hosts->is_percentage() && hosts->value() < 0)
    throw Error(path, "minimum healthy host count " + std::to_string(hosts->value()) + " is negative", "use 0 or more");
  CfnDeploymentConfig::Props l1;
  if (!props.deployment_config_name.empty()) l1.deployment_config_name = props.deployment_config_name;
  l1.minimum_healthy_hosts = CfnDeploymentConfig::MinimumHealthyHostsProperty{.type = hosts->type_name(), .value = hosts->value()};
  resource_ = &add<CfnDeploymentConfig>("Resource", std::move(l1));
}

DeploymentConfigRef ServerDeploymentConfig::one_at_a_time() { return from_name("CodeDeployDefault.OneAtATime"); }
DeploymentConfigRef ServerDeploymentConfig::half_at_a_time() { return from_name("CodeDeployDefault.HalfAtATime"); }
DeploymentConfigRef ServerDeploymentConfig::all_at_once() { return from_name("CodeDeployDefault.AllAtOnce"); }
DeploymentConfigRef ServerDeploymentConfig::from_name(std::string name) {
  return DeploymentConfigRef::from_name(std::move(name), ComputePlatform::Server);
}

// ---- ECS ----

namespace {
CfnDeploymentConfig::TrafficRoutingConfigProperty render_routing(const std::string& path, const TrafficRouting& routing) {
  using Type = TrafficRouting::Type;
  CfnDeploymentConfig::TrafficRoutingConfigProperty out;
  out.type = traffic_routing_type_name(routing.type());
  if (routing.type() == Type::AllAtOnce) return out;
  const char* kind = routing.type() == Type::TimeBasedCanary ? "canary" : "linear";
  if (routing.percentage() < 1 || routing.percentage() > 99)
    throw Error(path, std::string(kind) + " percentage " + std::to_string(routing.percentage()) + " is outside 1-99",
                "shift 1-99% per step, or use TrafficRouting::all_at_once()");
  if (routing.interval_minutes() < 1)
    throw Error(path, std::string(kind) + " interval " + std::to_string(routing.interval_minutes()) + " minutes is below 1",
                "wait at least 1 minute between traffic shifts");
  if (routing.type() == Type::TimeBasedCanary)
    out.time_based_canary = CfnDeploymentConfig::TimeBasedCanaryProperty{.canary_interval = routing.interval_minutes(),
                                                                          .canary_percentage = routing.percentage()};
  else
    out.time_based_linear = CfnDeploymentConfig::TimeBasedLinearProperty{.linear_interval = routing.interval_minutes(),
                                                                          .linear_percentage = routing.percentage()};
  return out;
}
}  // namespace

EcsDeploymentConfig::EcsDeploymentConfig(Construct& scope, std::string_view id, const EcsDeploymentConfigProps& props)
    : BaseDeploymentConfig(scope, id, ComputePlatform::Ecs), traffic_routing_(props.traffic_routing) {
  check_name(props.deployment_config_name);
  CfnDeploymentConfig::Props l1;
  l1.compute_platform = compute_platform_name(ComputePlatform::Ecs);
  if (!props.deployment_config_name.empty()) l1.deployment_config_name = props.deployment_config_name;
  l1.traffic_routing_config = render_routing(node().path(), traffic_routing_);
  resource_ = &add<CfnDeploymentConfig>("Resource", std::move(l1));
}

DeploymentConfigRef EcsDeploymentConfig::all_at_once() { return from_name("CodeDeployDefault.ECSAllAtOnce"); }
DeploymentConfigRef EcsDeploymentConfig::linear_10_percent_every_1_minute() {
  return from_name("CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
}
DeploymentConfigRef EcsDeploymentConfig::linear_10_percent_every_3_minutes() {
  return from_name("CodeDeployDefault.ECSLinear10PercentEvery3Minutes");
}
DeploymentConfigRef EcsDeploymentConfig::canary_10_percent_5_minutes() {
  return from_name("CodeDeployDefault.ECSCanary10Percent5Minutes");
}
DeploymentConfigRef EcsDeploymentConfig::canary_10_percent_15_minutes() {
  return from_name("CodeDeployDefault.ECSCanary10Percent15Minutes");
}
DeploymentConfigRef EcsDeploymentConfig::from_name(std::string name) {
  return DeploymentConfigRef::from_name(std::move(name), ComputePlatform::Ecs);
}

// ---- Lambda ----

LambdaDeploymentConfig::LambdaDeploymentConfig(Construct& scope, std::string_view id, const LambdaDeploymentConfigProps& props)
    : BaseDeploymentConfig(scope, id, ComputePlatform::Lambda), traffic_routing_(props.traffic_routing) {
  check_name(props.deployment_config_name);
  CfnDeploymentConfig::Props l1;
  l1.compute_platform = compute_platform_name(ComputePlatform::Lambda);
  if (!props.deployment_config_name.empty()) l1.deployment_config_name = props.deployment_config_name;
  l1.traffic_routing_config = render_routing(node().path(), traffic_routing_);
  resource_ = &add<CfnDeploymentConfig>("Resource", std::move(l1));
}

DeploymentConfigRef LambdaDeploymentConfig::all_at_once() { return from_name("CodeDeployDefault.LambdaAllAtOnce"); }
DeploymentConfigRef LambdaDeploymentConfig::canary_10_percent_5_minutes() {
  return from_name("CodeDeployDefault.LambdaCanary10Percent5Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::canary_10_percent_10_minutes() {
  return from_name("CodeDeployDefault.LambdaCanary10Percent10Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::canary_10_percent_15_minutes() {
  return from_name("CodeDeployDefault.LambdaCanary10Percent15Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::canary_10_percent_30_minutes() {
  return from_name("CodeDeployDefault.LambdaCanary10Percent30Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::linear_10_percent_every_1_minute() {
  return from_name("CodeDeployDefault.LambdaLinear10PercentEvery1Minute");
}
DeploymentConfigRef LambdaDeploymentConfig::linear_10_percent_every_2_minutes() {
  return from_name("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::linear_10_percent_every_3_minutes() {
  return from_name("CodeDeployDefault.LambdaLinear10PercentEvery3Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::linear_10_percent_every_10_minutes() {
  return from_name("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes");
}
DeploymentConfigRef LambdaDeploymentConfig::from_name(std::string name) {
  return DeploymentConfigRef::from_name(std::move(name), ComputePlatform::Lambda);
}

}  // namespace cdk::codedeploy
