// The docker command lines of image publishing, and the process runner under them.
#include "deploy/image_publisher.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "deploy/errors.hpp"
#include "deploy/process.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

TEST(ImagePublisher, BuildArgumentsFollowTheManifestSource) {
  ImageAsset a;
  a.id = "h";
  a.docker_file = "docker/Dockerfile.prod";
  a.build_args = {{"B", "2"}, {"A", "x y"}};
  a.target = "runtime";
  a.platform = "linux/arm64";
  a.network_mode = "host";
  a.cache_disabled = true;
  EXPECT_EQ(docker_build_arguments(a, "/asm/asset.h", "cdkasset-h"),
            (std::vector<std::string>{"build", "--tag", "cdkasset-h", "--file", "/asm/asset.h/docker/Dockerfile.prod",
                                      "--build-arg", "A=x y", "--build-arg", "B=2", "--target", "runtime",
                                      "--platform", "linux/arm64", "--network", "host", "--no-cache",
                                      "/asm/asset.h"}));
  EXPECT_EQ(docker_build_arguments(ImageAsset{}, "/d", "t"), (std::vector<std::string>{"build", "--tag", "t", "/d"}));
}

TEST(ImagePublisher, AMissingDirectoryOrDockerfileIsNamed) {
  testing::TempDir dir;
  ImageAsset a;
  EXPECT_THROW(check_image_source(a, dir.path() / "nope"), DeployError);
  try {
    check_image_source(a, dir.path());
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_EQ(std::string(e.what()), "there is no Dockerfile at " + (dir.path() / "Dockerfile").string());
  }
  testing::write_file(dir.path() / "Dockerfile", "FROM scratch\n");
  EXPECT_NO_THROW(check_image_source(a, dir.path()));
}

TEST(Process, PassesStandardInputAndCollectsOutput) {
  ProcessResult r = run_process({"sh", "-c", "cat; echo done >&2; exit 3"}, "secret\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.output, "secret\ndone\n");
  EXPECT_EQ(r.last_line(), "done");
  std::string big(1 << 20, 'x');  // more than a pipe holds: input and output must flow together
  EXPECT_EQ(run_process({"cat"}, big).output.size(), big.size());
  EXPECT_EQ(run_process({"sh", "-c", "exit 0"}, big).exit_code, 0) << "a child that reads nothing is no failure";
}

TEST(Process, AMissingProgramExitsWith127) {
  ProcessResult r = run_process({"cdkpp-no-such-program"});
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_NE(r.output.find("cannot run cdkpp-no-such-program"), std::string::npos);
}

}  // namespace
}  // namespace cdk::deploy

namespace cdk::deploy {
namespace {

// A real build where a container engine runs here; moto has no registry, so
// tag/login/push are covered by the recording stand-in (MotoAssets) only.
TEST(ImagePublisher, RealEngineBuildsTheArgumentsWeGive) {
  const char* configured = std::getenv("CDK_DOCKER");
  std::string program = configured && *configured ? configured : "docker";
  ProcessResult info = run_process({program, "info"});
  if (!info.ok()) GTEST_SKIP() << program << " cannot build here (no daemon): " << info.last_line();
  testing::TempDir dir;
  testing::write_file(dir.path() / "Dockerfile", "FROM scratch AS runtime\nARG STAGE\nCOPY hello.txt /\n");
  testing::write_file(dir.path() / "hello.txt", "hello\n");
  ImageAsset a;
  a.id = "cdkpp-test";
  a.build_args = {{"STAGE", "test"}};
  a.target = "runtime";
  auto args = docker_build_arguments(a, dir.path(), "cdkasset-cdkpp-test");
  args.insert(args.begin(), program);
  ProcessResult r = run_process(args);
  EXPECT_TRUE(r.ok()) << r.output;
  run_process({program, "rmi", "cdkasset-cdkpp-test"});
}

}  // namespace
}  // namespace cdk::deploy
