#pragma once
// A Fargate worker service with a task count to scale and a queue to scale
// on: what the ECS scaling tests (scaling_test.cpp, scaling_math_test.cpp) share.
#include <cdk/app.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

#include "support/test_vpc.hpp"

namespace cdk::testing {

struct WorkerScalingFixture : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::ecs::FargateTaskDefinition& task = make_task();
  cdk::ecs::FargateService& worker = stack.add<cdk::ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = task});
  cdk::sqs::Queue& jobs = stack.add<cdk::sqs::Queue>("Jobs");
  cdk::ecs::ScalableTaskCount& scaling = worker.auto_scale_task_count({.min_capacity = 1, .max_capacity = 10});

  cdk::ecs::FargateTaskDefinition& make_task() {
    auto& t = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
    t.add_container("worker", {.image = cdk::ecs::ContainerImage::from_registry("busybox")});
    return t;
  }
};

}  // namespace cdk::testing
