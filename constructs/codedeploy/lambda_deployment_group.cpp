#include <cdk/codedeploy/lambda_deployment_group.hpp>

#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codedeploy/lambda_deployment_config.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/lambda/alias.hpp>
#include <cdk/lambda/cfn_alias.hpp>
#include <cdk/lambda/function.hpp>

namespace cdk::codedeploy {

LambdaDeploymentGroup::LambdaDeploymentGroup(Construct& scope, std::string_view id, const LambdaDeploymentGroupProps& props)
    : BaseDeploymentGroup(scope, id, ComputePlatform::Lambda, props.deployment_group_name), alias_(props.alias.get()) {
  if (!alias_) throw Error(node().path(), "a Lambda deployment group needs an alias", "set .alias = alias");
  use_config(props.deployment_config.value_or(LambdaDeploymentConfig::canary_10_percent_5_minutes()));
  make_role(props.role, "ServiceRole", "service-role/AWSCodeDeployRoleForLambdaLimited");
  set_application(props.application ? static_cast<BaseApplication&>(*props.application)
                                    : add<LambdaApplication>("Application"));
  CfnDeploymentGroup::Props l1;
  l1.application_name = application().application_name();
  if (!props.deployment_group_name.empty()) l1.deployment_group_name = props.deployment_group_name;
  l1.service_role_arn = role().role_arn();
  l1.deployment_config_name = deployment_config()->deployment_config_name();
  l1.deployment_style = CfnDeploymentGroup::DeploymentStyleProperty{.deployment_option = "WITH_TRAFFIC_CONTROL",
                                                                    .deployment_type = "BLUE_GREEN"};
  finish(add<CfnDeploymentGroup>("Resource", std::move(l1)),
         {.alarms = std::move(props.alarms),
          .ignore_poll_alarms_failure = props.ignore_poll_alarms_failure,
          .ignore_alarm_configuration = props.ignore_alarm_configuration,
          .auto_rollback = props.auto_rollback,
          .triggers = std::move(props.triggers)});
  if (props.pre_hook) add_pre_hook(*props.pre_hook);
  if (props.post_hook) add_post_hook(*props.post_hook);
  render_update_policy();
}

void LambdaDeploymentGroup::add_pre_hook(lambda::Function& hook) { use_hook(hook, pre_hook_, "pre"); }
void LambdaDeploymentGroup::add_post_hook(lambda::Function& hook) { use_hook(hook, post_hook_, "post"); }

void LambdaDeploymentGroup::use_hook(lambda::Function& hook, lambda::Function*& slot, const char* which) {
  if (slot != nullptr)
    throw Error(node().path(), std::string("the group has a ") + which + "-hook already (" + slot->node().path() + ")",
                "run both checks from one hook function");
  slot = &hook;
  grant_put_lifecycle_event_hook_execution_status(hook);
  hook.grant_invoke(role());
  render_update_policy();
}

void LambdaDeploymentGroup::grant_put_lifecycle_event_hook_execution_status(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"codedeploy:PutLifecycleEventHookExecutionStatus"},
                                .resource_arns = {deployment_group_arn()}});
}

// CloudFormation hands alias updates to CodeDeploy when the alias names the group.
void LambdaDeploymentGroup::render_update_policy() {
  Value::Map update{{"ApplicationName", application().application_name()},
                    {"DeploymentGroupName", deployment_group_name()}};
  if (pre_hook_ != nullptr) update.emplace_back("BeforeAllowTrafficHook", pre_hook_->function_name());
  if (post_hook_ != nullptr) update.emplace_back("AfterAllowTrafficHook", post_hook_->function_name());
  alias_->cfn_alias().set_update_policy(Value::map({{"CodeDeployLambdaAliasUpdate", Value(std::move(update))}}));
}

}  // namespace cdk::codedeploy
