#include <cdk/app.hpp>
#include <cdk/cfn_output.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/elasticache/cfn_replication_group.hpp>
#include <cdk/elasticache/cfn_subnet_group.hpp>
#include <cdk/elasticache/elasticache.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/secretsmanager/secret.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

namespace elasticache = cdk::elasticache;

struct ReplicationGroupTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Caches");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");

  // The message of the cdk::Error that adding a group with `props` throws ("" when none).
  std::string error_of(const std::string& id, elasticache::ReplicationGroupProps props) {
    try {
      stack.add<elasticache::ReplicationGroup>(id, std::move(props));
    } catch (const cdk::Error& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(ReplicationGroupTest, DefaultsAreEncryptedWithAnAuthTokenInIsolatedSubnets) {
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ElastiCache::ReplicationGroup", 1);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"AtRestEncryptionEnabled", true},
                                                {"TransitEncryptionEnabled", true},
                                                {"Engine", "valkey"},
                                                {"EngineVersion", "8.0"},
                                                {"CacheNodeType", "cache.t4g.micro"},
                                                {"NumCacheClusters", 1},
                                                {"AutomaticFailoverEnabled", false},
                                                {"MultiAZEnabled", false},
                                                {"Port", 6379},
                                                {"SnapshotRetentionLimit", 1},
                                                {"ReplicationGroupDescription", "Replication group Caches/Cache"},
                                                {"KmsKeyId", Match::absent()},
                                                {"ClusterMode", Match::absent()}}));
  t.has_resource("AWS::ElastiCache::ReplicationGroup",
                 Match::object_like({{"DeletionPolicy", "Snapshot"}, {"UpdateReplacePolicy", "Snapshot"}}));
  const std::string group = "/Resources/" + t.logical_id(cache.cfn_replication_group()) + "/Properties/";
  EXPECT_THAT(t.at(group + "AuthToken"), HasSubstr("{{resolve:secretsmanager:"));
  EXPECT_THAT(t.at(group + "AuthToken"), HasSubstr(t.logical_id(cache.auth_token_secret()->cfn_secret())));
  EXPECT_THAT(t.at(group + "CacheSubnetGroupName"), HasSubstr(t.logical_id(cache.cfn_subnet_group())));
  t.has_resource_properties(
      "AWS::ElastiCache::SubnetGroup",
      Match::object_like({{"Description", "Subnets for Caches/Cache"},
                          {"SubnetIds", Match::array_equals({Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet1")}}),
                                                             Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet2")}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, TheAuthTokenSecretIsLettersAndDigitsWithinElastiCachesLimits) {
  stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SecretsManager::Secret",
                            Match::object_like({{"Description", "AUTH token of the replication group Caches/Cache"},
                                                {"GenerateSecretString", Match::object_equals({{"ExcludePunctuation", true},
                                                                                               {"PasswordLength", 64}})}}));
  t.has_resource("AWS::SecretsManager::Secret", Match::object_like({{"DeletionPolicy", "Delete"}}));
}

TEST_F(ReplicationGroupTest, ItsSecurityGroupHasNoInboundRuleAndClientsAreAllowedOnThePort) {
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc});
  {
    auto t = Template::from_stack(stack);
    t.resource_count_is("AWS::EC2::SecurityGroup", 1);
    t.has_resource_properties("AWS::EC2::SecurityGroup",
                              Match::object_like({{"GroupDescription", "Security group for Caches/Cache"},
                                                  {"SecurityGroupIngress", Match::absent()}}));
    t.resource_count_is("AWS::EC2::SecurityGroupIngress", 0);
  }
  auto& client = stack.add<cdk::ec2::SecurityGroup>("Client", {.vpc = vpc});
  cache.connections().allow_default_port_from(client);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 6379}, {"ToPort", 6379}}));
  const std::string group = "/Resources/" + t.logical_id(cache.cfn_replication_group()) + "/Properties/SecurityGroupIds";
  EXPECT_THAT(t.at(group), HasSubstr("GroupId"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, TwoOrMoreNodesTurnOnAutomaticFailoverAndMultiAz) {
  stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc, .engine = elasticache::Engine::Redis, .num_cache_clusters = 3});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"Engine", "redis"},
                                                {"EngineVersion", "7.1"},
                                                {"NumCacheClusters", 3},
                                                {"AutomaticFailoverEnabled", true},
                                                {"MultiAZEnabled", true}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, FailoverWithoutMultiAzCanBeChosen) {
  stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc, .num_cache_clusters = 2, .multi_az = false});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"AutomaticFailoverEnabled", true}, {"MultiAZEnabled", false}}));
}

TEST_F(ReplicationGroupTest, ClusterModeShardsUseTheConfigurationEndpoint) {
  auto& cache = stack.add<elasticache::ReplicationGroup>(
      "Cluster", {.vpc = vpc, .cache_node_type = "cache.r7g.large", .num_node_groups = 3, .replicas_per_node_group = 2});
  EXPECT_EQ(cache.node_count(), 9);
  EXPECT_TRUE(cache.cluster_mode());
  stack.add<cdk::CfnOutput>("Endpoint", {.value = cache.configuration_endpoint_address()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"ClusterMode", "enabled"},
                                                {"CacheParameterGroupName", "default.valkey8.cluster.on"},
                                                {"NumNodeGroups", 3},
                                                {"ReplicasPerNodeGroup", 2},
                                                {"NumCacheClusters", Match::absent()},
                                                {"AutomaticFailoverEnabled", true},
                                                {"MultiAZEnabled", true}}));
  EXPECT_THAT(t.at("/Outputs/Endpoint/Value"), HasSubstr("ConfigurationEndPoint.Address"));
  EXPECT_THAT(error_of("Other", {.vpc = vpc, .num_node_groups = 1}), ::testing::IsEmpty());
  try {
    (void)cache.primary_endpoint_address();
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Caches/Cluster"));
    EXPECT_THAT(e.what(), HasSubstr("configuration_endpoint"));
  }
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, RedisSixClusterModeUsesTheSixXParameterGroup) {
  stack.add<elasticache::ReplicationGroup>(
      "Cluster", {.vpc = vpc, .engine = elasticache::Engine::Redis, .engine_version = "6.2", .num_node_groups = 2,
                  .replicas_per_node_group = 0});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"CacheParameterGroupName", "default.redis6.x.cluster.on"},
                                                {"ReplicasPerNodeGroup", 0},
                                                {"AutomaticFailoverEnabled", true},
                                                {"MultiAZEnabled", false}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, EndpointsAreGetAttsOfThePrimaryAndReader) {
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc, .num_cache_clusters = 2});
  stack.add<cdk::CfnOutput>("Primary", {.value = cache.primary_endpoint_address()});
  stack.add<cdk::CfnOutput>("PrimaryPort", {.value = cache.primary_endpoint_port()});
  stack.add<cdk::CfnOutput>("Reader", {.value = cache.reader_endpoint_address()});
  stack.add<cdk::CfnOutput>("ReaderPort", {.value = cache.reader_endpoint_port()});
  stack.add<cdk::CfnOutput>("Id", {.value = cache.replication_group_id()});
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(cache.cfn_replication_group());
  EXPECT_EQ(t.at("/Outputs/Primary/Value"), R"({"Fn::GetAtt":[")" + id + R"(","PrimaryEndPoint.Address"]})");
  EXPECT_EQ(t.at("/Outputs/PrimaryPort/Value"), R"({"Fn::GetAtt":[")" + id + R"(","PrimaryEndPoint.Port"]})");
  EXPECT_EQ(t.at("/Outputs/Reader/Value"), R"({"Fn::GetAtt":[")" + id + R"(","ReaderEndPoint.Address"]})");
  EXPECT_EQ(t.at("/Outputs/ReaderPort/Value"), R"({"Fn::GetAtt":[")" + id + R"(","ReaderEndPoint.Port"]})");
  EXPECT_EQ(t.at("/Outputs/Id/Value"), R"({"Ref":")" + id + R"("})");
  EXPECT_THROW((void)cache.configuration_endpoint_port(), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, TheAuthTokenCanBeReadByAGrantee) {
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  cache.grant_read_auth_token(role);
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument",
                           Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                 {{"Action", Match::array_equals({"secretsmanager:GetSecretValue",
                                                                                                  "secretsmanager:DescribeSecret"})},
                                                                  {"Resource", Match::object_like({{"Ref", t.logical_id(cache.auth_token_secret()->cfn_secret())}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, EncryptionAndTheTokenCanBeTurnedOffTogetherOrGivenAKey) {
  auto& plain = stack.add<elasticache::ReplicationGroup>(
      "Plain", {.vpc = vpc, .at_rest_encryption = false, .transit_encryption = false, .auth_token = false});
  EXPECT_EQ(plain.auth_token_secret(), nullptr);
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  EXPECT_THROW(plain.grant_read_auth_token(role), cdk::Error);
  stack.add<elasticache::ReplicationGroup>(
      "Keyed", {.vpc = vpc, .kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::SecretsManager::Secret", 1);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"AtRestEncryptionEnabled", false},
                                                {"TransitEncryptionEnabled", false},
                                                {"AuthToken", Match::absent()}}));
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"KmsKeyId", Match::string_like_regexp("^arn:aws:kms:")}}));
}

TEST_F(ReplicationGroupTest, RetainedGroupsKeepTheirSecretAndSubnetGroup) {
  stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc,
                                                     .snapshot_retention_days = 7,
                                                     .snapshot_window = "23:30-00:30",
                                                     .maintenance_window = "sat:23:30-sun:00:30",
                                                     .replication_group_name = "sessions-prod",
                                                     .description = "Session store",
                                                     .removal_policy = cdk::RemovalPolicy::Retain});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::ElastiCache::ReplicationGroup", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource("AWS::ElastiCache::SubnetGroup", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource("AWS::SecretsManager::Secret", Match::object_like({{"DeletionPolicy", "Retain"}}));
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup",
                            Match::object_like({{"SnapshotRetentionLimit", 7},
                                                {"SnapshotWindow", "23:30-00:30"},
                                                {"PreferredMaintenanceWindow", "sat:23:30-sun:00:30"},
                                                {"ReplicationGroupId", "sessions-prod"},
                                                {"ReplicationGroupDescription", "Session store"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, GivenSecurityGroupsAndSubnetsAreUsed) {
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Shared", {.vpc = vpc});
  stack.add<elasticache::ReplicationGroup>(
      "Cache", {.vpc = vpc, .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}, .port = 6380,
                .security_groups = {sg}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.has_resource_properties("AWS::ElastiCache::ReplicationGroup", Match::object_like({{"Port", 6380}}));
  t.has_resource_properties("AWS::ElastiCache::SubnetGroup",
                            Match::object_like({{"SubnetIds", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("PrivateSubnet1")}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, AVpcWithoutIsolatedSubnetsGetsItsPrivateOnes) {
  auto& app_vpc = stack.add<cdk::ec2::Vpc>("AppVpc", {.max_azs = 2,
                                                       .nat_gateways = 1,
                                                       .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24},
                                                                                {"app", cdk::ec2::SubnetType::PrivateWithEgress, 24}}});
  stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = app_vpc});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElastiCache::SubnetGroup",
                            Match::object_like({{"SubnetIds", Match::array_equals({Match::object_like({{"Ref", Match::string_like_regexp("appSubnet1")}}),
                                                                                   Match::object_like({{"Ref", Match::string_like_regexp("appSubnet2")}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ReplicationGroupTest, LogicalIdsAreStable) {
  auto& cache = stack.add<elasticache::ReplicationGroup>("Cache", {.vpc = vpc});
  auto t = Template::from_stack(stack);
  // Renaming a construct id here replaces the cache (and its data) on the next deploy. The
  // suffixes are the first 8 hex digits of the MD5 of the path below the stack (Cache/Resource, ...).
  EXPECT_EQ(t.logical_id(cache.cfn_replication_group()), "Cache18F6EE16");
  EXPECT_EQ(t.logical_id(cache.cfn_subnet_group()), "CacheSubnetGroup355C216D");
  EXPECT_EQ(t.logical_id(cache.auth_token_secret()->cfn_secret()), "CacheAuthToken04672416");
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroup"), std::vector<std::string>{"CacheSecurityGroup79A9F160"});
}

TEST_F(ReplicationGroupTest, BadShapesAreErrorsNamingThePath) {
  const auto one_line = [](const std::string& message) { return message.find('\n') == std::string::npos; };
  auto e = error_of("A", {.vpc = vpc, .automatic_failover = true});
  EXPECT_THAT(e, HasSubstr("Caches/A"));
  EXPECT_THAT(e, HasSubstr("automatic failover needs a replica"));
  EXPECT_TRUE(one_line(e));
  EXPECT_THAT(error_of("B", {.vpc = vpc, .num_cache_clusters = 0}), HasSubstr("num_cache_clusters 0 is out of range"));
  EXPECT_THAT(error_of("C", {.vpc = vpc, .num_cache_clusters = 7}), HasSubstr("num_cache_clusters 7 is out of range"));
  EXPECT_THAT(error_of("D", {.vpc = vpc, .num_cache_clusters = 2, .num_node_groups = 2}),
              HasSubstr("num_cache_clusters does not apply in cluster mode"));
  EXPECT_THAT(error_of("E", {.vpc = vpc, .num_node_groups = 501}), HasSubstr("num_node_groups 501 is out of range"));
  EXPECT_THAT(error_of("F", {.vpc = vpc, .num_node_groups = -1}), HasSubstr("num_node_groups -1 is out of range"));
  EXPECT_THAT(error_of("G", {.vpc = vpc, .num_node_groups = 2, .replicas_per_node_group = 6}),
              HasSubstr("replicas_per_node_group 6 is out of range"));
  EXPECT_THAT(error_of("H", {.vpc = vpc, .replicas_per_node_group = 1}), HasSubstr("replicas_per_node_group needs cluster mode"));
  EXPECT_THAT(error_of("I", {.vpc = vpc, .num_node_groups = 2, .automatic_failover = false}),
              HasSubstr("cluster mode needs automatic failover"));
  EXPECT_THAT(error_of("J", {.vpc = vpc, .num_cache_clusters = 2, .automatic_failover = false, .multi_az = true}),
              HasSubstr("Multi-AZ needs automatic failover"));
  EXPECT_THAT(error_of("K", {.vpc = vpc, .num_node_groups = 2, .replicas_per_node_group = 0, .multi_az = true}),
              HasSubstr("Multi-AZ needs a replica"));
  EXPECT_THAT(error_of("L", {.vpc = vpc, .engine = elasticache::Engine::Redis, .engine_version = "5.0.6", .num_node_groups = 2}),
              HasSubstr("cluster mode is supported here from Redis OSS 6"));
  // Nothing is left in the tree of a refused group.
  EXPECT_EQ(stack.node().try_find_child("A"), nullptr);
}

TEST_F(ReplicationGroupTest, BadSettingsAreErrorsNamingThePath) {
  EXPECT_THAT(error_of("A", {}), HasSubstr("no VPC"));
  EXPECT_THAT(error_of("B", {.vpc = vpc, .engine_version = "latest"}), HasSubstr("engine version 'latest' is not a version"));
  EXPECT_THAT(error_of("C", {.vpc = vpc, .engine_version = "6.2"}), HasSubstr("Valkey starts at version 7.2"));
  EXPECT_THAT(error_of("C2", {.vpc = vpc, .engine_version = "7.1"}), HasSubstr("Valkey starts at version 7.2"));
  EXPECT_THAT(error_of("C3", {.vpc = vpc, .engine_version = "7.2"}), ::testing::IsEmpty());
  EXPECT_THAT(error_of("D", {.vpc = vpc, .cache_node_type = "t4g.micro"}), HasSubstr("not an ElastiCache node type"));
  EXPECT_THAT(error_of("E", {.vpc = vpc, .port = 0}), HasSubstr("port 0 is out of range"));
  EXPECT_THAT(error_of("F", {.vpc = vpc, .port = 65536}), HasSubstr("port 65536 is out of range"));
  EXPECT_THAT(error_of("G", {.vpc = vpc, .at_rest_encryption = false, .kms_key_id = "alias/cache"}),
              HasSubstr("a KMS key is set but encryption at rest is off"));
  const auto token = error_of("H", {.vpc = vpc, .transit_encryption = false});
  EXPECT_THAT(token, HasSubstr("Caches/H"));
  EXPECT_THAT(token, HasSubstr("an AUTH token needs encryption in transit"));
  EXPECT_THAT(token, HasSubstr(".auth_token = false"));
  EXPECT_THAT(error_of("I", {.vpc = vpc, .snapshot_retention_days = 36}), HasSubstr("snapshot retention of 36 days is out of range"));
  EXPECT_THAT(error_of("J", {.vpc = vpc, .snapshot_retention_days = -1}), HasSubstr("snapshot retention of -1 days"));
  EXPECT_THAT(error_of("K", {.vpc = vpc, .snapshot_window = "3:00-5:00"}), HasSubstr("snapshot window '3:00-5:00'"));
  EXPECT_THAT(error_of("L", {.vpc = vpc, .snapshot_window = "03:00-03:30"}), HasSubstr("30 minutes long"));
  EXPECT_THAT(error_of("M", {.vpc = vpc, .maintenance_window = "sun:05:00-06:00"}), HasSubstr("maintenance window"));
  EXPECT_THAT(error_of("N", {.vpc = vpc, .maintenance_window = "sun:05:00-sun:05:59"}), HasSubstr("59 minutes long"));
  EXPECT_THAT(error_of("O", {.vpc = vpc, .maintenance_window = "sund:05:00-sun:07:00"}), HasSubstr("ddd:hh24:mi"));
  EXPECT_THAT(error_of("P", {.vpc = vpc, .replication_group_name = "1cache"}), HasSubstr("replication group name '1cache'"));
  EXPECT_THAT(error_of("Q", {.vpc = vpc, .replication_group_name = "cache--a"}), HasSubstr("is not valid"));
  EXPECT_THAT(error_of("R", {.vpc = vpc, .replication_group_name = std::string(41, 'a')}), HasSubstr("is not valid"));
  EXPECT_THAT(error_of("S", {.vpc = vpc, .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}}),
              HasSubstr("include public subnets"));
}

TEST_F(ReplicationGroupTest, MultiAzInOneSubnetIsAnError) {
  auto& imported = cdk::testing::imported_vpc(stack, "Imported");
  const auto e = error_of("Cache", {.vpc = imported, .subnets = {.availability_zones = {"eu-west-1a"}}, .num_cache_clusters = 2});
  EXPECT_THAT(e, HasSubstr("Caches/Cache"));
  EXPECT_THAT(e, HasSubstr("Multi-AZ needs subnets in at least two availability zones"));
  EXPECT_THAT(error_of("Single", {.vpc = imported, .subnets = {.availability_zones = {"eu-west-1a"}},
                                  .num_cache_clusters = 2, .multi_az = false}),
              ::testing::IsEmpty());
  // The refused group made nothing: the one subnet group is Single's.
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ElastiCache::SubnetGroup", 1);
  t.resource_count_is("AWS::SecretsManager::Secret", 1);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
