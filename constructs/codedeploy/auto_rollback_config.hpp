#pragma once
/// cdk::codedeploy::AutoRollbackConfig: when CodeDeploy redeploys the last
/// good revision by itself. The defaults are the AWS CDK's: roll back failed
/// deployments, and deployments stopped by an alarm when the group has alarms;
/// not deployments a person stopped.
///
///   .auto_rollback = {.stopped_deployment = true}
///   .auto_rollback = {.failed_deployment = false, .deployment_in_alarm = false}   // never
#include <cdk/optional.hpp>

namespace cdk::codedeploy {

struct AutoRollbackConfig {
  bool failed_deployment = true;             ///< roll back a deployment that fails; default true
  bool stopped_deployment = false;           ///< roll back a deployment stopped by hand; default false
  Optional<bool> deployment_in_alarm{};      ///< roll back when an alarm stops it (needs alarms); default: on when the group has alarms
};

}  // namespace cdk::codedeploy
