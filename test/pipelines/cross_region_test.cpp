// pipelines::CodePipeline deploying stacks of other regions: their actions
// run in those regions as the regional bootstrap roles, reading the assembly
// from a replication bucket of a support stack that the pipeline's stack
// depends on; another account's region gets a key its deploy role may use.
#include "pipelines/support.hpp"
#include "support/actions.hpp"
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"

#include <cdk/codepipeline/cross_region_support_stack.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/s3/bucket_actions.hpp>

#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>

namespace {

using cdk::testing::sub;

using namespace cdk::testing::pipelines;
using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace pipelines = cdk::pipelines;

const char* us_deploy_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-1";
const char* us_exec_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-us-east-1";
const char* us_prod_deploy_role = "arn:${AWS::Partition}:iam::222222222222:role/cdk-hnb659fds-deploy-role-222222222222-us-east-1";
const char* us_support = "cross-region-stack-111111111111:us-east-1";

class CrossRegionPipelineTest : public PipelinesTest {
 protected:
  cdk::Stack& support() { return dynamic_cast<cdk::Stack&>(app.node().find_child(us_support)); }
};

TEST_F(CrossRegionPipelineTest, AStackOfAnotherRegionDeploysThereAsThatRegionsBootstrapRoles) {
  auto& eu = app_stack("Eu");
  auto& us = app_stack("Us", {.account = account, .region = "us-east-1"});
  auto& p = pipeline();
  p.add_stage("Eu", {&eu});
  p.add_stage("Us", {&us});
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  const auto prepare = action(s[4], "Us.Prepare");
  EXPECT_EQ(prepare["Region"], "us-east-1");
  EXPECT_EQ(prepare["RoleArn"]["Fn::Sub"], us_deploy_role);
  EXPECT_EQ(prepare["Configuration"]["RoleArn"]["Fn::Sub"], us_exec_role);
  EXPECT_EQ(action(s[4], "Us.Deploy")["Region"], "us-east-1");
  EXPECT_FALSE(action(s[3], "Eu.Prepare").contains("Region"));
  // The assembly is kept in both regions; the pipeline's stack deploys after the support stack.
  const auto pipeline_json = nlohmann::json::parse(t.to_json())["Resources"];
  for (const auto& [id, r] : pipeline_json.items())
    if (r["Type"] == "AWS::CodePipeline::Pipeline") {
      ASSERT_EQ(r["Properties"]["ArtifactStores"].size(), 2u);
      EXPECT_EQ(r["Properties"]["ArtifactStores"][1]["Region"], "us-east-1");
    }
  EXPECT_THAT(delivery.dependencies(), ElementsAre(&support()));
  // No key: one account.
  t.resource_count_is("AWS::KMS::Key", 0);
  cdk::testing::keep_for_lint(delivery);
  cdk::testing::keep_for_lint(support());
}

TEST_F(CrossRegionPipelineTest, TheRegionsBootstrapRolesMayReadTheReplicatedAssembly) {
  auto& us = app_stack("Us", {.account = account, .region = "us-east-1"});
  pipeline().add_stage("Us", {&us});
  (void)Template::from_stack(delivery);
  auto t = Template::from_stack(support());
  for (const char* role : {us_deploy_role, us_exec_role})
    t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
        {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
            {"Principal", Match::object_equals({{"AWS", sub(role)}})},
            {"Action", cdk::testing::actions_are(cdk::s3::actions::read())}})})}})}}));
}

TEST_F(CrossRegionPipelineTest, AnotherAccountInAnotherRegionGetsAKeyItsDeployRoleMayUse) {
  auto& prod = app_stack("Prod", {.account = "222222222222", .region = "us-east-1"});
  pipeline().add_stage("Prod", {&prod});
  auto d = Template::from_stack(delivery);
  EXPECT_EQ(action(stages(d)[3], "Prod.Prepare")["RoleArn"]["Fn::Sub"], us_prod_deploy_role);
  auto t = Template::from_stack(support());
  t.has_resource_properties("AWS::KMS::Key", Match::object_like({
      {"EnableKeyRotation", true},
      {"KeyPolicy", Match::object_like({{"Statement", Match::array_with({
          Match::object_like({{"Action", Match::array_equals({"kms:Decrypt", "kms:DescribeKey"})},
                              {"Principal", Match::object_equals({{"AWS", sub(us_prod_deploy_role)}})}})})}})}}));
  t.resource_count_is("AWS::KMS::Alias", 1);
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Principal", Match::object_equals({{"AWS", sub(us_prod_deploy_role)}})}})})}})}}));
  cdk::testing::keep_for_lint(delivery);
  cdk::testing::keep_for_lint(support());
}

TEST_F(CrossRegionPipelineTest, AWaveDeploysRegionsInParallelWithOneSupportStackPerRegion) {
  auto& eu = app_stack("Eu");
  auto& us = app_stack("Us", {.account = account, .region = "us-east-1"});
  auto& ap = app_stack("Ap", {.account = account, .region = "ap-southeast-2"});
  auto& wave = pipeline().add_wave("Global");
  wave.add_stage("Eu", {&eu});
  wave.add_stage("Us", {&us});
  wave.add_stage("Ap", {&ap});
  const auto s = stages(Template::from_stack(delivery));
  EXPECT_THAT(run_orders(s[3]), ElementsAre("Eu.Eu.Prepare@1", "Eu.Eu.Deploy@2", "Us.Us.Prepare@1", "Us.Us.Deploy@2",
                                            "Ap.Ap.Prepare@1", "Ap.Ap.Deploy@2"));
  EXPECT_EQ(action(s[3], "Ap.Ap.Prepare")["Region"], "ap-southeast-2");
  EXPECT_EQ(delivery.dependencies().size(), 2u);
  EXPECT_NE(app.node().try_find_child("cross-region-stack-111111111111:ap-southeast-2"), nullptr);
}

TEST_F(CrossRegionPipelineTest, AssetsOfAnotherRegionArePublishedThroughThatRegionsPublishingRole) {
  const auto dir = std::filesystem::temp_directory_path() / ("cdkpp-xregion-assets-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "index.html") << "hello";
  auto& us = app_stack("Us", {.account = account, .region = "us-east-1"});
  us.add<cdk::FileAsset>("Content", cdk::FileAssetProps{.path = dir.string()});
  pipeline().add_stage("Us", {&us});
  auto t = Template::from_stack(delivery);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", "sts:AssumeRole"},
          {"Resource", sub("arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-file-publishing-role-111111111111-us-east-1")}})})}})}}));
  std::filesystem::remove_all(dir);
}

TEST_F(CrossRegionPipelineTest, ThePipelinesStackNeedsAnAccountForASupportStack) {
  auto& region_only = app.add<cdk::Stack>("RegionOnly", cdk::StackProps{.env = {.region = region}});
  auto& p = region_only.add<pipelines::CodePipeline>("Pipeline", props());
  auto& us = app_stack("Us", {.account = account, .region = "us-east-1"});
  cdk::testing::expect_error([&] { p.add_stage("Us", {&us}); }, "RegionOnly/Pipeline/Us",
                             "the pipeline's stack RegionOnly has no account and region");
}

}  // namespace
