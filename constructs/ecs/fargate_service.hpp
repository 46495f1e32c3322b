#pragma once
/// cdk::ecs::FargateService: a service of Fargate tasks in private subnets.
///
///   auto& svc = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task,
///                                                          .desired_count = 2});
///   db.connections().allow_default_port_from(svc);
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>

namespace cdk::ecs {

/// BaseServiceProps; the task definition must be a FargateTaskDefinition.
using FargateServiceProps = BaseServiceProps;

class FargateService : public BaseService {
 public:
  using Props = FargateServiceProps;
  FargateService(Construct& scope, std::string_view id, const FargateServiceProps& props);
};

}  // namespace cdk::ecs
