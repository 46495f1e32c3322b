#pragma once
// The service both load-balanced patterns make (internal: not included by
// public headers): their props share these fields by name.
#include <cdk/construct.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/elbv2/target_group.hpp>

namespace cdk::ecs_patterns::detail {

/// `<pattern>/Service` running `task` in `cluster`, a target of `group`.
template <class Props>
ecs::FargateService& make_load_balanced_service(Construct& pattern, ecs::Cluster& cluster,
                                                ecs::FargateTaskDefinition& task, elbv2::TargetGroup& group,
                                                const Props& p) {
  auto& service = pattern.add<ecs::FargateService>("Service", {.cluster = cluster,
                                                               .task_definition = task,
                                                               .desired_count = p.desired_count,
                                                               .subnets = p.task_subnets,
                                                               .assign_public_ip = p.assign_public_ip,
                                                               .security_groups = p.security_groups,
                                                               .min_healthy_percent = p.min_healthy_percent,
                                                               .max_healthy_percent = p.max_healthy_percent,
                                                               .circuit_breaker_rollback = p.circuit_breaker_rollback,
                                                               .health_check_grace_period_seconds = p.health_check_grace_period_seconds,
                                                               .service_name = p.service_name,
                                                               .enable_execute_command = p.enable_execute_command,
                                                               .cloud_map_options = p.cloud_map_options});
  group.add_target(service);
  return service;
}

}  // namespace cdk::ecs_patterns::detail
