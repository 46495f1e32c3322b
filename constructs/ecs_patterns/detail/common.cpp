#include <cdk/ecs_patterns/detail/common.hpp>

#include <cdk/ec2/ivpc.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/ecs_patterns/task_image_options.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include <string>

namespace cdk::ecs_patterns::detail {

ecs::Cluster& resolve_cluster(const Construct& pattern, Ptr<ecs::Cluster> cluster, Ptr<ec2::IVpc> vpc) {
  const auto path = pattern.node().path();
  if (cluster && vpc)
    throw Error(path, "both cluster and vpc were given", "give the cluster (its VPC is used) or the VPC, not both");
  if (cluster) {
    if (!cluster->vpc())
      throw Error(path, "the cluster " + cluster->node().path() + " has no VPC for the tasks",
                  "create the cluster with .vpc = vpc");
    return *cluster;
  }
  // The AWS CDK also makes a VPC (with NAT gateways) when given neither; here
  // the VPC is always the user's choice.
  if (!vpc)
    throw Error(path, "no cluster and no vpc", "set .cluster = cluster, or .vpc = vpc to run in a cluster made for it");
  const auto* vpc_construct = dynamic_cast<const Construct*>(vpc.get());
  const std::string id =
      std::string(default_cluster_id_prefix) + (vpc_construct ? vpc_construct->node().id() : std::string());
  auto& stack = Stack::of(pattern);
  if (auto* existing = stack.node().try_find_child(id)) {
    auto* found = dynamic_cast<ecs::Cluster*>(existing);
    if (!found || found->vpc() != vpc.get())
      throw Error(path, existing->node().path() + " is not the default cluster of this VPC",
                  "pass .cluster explicitly, or free the id " + id);
    return *found;
  }
  return stack.add<ecs::Cluster>(id, {.vpc = vpc});
}

void check_task_source(const Construct& pattern, bool has_task_definition, bool has_image, std::string_view image_field) {
  const auto path = pattern.node().path();
  const std::string field(image_field);
  if (has_task_definition && has_image)
    throw Error(path, "both task_definition and " + field + " were given",
                "give an existing task definition or an image for one made here, not both");
  if (!has_task_definition && !has_image)
    throw Error(path, "no image and no task definition",
                "set ." + field + " (e.g. cdk::ecs::ContainerImage::from_registry(\"nginx\")) or .task_definition");
}

void check_task_size(const Construct& pattern, bool has_task_definition, std::int64_t cpu, std::int64_t memory_limit_mib,
                     bool family_set) {
  const auto path = pattern.node().path();
  if (has_task_definition) {
    if (cpu != default_cpu || memory_limit_mib != default_memory_limit_mib || family_set)
      throw Error(path, "cpu, memory_limit_mib and family belong to the given task definition",
                  "set them on the FargateTaskDefinition, or drop them here");
    return;
  }
  if (!ecs::FargateTaskDefinition::valid_cpu_memory(cpu, memory_limit_mib))
    throw Error(path,
                "Fargate has no task size of " + std::to_string(cpu) + " CPU units with " +
                    std::to_string(memory_limit_mib) + " MiB",
                "use cpu 256 with memory_limit_mib 512/1024/2048, 512 with 1024-4096, 1024 with 2048-8192, "
                "2048 with 4096-16384, 4096 with 8192-30720 (steps of 1024), 8192 with 16384-61440 (steps of 4096) "
                "or 16384 with 32768-122880 (steps of 8192)");
}

void check_desired_count(const Construct& pattern, std::optional<std::int64_t> desired_count, std::string_view field) {
  if (desired_count && *desired_count < 1)
    throw Error(pattern.node().path(), std::string(field) + " must be at least 1",
                "leave it unset to start one task and keep the running count on deploys");
}

ecs::LogDriver default_log_driver(const Construct& pattern) {
  return ecs::LogDriver::aws_logs({.stream_prefix = pattern.node().id()});
}

ecs::FargateTaskDefinition& make_task_definition(Construct& pattern, const TaskImageOptions& o, std::int64_t cpu,
                                                 std::int64_t memory_limit_mib, ecs::CpuArchitecture cpu_architecture) {
  const auto path = pattern.node().path();
  if (o.image.empty())
    throw Error(path, "task_image_options has no image",
                "set .image, e.g. cdk::ecs::ContainerImage::from_registry(\"nginx\")");
  if (o.container_port < 1 || o.container_port > 65535)
    throw Error(path, "container_port " + std::to_string(o.container_port) + " is out of range", "use 1-65535");
  if (o.container_name.empty()) throw Error(path, "container_name is empty", "leave the default \"web\" or name it");
  auto& task = pattern.add<ecs::FargateTaskDefinition>(
      "TaskDef", {.cpu = cpu, .memory_limit_mib = memory_limit_mib, .family = o.family, .cpu_architecture = cpu_architecture});
  std::optional<ecs::LogDriver> logging = o.log_driver;
  if (!logging && o.enable_logging) logging = default_log_driver(pattern);
  task.add_container(o.container_name, {.image = o.image,
                                        .port_mappings = {{.container_port = o.container_port}},
                                        .environment = o.environment,
                                        .secrets = o.secrets,
                                        .logging = logging,
                                        .command = o.command,
                                        .entry_point = o.entry_point});
  return task;
}

}  // namespace cdk::ecs_patterns::detail
