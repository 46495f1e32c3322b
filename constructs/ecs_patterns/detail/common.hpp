#pragma once
// Steps every ecs_patterns construct shares (internal: not included by public headers).
#include <cdk/construct.hpp>
#include <cdk/ecs/log_driver.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace cdk::ec2 {
class IVpc;
}
namespace cdk::ecs {
class Cluster;
class FargateTaskDefinition;
enum class CpuArchitecture;
}
namespace cdk::ecs_patterns {
struct TaskImageOptions;
}

namespace cdk::ecs_patterns::detail {

/// The id the AWS CDK gives the cluster a pattern makes for a VPC, directly in
/// the stack, followed by the VPC's construct id: every pattern of the stack
/// given the same VPC shares that cluster.
inline constexpr std::string_view default_cluster_id_prefix = "EcsDefaultClusterMnL3mNNYN";

/// The Fargate task size the AWS CDK's patterns default to.
inline constexpr std::int64_t default_cpu = 256;
inline constexpr std::int64_t default_memory_limit_mib = 512;

/// `cluster`, else the stack's default cluster for `vpc`; one of them, not both.
/// Throws at the pattern's path otherwise, or when the cluster has no VPC.
ecs::Cluster& resolve_cluster(const Construct& pattern, Ptr<ecs::Cluster> cluster, Ptr<ec2::IVpc> vpc);

/// Exactly one of an existing task definition and an image; `image_field`
/// names the props field that takes the image.
void check_task_source(const Construct& pattern, bool has_task_definition, bool has_image, std::string_view image_field);

/// The task size of a task definition the pattern makes: one Fargate offers.
/// With an existing task definition, the size and family are the task
/// definition's, so setting them here is an error rather than ignored.
void check_task_size(const Construct& pattern, bool has_task_definition, std::int64_t cpu, std::int64_t memory_limit_mib,
                     bool family_set);

/// A desired count, when given, of at least 1 (as the AWS CDK's patterns require).
void check_desired_count(const Construct& pattern, std::optional<std::int64_t> desired_count, std::string_view field);

/// The AWS CDK's default log driver for a pattern's container: awslogs to a new
/// group next to the container, the pattern's id as stream prefix.
ecs::LogDriver default_log_driver(const Construct& pattern);

/// The load-balanced patterns' task definition `<pattern>/TaskDef` with one
/// container `<container_name>` mapping container_port (checked: 1-65535, an image).
ecs::FargateTaskDefinition& make_task_definition(Construct& pattern, const TaskImageOptions& options, std::int64_t cpu,
                                                 std::int64_t memory_limit_mib, ecs::CpuArchitecture cpu_architecture);

}  // namespace cdk::ecs_patterns::detail
