#pragma once
// The environment's delivery pipeline: GitHub -> unit tests -> image build ->
// (prod: manual approval) -> database migration -> rolling ECS deployment.
#include "notejam.hpp"

#include <cdk/value.hpp>

namespace cdk::ec2 {
class SecurityGroup;
class Vpc;
}  // namespace cdk::ec2
namespace cdk::ecr {
class Repository;
}
namespace cdk::sns {
class Topic;
}
namespace cdk::ecs {
class Cluster;
class FargateService;
class FargateTaskDefinition;
}  // namespace cdk::ecs

namespace notejam {

/// What the pipeline builds, migrates and deploys.
struct PipelineTargets {
  const Settings& settings;
  cdk::ec2::Vpc& vpc;                     ///< migrations run in its app subnets
  cdk::ecr::Repository& images;           ///< where built images go
  cdk::ecs::Cluster& cluster;
  cdk::ecs::FargateService& service;      ///< updated by the deploy stage
  cdk::ecs::FargateTaskDefinition& task;  ///< its roles are passed to ECS on deploy
  cdk::ec2::SecurityGroup& database;      ///< migrations are let in here
  cdk::Value db_host;                     ///< the cluster's writer endpoint
  cdk::sns::Topic& notifications;         ///< told about pending approvals (prod)
};

/// Adds the pipeline (with its artifact bucket), the GitHub connection and the
/// CodeBuild projects (all under "Pipeline") to `stack`.
void add_pipeline(cdk::Stack& stack, const PipelineTargets& targets);

}  // namespace notejam
