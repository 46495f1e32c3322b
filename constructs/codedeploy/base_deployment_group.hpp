#pragma once
/// What server and ECS deployment groups share: the service role (assumed by
/// codedeploy.amazonaws.com, with the platform's AWS managed policy), the
/// application, CloudWatch alarms that stop a deployment, automatic rollback,
/// SNS triggers, and the values others refer to.
///
///   group.add_alarm(errors);                 // a cdk::cloudwatch::Alarm; up to 10
///   group.add_trigger({.trigger_name = "failed", .topic = alerts});
///   stack.add<cdk::CfnOutput>("Group", {.value = group.deployment_group_name()});
///
/// Alarms render as the AWS CDK renders them with its
/// @aws-cdk/aws-codedeploy:removeAlarmsFromDeploymentGroup flag on (a new
/// project's default): AlarmConfiguration is always written, enabled only when
/// there are alarms, so removing the last alarm turns checking off.
#include <cdk/codedeploy/auto_rollback_config.hpp>
#include <cdk/codedeploy/compute_platform.hpp>
#include <cdk/codedeploy/deployment_config.hpp>
#include <cdk/codedeploy/trigger.hpp>
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cdk::cloudwatch {
class Alarm;
}
namespace cdk::iam {
class Role;
}

// Before the props below: a list field's {} default uses the library's
// constructors only where the compiler has seen this first.
CDKPP_EXTERN_VECTOR(cdk::Ptr<cdk::cloudwatch::Alarm>);

namespace cdk::codedeploy {

class BaseApplication;
class CfnDeploymentGroup;

class BaseDeploymentGroup : public Construct {
 public:
  static constexpr std::size_t max_alarms = 10;
  static constexpr std::size_t max_triggers = 10;

  /// {"Ref": group}: its name.
  [[nodiscard]] Value deployment_group_name() const;
  /// arn:<partition>:codedeploy:<region>:<account>:deploymentgroup:<application>/<group>.
  [[nodiscard]] Value deployment_group_arn() const;
  [[nodiscard]] BaseApplication& application() const noexcept { return *application_; }
  /// The service role (made as `<id>/Role` or `<id>/ServiceRole`, or the one given).
  [[nodiscard]] iam::Role& role() const noexcept { return *role_; }
  /// The deployment configuration set on the group, or nullptr when CodeDeploy's default applies.
  [[nodiscard]] const DeploymentConfigRef* deployment_config() const noexcept {
    return config_ ? &*config_ : nullptr;
  }

  /// An alarm that stops deployments when it fires (and rolls them back, by default).
  void add_alarm(cloudwatch::Alarm& alarm);
  /// Notifies an SNS topic of deployment or instance events.
  void add_trigger(TriggerProps trigger);

  /// The L1 AWS::CodeDeploy::DeploymentGroup (escape hatch).
  [[nodiscard]] CfnDeploymentGroup& cfn() noexcept { return *resource_; }
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 protected:
  /// Alarm, rollback and trigger settings, as both groups' props hold them.
  struct Settings {
    std::vector<Ptr<cloudwatch::Alarm>> alarms;
    bool ignore_poll_alarms_failure = false;
    bool ignore_alarm_configuration = false;
    AutoRollbackConfig auto_rollback;
    std::vector<TriggerProps> triggers;
  };

  BaseDeploymentGroup(Construct& scope, std::string_view id, ComputePlatform platform, const std::string& name);
  /// The given role, or `<role_id>`; either way with the AWS managed policy `managed_policy`.
  void make_role(Ptr<iam::Role> given, std::string_view role_id, std::string_view managed_policy);
  /// Throws unless `config` is for this group's compute platform; keeps it.
  void use_config(std::optional<DeploymentConfigRef> config);
  void set_application(BaseApplication& application) noexcept { application_ = &application; }
  /// Called once the derived class made `<id>/Resource`: adds alarms, rollback and triggers.
  void finish(CfnDeploymentGroup& resource, Settings settings);

 private:
  void render_alarms();
  ComputePlatform platform_;
  iam::Role* role_ = nullptr;
  BaseApplication* application_ = nullptr;
  std::optional<DeploymentConfigRef> config_;
  CfnDeploymentGroup* resource_ = nullptr;
  Settings settings_;
  std::vector<cloudwatch::Alarm*> alarms_;
};

}  // namespace cdk::codedeploy
