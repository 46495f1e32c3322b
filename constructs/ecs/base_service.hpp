#pragma once
/// cdk::ecs::BaseService: what FargateService and Ec2Service share: desired
/// count, zero-downtime deployments (min healthy 100%, max 200%, circuit
/// breaker with rollback), a security group with connections(), attachment to
/// ALB/NLB target groups (elbv2::ILoadBalancerTarget) and task auto scaling.
///
///   listener.add_targets("Web", {.port = 80, .targets = {service}});
///   auto& scaling = service.auto_scale_task_count({.min_capacity = 2, .max_capacity = 10});
///   scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
///   scaling.scale_on_request_count("Requests", {.requests_per_target = 500, .target_group = group});
///
/// Load balancers send traffic to the task definition's default container
/// (the first essential one) on its first port mapping.
#include <cdk/construct.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ecs/launch_type.hpp>
#include <cdk/elbv2/load_balancer_target.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdk {
class CfnResource;
}
namespace cdk::ec2 {
class SecurityGroup;
}
namespace cdk::elbv2 {
class TargetGroup;
}
namespace cdk::applicationautoscaling {
class CfnScalableTarget;
}

namespace cdk::ecs {

class CfnService;
class Cluster;
class TaskDefinition;
class BaseService;

struct CpuScalingProps {
  double target_percent = 70;                      ///< average CPU to keep; default 70
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};
struct MemoryScalingProps {
  double target_percent = 70;                      ///< average memory to keep; default 70
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};
struct RequestCountScalingProps {
  double requests_per_target = 0;                  ///< ALB requests per task to keep; required
  Ptr<elbv2::TargetGroup> target_group{};          ///< an ALB target group this service is attached to; required
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};

struct TaskCountProps {
  std::int64_t min_capacity = 1;  ///< default 1
  std::int64_t max_capacity = 0;  ///< required, >= min_capacity
};

/// Application Auto Scaling of a service's desired count (`<Service>/TaskCount`).
class ScalableTaskCount : public Construct {
 public:
  ScalableTaskCount(Construct& scope, std::string_view id, BaseService& service, TaskCountProps props);
  void scale_on_cpu_utilization(std::string_view id, CpuScalingProps props = {});
  void scale_on_memory_utilization(std::string_view id, MemoryScalingProps props = {});
  void scale_on_request_count(std::string_view id, RequestCountScalingProps props);
  [[nodiscard]] applicationautoscaling::CfnScalableTarget& cfn_target() noexcept { return *target_; }

 private:
  void add_policy(std::string_view id, std::string metric, Value resource_label, double target, std::int64_t in,
                  std::int64_t out, const std::vector<CfnResource*>& depends_on);
  applicationautoscaling::CfnScalableTarget* target_ = nullptr;
};

/// Who rolls out a new task definition: ECS itself (rolling updates), or
/// CodeDeploy (blue/green between two target groups; the service then takes
/// new task definitions only through CodeDeploy deployments).
enum class DeploymentControllerType { Ecs, CodeDeploy };

/// What a service takes, whatever its launch type: FargateServiceProps and
/// Ec2ServiceProps are this type, and the service passes it to BaseService as is.
struct BaseServiceProps {
  Ptr<Cluster> cluster{};                          ///< required; its VPC is used
  Ptr<TaskDefinition> task_definition{};           ///< a FargateTaskDefinition (FargateService) or Ec2TaskDefinition (Ec2Service); required
  /// Default none: a new service starts 1 task, and a deploy leaves the running count (auto
  /// scaling's, say) alone, as aws-cdk-lib does with @aws-cdk/aws-ecs:removeDefaultDesiredCount.
  std::optional<std::int64_t> desired_count{};
  ec2::SubnetSelection subnets{};                  ///< awsvpc tasks only; default the VPC's private subnets
  bool assign_public_ip = false;                   ///< Fargate only; default false
  std::vector<Ptr<ec2::SecurityGroup>> security_groups{};  ///< awsvpc tasks only; default one made for the service
  std::int64_t min_healthy_percent = 100;          ///< default 100 (never below desired during deploys)
  std::int64_t max_healthy_percent = 200;          ///< default 200
  bool circuit_breaker_rollback = true;            ///< stop and roll back failing deployments (ECS controller only); default true
  DeploymentControllerType deployment_controller = DeploymentControllerType::Ecs;  ///< Ecs, or CodeDeploy for blue/green; default Ecs
  std::int64_t health_check_grace_period_seconds = 60;  ///< with load balancers; default 60
  std::string service_name{};                      ///< default generated by CloudFormation
  bool enable_execute_command = false;             ///< ECS Exec; default false
};

class BaseService : public Construct, public ec2::IConnectable, public elbv2::ILoadBalancerTarget {
 public:
  /// {"Ref": service}: its ARN.
  [[nodiscard]] Value service_arn() const;
  /// Fn::GetAtt Name.
  [[nodiscard]] Value service_name() const;
  [[nodiscard]] Cluster& cluster() const noexcept { return *cluster_; }
  [[nodiscard]] TaskDefinition& task_definition() const noexcept { return *task_; }

  ec2::Connections& connections() override { return connections_; }
  void attach_to_target_group(elbv2::TargetGroup& target_group) override;
  /// Task auto scaling (once per service).
  ScalableTaskCount& auto_scale_task_count(TaskCountProps props);
  [[nodiscard]] CfnService& cfn_service() noexcept { return *resource_; }

 protected:
  BaseService(Construct& scope, std::string_view id, LaunchType launch_type, BaseServiceProps props);

 private:
  void check(const BaseServiceProps& props, LaunchType launch_type) const;

  Cluster* cluster_;
  TaskDefinition* task_;
  CfnService* resource_ = nullptr;
  ScalableTaskCount* scaling_ = nullptr;
  std::int64_t grace_period_;
  ec2::Connections connections_;
};

}  // namespace cdk::ecs
