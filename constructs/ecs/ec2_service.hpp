#pragma once
/// cdk::ecs::Ec2Service: a service of tasks on the cluster's EC2 container
/// instances. The cluster must have EC2 capacity (not managed by cdk::ecs::Cluster
/// yet). Subnets and a security group apply to awsvpc tasks only; bridge-mode
/// services are reached through the container instances' own security groups.
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/ec2_task_definition.hpp>

namespace cdk::ecs {

/// BaseServiceProps; the task definition must be an Ec2TaskDefinition, and
/// assign_public_ip stays false (ECS gives EC2 tasks no public IP).
using Ec2ServiceProps = BaseServiceProps;

class Ec2Service : public BaseService {
 public:
  using Props = Ec2ServiceProps;
  Ec2Service(Construct& scope, std::string_view id, const Ec2ServiceProps& props);
};

}  // namespace cdk::ecs
