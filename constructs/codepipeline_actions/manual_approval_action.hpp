#pragma once
/// An approval action: the pipeline waits until someone approves or rejects
/// it in the console or API, optionally telling an SNS topic first.
///
///   prod_stage.add_action(cdk::codepipeline_actions::ManualApprovalAction{
///       .action_name = "Approve", .notification_topic = releases,
///       .additional_information = "Check the staging dashboards first"});
///
/// Its role may publish to the topic only (as the AWS CDK grants). The AWS
/// CDK's notifyEmails (a topic made with e-mail subscriptions) is not
/// supported: pass a topic with the subscriptions.
#include <cdk/codepipeline/action.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::sns {
class Topic;
}

namespace cdk::codepipeline_actions {

struct ManualApprovalAction {
  std::string action_name{};                ///< required
  Ptr<sns::Topic> notification_topic{};     ///< told when approval is needed; default none
  std::string additional_information{};     ///< shown to the approver; default none
  Value external_entity_link{};             ///< a URL to review; default none
  Optional<std::int64_t> run_order{};       ///< default 1
  std::string variables_namespace{};        ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
