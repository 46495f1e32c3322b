#include <cdk/ecs_patterns/scheduled_fargate_task.hpp>

#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs_patterns/detail/common.hpp>
#include <cdk/error.hpp>
#include <cdk/events/rule.hpp>

#include <string>

namespace cdk::ecs_patterns {

namespace {
constexpr std::int64_t max_tasks_per_run = 10;  // RunTask's limit
}  // namespace

ScheduledFargateTask::ScheduledFargateTask(Construct& scope, std::string_view id, const ScheduledFargateTaskProps& props)
    : Construct(scope, id) {
  check(props);
  cluster_ = &detail::resolve_cluster(*this, props.cluster, props.vpc);
  rule_ = &add<events::Rule>("ScheduledEventRule",
                             {.schedule = props.schedule, .enabled = props.enabled, .rule_name = props.rule_name});
  if (props.task_definition)
    task_definition_ = props.task_definition.get();
  else
    make_task_definition(props);
  connections_ = &rule_->add_target(events::EcsTaskTarget{.cluster = *cluster_,
                                                          .task_definition = *task_definition_,
                                                          .task_count = props.desired_task_count,
                                                          .subnets = props.subnet_selection,
                                                          .security_groups = props.security_groups,
                                                          .platform_version = props.platform_version});
}

void ScheduledFargateTask::check(const Props& p) const {
  const auto path = node().path();
  if (!p.schedule)
    throw Error(path, "no schedule", "set .schedule, e.g. cdk::events::Schedule::cron({.minute = \"0\", .hour = \"3\"})");
  detail::check_task_source(*this, bool(p.task_definition), !p.image.empty(), "image");
  detail::check_task_size(*this, bool(p.task_definition), p.cpu, p.memory_limit_mib, false);
  if (p.task_definition && (!p.command.empty() || !p.environment.empty() || !p.secrets.empty() || p.log_driver))
    throw Error(path, "container settings were given with an existing task definition",
                "set them on the task definition's container, or drop them here");
  if (p.desired_task_count < 1 || p.desired_task_count > max_tasks_per_run)
    throw Error(path, "desired_task_count " + std::to_string(p.desired_task_count) + " is outside 1-10",
                "ECS starts at most 10 tasks per run");
}

void ScheduledFargateTask::make_task_definition(const Props& p) {
  task_definition_ = &add<ecs::FargateTaskDefinition>(
      "ScheduledTaskDef", {.cpu = p.cpu, .memory_limit_mib = p.memory_limit_mib, .cpu_architecture = p.cpu_architecture});
  std::optional<ecs::LogDriver> logging = p.log_driver;
  if (!logging && p.enable_logging) logging = detail::default_log_driver(*this);
  task_definition_->add_container("ScheduledContainer", {.image = p.image,
                                                         .environment = p.environment,
                                                         .secrets = p.secrets,
                                                         .logging = std::move(logging),
                                                         .command = p.command});
}

}  // namespace cdk::ecs_patterns
