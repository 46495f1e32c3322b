#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/vpc.hpp>
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
  // TestVpc's subnets are L1 resources without Subnet constructs, so the mount
  // targets are numbered; FileSystemMountTargetIds covers a cdk::ec2::Vpc.
  EXPECT_THAT(t.logical_id(*fs.mount_targets()[0]), ::testing::StartsWith("SharedEfsMountTarget1"));
  // The group's description is its path, as aws-cdk-lib writes it (a change would replace the group).
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"GroupDescription", "Files/Shared/EfsSecurityGroup"}}));
  cdk::testing::keep_for_lint(stack);
}

// Named after their subnets under the AWS CDK's flag
// @aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId (cdk init's value), so
// a subnet added later renames no other mount target; numbered with it off.
TEST(FileSystemMountTargetIds, NamedAfterTheirSubnetsOrNumberedWhenTheCdkFlagIsOff) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Files");
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& fs = stack.add<cdk::efs::FileSystem>("Fs", {.vpc = vpc});
  auto t = Template::from_stack(stack);
  // aws-cdk-lib 2.278 with its recommended flags, the same app.
  EXPECT_EQ(t.logical_id(*fs.mount_targets()[0]), "FsEfsMountTargetPrivateSubnet19818E1FF");
  EXPECT_EQ(t.logical_id(*fs.mount_targets()[1]), "FsEfsMountTargetPrivateSubnet20283DA27");

  cdk::App old_app({.context = {{"@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId", "false"}}});
  auto& old_stack = old_app.add<cdk::Stack>("Files");
  auto& old_vpc = old_stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& old_fs = old_stack.add<cdk::efs::FileSystem>("Fs", {.vpc = old_vpc});
  auto old_t = Template::from_stack(old_stack);
  EXPECT_THAT(old_t.logical_id(*old_fs.mount_targets()[0]), ::testing::StartsWith("FsEfsMountTarget1"));
  EXPECT_THAT(old_t.logical_id(*old_fs.mount_targets()[1]), ::testing::StartsWith("FsEfsMountTarget2"));
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
