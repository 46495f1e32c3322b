#pragma once
// What the tests of the deploy subcommands against moto_server share: an
// isolated AWS environment, the shared server reset for each test, the CLI
// pointed at it, a client for checking what it holds, and a one-queue stack.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "cli_harness.hpp"
#include "deploy/cloudformation.hpp"
#include "deploy/transport.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy::testing {

/// A stack with one queue and its name as an output (exported under `output_export` if given).
inline nlohmann::json queue_stack(const std::string& output_export = "") {
  nlohmann::json t = {{"Resources", {{"Queue", {{"Type", "AWS::SQS::Queue"}}}}},
                      {"Outputs", {{"QueueName", {{"Value", {{"Fn::GetAtt", {"Queue", "QueueName"}}}}}}}}};
  if (!output_export.empty()) t["Outputs"]["QueueName"]["Export"] = {{"Name", output_export}};
  return t;
}

class MotoCliTest : public ::testing::Test {
 protected:
  TempDir home;
  TempDir assembly;
  MotoServer* moto = nullptr;

  void SetUp() override {
    if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
    isolate_aws_environment(home.path());
    moto = &MotoServer::shared();
    moto->reset();
  }

  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--endpoint", moto->url(), "--timeout", "30"});
    return run_cli(assembly.path(), std::move(args));
  }

  [[nodiscard]] ClientConfig config() const {
    ClientConfig c;
    c.transport = make_curl_transport();
    c.credentials = {"AKIDMOTOTEST", "x", "", "test"};
    c.region = "us-east-1";
    c.endpoint = moto->url();
    return c;
  }

  [[nodiscard]] CloudFormation cfn() const { return CloudFormation(config()); }
};

}  // namespace cdk::deploy::testing
