#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/database_instance.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct DatabaseInstanceTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Db");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

TEST_F(DatabaseInstanceTest, PostgresInstanceIsPrivateEncryptedAndUsesAGeneratedSecret) {
  stack.add<cdk::rds::DatabaseInstance>("Pg", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"Engine", "postgres"},
                                                                        {"EngineVersion", "16.8"},
                                                                        {"PubliclyAccessible", false},
                                                                        {"StorageEncrypted", true},
                                                                        {"MultiAZ", false},
                                                                        {"AllocatedStorage", "100"},
                                                                        {"BackupRetentionPeriod", 1}}));
  t.has_resource("AWS::RDS::DBInstance", Match::object_like({{"DeletionPolicy", "Snapshot"}}));
  t.has_resource_properties("AWS::SecretsManager::SecretTargetAttachment",
                            Match::object_like({{"TargetType", "AWS::RDS::DBInstance"}}));
  cdk::testing::keep_for_lint(stack);
}

// aws-cdk-lib's id and description (a port keeps its instance); an app
// deployed with an earlier cdkpp keeps `<db>/Subnets` through cdkpp's flag.
TEST_F(DatabaseInstanceTest, SubnetGroupSitsWhereAwsCdkLibPutsItOrWhereAnEarlierCdkppDid) {
  stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.find_resources("AWS::RDS::DBSubnetGroup"), std::vector<std::string>{"DbSubnetGroup6F6C177A"});
  t.has_resource_properties("AWS::RDS::DBSubnetGroup",
                            Match::object_like({{"DBSubnetGroupDescription", "Subnet group for Db database"}}));
  t.has_resource_properties("AWS::RDS::DBInstance",
                            Match::object_like({{"DBSubnetGroupName", Match::object_equals({{"Ref", "DbSubnetGroup6F6C177A"}})}}));

  cdk::App earlier({.context = {{"@cdkpp/rds:instanceSubnetGroupUnderSubnets", "true"}}});
  auto& earlier_stack = earlier.add<cdk::Stack>("Db");
  auto& earlier_vpc = earlier_stack.add<cdk::testing::TestVpc>("Vpc");
  earlier_stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = earlier_vpc});
  auto earlier_t = Template::from_stack(earlier_stack);
  EXPECT_EQ(earlier_t.find_resources("AWS::RDS::DBSubnetGroup"), std::vector<std::string>{"DbSubnets93851898"});
  earlier_t.has_resource_properties("AWS::RDS::DBSubnetGroup",
                                    Match::object_like({{"DBSubnetGroupDescription", "Subnets for Db database"}}));
}

std::vector<std::string> warnings_of(const cdk::Construct& c) {
  std::vector<std::string> out;
  for (const auto& m : c.node().metadata())
    if (m.type == cdk::Annotations::warning_type) out.push_back(m.data);
  return out;
}

// A port from aws-cdk-lib keeps its instance: nothing written that aws-cdk-lib
// leaves out, gp2, and a warning that says how to encrypt deliberately.
TEST(DatabaseInstancePorted, AwsCdkDefaultsKeepAwsCdkLibsPropertiesAndWarnAboutEncryption) {
  cdk::App app({.context = {{"@cdkpp/core:awsCdkDefaults", "true"}}});
  auto& stack = app.add<cdk::Stack>("Db");
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"StorageEncrypted", Match::absent()},
                                                                        {"StorageType", "gp2"},
                                                                        {"MultiAZ", Match::absent()},
                                                                        {"BackupRetentionPeriod", Match::absent()},
                                                                        {"AutoMinorVersionUpgrade", Match::absent()}}));
  auto warnings = warnings_of(db);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("storage is left unencrypted as aws-cdk-lib leaves it (@cdkpp/core:awsCdkDefaults)"));
  EXPECT_THAT(warnings[0], HasSubstr("restore a snapshot into a new encrypted one"));
  cdk::testing::keep_for_lint(stack);
}

TEST(DatabaseInstancePorted, WhatTheAppSetsExplicitlyIsWrittenAndNotWarned) {
  cdk::App app({.context = {{"@cdkpp/core:awsCdkDefaults", "true"}}});
  auto& stack = app.add<cdk::Stack>("Db");
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(),
                                                          .vpc = vpc, .storage_type = cdk::rds::StorageType::Gp3,
                                                          .multi_az = false, .backup_retention_days = 7,
                                                          .storage_encrypted = true});
  Template::from_stack(stack).has_resource_properties(
      "AWS::RDS::DBInstance", Match::object_like({{"StorageEncrypted", true}, {"StorageType", "gp3"},
                                                  {"MultiAZ", false}, {"BackupRetentionPeriod", 7},
                                                  {"AutoMinorVersionUpgrade", Match::absent()}}));
  EXPECT_TRUE(warnings_of(db).empty());
}

TEST_F(DatabaseInstanceTest, NewAppsGetTheSecureDefaultsWithoutWarnings) {
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Pg", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc});
  Template::from_stack(stack).has_resource_properties(
      "AWS::RDS::DBInstance", Match::object_like({{"StorageEncrypted", true}, {"StorageType", "gp3"},
                                                  {"AutoMinorVersionUpgrade", true}}));
  EXPECT_TRUE(warnings_of(db).empty());
}

TEST_F(DatabaseInstanceTest, MysqlMultiAzInstanceOpensItsPortThroughConnections) {
  auto& db = stack.add<cdk::rds::DatabaseInstance>("My", {.engine = cdk::rds::DatabaseInstanceEngine::mysql_8_0(),
                                                          .vpc = vpc,
                                                          .instance_type = "db.t4g.medium",
                                                          .multi_az = true,
                                                          .parameters = {{"slow_query_log", "1"}}});
  auto& web = stack.add<cdk::ec2::SecurityGroup>("Web", {.vpc = vpc});
  db.connections().allow_default_port_from(web);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"MultiAZ", true}, {"Engine", "mysql"}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 3306}}));
  t.has_resource_properties("AWS::RDS::DBParameterGroup", Match::object_like({{"Family", "mysql8.0"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DatabaseInstanceTest, BadStorageAndRetentionAreErrorsNamingThePath) {
  auto pg = cdk::rds::DatabaseInstanceEngine::postgres_16();
  EXPECT_THROW(stack.add<cdk::rds::DatabaseInstance>("A", {.engine = pg, .vpc = vpc, .allocated_storage_gib = 10}), cdk::Error);
  try {
    stack.add<cdk::rds::DatabaseInstance>("B", {.engine = pg, .vpc = vpc, .backup_retention_days = 40});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Db/B"));
  }
  EXPECT_THROW(stack.add<cdk::rds::DatabaseInstance>("D", {.vpc = vpc}), cdk::Error);
  EXPECT_THROW(stack.add<cdk::rds::DatabaseInstance>("E", {.engine = pg, .vpc = vpc, .cloudwatch_logs_exports = {"slowquery"}}),
               cdk::Error);
}

}  // namespace

namespace {

struct GrantTarget : cdk::iam::IGrantable {
  std::vector<cdk::iam::PolicyStatement> statements;
  void add_to_principal_policy(const cdk::iam::PolicyStatement& s) override { statements.push_back(s); }
};

TEST_F(DatabaseInstanceTest, SecretReadIsGrantedOnThatSecretOnly) {
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Pg", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_17(), .vpc = vpc});
  GrantTarget grantee;
  db.grant_secret_read(grantee);
  ASSERT_EQ(grantee.statements.size(), 1u);
  EXPECT_EQ(grantee.statements[0].actions, (std::vector<std::string>{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}));
  ASSERT_EQ(grantee.statements[0].resources.size(), 1u);
  EXPECT_EQ(grantee.statements[0].resources[0], db.secret().ref());
}

TEST_F(DatabaseInstanceTest, ARdsManagedPasswordIsReadThroughTheSecretRdsKeeps) {
  auto& db = stack.add<cdk::rds::DatabaseInstance>("Pg", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_17(), .vpc = vpc,
                                                         .manage_master_user_password = true});
  GrantTarget grantee;
  db.grant_secret_read(grantee);
  ASSERT_EQ(grantee.statements.size(), 1u);
  EXPECT_EQ(grantee.statements[0].resources, (std::vector<cdk::Value>{
      cdk::Value::get_att(db.cfn_instance(), "MasterUserSecret.SecretArn")}));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"ManageMasterUserPassword", true},
                                                                        {"MasterUsername", "postgres"},
                                                                        {"MasterUserPassword", Match::absent()}}));
  t.resource_count_is("AWS::SecretsManager::Secret", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DatabaseInstanceTest, RetainedInstancesKeepTheirSecretAndSubnetGroup) {
  stack.add<cdk::rds::DatabaseInstance>("My", {.engine = cdk::rds::DatabaseInstanceEngine::mysql_8_4(),
                                               .vpc = vpc,
                                               .instance_type = "db.t4g.micro",
                                               .allocated_storage_gib = 20,
                                               .max_allocated_storage_gib = 100,
                                               .deletion_protection = true,
                                               .removal_policy = cdk::RemovalPolicy::Retain,
                                               .cloudwatch_logs_exports = {"error"}});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::RDS::DBInstance", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource("AWS::SecretsManager::Secret", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource("AWS::RDS::DBSubnetGroup", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource_properties("AWS::RDS::DBInstance", Match::object_like({{"EngineVersion", "8.4.6"},
                                                                        {"MaxAllocatedStorage", 100},
                                                                        {"DeletionProtection", true},
                                                                        {"EnableCloudwatchLogsExports", Match::array_equals({"error"})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
