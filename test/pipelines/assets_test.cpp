// pipelines::CodePipeline's Assets stage: after UpdatePipeline, one CodeBuild
// action per asset kind running cdk-assets on the synthesized asset manifests
// as the targets' publishing roles, and nothing when no stack has assets.
#include "pipelines/support.hpp"
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"

#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>

#include <gmock/gmock.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

using cdk::testing::sub;

using namespace cdk::testing::pipelines;
using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace fs = std::filesystem;
namespace pipelines = cdk::pipelines;

const char* file_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-file-publishing-role-111111111111-eu-west-1";
const char* image_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-image-publishing-role-111111111111-eu-west-1";

class PipelineAssetsTest : public PipelinesTest {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "site");
    fs::create_directories(dir_ / "image");
    std::ofstream(dir_ / "site/index.html") << "hello";
    std::ofstream(dir_ / "image/Dockerfile") << "FROM public.ecr.aws/docker/library/busybox:1.36\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  cdk::FileAsset& file_asset(cdk::Stack& stack) {
    return stack.add<cdk::FileAsset>("Content", cdk::FileAssetProps{.path = (dir_ / "site").string()});
  }
  cdk::DockerImageAsset& image_asset(cdk::Stack& stack) {
    return stack.add<cdk::DockerImageAsset>("Image", cdk::DockerImageAssetProps{.directory = (dir_ / "image").string()});
  }

  /// The project whose logical id starts with `prefix`.
  static nlohmann::json project(const Template& t, const std::string& prefix) {
    const auto resources = nlohmann::json::parse(t.to_json())["Resources"];
    for (const auto& [id, r] : resources.items())
      if (r["Type"] == "AWS::CodeBuild::Project" && id.rfind(prefix, 0) == 0) return r;
    ADD_FAILURE() << "no project " << prefix;
    return {};
  }
  static std::string build_spec(const Template& t, const std::string& prefix) {
    return project(t, prefix)["Properties"]["Source"]["BuildSpec"];
  }

  fs::path dir_ = fs::temp_directory_path() / ("cdkpp-pipeline-assets-" + std::to_string(::getpid()));
};

TEST_F(PipelineAssetsTest, PublishesFileAndImageAssetsInAnAssetsStageAfterUpdatePipeline) {
  auto& site = app_stack("Site");
  file_asset(site);
  auto& api = app_stack("Api");
  image_asset(api);
  pipeline().add_stage("Prod", {&site, &api});
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_THAT(stage_names(s), ElementsAre("Source", "Build", "UpdatePipeline", "Assets", "Prod"));
  EXPECT_THAT(run_orders(s[3]), ElementsAre("FileAssets@1", "DockerAssets@1"));
  for (const auto* name : {"FileAssets", "DockerAssets"}) {
    const auto a = action(s[3], name);
    EXPECT_EQ(a["ActionTypeId"]["Provider"], "CodeBuild");
    EXPECT_EQ(a["InputArtifacts"][0]["Name"], "Synth_Output");
  }
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelineAssetsTest, TheFileProjectRunsCdkAssetsOnEachStacksManifestForItsFileAssetsOnly) {
  auto& site = app_stack("Site");
  const auto& content = file_asset(site);
  image_asset(site);
  auto& docs = app_stack("Docs");
  const auto& same = file_asset(docs);
  pipeline().add_stage("Prod", {&site, &docs});
  auto t = Template::from_stack(delivery);
  const auto spec = nlohmann::json::parse(build_spec(t, "PipelineAssetsFileAsset"));
  EXPECT_EQ(spec["phases"]["install"]["commands"], nlohmann::json::array({"npm install -g cdk-assets@4"}));
  EXPECT_EQ(spec["phases"]["build"]["commands"], nlohmann::json::array({
      "cdk-assets --path \"Site.assets.json\" --verbose publish \"" + content.asset_hash() + "\"",
      "cdk-assets --path \"Docs.assets.json\" --verbose publish \"" + same.asset_hash() + "\""}));
  EXPECT_EQ(project(t, "PipelineAssetsFileAsset")["Properties"]["Environment"]["PrivilegedMode"], false);
}

TEST_F(PipelineAssetsTest, TheDockerProjectIsPrivilegedWithTheReasonAndPublishesImagesOnly) {
  auto& api = app_stack("Api");
  const auto& image = image_asset(api);
  file_asset(api);
  auto p = props();
  p.cdk_assets_version = "4.7.3";
  pipeline(std::move(p)).add_stage("Prod", {&api});
  auto t = Template::from_stack(delivery);
  const auto spec = nlohmann::json::parse(build_spec(t, "PipelineAssetsDockerAsset"));
  EXPECT_EQ(spec["phases"]["install"]["commands"], nlohmann::json::array({"npm install -g cdk-assets@4.7.3"}));
  EXPECT_EQ(spec["phases"]["build"]["commands"], nlohmann::json::array({
      "cdk-assets --path \"Api.assets.json\" --verbose publish \"" + image.asset_hash() + "\""}));
  EXPECT_EQ(project(t, "PipelineAssetsDockerAsset")["Properties"]["Environment"]["PrivilegedMode"], true);
  // Synthesis (with the security rules) reports no privileged build, and
  // writes the reason where cdk-nag reads it.
  const auto result = app.synth((dir_ / "assembly").string());
  for (const auto& w : result.warnings)
    if (w.level == cdk::Diagnostic::Level::Warning) EXPECT_NE(w.rule, "CODEBUILD-PRIVILEGED") << w.path;
  std::ifstream in(dir_ / "assembly/Delivery.template.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Template::from_json(text).has_resource("AWS::CodeBuild::Project", Match::object_like({
      {"Properties", Match::object_like({{"Environment", Match::object_like({{"PrivilegedMode", true}})}})},
      {"Metadata", Match::object_like({{"cdk_nag", Match::object_like({{"rules_to_suppress", Match::array_with({Match::object_like({
          {"id", "AwsSolutions-CB3"}, {"reason", Match::string_like_regexp(".*container image assets with docker.*")}})})}})}})}}));
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelineAssetsTest, EachPublishingRoleMayAssumeOnlyTheTargetsPublishingRoleOfItsKind) {
  auto& api = app_stack("Api");
  image_asset(api);
  file_asset(api);
  pipeline().add_stage("Prod", {&api});
  auto t = Template::from_stack(delivery);
  auto assume = [](const char* role) {
    return Match::object_like({{"Action", "sts:AssumeRole"}, {"Effect", "Allow"}, {"Resource", sub(role)}});
  };
  const auto policies = nlohmann::json::parse(t.to_json())["Resources"];
  int checked = 0;
  for (const auto& [id, r] : policies.items()) {
    if (r["Type"] != "AWS::IAM::Policy") continue;
    const bool file = id.rfind("PipelineAssetsFileRole", 0) == 0, docker = id.rfind("PipelineAssetsDockerRole", 0) == 0;
    if (!file && !docker) continue;
    ++checked;
    std::vector<std::string> assumed;
    for (const auto& st : r["Properties"]["PolicyDocument"]["Statement"])
      if (st["Action"] == "sts:AssumeRole") assumed.push_back(st["Resource"]["Fn::Sub"]);
    EXPECT_THAT(assumed, ElementsAre(file ? file_role : image_role)) << id;
  }
  EXPECT_EQ(checked, 2);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({assume(image_role)})}})}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({
      {"AssumeRolePolicyDocument", Match::object_like({{"Statement", Match::array_equals({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "codebuild.amazonaws.com"}})}})})}})}}));
}

TEST_F(PipelineAssetsTest, WithoutImageAssetsThereIsNoDockerProjectAndWithoutAssetsNoAssetsStage) {
  auto& site = app_stack("Site");
  file_asset(site);
  auto& plain = app_stack("Plain");
  auto& p = pipeline();
  p.add_stage("Prod", {&site});
  p.add_stage("Other", {&plain});
  auto t = Template::from_stack(delivery);
  EXPECT_THAT(run_orders(stages(t)[3]), ElementsAre("FileAssets@1"));
  t.resource_properties_count_is("AWS::CodeBuild::Project", Match::object_like({
      {"Environment", Match::object_like({{"PrivilegedMode", true}})}}), 0);

  cdk::App other;
  auto& d = other.add<cdk::Stack>("Delivery", cdk::StackProps{.env = {.account = account, .region = region}});
  auto& s = other.add<cdk::Stack>("Plain", cdk::StackProps{.env = {.account = account, .region = region}});
  s.add<cdk::sqs::CfnQueue>("Queue");
  d.add<pipelines::CodePipeline>("Pipeline", props()).add_stage("Prod", {&s});
  EXPECT_THAT(stage_names(stages(Template::from_stack(d))), ElementsAre("Source", "Build", "UpdatePipeline", "Prod"));
}

TEST_F(PipelineAssetsTest, RefusesAssetsInThePipelinesOwnStackWhileItMutatesItself) {
  file_asset(delivery);
  auto& api = app_stack("Api");
  pipeline().add_stage("Prod", {&api});
  expect_error([&] { Template::from_stack(delivery); }, "Delivery/Pipeline",
               "the pipeline's own stack Delivery has file or image assets, which SelfMutate would deploy before");
}

// The commands name what synthesis writes: `<artifact id>.assets.json` in the
// assembly, holding the hashes; cdk-assets (from the npm cache, when there)
// reads that manifest.
TEST_F(PipelineAssetsTest, TheCommandsNameTheManifestsAndHashesSynthesisWrites) {
  auto& api = app_stack("Api");
  const auto& content = file_asset(api);
  const auto& image = image_asset(api);
  pipeline().add_stage("Prod", {&api});
  const auto out = dir_ / "assembly";
  app.synth(out.string());
  std::ifstream in(out / "Api.assets.json");
  ASSERT_TRUE(in) << "no Api.assets.json in the assembly";
  const auto manifest = nlohmann::json::parse(in);
  EXPECT_TRUE(manifest["files"].contains(content.asset_hash()));
  EXPECT_TRUE(manifest["dockerImages"].contains(image.asset_hash()));
  const char* home = std::getenv("HOME");
  const auto cdk_assets = fs::path(home != nullptr ? home : "/nonexistent") / ".cache/cdkpp-npm/node_modules/.bin/cdk-assets";
  if (!fs::exists(cdk_assets)) GTEST_SKIP() << "cdk-assets is not in the npm cache (npm install --prefix ~/.cache/cdkpp-npm cdk-assets@4)";
  const auto listed = dir_ / "listed.txt";
  const auto command = "cd " + out.string() + " && " + cdk_assets.string() + " --path Api.assets.json ls > " + listed.string() + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::ifstream text(listed);
  const std::string got((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
  EXPECT_THAT(got, HasSubstr(content.asset_hash()));
  EXPECT_THAT(got, HasSubstr(image.asset_hash()));
}

}  // namespace
