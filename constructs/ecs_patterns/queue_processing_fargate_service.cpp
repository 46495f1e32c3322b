#include <cdk/ecs_patterns/queue_processing_fargate_service.hpp>

#include <cdk/cfn_output.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs/scalable_task_count.hpp>
#include <cdk/ecs_patterns/detail/common.hpp>
#include <cdk/error.hpp>
#include <cdk/sqs/queue.hpp>

#include <string>

namespace cdk::ecs_patterns {

namespace {
constexpr std::int64_t default_dead_letter_retention_seconds = 14 * 24 * 3600;  // the AWS CDK's 14 days
constexpr std::int64_t default_max_receive_count = 3;
constexpr const char* queue_name_variable = "QUEUE_NAME";
}  // namespace

QueueProcessingFargateService::QueueProcessingFargateService(Construct& scope, std::string_view id,
                                                             const QueueProcessingFargateServiceProps& props)
    : Construct(scope, id) {
  check(props);
  cluster_ = &detail::resolve_cluster(*this, props.cluster, props.vpc);
  make_queues(props);
  if (props.task_definition)
    task_definition_ = props.task_definition.get();
  else
    make_task_definition(props);
  make_service(props);
  make_scaling(props);
  queue_->grant_consume_messages(*task_definition_);
}

void QueueProcessingFargateService::check(const Props& p) const {
  const auto path = node().path();
  detail::check_task_source(*this, bool(p.task_definition), !p.image.empty(), "image");
  detail::check_task_size(*this, bool(p.task_definition), p.cpu, p.memory_limit_mib, !p.family.empty());
  if (p.task_definition && (!p.command.empty() || !p.environment.empty() || !p.secrets.empty() || p.log_driver ||
                            p.health_check || p.container_name != "QueueProcessingContainer"))
    throw Error(path, "container settings were given with an existing task definition",
                "set them on the task definition's container (and QUEUE_NAME with it), or drop them here");
  if (p.queue && (p.retention_period_seconds || p.visibility_timeout_seconds || p.max_receive_count))
    throw Error(path, "retention_period_seconds, visibility_timeout_seconds and max_receive_count shape a queue made here",
                "set them on the given queue, or drop .queue");
  if (p.min_scaling_capacity < 0 || p.max_scaling_capacity < 1 || p.max_scaling_capacity < p.min_scaling_capacity)
    throw Error(path,
                "scaling between " + std::to_string(p.min_scaling_capacity) + " and " +
                    std::to_string(p.max_scaling_capacity) + " tasks is not a range",
                "use 0 <= min_scaling_capacity <= max_scaling_capacity and max_scaling_capacity >= 1");
  if (!p.disable_cpu_based_scaling && (p.cpu_target_utilization_percent <= 0 || p.cpu_target_utilization_percent > 100))
    throw Error(path, "cpu_target_utilization_percent must be above 0 and at most 100", "e.g. 50 (the default)");
  if (p.environment.count(queue_name_variable))
    throw Error(path, "QUEUE_NAME is set by the pattern to the queue's name", "name your variable differently");
}

void QueueProcessingFargateService::make_queues(const Props& p) {
  if (p.queue) {
    queue_ = p.queue.get();
  } else {
    dead_letter_queue_ = &add<sqs::Queue>(
        "EcsProcessingDeadLetterQueue",
        {.retention_period_seconds = p.retention_period_seconds.value_or(default_dead_letter_retention_seconds)});
    queue_ = &add<sqs::Queue>(
        "EcsProcessingQueue",
        {.visibility_timeout_seconds = p.visibility_timeout_seconds,
         .dead_letter_queue = sqs::DeadLetterQueue{.queue = *dead_letter_queue_,
                                                   .max_receive_count = p.max_receive_count.value_or(default_max_receive_count)}});
    add<CfnOutput>("SQSDeadLetterQueue", {.value = dead_letter_queue_->queue_name()});
    add<CfnOutput>("SQSDeadLetterQueueArn", {.value = dead_letter_queue_->queue_arn()});
  }
  add<CfnOutput>("SQSQueue", {.value = queue_->queue_name()});
  add<CfnOutput>("SQSQueueArn", {.value = queue_->queue_arn()});
}

void QueueProcessingFargateService::make_task_definition(const Props& p) {
  task_definition_ = &add<ecs::FargateTaskDefinition>("QueueProcessingTaskDef", {.cpu = p.cpu,
                                                                                  .memory_limit_mib = p.memory_limit_mib,
                                                                                  .family = p.family,
                                                                                  .cpu_architecture = p.cpu_architecture});
  auto environment = p.environment;
  environment.emplace(queue_name_variable, queue_->queue_name());
  std::optional<ecs::LogDriver> logging = p.log_driver;
  if (!logging && p.enable_logging) logging = detail::default_log_driver(*this);
  task_definition_->add_container(p.container_name, {.image = p.image,
                                                     .environment = std::move(environment),
                                                     .secrets = p.secrets,
                                                     .logging = std::move(logging),
                                                     .health_check = p.health_check,
                                                     .command = p.command});
}

void QueueProcessingFargateService::make_service(const Props& p) {
  service_ = &add<ecs::FargateService>("QueueProcessingFargateService",
                                       {.cluster = *cluster_,
                                        .task_definition = *task_definition_,
                                        .subnets = p.task_subnets,
                                        .assign_public_ip = p.assign_public_ip,
                                        .security_groups = p.security_groups,
                                        .min_healthy_percent = p.min_healthy_percent,
                                        .max_healthy_percent = p.max_healthy_percent,
                                        .circuit_breaker_rollback = p.circuit_breaker_rollback,
                                        .service_name = p.service_name,
                                        .enable_execute_command = p.enable_execute_command});
}

void QueueProcessingFargateService::make_scaling(const Props& p) {
  scaling_ = &service_->auto_scale_task_count({.min_capacity = p.min_scaling_capacity, .max_capacity = p.max_scaling_capacity});
  if (!p.disable_cpu_based_scaling)
    scaling_->scale_on_cpu_utilization("CpuScaling", {.target_percent = p.cpu_target_utilization_percent});
  scaling_->scale_on_queue_depth("QueueMessagesVisibleScaling", *queue_,
                                 {.scaling_steps = p.scaling_steps, .cooldown_seconds = p.cooldown_seconds});
}

}  // namespace cdk::ecs_patterns
