#pragma once
/// What an events::Rule can invoke; pass one to Rule::add_target.
///
///   rule.add_target(cdk::events::SqsQueueTarget{.queue = jobs});
///   rule.add_target(cdk::events::LambdaFunctionTarget{.function = cleanup});
///   rule.add_target(cdk::events::SnsTopicTarget{.topic = alerts,
///       .message = cdk::Value::map({{"text", "nightly export started"}})});
///   auto& export_task = rule.add_target(cdk::events::EcsTaskTarget{
///       .cluster = cluster, .task_definition = worker_task,
///       .container_overrides = {{.container_name = "worker", .command = {"php", "artisan", "export"},
///                                .environment = {{"EXPORT_BUCKET", bucket.bucket_name()}}}}});
///   db.connections().allow_default_port_from(export_task);
///
/// Each target may send failed deliveries to an SQS dead-letter queue and set
/// EventBridge's retry policy. The rule names its targets "Target0",
/// "Target1", ... as the AWS CDK does; a rule takes at most five.
#include <cdk/container_instances.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ecs/launch_type.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::lambda {
class Function;
}
namespace cdk::sqs {
class Queue;
}
namespace cdk::sns {
class Topic;
}
namespace cdk::ecs {
class Cluster;
class TaskDefinition;
}
namespace cdk::ec2 {
class SecurityGroup;
}
namespace cdk::iam {
class Role;
}

namespace cdk::events {

/// Sends the event (or `message`) to a queue. The queue's policy lets
/// events.amazonaws.com send from this rule only (aws:SourceArn).
struct SqsQueueTarget {
  Ptr<sqs::Queue> queue{};                          ///< required; not encrypted with alias/aws/sqs
  Value message{};                                  ///< a string or map, sent as JSON; default the event itself
  std::string message_group_id{};                   ///< FIFO queues only, and required there; default none
  Ptr<sqs::Queue> dead_letter_queue{};              ///< where undeliverable events go; default none
  Optional<std::int64_t> retry_attempts{};          ///< 0-185; default not set (EventBridge: 185)
  Optional<std::int64_t> max_event_age_seconds{};       ///< 60-86400; default not set (EventBridge: 86400)
};

/// Invokes a function with the event (or `message`). The permission that lets
/// events.amazonaws.com invoke it from this rule only (SourceArn) is made in
/// the rule, `<Rule>/AllowEventRule<function's unique id>`, as the AWS CDK
/// does, so a function in another stack takes no reference back to the rule.
struct LambdaFunctionTarget {
  Ptr<lambda::Function> function{};                 ///< required
  Value message{};                                  ///< a string or map, sent as JSON; default the event itself
  Ptr<sqs::Queue> dead_letter_queue{};              ///< where undeliverable events go; default none
  Optional<std::int64_t> retry_attempts{};          ///< 0-185; default not set (EventBridge: 185)
  Optional<std::int64_t> max_event_age_seconds{};       ///< 60-86400; default not set (EventBridge: 86400)
};

/// Publishes the event (or `message`) to a topic; its policy lets
/// events.amazonaws.com publish.
struct SnsTopicTarget {
  Ptr<sns::Topic> topic{};                          ///< required
  Value message{};                                  ///< a string or map, sent as JSON; default the event itself
  Ptr<sqs::Queue> dead_letter_queue{};              ///< where undeliverable events go; default none
  Optional<std::int64_t> retry_attempts{};          ///< 0-185; default not set (EventBridge: 185)
  Optional<std::int64_t> max_event_age_seconds{};       ///< 60-86400; default not set (EventBridge: 86400)
};

/// What a run of the task changes in one of its containers.
struct ContainerOverride {
  std::string container_name{};                     ///< a container of the task definition; required
  List<Value> command{};                            ///< replaces the container's command; default unchanged
  std::map<std::string, Value> environment{};       ///< added to or replacing its variables; default none
  Optional<std::int64_t> cpu{};                     ///< CPU units; default unchanged
  Optional<std::int64_t> memory_limit_mib{};        ///< hard limit; default unchanged
  Optional<std::int64_t> memory_reservation_mib{};       ///< soft limit; default unchanged
};

/// Runs `task_count` copies of a task definition in a cluster. EventBridge
/// assumes a role (`<TaskDefinition>/EventsRole` unless `role` is given) that
/// may only run this task definition in this cluster (ecs:RunTask with
/// ArnEquals on ecs:cluster, as the AWS CDK writes it), tag the tasks, and
/// pass the task's task and execution roles. Unlike the AWS CDK, the task role
/// is passed for EC2 tasks too (RunTask needs it there as well). Add the target
/// after the task definition's containers: overrides are checked against
/// them, and an execution role made later is an error at synthesis.
/// platform_version stays a string because Fargate adds versions over time.
struct EcsTaskTarget {
  Ptr<ecs::Cluster> cluster{};                      ///< required; awsvpc tasks need its VPC
  Ptr<ecs::TaskDefinition> task_definition{};       ///< required
  std::int64_t task_count = 1;                      ///< 1-10; default 1
  List<ContainerOverride> container_overrides{};         ///< one per container at most; default none
  ec2::SubnetSelection subnets{};                   ///< awsvpc only; default private subnets with egress (public ones with assign_public_ip)
  List<Ptr<ec2::SecurityGroup>> security_groups{};         ///< awsvpc only; default `<TaskDefinition>/SecurityGroup`, made once
  Optional<bool> assign_public_ip{};                ///< Fargate only; default true in public subnets, else false
  Optional<ecs::LaunchType> launch_type{};          ///< default the task definition's
  std::string platform_version{};                   ///< Fargate: "LATEST" or "1.4.0"; default not set (LATEST)
  Ptr<iam::Role> role{};                            ///< assumed by EventBridge; default `<TaskDefinition>/EventsRole`
  Ptr<sqs::Queue> dead_letter_queue{};              ///< where undeliverable events go; default none
  Optional<std::int64_t> retry_attempts{};          ///< 0-185; default not set (EventBridge: 185)
  Optional<std::int64_t> max_event_age_seconds{};       ///< 60-86400; default not set (EventBridge: 86400)
};

}  // namespace cdk::events

CDKPP_EXTERN_VECTOR(cdk::events::ContainerOverride);
