// The CloudWatch metrics of instances and Aurora clusters: aws-cdk-lib
// 2.278.0's names, AWS/RDS, averaged over five minutes, on the identifier.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/rds/aurora_cluster.hpp>
#include <cdk/rds/cfn_db_cluster.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/database_instance.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
namespace cw = cdk::cloudwatch;

struct RdsMetricsTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Db");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

void expect_names(const std::vector<std::pair<cw::Metric, std::string>>& cases) {
  for (const auto& [m, name] : cases) {
    SCOPED_TRACE(name);
    EXPECT_EQ(m.namespace_, "AWS/RDS");
    EXPECT_EQ(m.metric_name, name);
    EXPECT_EQ(m.statistic, "Average");
    EXPECT_EQ(m.period_seconds, 300);
  }
}

TEST_F(RdsMetricsTest, InstanceMetricsWatchItsIdentifier) {
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Pg", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  expect_names({{db.metric_cpu_utilization(), "CPUUtilization"},
                {db.metric_database_connections(), "DatabaseConnections"},
                {db.metric_free_storage_space(), "FreeStorageSpace"},
                {db.metric_freeable_memory(), "FreeableMemory"},
                {db.metric_read_iops(), "ReadIOPS"},
                {db.metric_write_iops(), "WriteIOPS"},
                {db.metric("ReadLatency"), "ReadLatency"}});
  stack.add<cw::Alarm>("LowStorage", {.metric = db.metric_free_storage_space(), .threshold = 2e9,
                                      .comparison_operator = cw::ComparisonOperator::LessThanThreshold});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"Namespace", "AWS/RDS"},
                          {"MetricName", "FreeStorageSpace"},
                          {"Dimensions", Match::array_equals({Match::object_equals(
                                             {{"Name", "DBInstanceIdentifier"},
                                              {"Value", Match::object_equals({{"Ref", t.logical_id(db.cfn_instance())}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RdsMetricsTest, AuroraMetricsWatchTheClusterIdentifier) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc});
  expect_names({{db.metric_cpu_utilization(), "CPUUtilization"},
                {db.metric_database_connections(), "DatabaseConnections"},
                {db.metric_freeable_memory(), "FreeableMemory"},
                {db.metric_free_local_storage(), "FreeLocalStorage"},
                {db.metric_deadlocks(), "Deadlocks"},
                {db.metric_volume_bytes_used(), "VolumeBytesUsed"},
                {db.metric_volume_read_iops(), "VolumeReadIOPs"},
                {db.metric_volume_write_iops(), "VolumeWriteIOPs"}});
  const auto m = db.metric_database_connections();
  ASSERT_EQ(m.dimensions.size(), 1U);
  EXPECT_EQ(m.dimensions[0].first, "DBClusterIdentifier");
  EXPECT_EQ(m.dimensions[0].second, db.cluster_identifier());
  EXPECT_EQ(db.metric("AuroraReplicaLag", "Maximum").statistic, "Maximum");
}

}  // namespace
