#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/rds/cfn_db_cluster.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::error_of;
using ::testing::HasSubstr;

namespace {

struct AuroraClusterTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Db");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

// A port from aws-cdk-lib keeps its unencrypted cluster (StorageEncrypted
// replaces it) and is told how to encrypt deliberately.
TEST(AuroraClusterPorted, AwsCdkDefaultsLeaveStorageEncryptedOutWithAWarning) {
  cdk::App app({.context = {{"@cdkpp/core:awsCdkDefaults", "true"}}});
  auto& stack = app.add<cdk::Stack>("Db");
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& cluster = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc});
  Template::from_stack(stack).has_resource_properties("AWS::RDS::DBCluster",
                                                      Match::object_like({{"StorageEncrypted", Match::absent()}}));
  int warnings = 0;
  for (const auto& m : cluster.node().metadata())
    if (m.type == cdk::Annotations::warning_type) {
      ++warnings;
      EXPECT_THAT(m.data, HasSubstr("encrypting a deployed database replaces it"));
    }
  EXPECT_EQ(warnings, 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, MysqlClusterIsEncryptedIsolatedAndKeepsASnapshotOnDelete) {
  stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::RDS::DBCluster", Match::object_like({{"DeletionPolicy", "Snapshot"}, {"UpdateReplacePolicy", "Snapshot"}}));
  t.has_resource_properties("AWS::RDS::DBCluster",
                            Match::object_like({{"Engine", "aurora-mysql"},
                                                {"EngineVersion", "8.0.mysql_aurora.3.08.2"},
                                                {"StorageEncrypted", true},
                                                {"BackupRetentionPeriod", 1},
                                                {"CopyTagsToSnapshot", true}}));
  t.has_resource_properties("AWS::RDS::DBSubnetGroup",
                            Match::object_like({{"SubnetIds", Match::array_equals({Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet1")}}),
                                                                                   Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet2")}})})}}));
  t.resource_count_is("AWS::RDS::DBInstance", 1);
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"DBInstanceClass", "db.t3.medium"},
                                                                        {"Engine", "aurora-mysql"},
                                                                        {"PromotionTier", 0},
                                                                        {"PubliclyAccessible", false}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"GroupDescription", "RDS security group"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, CredentialsAreGeneratedInSecretsManagerAndAttached) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::SecretsManager::Secret",
      Match::object_like({{"GenerateSecretString", Match::object_like({{"GenerateStringKey", "password"},
                                                                        {"PasswordLength", 30},
                                                                        {"SecretStringTemplate", "{\"username\":\"postgres\"}"}})}}));
  t.has_resource_properties("AWS::SecretsManager::SecretTargetAttachment",
                            Match::object_like({{"TargetType", "AWS::RDS::DBCluster"}}));
  EXPECT_THAT(t.at("/Resources/" + t.logical_id(db.cfn_cluster()) + "/Properties/MasterUserPassword"),
              HasSubstr(":SecretString:password::}}"));
  EXPECT_THAT(t.at("/Resources/" + t.logical_id(db.cfn_cluster()) + "/Properties/MasterUsername"),
              HasSubstr("{{resolve:secretsmanager:"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, RdsCanKeepAndRotateTheMasterPasswordInsteadOfAGeneratedSecret) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc,
                                                            .manage_master_user_password = true});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBCluster", Match::object_like({{"ManageMasterUserPassword", true},
                                                                       {"MasterUsername", "postgres"},
                                                                       {"MasterUserPassword", Match::absent()}}));
  t.resource_count_is("AWS::SecretsManager::Secret", 0);
  t.resource_count_is("AWS::SecretsManager::SecretTargetAttachment", 0);
  EXPECT_EQ(db.secret_arn(), cdk::Value::get_att(db.cfn_cluster(), "MasterUserSecret.SecretArn"));
  EXPECT_THAT(error_of([&] { (void)db.secret(); }), HasSubstr("the master password is managed by RDS"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, TheDefaultMasterPasswordIsTheAwsCdksGeneratedSecret) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc});
  EXPECT_EQ(db.secret_arn(), db.secret().ref());
  Template::from_stack(stack).has_resource_properties(
      "AWS::RDS::DBCluster", Match::object_like({{"ManageMasterUserPassword", Match::absent()}}));
}

TEST_F(AuroraClusterTest, SecretIdLogicalIdFollowsTheAwsCdkLayout) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  EXPECT_THAT(t.logical_id(db.secret()), ::testing::StartsWith("ClusterSecret"));
  EXPECT_THAT(t.logical_id(db.cfn_cluster()), ::testing::StartsWith("Cluster"));
  t.resource_count_is("AWS::RDS::DBSubnetGroup", 1);
}

TEST_F(AuroraClusterTest, ServerlessV2WriterAndReadersGetTheCapacityRange) {
  stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(),
                                                 .vpc = vpc,
                                                 .writer = cdk::rds::ClusterInstance::serverless_v2("writer"),
                                                 .readers = {cdk::rds::ClusterInstance::serverless_v2("reader1"),
                                                             cdk::rds::ClusterInstance::provisioned("reader2", {.instance_type = "db.r6g.large"})},
                                                 .serverless_v2_min_capacity = 0.5,
                                                 .serverless_v2_max_capacity = 8});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBCluster",
                            Match::object_like({{"ServerlessV2ScalingConfiguration",
                                                 Match::object_equals({{"MaxCapacity", 8}, {"MinCapacity", 0.5}})}}));
  t.resource_count_is("AWS::RDS::DBInstance", 3);
  t.resource_properties_count_is("AWS::RDS::DBInstance", Match::object_like({{"DBInstanceClass", "db.serverless"}}), 2);
  t.resource_properties_count_is("AWS::RDS::DBInstance", Match::object_like({{"PromotionTier", 2}}), 2);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, ConnectionsOpenTheEnginePortFromAnotherGroup) {
  auto& db = stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc});
  auto& app_sg = stack.add<cdk::ec2::SecurityGroup>("App", {.vpc = vpc});
  db.connections().allow_default_port_from(app_sg);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"FromPort", 5432}, {"ToPort", 5432}, {"IpProtocol", "tcp"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, OptionsReachTheClusterParameterGroupsAndLogExports) {
  stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(),
                                                 .vpc = vpc,
                                                 .default_database_name = "app",
                                                 .backup_retention_days = 7,
                                                 .deletion_protection = true,
                                                 .removal_policy = cdk::RemovalPolicy::Retain,
                                                 .cloudwatch_logs_exports = {"error", "slowquery"},
                                                 .parameters = {{"slow_query_log", "1"}},
                                                 .instance_parameters = {{"long_query_time", "2"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBCluster",
                            Match::object_like({{"BackupRetentionPeriod", 7},
                                                {"DeletionProtection", true},
                                                {"DatabaseName", "app"},
                                                {"EnableCloudwatchLogsExports", Match::array_equals({"error", "slowquery"})},
                                                {"DBClusterParameterGroupName", Match::object_like({{"Ref", Match::any_value()}})}}));
  t.has_resource("AWS::RDS::DBCluster", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource("AWS::SecretsManager::Secret", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource_properties("AWS::RDS::DBClusterParameterGroup",
                            Match::object_like({{"Family", "aurora-mysql8.0"}, {"Parameters", Match::object_equals({{"slow_query_log", "1"}})}}));
  t.has_resource_properties("AWS::RDS::DBParameterGroup", Match::object_like({{"Family", "aurora-mysql8.0"}}));
  t.has_resource_properties("AWS::RDS::DBInstance",
                            Match::object_like({{"DBParameterGroupName", Match::object_like({{"Ref", Match::any_value()}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, ReaderAutoScalingTracksReaderCpu) {
  stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(),
                                                 .vpc = vpc,
                                                 .readers = {cdk::rds::ClusterInstance::provisioned("reader")},
                                                 .reader_auto_scaling = {{.min_readers = 1, .max_readers = 5, .target_cpu_percent = 60}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget",
                            Match::object_like({{"MinCapacity", 1},
                                                {"MaxCapacity", 5},
                                                {"ScalableDimension", "rds:cluster:ReadReplicaCount"},
                                                {"ServiceNamespace", "rds"}}));
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_like({{"PolicyType", "TargetTrackingScaling"},
                          {"TargetTrackingScalingPolicyConfiguration",
                           Match::object_like({{"TargetValue", 60},
                                               {"PredefinedMetricSpecification",
                                                Match::object_like({{"PredefinedMetricType", "RDSReaderAverageCPUUtilization"}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AuroraClusterTest, MissingEngineOrVpcIsAnErrorNamingThePath) {
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("NoEngine", {.vpc = vpc}); }), HasSubstr("Db/NoEngine"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("NoVpc", {.engine = cdk::rds::AuroraEngine::mysql_8_0()}); }),
              HasSubstr("no VPC"));
}

TEST_F(AuroraClusterTest, BadSettingsAreRejected) {
  auto mysql = cdk::rds::AuroraEngine::mysql_8_0();
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("A", {.engine = mysql, .vpc = vpc, .backup_retention_days = 36}); }),
              HasSubstr("backup retention"));
  EXPECT_THAT(error_of([&] {
                stack.add<cdk::rds::AuroraCluster>("B", {.engine = mysql, .vpc = vpc, .serverless_v2_min_capacity = 4, .serverless_v2_max_capacity = 2});
              }),
              HasSubstr("Serverless v2 capacity"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("C", {.engine = mysql, .vpc = vpc, .cloudwatch_logs_exports = {"postgresql"}}); }),
              HasSubstr("log type 'postgresql'"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("D", {.engine = mysql, .vpc = vpc, .master_username = "1bad"}); }),
              HasSubstr("master user name"));
  EXPECT_THAT(error_of([&] {
                stack.add<cdk::rds::AuroraCluster>("E", {.engine = mysql, .vpc = vpc, .readers = {cdk::rds::ClusterInstance::provisioned("writer")}});
              }),
              HasSubstr("two instances"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::rds::AuroraCluster>("F", {.engine = mysql, .vpc = vpc, .reader_auto_scaling = {{.max_readers = 16}}}); }),
              HasSubstr("Db/F"));
  EXPECT_THAT(error_of([&] {
                stack.add<cdk::rds::AuroraCluster>("G", {.engine = mysql, .vpc = vpc, .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}});
              }),
              HasSubstr("public subnets"));
}

}  // namespace

#include <cdk/ec2/vpc.hpp>

namespace {

TEST(AuroraClusterInRealVpcTest, AVpcWithoutIsolatedSubnetsIsAnErrorNamingTheDatabase) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Db");
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});  // Public + PrivateWithEgress only
  try {
    stack.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Db/Cluster");
    EXPECT_THAT(e.what(), HasSubstr("PrivateIsolated"));
  }
  // Private subnets with egress are accepted when asked for.
  stack.add<cdk::rds::AuroraCluster>("Private", {.engine = cdk::rds::AuroraEngine::postgres_15(),
                                                 .vpc = vpc,
                                                 .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBCluster", Match::object_like({{"EngineVersion", "15.12"}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
