#pragma once
/// cdk::codedeploy::TriggerProps: an SNS notification of deployment or
/// instance events of a deployment group.
///
///   group.add_trigger({.trigger_name = "deployment-failed", .topic = alerts,
///                      .events = {cdk::codedeploy::TriggerEvent::DeploymentFailure}});
///
/// The group's service role is granted sns:Publish on the topic, and the
/// group waits for that grant (CodeDeploy checks it when the group is made).
/// A group takes at most 10 triggers, each with a unique name.
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::sns {
class Topic;
}

namespace cdk::codedeploy {

enum class TriggerEvent : std::uint8_t {
  DeploymentStart,
  DeploymentSuccess,
  DeploymentFailure,
  DeploymentStop,
  DeploymentRollback,
  DeploymentReady,
  InstanceStart,
  InstanceSuccess,
  InstanceFailure,
  InstanceReady,
};

/// "DeploymentFailure", ... as CloudFormation spells them.
constexpr const char* trigger_event_name(TriggerEvent event) noexcept {
  switch (event) {
    case TriggerEvent::DeploymentStart: return "DeploymentStart";
    case TriggerEvent::DeploymentSuccess: return "DeploymentSuccess";
    case TriggerEvent::DeploymentFailure: return "DeploymentFailure";
    case TriggerEvent::DeploymentStop: return "DeploymentStop";
    case TriggerEvent::DeploymentRollback: return "DeploymentRollback";
    case TriggerEvent::DeploymentReady: return "DeploymentReady";
    case TriggerEvent::InstanceStart: return "InstanceStart";
    case TriggerEvent::InstanceSuccess: return "InstanceSuccess";
    case TriggerEvent::InstanceFailure: return "InstanceFailure";
    case TriggerEvent::InstanceReady: return "InstanceReady";
  }
  return "DeploymentFailure";
}

struct TriggerProps {
  std::string trigger_name{};            ///< unique in the group; required
  Ptr<sns::Topic> topic{};               ///< where the notifications go; required
  List<TriggerEvent> events{};           ///< default: DeploymentFailure only
};

}  // namespace cdk::codedeploy

CDKPP_EXTERN_VECTOR(cdk::codedeploy::TriggerEvent);
CDKPP_EXTERN_VECTOR(cdk::codedeploy::TriggerProps);
