#include <cdk/codedeploy/base_deployment_group.hpp>

#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/codedeploy/application.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codedeploy/detail/names.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sns/topic.hpp>
#include <cdk/stack.hpp>

#include <algorithm>

namespace cdk::codedeploy {

namespace {
// The AWS CDK's rollback rules: failures roll back unless turned off, stops
// by hand only when asked, alarms whenever there are alarms (unless turned off).
std::optional<CfnDeploymentGroup::AutoRollbackConfigurationProperty> render_rollback(const AutoRollbackConfig& c,
                                                                                     bool has_alarms) {
  const bool in_alarm_off = c.deployment_in_alarm.has_value() && !*c.deployment_in_alarm;
  if (!c.failed_deployment && !c.stopped_deployment && in_alarm_off)
    return CfnDeploymentGroup::AutoRollbackConfigurationProperty{.enabled = false};
  std::vector<std::string> events;
  if (c.failed_deployment) events.emplace_back("DEPLOYMENT_FAILURE");
  if (c.stopped_deployment) events.emplace_back("DEPLOYMENT_STOP_ON_REQUEST");
  if (!in_alarm_off && has_alarms) events.emplace_back("DEPLOYMENT_STOP_ON_ALARM");
  if (events.empty()) return std::nullopt;
  CfnDeploymentGroup::AutoRollbackConfigurationProperty out;
  out.enabled = true;
  out.events = events;
  return out;
}
}  // namespace

BaseDeploymentGroup::BaseDeploymentGroup(Construct& scope, std::string_view id, ComputePlatform platform,
                                         const std::string& name)
    : Construct(scope, id), platform_(platform) {
  detail::check_name(node().path(), "deployment group", name);
}

void BaseDeploymentGroup::make_role(Ptr<iam::Role> given, std::string_view role_id, std::string_view managed_policy) {
  role_ = given.get();
  if (role_ == nullptr)
    role_ = &add<iam::Role>(role_id, iam::RoleProps{.assumed_by = iam::ServicePrincipal{"codedeploy.amazonaws.com"}});
  role_->add_managed_policy(iam::ManagedPolicy::aws_managed(managed_policy));
}

void BaseDeploymentGroup::use_config(std::optional<DeploymentConfigRef> config) {
  if (config && config->compute_platform() != platform_)
    throw Error(node().path(),
                std::string("the deployment configuration is for the ") + compute_platform_name(config->compute_platform()) +
                    " platform, not " + compute_platform_name(platform_),
                platform_ == ComputePlatform::Ecs ? "use an EcsDeploymentConfig (e.g. EcsDeploymentConfig::all_at_once())"
                                                  : "use a ServerDeploymentConfig (e.g. ServerDeploymentConfig::one_at_a_time())");
  config_ = std::move(config);
}

void BaseDeploymentGroup::finish(CfnDeploymentGroup& resource, Settings settings) {
  resource_ = &resource;
  auto alarms = std::move(settings.alarms);
  auto triggers = std::move(settings.triggers);
  settings_ = std::move(settings);
  render_alarms();
  for (auto& alarm : alarms) {
    if (!alarm) throw Error(node().path(), "an alarm of the deployment group is null", "pass alarms made in the app");
    add_alarm(*alarm);
  }
  for (auto& trigger : triggers) add_trigger(std::move(trigger));
}

Value BaseDeploymentGroup::deployment_group_name() const { return resource_->ref(); }

Value BaseDeploymentGroup::deployment_group_arn() const {
  const Stack& stack = Stack::of(*this);
  return Fn::join("", {"arn:", Aws::partition(), ":codedeploy:", stack.region(), ":", stack.account(),
                       ":deploymentgroup:", application_->application_name(), "/", deployment_group_name()});
}

void BaseDeploymentGroup::add_alarm(cloudwatch::Alarm& alarm) {
  if (std::find(alarms_.begin(), alarms_.end(), &alarm) != alarms_.end()) return;
  if (alarms_.size() == max_alarms)
    throw Error(node().path(), "a deployment group takes at most 10 alarms, and " + alarm.node().path() + " is the 11th",
                "combine alarms (a composite alarm's metric) or drop some");
  alarms_.push_back(&alarm);
  render_alarms();
}

void BaseDeploymentGroup::render_alarms() {
  CfnDeploymentGroup::AlarmConfigurationProperty config;
  for (auto* alarm : alarms_) config.alarms.push_back({.name = alarm->alarm_name()});
  config.enabled = !settings_.ignore_alarm_configuration && !alarms_.empty();
  if (settings_.ignore_poll_alarms_failure) config.ignore_poll_alarm_failure = true;
  auto& p = resource_->props();
  p.alarm_configuration = std::move(config);
  p.auto_rollback_configuration = render_rollback(settings_.auto_rollback, !alarms_.empty());
}

void BaseDeploymentGroup::add_trigger(TriggerProps trigger) {
  const auto path = node().path();
  if (trigger.trigger_name.empty())
    throw Error(path, "a trigger needs a name", "set .trigger_name, e.g. \"deployment-failed\"");
  if (!trigger.topic) throw Error(path, "trigger \"" + trigger.trigger_name + "\" has no topic", "set .topic = topic");
  auto& list = resource_->props().trigger_configurations;
  for (const auto& t : list)
    if (t.trigger_name.value() == Value(trigger.trigger_name))
      throw Error(path, "the group has a trigger named \"" + trigger.trigger_name + "\" already", "give each trigger its own name");
  if (list.size() == max_triggers)
    throw Error(path, "a deployment group takes at most 10 triggers", "send several events to one trigger");
  if (trigger.events.empty()) trigger.events = {TriggerEvent::DeploymentFailure};
  std::vector<std::string> events;
  for (auto e : trigger.events) events.emplace_back(trigger_event_name(e));
  CfnDeploymentGroup::TriggerConfigProperty config;
  config.trigger_events = events;
  config.trigger_name = trigger.trigger_name;
  config.trigger_target_arn = trigger.topic->topic_arn();
  list.push_back(std::move(config));
  // CodeDeploy checks that the role may publish when the group is made or updated.
  trigger.topic->grant_publish(*role_);
  if (auto* policy = role_->default_policy()) resource_->node().add_dependency(*policy);
}

std::vector<Diagnostic> BaseDeploymentGroup::validate() const {
  if (settings_.auto_rollback.deployment_in_alarm.value_or(false) && alarms_.empty())
    return {{.path = node().path(),
             .message = "auto_rollback.deployment_in_alarm is set but the deployment group has no alarms",
             .hint = "add an alarm (.alarms or add_alarm), or drop deployment_in_alarm"}};
  return {};
}

}  // namespace cdk::codedeploy
