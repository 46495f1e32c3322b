// The subcommands' options, without any endpoint.
#include <gtest/gtest.h>

#include "cli_harness.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::run_cli;
using testing::TempDir;

class Commands : public ::testing::Test {
 protected:
  TempDir home, assembly;
  void SetUp() override {
    testing::isolate_aws_environment(home.path());
    testing::write_assembly(assembly.path(), {{"Hello", {{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}}}}}}}});
  }
};

TEST_F(Commands, InvalidChoicesAreRejectedByTheParser) {
  auto r = run_cli(assembly.path(), {"deploy", "--method", "sideways"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--method"), std::string::npos) << r.err;
  r = run_cli(assembly.path(), {"deploy", "--require-approval", "sometimes"});
  EXPECT_NE(r.exit_code, 0);
  r = run_cli(assembly.path(), {"deploy", "--concurrency", "0"});
  EXPECT_NE(r.exit_code, 0);
}

TEST_F(Commands, AMalformedParameterIsAClearError) {
  auto r = run_cli(assembly.path(), {"deploy", "--endpoint", "http://127.0.0.1:9", "--parameters", "NoEquals"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--parameters 'NoEquals': expected Key=Value or Stack:Key=Value"), std::string::npos) << r.err;
}

TEST_F(Commands, AMalformedEndpointIsAClearError) {
  auto r = run_cli(assembly.path(), {"diff", "--endpoint", "localhost:4566"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("invalid endpoint URL 'localhost:4566'"), std::string::npos) << r.err;
}

TEST_F(Commands, AMissingAssemblyIsAClearError) {
  TempDir empty;
  auto r = run_cli(empty.path(), {"deploy", "--endpoint", "http://127.0.0.1:9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: cannot read cloud assembly manifest"), std::string::npos) << r.err;
}

TEST_F(Commands, HelpListsTheOptions) {
  auto r = run_cli(assembly.path(), {"deploy", "--help"});
  for (const char* option : {"--method", "--require-approval", "--parameters", "--outputs-file", "--concurrency",
                             "--force", "--endpoint", "--profile", "--region", "--timeout", "--exclusively"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

}  // namespace
}  // namespace cdk::deploy
