// lambda::Code::from_asset: the function's code points at the asset in the
// bootstrap bucket, its resource says where the local code is (SAM reads that),
// and a bad path is one error naming the function's "Code" child.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/lambda/lambda.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
namespace fs = std::filesystem;
namespace lambda = cdk::lambda;

class CodeAssetTest : public ::testing::Test {
 protected:
  fs::path dir;
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");

  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cdkpp-lambda-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    fs::create_directories(dir / "handler");
    std::ofstream(dir / "handler/index.py") << "def handler(event, context):\n    return 'ok'\n";
    std::ofstream(dir / "notes.txt") << "not code";
  }
  void TearDown() override { fs::remove_all(dir); }

  lambda::Function& function(lambda::Code code) {
    return stack.add<lambda::Function>("Fn", {.runtime = lambda::Runtime::Python312,
                                              .handler = "index.handler",
                                              .code = std::move(code)});
  }
};

TEST_F(CodeAssetTest, TheCodeIsTheAssetInTheBootstrapBucket) {
  auto& fn = function(lambda::Code::from_asset((dir / "handler").string(), {.exclude = {"*.pyc"}}));
  const auto& asset = dynamic_cast<cdk::FileAsset&>(fn.node().find_child("Code"));
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::Lambda::Function", Match::object_like({
      {"Properties", Match::object_like({{"Code", Match::object_equals({
          {"S3Bucket", Match::object_equals({{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}})},
          {"S3Key", asset.asset_hash() + ".zip"}})}})},
      {"Metadata", Match::object_like({{"aws:asset:path", "asset." + asset.asset_hash() + ".zip"},
                                       {"aws:asset:is-bundled", false},
                                       {"aws:asset:property", "Code"}})}}));
  t.has_parameter("BootstrapVersion", Match::object_like({{"Type", "AWS::SSM::Parameter::Value<String>"}}));
  for (const auto& m : fn.node().metadata()) EXPECT_THAT(m.data, ::testing::Not(::testing::HasSubstr("object_version")));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CodeAssetTest, AZipFileIsUploadedAsItIs) {
  std::ofstream(dir / "package.zip") << "PK\x05\x06";
  auto& fn = function(lambda::Code::from_asset((dir / "package.zip").string()));
  const auto& asset = dynamic_cast<cdk::FileAsset&>(fn.node().find_child("Code"));
  EXPECT_EQ(asset.object_key_text(), asset.asset_hash() + ".zip");
  EXPECT_FALSE(asset.is_directory());
}

TEST_F(CodeAssetTest, AMissingPathIsAnErrorNamingTheCode) {
  const auto missing = (dir / "build").string();
  cdk::testing::expect_error([&] { function(lambda::Code::from_asset(missing)); }, "Stack/Fn/Code",
                             "asset path " + missing + " does not exist");
}

TEST_F(CodeAssetTest, AFileThatIsNoPackageIsAnError) {
  cdk::testing::expect_error([&] { function(lambda::Code::from_asset((dir / "notes.txt").string())); },
                             "Stack/Fn/Code", "neither a directory nor a .zip or .jar file");
}

}  // namespace
