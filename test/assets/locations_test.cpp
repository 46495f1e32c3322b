// Where assets go: the bootstrap bucket and repository of aws-cdk-lib's
// DefaultStackSynthesizer, with the stack's account and region filled in when
// known, the qualifier from the stack, the context or the default.
#include "asset_test_util.hpp"
#include "support/expect_error.hpp"

#include <cdk/bootstrap.hpp>
#include <cdk/cdk.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using cdktest::resolve;
namespace fs = std::filesystem;

class LocationsTest : public ::testing::Test {
 protected:
  cdktest::TempDir dir;
  void SetUp() override { assettest::write_app(dir.path() / "app"); }
  std::string app_dir() const { return (dir.path() / "app").string(); }
};

TEST_F(LocationsTest, AnEnvironmentAgnosticStackSubstitutesAccountAndRegion) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& a = stack.add<cdk::FileAsset>("Code", {.path = app_dir()});
  const auto& h = a.asset_hash();
  EXPECT_EQ(resolve(stack, a.bucket_name()), Json({{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}}));
  EXPECT_EQ(resolve(stack, a.object_key()), Json(h + ".zip"));
  EXPECT_EQ(a.staged_name(), "asset." + h + ".zip");
  EXPECT_EQ(resolve(stack, a.s3_object_url()),
            Json({{"Fn::Sub", "s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" + h + ".zip"}}));
  EXPECT_EQ(resolve(stack, a.http_url()),
            Json({{"Fn::Sub", "https://s3.${AWS::Region}.${AWS::URLSuffix}/cdk-hnb659fds-assets-${AWS::AccountId}-"
                              "${AWS::Region}/" + h + ".zip"}}));
}

TEST_F(LocationsTest, AStackWithAnEnvironmentWritesItsAccountAndRegion) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& a = stack.add<cdk::FileAsset>("Code", {.path = app_dir()});
  EXPECT_EQ(resolve(stack, a.bucket_name()), Json("cdk-hnb659fds-assets-123456789012-eu-west-1"));
  auto& image = stack.add<cdk::DockerImageAsset>("Image", {.directory = app_dir()});
  EXPECT_EQ(resolve(stack, image.image_uri()),
            Json({{"Fn::Sub", "123456789012.dkr.ecr.eu-west-1.${AWS::URLSuffix}/cdk-hnb659fds-container-assets-"
                              "123456789012-eu-west-1:" + image.asset_hash()}}));
  EXPECT_EQ(resolve(stack, image.repository_arn()),
            Json({{"Fn::Sub", "arn:${AWS::Partition}:ecr:eu-west-1:123456789012:repository/cdk-hnb659fds-container-"
                              "assets-123456789012-eu-west-1"}}));
}

TEST_F(LocationsTest, AFileKeepsItsExtension) {
  assettest::write(dir.path(), "bundle.tar.gz", "bytes");
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& a = stack.add<cdk::FileAsset>("Bundle", {.path = (dir.path() / "bundle.tar.gz").string()});
  EXPECT_EQ(a.object_key_text(), a.asset_hash() + ".gz");
  EXPECT_FALSE(a.is_directory());
}

TEST_F(LocationsTest, TheQualifierComesFromTheStackThenTheContext) {
  cdk::App app(cdk::AppProps{.context = {{std::string(cdk::bootstrap::qualifier_context), "team1"}}});
  auto& from_context = app.add<cdk::Stack>("A");
  auto& from_stack = app.add<cdk::Stack>("B", {.bootstrap_qualifier = "team2"});
  EXPECT_EQ(from_context.bootstrap_qualifier(), "team1");
  EXPECT_EQ(from_stack.bootstrap_qualifier(), "team2");
  auto& a = from_stack.add<cdk::FileAsset>("Code", {.path = app_dir()});
  EXPECT_EQ(resolve(from_stack, a.bucket_name()), Json({{"Fn::Sub", "cdk-team2-assets-${AWS::AccountId}-${AWS::Region}"}}));
  EXPECT_EQ(cdk::App().add<cdk::Stack>("C").bootstrap_qualifier(), "hnb659fds");
}

TEST_F(LocationsTest, ABadQualifierIsAnErrorNamingTheStack) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", {.bootstrap_qualifier = "Has_Upper"});
  cdk::testing::expect_error([&] { stack.add<cdk::FileAsset>("Code", {.path = app_dir()}); }, "Stack",
                             "bootstrap qualifier \"Has_Upper\"");
}

TEST_F(LocationsTest, ImageBuildOptionsChangeTheHash) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& plain = stack.add<cdk::DockerImageAsset>("Plain", {.directory = app_dir()});
  auto& named = stack.add<cdk::DockerImageAsset>("Named", {.directory = app_dir(), .file = "Dockerfile"});
  auto& arg = stack.add<cdk::DockerImageAsset>("Arg", {.directory = app_dir(), .build_args = {{"V", "1"}}});
  auto& arm = stack.add<cdk::DockerImageAsset>("Arm", {.directory = app_dir(), .platform = "linux/arm64"});
  EXPECT_EQ(plain.asset_hash(), named.asset_hash());
  EXPECT_NE(plain.asset_hash(), arg.asset_hash());
  EXPECT_NE(plain.asset_hash(), arm.asset_hash());
}

TEST_F(LocationsTest, AMissingDockerfileIsAnErrorNamingThePath) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::expect_error(
      [&] { stack.add<cdk::DockerImageAsset>("Image", {.directory = app_dir(), .file = "build/Dockerfile.prod"}); },
      "Stack/Image", "no Dockerfile at " + app_dir() + "/build/Dockerfile.prod");
  cdk::testing::expect_error([&] { stack.add<cdk::DockerImageAsset>("Gone", {.directory = app_dir() + "/nope"}); },
                             "Stack/Gone", "does not exist");
  cdk::testing::expect_error(
      [&] { stack.add<cdk::DockerImageAsset>("Excluded", {.directory = app_dir(), .exclude = {"Dockerfile"}}); },
      "Stack/Excluded", "left out by the exclude patterns");
}

}  // namespace
