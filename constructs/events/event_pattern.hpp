#pragma once
/// cdk::events::EventPattern: which events a rule matches.
///
///   cdk::events::EventPattern{
///       .source = {"aws.ecs"},
///       .detail_type = {"ECS Task State Change"},
///       .detail = cdk::Value::map({{"lastStatus", cdk::Value::list({"STOPPED"})},
///                                  {"clusterArn", cdk::Value::list({cluster.cluster_arn()})}})}
///
/// Each list matches any of its values; detail is matched field by field, every
/// leaf a list of values or matchers (`{"prefix": "prod-"}`, `{"exists": true}`):
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
/// Rendered in this order: source, detail-type, account, region, resources, detail.
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <vector>

namespace cdk::events {

struct EventPattern {
  List<Value> source{};              ///< e.g. "aws.ec2" or "com.example.orders"; default any source
  List<Value> detail_type{};         ///< e.g. "EC2 Instance State-change Notification"; default any
  Value detail{};                    ///< a map whose leaves are lists; default any detail
  List<Value> account{};             ///< default any account
  List<Value> region{};              ///< default any region
  List<Value> resources{};           ///< ARNs the event names; default any

  /// True when no field is set (the pattern would match nothing: EventBridge refuses it).
  [[nodiscard]] bool empty() const noexcept {
    return source.empty() && detail_type.empty() && detail.is_null() && account.empty() && region.empty() &&
           resources.empty();
  }
};

}  // namespace cdk::events
