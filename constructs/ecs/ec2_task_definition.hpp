#pragma once
/// cdk::ecs::Ec2TaskDefinition: a task for EC2 container instances.
///
///   auto& task = stack.add<cdk::ecs::Ec2TaskDefinition>("Task", {.network_mode = cdk::ecs::NetworkMode::AwsVpc});
///   task.add_container("app", {.image = ..., .memory_limit_mib = 512});
///
/// Every container needs memory_limit_mib or memory_reservation_mib (checked at synthesis).
#include <cdk/ecs/task_definition.hpp>

#include <string>

namespace cdk::ecs {

struct Ec2TaskDefinitionProps {
  NetworkMode network_mode = NetworkMode::Bridge;  ///< default Bridge, as in the AWS CDK
  std::string family{};                            ///< default a unique name from the construct path
};

class Ec2TaskDefinition : public TaskDefinition {
 public:
  using Props = Ec2TaskDefinitionProps;
  Ec2TaskDefinition(Construct& scope, std::string_view id, const Ec2TaskDefinitionProps& props = {});
  [[nodiscard]] std::vector<Diagnostic> validate() const override;
};

}  // namespace cdk::ecs
