// ecs::ContainerImage::from_asset: the container's image is the asset's URI in
// the bootstrap repository, the execution role may pull from that repository,
// and a missing Dockerfile is one error naming the container's path.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/ecs/ecs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
namespace fs = std::filesystem;

class ContainerImageAssetTest : public ::testing::Test {
 protected:
  fs::path dir;
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ecs::FargateTaskDefinition& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");

  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cdkpp-ecs-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    fs::create_directories(dir / "app/docker");
    std::ofstream(dir / "app/docker/Dockerfile.web") << "FROM public.ecr.aws/nginx/nginx:1.27\n";
    std::ofstream(dir / "app/index.html") << "<p>hi</p>\n";
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(ContainerImageAssetTest, TheImageComesFromTheBootstrapRepository) {
  auto& c = task.add_container("web", {.image = cdk::ecs::ContainerImage::from_asset(
                                           (dir / "app").string(), {.file = "docker/Dockerfile.web",
                                                                    .build_args = {{"MODE", "prod"}},
                                                                    .platform = "linux/amd64"})});
  const auto& asset = dynamic_cast<cdk::DockerImageAsset&>(c.node().find_child("AssetImage"));
  EXPECT_EQ(asset.node().path(), "Stack/Task/web/AssetImage");
  const std::string repo = "cdk-hnb659fds-container-assets-123456789012-eu-west-1";
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::TaskDefinition", Match::object_like({
      {"ContainerDefinitions", Match::array_with({Match::object_like({
          {"Image", Match::object_equals({{"Fn::Sub", "123456789012.dkr.ecr.eu-west-1.${AWS::URLSuffix}/" + repo + ":" +
                                                          asset.asset_hash()}})}})})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", Match::array_equals({"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                                          "ecr:BatchGetImage"})},
          {"Resource", Match::object_equals({{"Fn::Sub", "arn:${AWS::Partition}:ecr:eu-west-1:123456789012:repository/" +
                                                             repo}})}})})}})}}));
  t.has_parameter("BootstrapVersion", Match::object_like({{"Default", "/cdk-bootstrap/hnb659fds/version"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ContainerImageAssetTest, AMissingDockerfileIsAnErrorNamingTheContainer) {
  cdk::testing::expect_error(
      [&] { task.add_container("web", {.image = cdk::ecs::ContainerImage::from_asset((dir / "app").string())}); },
      "Stack/Task/web/AssetImage", "no Dockerfile at " + (dir / "app/Dockerfile").string());
}

}  // namespace
