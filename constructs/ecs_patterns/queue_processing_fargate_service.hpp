#pragma once
/// cdk::ecs_patterns::QueueProcessingFargateService: Fargate workers that take
/// jobs from an SQS queue and scale with its backlog, the AWS CDK's pattern of
/// that name.
///
///   auto& worker = stack.add<cdk::ecs_patterns::QueueProcessingFargateService>("Worker", {
///       .cluster = cluster,
///       .image = cdk::ecs::ContainerImage::from_asset("worker"),
///       .max_scaling_capacity = 10});
///   worker.sqs_queue().grant_send_messages(api.task_definition());   // producers
///
/// Unless given a queue, it makes `EcsProcessingQueue` with a dead-letter queue
/// `EcsProcessingDeadLetterQueue` (kept 14 days, after 3 failed receives), both
/// SSE-SQS and TLS-only (the sqs::Queue defaults), and the outputs `SQSQueue`,
/// `SQSQueueArn`, `SQSDeadLetterQueue` and `SQSDeadLetterQueueArn` (only the
/// first two for a given queue). The container (`QueueProcessingTaskDef/
/// QueueProcessingContainer`) gets the queue's name as QUEUE_NAME; the task
/// role may consume from the queue (receive, delete, change visibility) and
/// nothing else. The service (`QueueProcessingFargateService`) scales between
/// min and max_scaling_capacity: step scaling on the visible messages (the AWS
/// CDK's steps: 0 messages -1 task, 100 or more +1, 500 or more +5, under
/// `TaskCount/Target/QueueMessagesVisibleScaling`, at aws-cdk-lib's ids) and
/// target tracking of 50% CPU (`TaskCount/Target/CpuScaling`, also at
/// aws-cdk-lib's id).
///
/// Where cdkpp differs from the AWS CDK, on purpose: a cluster or VPC must be
/// given (no VPC made behind your back); deployments roll back on failure and
/// keep 100% of the tasks healthy; the queues are TLS-only. The desired count
/// is never written: auto scaling owns it (aws-cdk-lib does the same with
/// @aws-cdk/aws-ecs:removeDefaultDesiredCount).
///
/// Bad input is a cdk::Error at the pattern's path: both or neither of
/// task_definition and image, container settings with a task definition, a
/// task size Fargate does not offer, queue settings with a given queue, a
/// scaling range with max below min or below 1.
///
/// Not supported yet: capacity provider strategies, platform version, tag
/// propagation, an existing task or execution role.
#include <cdk/autoscaling/scaling_interval.hpp>
#include <cdk/construct.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/container_image.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/ecs/log_driver.hpp>
#include <cdk/ecs/secret.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::ec2 {
class IVpc;
class SecurityGroup;
}
namespace cdk::ecs {
class Cluster;
class FargateService;
class ScalableTaskCount;
}
namespace cdk::sqs {
class Queue;
}

namespace cdk::ecs_patterns {

struct QueueProcessingFargateServiceProps {
  Ptr<ecs::Cluster> cluster{};                      ///< the cluster to run in (it must have a VPC); default the VPC's default cluster
  Ptr<ec2::IVpc> vpc{};                             ///< instead of cluster: run in the stack's default cluster for this VPC; default none
  ecs::ContainerImage image{};                      ///< the worker's image; required unless task_definition
  Ptr<ecs::FargateTaskDefinition> task_definition{};  ///< an existing task definition instead; default none
  std::string container_name = "QueueProcessingContainer";  ///< also its construct id; default "QueueProcessingContainer"
  List<std::string> command{};                      ///< default the image's CMD
  std::map<std::string, Value> environment{};       ///< plain variables, QUEUE_NAME added; default QUEUE_NAME only
  std::map<std::string, ecs::Secret> secrets{};     ///< variables read from Secrets Manager or SSM; default none
  bool enable_logging = true;                       ///< awslogs to a new log group next to the container; default true
  Optional<ecs::LogDriver> log_driver{};            ///< replaces the default awslogs driver; default none
  Optional<ecs::HealthCheck> health_check{};        ///< the container's Docker health check; default none
  std::int64_t cpu = 256;                           ///< CPU units of a task made here; default 256
  std::int64_t memory_limit_mib = 512;              ///< MiB of a task made here; default 512
  std::string family{};                             ///< family of a task made here; default a unique name from the path
  ecs::CpuArchitecture cpu_architecture = ecs::CpuArchitecture::X86_64;  ///< of a task made here; default X86_64
  Ptr<sqs::Queue> queue{};                          ///< an existing queue to work off; default a new one with a dead-letter queue
  Optional<std::int64_t> retention_period_seconds{};         ///< new dead-letter queue only, 60-1209600; default 1209600 (14 days)
  Optional<std::int64_t> visibility_timeout_seconds{};       ///< new queue only, 0-43200; default not set (SQS: 30)
  Optional<std::int64_t> max_receive_count{};                ///< new queue only: receives before a message moves to the dead-letter queue; default 3
  std::int64_t min_scaling_capacity = 1;            ///< at least 0; default 1
  std::int64_t max_scaling_capacity = 2;            ///< at least 1 and min_scaling_capacity; default 2
  List<autoscaling::ScalingInterval> scaling_steps{};         ///< on visible messages; default 0 -> -1, >= 100 +1, >= 500 +5
  Optional<std::int64_t> cooldown_seconds{};        ///< of the queue depth steps; default not set (the service's)
  bool disable_cpu_based_scaling = false;           ///< scale on the queue only; default false
  double cpu_target_utilization_percent = 50;       ///< the CPU target tracking's target, 1-100; default 50
  std::int64_t min_healthy_percent = 100;           ///< during deploys; default 100
  std::int64_t max_healthy_percent = 200;           ///< during deploys; default 200
  bool circuit_breaker_rollback = true;             ///< stop and roll back failing deployments; default true
  bool assign_public_ip = false;                    ///< tasks in public subnets with public IPs; default false
  ec2::SubnetSelection task_subnets{};              ///< default the VPC's private subnets (public ones with assign_public_ip)
  List<Ptr<ec2::SecurityGroup>> security_groups{};         ///< default one made for the service (no ingress)
  bool enable_execute_command = false;              ///< ECS Exec; default false
  std::string service_name{};                       ///< default generated by CloudFormation
};

class QueueProcessingFargateService : public Construct {
 public:
  using Props = QueueProcessingFargateServiceProps;
  QueueProcessingFargateService(Construct& scope, std::string_view id, const QueueProcessingFargateServiceProps& props);

  /// The queue the workers consume (made or given).
  [[nodiscard]] sqs::Queue& sqs_queue() const noexcept { return *queue_; }
  /// The dead-letter queue made with the queue, or nullptr for a given queue.
  [[nodiscard]] sqs::Queue* dead_letter_queue() const noexcept { return dead_letter_queue_; }
  [[nodiscard]] ecs::FargateService& service() const noexcept { return *service_; }
  [[nodiscard]] ecs::FargateTaskDefinition& task_definition() const noexcept { return *task_definition_; }
  [[nodiscard]] ecs::Cluster& cluster() const noexcept { return *cluster_; }
  /// The service's task auto scaling, for more policies.
  [[nodiscard]] ecs::ScalableTaskCount& scaling() const noexcept { return *scaling_; }

 private:
  void check(const Props& props) const;
  void make_queues(const Props& props);
  void make_task_definition(const Props& props);
  void make_service(const Props& props);
  void make_scaling(const Props& props);

  ecs::Cluster* cluster_ = nullptr;
  sqs::Queue* queue_ = nullptr;
  sqs::Queue* dead_letter_queue_ = nullptr;
  ecs::FargateTaskDefinition* task_definition_ = nullptr;
  ecs::FargateService* service_ = nullptr;
  ecs::ScalableTaskCount* scaling_ = nullptr;
};

}  // namespace cdk::ecs_patterns
