#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs/scalable_task_count.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ecs_patterns::QueueProcessingFargateService;

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;
using cdk::testing::type_at;

struct QueueServiceTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::ecs::ContainerImage image = cdk::ecs::ContainerImage::from_registry("nginx");
};

// Logical ids aws-cdk-lib 2.276.0 gives `new QueueProcessingFargateService(stack, 'Worker', {cluster, image})`.
TEST_F(QueueServiceTest, QueuesTaskServiceAndQueueScalingHaveTheAwsCdkLogicalIds) {
  auto& worker = stack.add<QueueProcessingFargateService>("Worker", {.cluster = cluster, .image = image});
  auto t = Template::from_stack(stack);
  ASSERT_NE(worker.dead_letter_queue(), nullptr);
  EXPECT_EQ(t.logical_id(worker.sqs_queue().cfn_queue()), "WorkerEcsProcessingQueue96AA4E1D");
  EXPECT_EQ(t.logical_id(worker.dead_letter_queue()->cfn_queue()), "WorkerEcsProcessingDeadLetterQueue15867D81");
  EXPECT_EQ(t.logical_id(worker.task_definition().cfn_task_definition()), "WorkerQueueProcessingTaskDef48FA8152");
  EXPECT_EQ(t.logical_id(worker.service().cfn_service()), "WorkerQueueProcessingFargateServiceC55E51B1");
  EXPECT_EQ(type_at(t, "WorkerQueueProcessingTaskDefQueueProcessingContainerLogGroupDDE655D4"), "\"AWS::Logs::LogGroup\"");
  EXPECT_EQ(type_at(t, "WorkerQueueProcessingFargateServiceTaskCountTarget32F233C6"), "\"AWS::ApplicationAutoScaling::ScalableTarget\"");
  EXPECT_EQ(type_at(t, "WorkerQueueProcessingFargateServiceTaskCountTargetQueueMessagesVisibleScalingLowerPolicy1C73E79B"),
            "\"AWS::ApplicationAutoScaling::ScalingPolicy\"");
  EXPECT_EQ(type_at(t, "WorkerQueueProcessingFargateServiceTaskCountTargetQueueMessagesVisibleScalingUpperAlarm7D8017DC"),
            "\"AWS::CloudWatch::Alarm\"");
  EXPECT_EQ(type_at(t, "WorkerQueueProcessingFargateServiceTaskCountTargetCpuScalingC7243423"),
            "\"AWS::ApplicationAutoScaling::ScalingPolicy\"");
  for (const char* output : {"WorkerSQSQueue1B59E312", "WorkerSQSQueueArn20630BCA", "WorkerSQSDeadLetterQueue5EDB77D6",
                             "WorkerSQSDeadLetterQueueArn943361AE"})
    t.has_output(output, Match::any_value());
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueServiceTest, TheWorkerGetsTheQueueNameMayConsumeAndScalesOnBacklogAndCpu) {
  auto& worker = stack.add<QueueProcessingFargateService>("Worker", {.cluster = cluster, .image = image,
                                                                      .environment = {{"MODE", "batch"}}});
  auto t = Template::from_stack(stack);
  const auto queue = t.logical_id(worker.sqs_queue().cfn_queue());
  const auto dlq = t.logical_id(worker.dead_letter_queue()->cfn_queue());
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"MessageRetentionPeriod", 1209600}}));
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"RedrivePolicy", Match::object_equals({{"deadLetterTargetArn", get_att(dlq, "Arn")},
                                                                                                           {"maxReceiveCount", 3}})}}));
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"Cpu", "256"},
                          {"Memory", "512"},
                          {"ContainerDefinitions",
                           Match::array_equals({Match::object_like(
                               {{"Name", "QueueProcessingContainer"},
                                {"Environment", Match::array_equals({Match::object_equals({{"Name", "MODE"}, {"Value", "batch"}}),
                                                                     Match::object_equals({{"Name", "QUEUE_NAME"}, {"Value", get_att(queue, "QueueName")}})})},
                                {"LogConfiguration", Match::object_like({{"Options", Match::object_like({{"awslogs-stream-prefix", "Worker"}})}})}})})}}));
  // The task role may consume this queue and nothing more.
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument",
                           Match::object_like({{"Statement", Match::array_equals({Match::object_like(
                                                                 {{"Action", Match::array_with({"sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage"})},
                                                                  {"Resource", get_att(queue, "Arn")}})})}})},
                          {"Roles", Match::array_equals({ref_to(t.logical_id(worker.task_definition().task_role().cfn_role()))})}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"DesiredCount", Match::absent()}, {"LaunchType", "FARGATE"},
                                                                      {"LoadBalancers", Match::absent()}}));
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget", Match::object_like({{"MinCapacity", 1}, {"MaxCapacity", 2}}));
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_like({{"StepScalingPolicyConfiguration",
                           Match::object_like({{"StepAdjustments", Match::array_equals({Match::object_like({{"MetricIntervalLowerBound", 0}, {"MetricIntervalUpperBound", 400}, {"ScalingAdjustment", 1}}),
                                                                                        Match::object_like({{"MetricIntervalLowerBound", 400}, {"ScalingAdjustment", 5}})})}})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"MetricName", "ApproximateNumberOfMessagesVisible"},
                                                                          {"Threshold", 100},
                                                                          {"ComparisonOperator", "GreaterThanOrEqualToThreshold"}}));
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                            Match::object_like({{"TargetTrackingScalingPolicyConfiguration",
                                                 Match::object_like({{"TargetValue", 50},
                                                                     {"PredefinedMetricSpecification", Match::object_like({{"PredefinedMetricType", "ECSServiceAverageCPUUtilization"}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueServiceTest, AGivenQueueIsConsumedWithoutMakingOneAndScalingFollowsTheProps) {
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs", {.visibility_timeout_seconds = 300});
  auto& worker = stack.add<QueueProcessingFargateService>(
      "Worker", {.cluster = cluster, .image = image, .queue = jobs, .min_scaling_capacity = 0, .max_scaling_capacity = 8,
                 .scaling_steps = {{.upper = 1, .change = -2}, {.lower = 10, .change = +3}},
                 .disable_cpu_based_scaling = true});
  EXPECT_EQ(&worker.sqs_queue(), &jobs);
  EXPECT_EQ(worker.dead_letter_queue(), nullptr);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::SQS::Queue", 1);
  EXPECT_EQ(t.find_outputs().size(), 2u);  // SQSQueue, SQSQueueArn
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget", Match::object_like({{"MinCapacity", 0}, {"MaxCapacity", 8}}));
  t.resource_properties_count_is("AWS::ApplicationAutoScaling::ScalingPolicy",
                                 Match::object_like({{"PolicyType", "TargetTrackingScaling"}}), 0);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"Threshold", 10}}));
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                            Match::object_like({{"StepScalingPolicyConfiguration",
                                                 Match::object_like({{"StepAdjustments", Match::array_equals({Match::object_like({{"ScalingAdjustment", -2}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueServiceTest, BadInputIsAnErrorAtThePatternsPath) {
  using cdk::testing::expect_error;
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs");
  struct Case {
    const char* name;
    cdk::ecs_patterns::QueueProcessingFargateServiceProps props;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"both task sources", {.cluster = cluster, .image = image, .task_definition = task}, "both task_definition and image"},
      {"no task source", {.cluster = cluster}, "no image and no task definition"},
      {"container settings with a task definition", {.cluster = cluster, .task_definition = task, .command = {"run"}}, "container settings were given"},
      {"bad size", {.cluster = cluster, .image = image, .cpu = 1024, .memory_limit_mib = 1024}, "Fargate has no task size of 1024 CPU units with 1024 MiB"},
      {"queue settings with a queue", {.cluster = cluster, .image = image, .queue = jobs, .max_receive_count = 5}, "shape a queue made here"},
      {"max below min", {.cluster = cluster, .image = image, .min_scaling_capacity = 3, .max_scaling_capacity = 2}, "is not a range"},
      {"QUEUE_NAME taken", {.cluster = cluster, .image = image, .environment = {{"QUEUE_NAME", "x"}}}, "QUEUE_NAME is set by the pattern"},
      {"neither cluster nor vpc", {.image = image}, "no cluster and no vpc"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string id = "Bad" + std::to_string(n++);
    expect_error([&] { stack.add<QueueProcessingFargateService>(id, c.props); }, "Svc/" + id, c.says);
  }
}

}  // namespace
