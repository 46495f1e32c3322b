#include <cdk/codepipeline_actions/manual_approval_action.hpp>

#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sns/topic.hpp>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig ManualApprovalAction::bind(const codepipeline::ActionBindOptions& o) const {
  if (additional_information.size() > 512)
    throw Error(o.scope.node().path(), "additional_information is longer than CodePipeline's 512 characters",
                "shorten it, or link to the details with external_entity_link");
  Value::Map config;
  if (notification_topic) {
    notification_topic->grant_publish(o.role);
    config.emplace_back("NotificationArn", notification_topic->topic_arn());
  }
  if (!additional_information.empty()) config.emplace_back("CustomData", additional_information);
  if (!external_entity_link.is_null()) config.emplace_back("ExternalEntityLink", external_entity_link);
  return {.category = codepipeline::ActionCategory::Approval, .provider = "Manual",
          .configuration = config.empty() ? Value() : Value(std::move(config))};
}

}  // namespace cdk::codepipeline_actions
