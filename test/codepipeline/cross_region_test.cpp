// codepipeline::Pipeline with actions in other regions: an artifact store per
// region (support stacks with replication buckets, or given buckets), the
// pipeline's role on each, its stack deployed after the support stacks.
#include "codepipeline/support.hpp"
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"
#include "support/expect_error.hpp"

#include <cdk/codepipeline/cross_region_support_stack.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/stage.hpp>

#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::error_of;
using cdk::testing::expect_error;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace actions = cdk::codepipeline_actions;
namespace codepipeline = cdk::codepipeline;

const char* account = "111111111111";
const char* support_id = "cross-region-stack-111111111111:us-east-1";
// aws-cdk-lib's generated names for the support stack of stack "Pipe" in us-east-1.
const char* replication_bucket = "pipe-support-us-east-1eplicationbucket5b0745761669a5ead39d";
const char* replication_alias = "alias/s-east-1tencryptionalias02e3bd91ceaabcfc2220";

nlohmann::json json_of(const Template& t) { return nlohmann::json::parse(t.to_json()); }

nlohmann::json the_pipeline(const nlohmann::json& t) {
  for (const auto& [id, r] : t["Resources"].items())
    if (r["Type"] == "AWS::CodePipeline::Pipeline") return r["Properties"];
  ADD_FAILURE() << "no pipeline";
  return {};
}

// Every statement of every IAM policy of the template.
std::vector<nlohmann::json> statements(const nlohmann::json& t) {
  std::vector<nlohmann::json> out;
  for (const auto& [id, r] : t["Resources"].items())
    if (r["Type"] == "AWS::IAM::Policy")
      for (const auto& s : r["Properties"]["PolicyDocument"]["Statement"]) out.push_back(s);
  return out;
}

class CrossRegionTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Pipe", cdk::StackProps{.env = {.account = account, .region = "eu-west-1"}});
  codepipeline::Artifact source{"Source"};

  codepipeline::Pipeline& pipeline(cdk::Stack& in, codepipeline::PipelineProps props = {}) {
    auto& p = in.add<codepipeline::Pipeline>("Pipeline", std::move(props));
    p.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
        .action_name = "GitHub", .connection_arn = cdk::testing::pipeline::connection_arn, .owner = "acme",
        .repo = "engine", .branch = "main", .output = source});
    return p;
  }
  codepipeline::Pipeline& pipeline(codepipeline::PipelineProps props = {}) { return pipeline(stack, std::move(props)); }

  static actions::CloudFormationCreateUpdateStackAction deploy(std::string name, std::string region) {
    return {.action_name = std::move(name), .stack_name = "engine", .template_path = codepipeline::Artifact("Source").at_path("t.json"),
            .admin_permissions = true, .region = std::move(region)};
  }

  cdk::Stack& support() { return dynamic_cast<cdk::Stack&>(app.node().find_child(support_id)); }
};

TEST_F(CrossRegionTest, AnActionInAnotherRegionGetsAnArtifactStoreThereFromASupportStack) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1")).add_action(deploy("Eu", "eu-west-1"));
  auto t = Template::from_stack(stack);
  const auto p = the_pipeline(json_of(t));
  EXPECT_FALSE(p.contains("ArtifactStore"));
  ASSERT_EQ(p["ArtifactStores"].size(), 2u);
  EXPECT_EQ(p["ArtifactStores"][0]["Region"], "eu-west-1");
  EXPECT_EQ(p["ArtifactStores"][0]["ArtifactStore"]["Location"]["Ref"],
            t.logical_id(dynamic_cast<codepipeline::Pipeline&>(stack.node().find_child("Pipeline")).artifact_bucket().cfn_bucket()));
  EXPECT_EQ(p["ArtifactStores"][1], nlohmann::json::parse(R"({"Region": "us-east-1", "ArtifactStore": {"Location": ")" +
                                                          std::string(replication_bucket) + R"(", "Type": "S3"}})"));
  // Only the action in the other region names one.
  EXPECT_EQ(p["Stages"][1]["Actions"][0]["Region"], "us-east-1");
  EXPECT_FALSE(p["Stages"][1]["Actions"][1].contains("Region"));

  auto& s = dynamic_cast<codepipeline::CrossRegionSupportStack&>(support());
  EXPECT_EQ(s.stack_name(), "Pipe-support-us-east-1");
  EXPECT_EQ(s.env().region, "us-east-1");
  EXPECT_EQ(s.env().account, account);
  EXPECT_THAT(stack.dependencies(), ElementsAre(&s));
  cdk::testing::keep_for_lint(stack);
  cdk::testing::keep_for_lint(s);
}

TEST_F(CrossRegionTest, TheReplicationBucketIsNamedPrivateEncryptedAndTlsOnly) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  auto t = Template::from_stack(support());
  t.resource_count_is("AWS::S3::Bucket", 1);
  t.resource_count_is("AWS::KMS::Key", 0);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"BucketName", replication_bucket},
      {"BucketEncryption", Match::object_like({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_like({
          {"ServerSideEncryptionByDefault", Match::object_equals({{"SSEAlgorithm", "AES256"}})}})})}})},
      {"PublicAccessBlockConfiguration", Match::object_equals({{"BlockPublicAcls", true}, {"BlockPublicPolicy", true},
                                                               {"IgnorePublicAcls", true}, {"RestrictPublicBuckets", true}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Effect", "Deny"},
          {"Condition", Match::object_equals({{"Bool", Match::object_equals({{"aws:SecureTransport", "false"}})}})}})})}})}}));
  const auto logical = json_of(t)["Resources"].begin().key();
  EXPECT_THAT(logical, ::testing::StartsWith("CrossRegionCodePipelineReplicationBucket"));
}

TEST_F(CrossRegionTest, ThePipelinesRoleMayReadAndWriteTheReplicationBucket) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  const auto all = statements(json_of(Template::from_stack(stack)));
  const auto bucket_arn = nlohmann::json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::)" +
                                                std::string(replication_bucket) + R"("]]})");
  const auto objects_arn = nlohmann::json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::)" +
                                                 std::string(replication_bucket) + R"(/*"]]})");
  int grants = 0;
  for (const auto& s : all)
    if (s["Resource"].is_array() && s["Resource"].size() == 2 && s["Resource"][0] == bucket_arn && s["Resource"][1] == objects_arn)
      if (std::find(s["Action"].begin(), s["Action"].end(), "s3:PutObject") != s["Action"].end()) ++grants;
  // The pipeline's role and the action's role (which writes nothing) ...
  EXPECT_GE(grants, 1);
  // ... and the CloudFormation action names the stack in its region.
  bool stack_in_region = false;
  for (const auto& s : all)
    if (s["Resource"].is_object() && s["Resource"].dump().find(":cloudformation:us-east-1:") != std::string::npos) stack_in_region = true;
  EXPECT_TRUE(stack_in_region) << nlohmann::json(all).dump();
}

TEST_F(CrossRegionTest, CrossAccountKeysGiveTheReplicationBucketARotatedKeyNamedByAlias) {
  pipeline({.cross_account_keys = true}).add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  auto s = Template::from_stack(support());
  s.has_resource("AWS::KMS::Key", Match::object_like({{"DeletionPolicy", "Delete"},
                                                       {"Properties", Match::object_like({{"EnableKeyRotation", true}})}}));
  s.has_resource_properties("AWS::KMS::Alias", Match::object_like({{"AliasName", replication_alias}}));
  s.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"BucketEncryption", Match::object_like({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_like({
          {"ServerSideEncryptionByDefault", Match::object_like({{"SSEAlgorithm", "aws:kms"}})}})})}})}}));
  auto t = json_of(Template::from_stack(stack));
  const auto stores = the_pipeline(t)["ArtifactStores"];
  EXPECT_EQ(stores[1]["ArtifactStore"]["EncryptionKey"]["Type"], "KMS");
  EXPECT_EQ(stores[1]["ArtifactStore"]["EncryptionKey"]["Id"].dump(),
            R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":kms:us-east-1:111111111111:)" + std::string(replication_alias) + R"("]]})");
  // The pipeline's own store names its key too (CodePipeline would use aws/s3 otherwise).
  EXPECT_EQ(stores[0]["ArtifactStore"]["EncryptionKey"]["Type"], "KMS");
  bool key_grant = false;
  for (const auto& st : statements(t))
    if (st.contains("Condition") && st["Condition"].dump().find(replication_alias) != std::string::npos) {
      key_grant = true;
      EXPECT_EQ(st["Condition"]["ForAnyValue:StringEquals"]["kms:ResourceAliases"], replication_alias);
      EXPECT_EQ(st["Resource"].dump(), R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":kms:us-east-1:111111111111:key/*"]]})");
    }
  EXPECT_TRUE(key_grant);
  // cdk-nag learns why the grants name the replicated objects and the region's keys.
  const auto assembly = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
  std::string text;
  for (const auto& a : assembly.stacks)
    if (a.stack == &stack) text = a.template_text;
  EXPECT_THAT(text, HasSubstr("Resource::arn:<AWS::Partition>:s3:::" + std::string(replication_bucket) + "/*"));
  EXPECT_THAT(text, HasSubstr("Resource::arn:<AWS::Partition>:kms:us-east-1:111111111111:key/*"));
  cdk::testing::keep_for_lint(stack);
  cdk::testing::keep_for_lint(support());
}

TEST_F(CrossRegionTest, GivenReplicationBucketsServeTheirRegionsWithoutASupportStack) {
  pipeline({.cross_region_replication_buckets = {{"us-east-1", {.bucket_name = "acme-artifacts-us-east-1",
                                                                .encryption_key_arn = "arn:aws:kms:us-east-1:111111111111:key/abcd"}}}})
      .add_stage({.stage_name = "Deploy"})
      .add_action(deploy("Us", "us-east-1"));
  EXPECT_EQ(app.node().try_find_child(support_id), nullptr);
  EXPECT_TRUE(stack.dependencies().empty());
  const auto stores = the_pipeline(json_of(Template::from_stack(stack)))["ArtifactStores"];
  EXPECT_EQ(stores[1], nlohmann::json::parse(R"({"Region": "us-east-1", "ArtifactStore": {"Location": "acme-artifacts-us-east-1",
      "Type": "S3", "EncryptionKey": {"Id": "arn:aws:kms:us-east-1:111111111111:key/abcd", "Type": "KMS"}}})"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CrossRegionTest, PipelinesOfOneAccountShareTheSupportStackOfARegion) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("A", "us-east-1")).add_action(deploy("B", "us-east-1"));
  auto& other = app.add<cdk::Stack>("Other", cdk::StackProps{.env = {.account = account, .region = "eu-west-1"}});
  pipeline(other).add_stage({.stage_name = "Deploy"}).add_action(deploy("C", "us-east-1"));
  int support_stacks = 0;
  for (auto* c : app.node().children()) support_stacks += dynamic_cast<codepipeline::CrossRegionSupportStack*>(c) != nullptr;
  EXPECT_EQ(support_stacks, 1);
  EXPECT_THAT(other.dependencies(), ElementsAre(&support()));
}

TEST_F(CrossRegionTest, TheAssemblyListsTheSupportStackBeforeThePipelinesStack) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  const auto dir = std::filesystem::temp_directory_path() / "cdkpp-cross-region-assembly";
  std::filesystem::remove_all(dir);
  const auto result = app.synth(dir.string());
  EXPECT_THAT(result.template_files, ElementsAre(std::string(support_id) + ".template.json", "Pipe.template.json"));
  std::ifstream in(dir / "manifest.json");
  const auto manifest = nlohmann::json::parse(in);
  const auto& support_artifact = manifest["artifacts"][support_id];
  EXPECT_EQ(support_artifact["environment"], "aws://111111111111/us-east-1");
  EXPECT_EQ(support_artifact["properties"]["stackName"], "Pipe-support-us-east-1");
  const auto deps = manifest["artifacts"]["Pipe"]["dependencies"];
  EXPECT_NE(std::find(deps.begin(), deps.end(), support_id), deps.end()) << deps.dump();
  std::filesystem::remove_all(dir);
}

TEST_F(CrossRegionTest, TheSupportStackRaisesNoSecurityFinding) {
  pipeline({.cross_account_keys = true}).add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  const auto dir = std::filesystem::temp_directory_path() / "cdkpp-cross-region-findings";
  const auto result = app.synth(dir.string());
  for (const auto& d : result.warnings)
    if (d.level != cdk::Diagnostic::Level::Info) EXPECT_THAT(d.path, ::testing::Not(HasSubstr(support_id))) << d.message;
  std::filesystem::remove_all(dir);
}

TEST_F(CrossRegionTest, AStagedPipelineKeepsItsSupportStackInTheStage) {
  auto& stage = app.add<cdk::Stage>("Prod", cdk::StageProps{.env = {.account = account, .region = "eu-west-1"}});
  auto& in_stage = stage.add<cdk::Stack>("Pipe");
  pipeline(in_stage).add_stage({.stage_name = "Deploy"}).add_action(deploy("Us", "us-east-1"));
  auto* s = dynamic_cast<cdk::Stack*>(stage.node().try_find_child(support_id));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->stack_name(), "Prod-Pipe-support-us-east-1");
  EXPECT_THAT(in_stage.dependencies(), ElementsAre(s));
}

TEST_F(CrossRegionTest, ASameRegionActionNeedsNoSupportAndKeepsOneArtifactStore) {
  pipeline().add_stage({.stage_name = "Deploy"}).add_action(deploy("Eu", "eu-west-1"));
  const auto p = the_pipeline(json_of(Template::from_stack(stack)));
  EXPECT_TRUE(p.contains("ArtifactStore"));
  EXPECT_FALSE(p.contains("ArtifactStores"));
  EXPECT_EQ(app.node().try_find_child(support_id), nullptr);
}

TEST_F(CrossRegionTest, AnotherRegionNeedsThePipelinesStackToHaveAConcreteEnvironment) {
  auto& no_region = app.add<cdk::Stack>("Agnostic");
  auto& deploy_stage = pipeline(no_region).add_stage({.stage_name = "Deploy"});
  expect_error([&] { deploy_stage.add_action(deploy("Us", "us-east-1")); }, "Agnostic/Pipeline/Deploy/Us",
               "the action runs in us-east-1, and the pipeline's stack Agnostic has no region");
  auto& no_account = app.add<cdk::Stack>("RegionOnly", cdk::StackProps{.env = {.region = "eu-west-1"}});
  auto& other_stage = pipeline(no_account).add_stage({.stage_name = "Deploy"});
  expect_error([&] { other_stage.add_action(deploy("Us", "us-east-1")); }, "RegionOnly/Pipeline/Deploy/Us",
               "the pipeline's stack RegionOnly has no account for the replication bucket's support stack");
}

TEST_F(CrossRegionTest, RefusesASourceActionInAnotherRegion) {
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Source"}).add_action_as_role({
      .action_name = "Elsewhere", .role_arn = cdk::Value("arn:aws:iam::111111111111:role/source"),
      .config = {.category = codepipeline::ActionCategory::Source, .provider = "S3", .outputs = {source},
                 .configuration = cdk::Value::map({{"S3Bucket", "b"}, {"S3ObjectKey", "k"}})},
      .region = "us-east-1"});
  p.add_stage({.stage_name = "Deploy"}).add_action(deploy("Eu", "eu-west-1"));
  try {
    (void)Template::from_stack(stack);
    ADD_FAILURE() << "expected an error";
  } catch (const cdk::SynthError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Pipe/Pipeline/Source/Elsewhere"));
    EXPECT_THAT(e.what(), HasSubstr("a source action must be in the pipeline's region"));
  }
}

TEST_F(CrossRegionTest, RefusesReplicationBucketsForThePipelinesOwnRegionOrWithoutAName) {
  expect_error([&] { pipeline({.cross_region_replication_buckets = {{"eu-west-1", {.bucket_name = "b"}}}}); }, "Pipe/Pipeline",
               "cross_region_replication_buckets lists \"eu-west-1\", the pipeline's own region");
  auto& other = app.add<cdk::Stack>("Other", cdk::StackProps{.env = {.account = account, .region = "eu-west-1"}});
  expect_error([&] { other.add<codepipeline::Pipeline>("Pipeline", codepipeline::PipelineProps{.cross_region_replication_buckets = {{"us-east-1", {}}}}); },
               "Other/Pipeline", "cross_region_replication_buckets[\"us-east-1\"] names no bucket");
}

}  // namespace
