#pragma once
/// What a load-balanced pattern needs to make its own task definition (the AWS
/// CDK's ApplicationLoadBalancedTaskImageOptions and
/// NetworkLoadBalancedTaskImageOptions, which are the same fields):
///
///   .task_image_options = cdk::ecs_patterns::TaskImageOptions{
///       .image = cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
///       .container_port = 8080,
///       .environment = {{"STAGE", "prod"}},
///       .secrets = {{"DB_PASSWORD", cdk::ecs::Secret::from_secrets_manager(db_secret, "password")}}}
///
/// The container is `<pattern>/TaskDef/<container_name>`; with logging on, its
/// log group is `<pattern>/TaskDef/<container_name>/LogGroup` and the stream
/// prefix is the pattern's id, as in the AWS CDK.
///
/// Not supported yet: an existing task or execution role (grant to the task
/// definition instead: `bucket.grant_read(web.task_definition())`), Docker
/// labels and ephemeral storage (cdk::ecs's containers do not take them yet).
#include <cdk/ecs/container_image.hpp>
#include <cdk/ecs/log_driver.hpp>
#include <cdk/ecs/secret.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::ecs_patterns {

struct TaskImageOptions {
  ecs::ContainerImage image{};                      ///< required
  std::string container_name = "web";               ///< also the container's construct id; default "web"
  std::int64_t container_port = 80;                 ///< 1-65535, the port the load balancer sends to; default 80
  std::map<std::string, Value> environment{};       ///< plain variables; default none
  std::map<std::string, ecs::Secret> secrets{};     ///< variables read from Secrets Manager or SSM at start; default none
  bool enable_logging = true;                       ///< awslogs to a new log group; default true
  Optional<ecs::LogDriver> log_driver{};            ///< replaces the default awslogs driver; default none
  std::string family{};                             ///< the task definition family; default a unique name from the path
  List<std::string> command{};                      ///< default the image's CMD
  List<std::string> entry_point{};                  ///< default the image's ENTRYPOINT
};

using ApplicationLoadBalancedTaskImageOptions = TaskImageOptions;
using NetworkLoadBalancedTaskImageOptions = TaskImageOptions;

}  // namespace cdk::ecs_patterns
