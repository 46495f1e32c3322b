// The deploy commands on an app with stages, against a real moto_server:
// deploy, diff and destroy take stage patterns and reach the stacks of the
// nested assemblies.
#include <gtest/gtest.h>

#include <cdk/cdk.hpp>

#include "cli_harness.hpp"
#include "moto_cli_fixture.hpp"
#include "synth/synthesizer.hpp"

namespace cdk::deploy {
namespace {

using testing::CliResult;

// Stages Dev and Prod (us-east-1, moto's region), a queue stack "Queues" in each.
class MotoStages : public testing::MotoCliTest {
 protected:
  void SetUp() override {
    testing::MotoCliTest::SetUp();
    if (IsSkipped()) return;
    cdk::App app;
    for (const char* stage : {"Dev", "Prod"})
      app.add<cdk::Stage>(stage, {.env = {.region = "us-east-1"}})
          .add<cdk::Stack>("Queues")
          .add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
    cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), assembly.path());
  }
  bool exists(const std::string& stack) {
    auto d = cfn().describe_stack(stack);
    return d && d->status != "DELETE_COMPLETE";
  }
};

TEST_F(MotoStages, DeployDiffAndDestroyTakeAStagePattern) {
  CliResult deployed = cli({"deploy", "Prod/*", "--require-approval", "never"});
  ASSERT_EQ(deployed.exit_code, 0) << explain(deployed);
  EXPECT_TRUE(exists("Prod-Queues"));
  EXPECT_FALSE(exists("Dev-Queues")) << "only the Prod stage was named";

  CliResult diff = cli({"diff", "Prod/Queues", "--fail"});
  EXPECT_EQ(diff.exit_code, 0) << explain(diff);

  CliResult destroyed = cli({"destroy", "Prod/*", "--force"});
  ASSERT_EQ(destroyed.exit_code, 0) << explain(destroyed);
  EXPECT_FALSE(exists("Prod-Queues"));
}

}  // namespace
}  // namespace cdk::deploy
