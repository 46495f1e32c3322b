// End to end: the hello sample program deploys and destroys itself against
// moto from a fresh directory, as a user would run it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "deploy/cloudformation.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::MotoServer;
using testing::TempDir;

struct HelloRun {
  int exit_code;
  std::string out;
  std::string err;
};

/// Runs `hello args` in `dir` with AWS settings pointing at nothing real.
HelloRun run_hello(const std::filesystem::path& dir, const std::string& args) {
  std::filesystem::path hello = std::filesystem::path(CDKPP_BIN_DIR) / "hello";
  std::string command = "cd '" + dir.string() +
                        "' && env -u AWS_PROFILE -u AWS_ENDPOINT_URL HOME='" + dir.string() +
                        "' AWS_ACCESS_KEY_ID=AKIDHELLO AWS_SECRET_ACCESS_KEY=hello-secret AWS_REGION=us-east-1 '" +
                        hello.string() + "' " + args + " > out.txt 2> err.txt < /dev/null";
  int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(dir / "out.txt"),
          testing::read_file(dir / "err.txt")};
}

TEST(HelloSample, DeploysAndDestroysItselfAgainstTheEmulatorFromAFreshDirectory) {
  if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
  if (!std::filesystem::exists(std::filesystem::path(CDKPP_BIN_DIR) / "hello")) {
    GTEST_SKIP() << "build the hello sample first (cmake --build <dir> --target hello)";
  }
  MotoServer& moto = MotoServer::shared();
  moto.reset();
  TempDir dir;
  std::string endpoint = " --endpoint " + moto.url();

  HelloRun deploy = run_hello(dir.path(), "deploy --require-approval never" + endpoint);
  ASSERT_EQ(deploy.exit_code, 0) << deploy.out << deploy.err;
  EXPECT_NE(deploy.out.find("✅ Hello (created)"), std::string::npos) << deploy.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "cdk.out" / "manifest.json"));

  ClientConfig c;
  c.transport = make_curl_transport();
  c.credentials = {"AKIDHELLO", "x", "", "test"};
  c.region = "us-east-1";
  c.endpoint = moto.url();
  CloudFormation cfn(c);
  auto stack = cfn.describe_stack("Hello");
  ASSERT_TRUE(stack);
  EXPECT_EQ(stack->status, "CREATE_COMPLETE");
  EXPECT_EQ(stack->tags["app"], "hello");

  HelloRun again = run_hello(dir.path(), "deploy --require-approval never" + endpoint);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("✅ Hello (no changes)"), std::string::npos) << again.out;

  HelloRun destroy = run_hello(dir.path(), "destroy --force" + endpoint);
  ASSERT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
  EXPECT_NE(destroy.out.find("✅ Hello: destroyed"), std::string::npos) << destroy.out;
  EXPECT_FALSE(cfn.describe_stack("Hello"));

  // Another stage, created directly: moto computes outputs on this path (not for change sets).
  HelloRun prod = run_hello(dir.path(), "-c stage=prod deploy --method direct --require-approval never "
                                        "--outputs-file outputs.json" + endpoint);
  ASSERT_EQ(prod.exit_code, 0) << prod.out << prod.err;
  EXPECT_NE(prod.out.find("✅ Hello (created)"), std::string::npos) << prod.out;
  EXPECT_NE(prod.out.find("Hello.QueueUrl = "), std::string::npos) << prod.out;
  auto outputs = nlohmann::json::parse(testing::read_file(dir.path() / "outputs.json"));
  EXPECT_TRUE(outputs["Hello"].contains("QueueUrl")) << outputs.dump();
  EXPECT_TRUE(outputs["Hello"].contains("BucketName")) << outputs.dump();
  EXPECT_EQ(cfn.describe_stack("Hello")->tags["stage"], "prod");

  HelloRun gone = run_hello(dir.path(), "-c stage=prod destroy --force" + endpoint);
  ASSERT_EQ(gone.exit_code, 0) << gone.out << gone.err;
  EXPECT_FALSE(cfn.describe_stack("Hello"));
}

TEST(HelloSample, DeployWithoutCredentialsFailsWithOneClearLine) {
  if (!std::filesystem::exists(std::filesystem::path(CDKPP_BIN_DIR) / "hello")) {
    GTEST_SKIP() << "build the hello sample first (cmake --build <dir> --target hello)";
  }
  TempDir dir;
  std::filesystem::path hello = std::filesystem::path(CDKPP_BIN_DIR) / "hello";
  std::string command = "cd '" + dir.path().string() + "' && env -i PATH=/usr/bin:/bin HOME='" + dir.path().string() + "' '" +
                        hello.string() + "' deploy --endpoint http://127.0.0.1:9 > out.txt 2> err.txt < /dev/null";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_EQ(testing::read_file(dir.path() / "err.txt"),
            "error: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile "
            "in ~/.aws/credentials and select it with AWS_PROFILE or --profile\n");
}

}  // namespace
}  // namespace cdk::deploy
