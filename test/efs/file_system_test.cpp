#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/efs/cfn_mount_target.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct FileSystemTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Files");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
};

TEST_F(FileSystemTest, FileSystemIsEncryptedRetainedAndMountedInEachAz) {
  auto& fs = stack.add<cdk::efs::FileSystem>("Shared", {.vpc = vpc});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::EFS::FileSystem", Match::object_like({{"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"}}));
  t.has_resource_properties("AWS::EFS::FileSystem",
                            Match::object_like({{"Encrypted", true},
                                                {"FileSystemTags", Match::array_equals({Match::object_equals({{"Key", "Name"}, {"Value", "Files/Shared"}})})}}));
  t.resource_count_is("AWS::EFS::MountTarget", 2);
  t.all_resources_properties("AWS::EFS::MountTarget",
                             Match::object_like({{"SubnetId", Match::object_like({{"Ref", Match::string_like_regexp("PrivateSubnet")}})}}));
  EXPECT_EQ(fs.mount_targets().size(), 2u);
  EXPECT_THAT(t.logical_id(*fs.mount_targets()[0]), ::testing::StartsWith("SharedEfsMountTarget1"));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"GroupDescription", "EFS security group"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FileSystemTest, ClientsAreAllowedOnTheNfsPort) {
  auto& fs = stack.add<cdk::efs::FileSystem>("Shared", {.vpc = vpc});
  auto& client = stack.add<cdk::ec2::SecurityGroup>("Client", {.vpc = vpc});
  fs.connections().allow_default_port_from(client);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 2049}, {"ToPort", 2049}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FileSystemTest, LifecyclePerformanceAndThroughputModesAreRendered) {
  stack.add<cdk::efs::FileSystem>("Fast", {.vpc = vpc,
                                           .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateIsolated},
                                           .lifecycle_policy = cdk::efs::LifecyclePolicy::AfterDays30,
                                           .transition_to_primary_on_access = true,
                                           .throughput_mode = cdk::efs::ThroughputMode::Provisioned,
                                           .provisioned_throughput_mibps = 128,
                                           .removal_policy = cdk::RemovalPolicy::Delete});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EFS::FileSystem",
                            Match::object_like({{"LifecyclePolicies", Match::array_equals({Match::object_equals({{"TransitionToIA", "AFTER_30_DAYS"}}),
                                                                                           Match::object_equals({{"TransitionToPrimaryStorageClass", "AFTER_1_ACCESS"}})})},
                                                {"ThroughputMode", "provisioned"},
                                                {"ProvisionedThroughputInMibps", 128}}));
  t.has_resource("AWS::EFS::FileSystem", Match::object_like({{"DeletionPolicy", "Delete"}}));
  t.all_resources_properties("AWS::EFS::MountTarget",
                             Match::object_like({{"SubnetId", Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet")}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FileSystemTest, InconsistentSettingsAreErrorsNamingThePath) {
  try {
    stack.add<cdk::efs::FileSystem>("A", {.vpc = vpc, .throughput_mode = cdk::efs::ThroughputMode::Provisioned});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Files/A"));
    EXPECT_THAT(e.what(), HasSubstr("provisioned throughput"));
  }
  EXPECT_THROW(stack.add<cdk::efs::FileSystem>("B", {.vpc = vpc, .provisioned_throughput_mibps = 10}), cdk::Error);
  EXPECT_THROW(stack.add<cdk::efs::FileSystem>("C", {.vpc = vpc, .performance_mode = cdk::efs::PerformanceMode::MaxIo,
                                                     .throughput_mode = cdk::efs::ThroughputMode::Elastic}),
               cdk::Error);
  EXPECT_THROW(stack.add<cdk::efs::FileSystem>("D", {.vpc = vpc, .removal_policy = cdk::RemovalPolicy::Snapshot}), cdk::Error);
  EXPECT_THROW(stack.add<cdk::efs::FileSystem>("E", {}), cdk::Error);
}

}  // namespace
