// The deploy commands against moto_server behind fault_proxy.py: a hung
// endpoint is bounded by --timeout, a dropped answer is recognised on retry,
// and slow answers within the deadline still deploy.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "deploy/cloudformation.hpp"
#include "deploy/transport.hpp"
#include "fault_proxy.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::CliResult;
using testing::FaultProxy;
using testing::MotoServer;
using testing::run_cli;
using testing::TempDir;

const json queue_stack = {{"Resources", {{"Queue", {{"Type", "AWS::SQS::Queue"}}}}},
                          {"Outputs", {{"QueueName", {{"Value", {{"Fn::GetAtt", {"Queue", "QueueName"}}}}}}}}};

class MotoProxy : public ::testing::Test {
 protected:
  TempDir home;
  TempDir assembly;
  MotoServer* moto = nullptr;

  void SetUp() override {
    if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
    if (!FaultProxy::available()) GTEST_SKIP() << "python3 is not on PATH";
    testing::isolate_aws_environment(home.path());
    moto = &MotoServer::shared();
    moto->reset();
    testing::write_assembly(assembly.path(), {{"Hello", queue_stack}});
    // moto loads a backend at its first request, which can take seconds: not
    // within the short deadlines below.
    deployed("Warm");
  }

  CliResult deploy_through(const FaultProxy& proxy, const std::string& timeout, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"deploy", "--method", "direct", "--require-approval", "never",
                                     "--endpoint", proxy.url(), "--timeout", timeout};
    args.insert(args.end(), more.begin(), more.end());
    return run_cli(assembly.path(), args);
  }

  std::optional<StackDescription> deployed(const std::string& name) const {
    ClientConfig c;
    c.transport = make_curl_transport();
    c.credentials = {"AKIDMOTOTEST", "x", "", "test"};
    c.region = "us-east-1";
    c.endpoint = moto->url();
    return CloudFormation(c).describe_stack(name);
  }
};

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST_F(MotoProxy, AHungCreateStackIsBoundedByTimeoutAndSaysWhatWasInFlight) {
  FaultProxy proxy(moto->url(), {"CreateStack=hang"});
  auto outputs = assembly.path() / "outputs.json";
  testing::write_file(outputs, R"({"Other": {"Url": "https://kept"}})");
  auto start = std::chrono::steady_clock::now();
  CliResult r = deploy_through(proxy, "4", {"--outputs-file", outputs.string()});
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.exit_code, 1) << explain(r);
  EXPECT_GE(took, std::chrono::seconds(3));
  EXPECT_LT(took, std::chrono::seconds(9)) << "without the deadline this takes 3 x 60 s";
  EXPECT_EQ(lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("❌ Hello failed: Hello: the deadline (--timeout) passed while waiting for the answer to "
                       "CreateStack (cloudformation endpoint " + proxy.url() + ")"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(json::parse(testing::read_file(outputs)), json::parse(R"({"Other": {"Url": "https://kept"}})"));
  auto log = proxy.log();
  EXPECT_EQ(std::count(log.begin(), log.end(), "CreateStack hang"), 1) << "no retry started past the deadline";
}

TEST_F(MotoProxy, AHungAnswerWhileWaitingForTheStackIsBoundedToo) {
  FaultProxy proxy(moto->url(), {"DescribeStackEvents=hang"});
  auto start = std::chrono::steady_clock::now();
  CliResult r = deploy_through(proxy, "4");
  EXPECT_EQ(r.exit_code, 1) << explain(r);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(9));
  EXPECT_NE(r.err.find("the deadline (--timeout) passed while waiting for the answer to DescribeStackEvents"),
            std::string::npos)
      << r.err;
}

TEST_F(MotoProxy, ADroppedCreateStackAnswerIsRecognisedOnRetry) {
  FaultProxy proxy(moto->url(), {"CreateStack=drop@1"});
  CliResult r = deploy_through(proxy, "30");
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ Hello (created)"), std::string::npos) << r.out;
  auto log = proxy.log();
  EXPECT_EQ(std::count(log.begin(), log.end(), "CreateStack drop"), 1);
  EXPECT_EQ(std::count(log.begin(), log.end(), "CreateStack pass"), 1);
  EXPECT_EQ(deployed("Hello")->status, "CREATE_COMPLETE");
}

TEST_F(MotoProxy, SlowAnswersWithinTheDeadlineStillDeploy) {
  FaultProxy proxy(moto->url(), {"DescribeStacks=delay:0.3"});
  CliResult r = deploy_through(proxy, "30");
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_EQ(deployed("Hello")->status, "CREATE_COMPLETE");
}

}  // namespace
}  // namespace cdk::deploy
