#include <cdk/codedeploy/ecs_deployment_group.hpp>

#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codedeploy/ecs_deployment_config.hpp>
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/elbv2/base_listener.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>

#include <algorithm>

namespace cdk::codedeploy {

namespace {
bool uses_code_deploy(ecs::BaseService& service) {
  const auto& controller = service.cfn_service().props().deployment_controller;
  return controller && controller->type.value() == Value("CODE_DEPLOY");
}

bool is_target_of(ecs::BaseService& service, const elbv2::TargetGroup& group) {
  const auto& lbs = service.cfn_service().props().load_balancers;
  return std::any_of(lbs.begin(), lbs.end(),
                     [&](const auto& lb) { return lb.target_group_arn.value() == group.target_group_arn(); });
}

void check_minutes(const std::string& path, const char* field, int minutes) {
  if (minutes < 0 || minutes > EcsDeploymentGroup::max_wait_minutes)
    throw Error(path, std::string(field) + " " + std::to_string(minutes) + " is outside CodeDeploy's range 0-2880 minutes",
                "wait at most two days (2880 minutes)");
}
}  // namespace

EcsDeploymentGroup::EcsDeploymentGroup(Construct& scope, std::string_view id, const EcsDeploymentGroupProps& props)
    : BaseDeploymentGroup(scope, id, ComputePlatform::Ecs, props.deployment_group_name), service_(props.service.get()) {
  check(props);
  use_config(props.deployment_config.value_or(EcsDeploymentConfig::all_at_once()));
  make_role(props.role, "ServiceRole", "AWSCodeDeployRoleForECS");
  set_application(props.application ? static_cast<BaseApplication&>(*props.application)
                                    : add<EcsApplication>("Application"));
  finish(make_group(props), {.alarms = std::move(props.alarms),
                             .ignore_poll_alarms_failure = props.ignore_poll_alarms_failure,
                             .ignore_alarm_configuration = props.ignore_alarm_configuration,
                             .auto_rollback = props.auto_rollback,
                             .triggers = std::move(props.triggers)});
}

void EcsDeploymentGroup::check(const EcsDeploymentGroupProps& props) const {
  const auto path = node().path();
  if (!service_) throw Error(path, "an ECS deployment group needs a service", "set .service = service");
  if (!uses_code_deploy(*service_))
    throw Error(path, "the service " + service_->node().path() + " does not use the CODE_DEPLOY deployment controller",
                "make it with .deployment_controller = cdk::ecs::DeploymentControllerType::CodeDeploy "
                "and .circuit_breaker_rollback = false");
  const auto& bg = props.blue_green_deployment_config;
  check_traffic(bg);
  if (bg.deployment_approval_wait_time_minutes)
    check_minutes(path, "deployment_approval_wait_time_minutes", *bg.deployment_approval_wait_time_minutes);
  check_minutes(path, "termination_wait_time_minutes", bg.termination_wait_time_minutes);
}

// Blue and green differ, the service is behind blue, and every listener is on blue's load balancer.
void EcsDeploymentGroup::check_traffic(const EcsBlueGreenDeploymentConfig& bg) const {
  const auto path = node().path();
  if (!bg.blue_target_group || !bg.green_target_group || !bg.listener)
    throw Error(path, "blue/green needs a blue and a green target group and a production listener",
                "set .blue_green_deployment_config = {.blue_target_group = ..., .green_target_group = ..., .listener = ...}");
  auto& blue = *bg.blue_target_group;
  auto& green = *bg.green_target_group;
  if (&blue == &green)
    throw Error(path, "the blue and green target groups are both " + blue.node().path(),
                "make a second target group for the new tasks");
  if (!is_target_of(*service_, blue))
    throw Error(path, "the service " + service_->node().path() + " is not a target of the blue group " + blue.node().path(),
                "attach it first: listener.add_targets(\"Blue\", {.targets = {service}})");
  elbv2::BaseLoadBalancer& lb = bg.listener->load_balancer();
  if (blue.load_balancer() != &lb)
    throw Error(path, "the production listener " + bg.listener->node().path() + " is not on the load balancer of " +
                          blue.node().path(),
                "use a listener of " + lb.node().path() + " that forwards to the blue group");
  if (green.load_balancer() != nullptr && green.load_balancer() != &lb)
    throw Error(path, "the green group " + green.node().path() + " is attached to another load balancer than " + lb.node().path(),
                "attach the green group to a listener of " + lb.node().path() + " (the test listener) or to none");
  if (bg.test_listener && &bg.test_listener->load_balancer() != &lb)
    throw Error(path, "the test listener " + bg.test_listener->node().path() + " is not on " + lb.node().path(),
                "use a second listener of the production listener's load balancer");
  if (bg.test_listener.get() == bg.listener.get())
    throw Error(path, "the test listener is the production listener", "use a second listener (another port) for tests");
}

CfnDeploymentGroup& EcsDeploymentGroup::make_group(const EcsDeploymentGroupProps& props) {
  using G = CfnDeploymentGroup;
  const auto& bg = props.blue_green_deployment_config;
  G::Props l1;
  l1.application_name = application().application_name();
  if (!props.deployment_group_name.empty()) l1.deployment_group_name = props.deployment_group_name;
  l1.service_role_arn = role().role_arn();
  l1.deployment_config_name = deployment_config()->deployment_config_name();
  l1.deployment_style = G::DeploymentStyleProperty{.deployment_option = "WITH_TRAFFIC_CONTROL", .deployment_type = "BLUE_GREEN"};
  l1.ecs_services = {{.cluster_name = service_->cluster().cluster_name(), .service_name = service_->service_name()}};
  const bool approval = bg.deployment_approval_wait_time_minutes.has_value();
  l1.blue_green_deployment_configuration = G::BlueGreenDeploymentConfigurationProperty{
      .deployment_ready_option = G::DeploymentReadyOptionProperty{
          .action_on_timeout = approval ? "STOP_DEPLOYMENT" : "CONTINUE_DEPLOYMENT",
          .wait_time_in_minutes = bg.deployment_approval_wait_time_minutes.value_or(0)},
      .terminate_blue_instances_on_deployment_success = G::BlueInstanceTerminationOptionProperty{
          .action = "TERMINATE", .termination_wait_time_in_minutes = bg.termination_wait_time_minutes}};
  G::TargetGroupPairInfoProperty pair;
  pair.prod_traffic_route = G::TrafficRouteProperty{.listener_arns = {bg.listener->listener_arn()}};
  pair.target_groups = {{.name = bg.blue_target_group->target_group_name()},
                        {.name = bg.green_target_group->target_group_name()}};
  if (bg.test_listener) pair.test_traffic_route = G::TrafficRouteProperty{.listener_arns = {bg.test_listener->listener_arn()}};
  l1.load_balancer_info = G::LoadBalancerInfoProperty{.target_group_pair_info_list = {std::move(pair)}};
  return add<G>("Resource", std::move(l1));
}

}  // namespace cdk::codedeploy
