// `rollback` through recorded CloudFormation answers replayed through the
// transport interface: moto_server (5.2.1) never leaves a stack in
// UPDATE_ROLLBACK_FAILED or UPDATE_FAILED and implements neither
// ContinueUpdateRollback nor RollbackStack. The emulator test of `rollback`
// (moto_commands_test.cpp) covers a stack with nothing to roll back.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_harness.hpp"
#include "deploy/errors.hpp"
#include "deploy/operations.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::cfn_answer;
using testing::form_field;
using testing::hello_described;
using testing::hello_stack_arn;
using testing::ScriptedTransport;
using testing::TempDir;
using testing::xml_response;

HttpResponse events(const std::string& members) {
  return cfn_answer("DescribeStackEvents", "<StackEvents>" + members + "</StackEvents>");
}

std::string event(const std::string& id, const std::string& logical, const std::string& type,
                  const std::string& status, const std::string& reason = "") {
  return "<member><EventId>" + id + "</EventId><StackId>" + hello_stack_arn + "</StackId><LogicalResourceId>" + logical +
         "</LogicalResourceId><ResourceType>" + type + "</ResourceType><Timestamp>2026-11-23T12:00:0" +
         id.substr(1) + ".000Z</Timestamp><ResourceStatus>" + status + "</ResourceStatus>" +
         (reason.empty() ? "" : "<ResourceStatusReason>" + reason + "</ResourceStatusReason>") + "</member>";
}

const std::string deployed_template =
    R"({"Resources":{"Data":{"Type":"AWS::S3::Bucket","Metadata":{"aws:cdk:path":"Hello/Data/Resource"}},)"
    R"("Queue":{"Type":"AWS::SQS::Queue"}}})";

class Rollback : public ::testing::Test {
 protected:
  TempDir home, assembly;
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  RollbackStacksOptions options;
  std::ostringstream out, err;

  void SetUp() override {
    testing::isolate_aws_environment(home.path());
    testing::write_assembly(assembly.path(), {{"Hello", nlohmann::json::parse(deployed_template)}});
    options.target.aws.endpoint = "https://cloudformation.eu-west-1.amazonaws.com";
    options.target.transport = transport;
    options.target.sleep = [](std::chrono::milliseconds) {};
    transport->on("GetTemplate", {cfn_answer("GetTemplate", "<TemplateBody>" + deployed_template + "</TemplateBody>")});
    transport->on("DescribeStackEvents", {events(event("e1", "Hello", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_FAILED"))});
    transport->on("ContinueUpdateRollback", {cfn_answer("ContinueUpdateRollback")});
    transport->on("RollbackStack", {cfn_answer("RollbackStack", std::string("<StackId>") + hello_stack_arn + "</StackId>")});
  }

  StacksOutcome run() { return rollback_stacks(assembly.path(), options, out, err); }

  [[nodiscard]] std::vector<HttpRequest> sent(const std::string& action) const {
    std::vector<HttpRequest> found;
    for (const auto& r : transport->requests()) {
      if (form_field(r.body, "Action") == action) found.push_back(r);
    }
    return found;
  }
};

TEST_F(Rollback, AFailedRollbackIsContinuedSkippingTheResourceNamedByItsConstructPath) {
  transport->on("DescribeStacks", {hello_described("UPDATE_ROLLBACK_FAILED"), hello_described("UPDATE_ROLLBACK_IN_PROGRESS"),
                                   hello_described("UPDATE_ROLLBACK_COMPLETE")});
  options.skip = {"Hello/Data"};
  StacksOutcome outcome = run();
  EXPECT_TRUE(outcome.ok()) << err.str();
  auto calls = sent("ContinueUpdateRollback");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(form_field(calls[0].body, "StackName"), hello_stack_arn);
  EXPECT_EQ(form_field(calls[0].body, "ResourcesToSkip.member.1"), "Data");
  EXPECT_EQ(form_field(calls[0].body, "ResourcesToSkip.member.2"), "");
  EXPECT_EQ(form_field(calls[0].body, "ClientRequestToken").rfind("cdkpp-", 0), 0u);
  EXPECT_NE(out.str().find("Hello: continuing the rollback (UPDATE_ROLLBACK_FAILED), skipping Data"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("✅ Hello (rolled back; the stack is now UPDATE_ROLLBACK_COMPLETE)"), std::string::npos);
  EXPECT_TRUE(sent("RollbackStack").empty());
}

TEST_F(Rollback, ASkipByLogicalIdIsSentAsIs) {
  transport->on("DescribeStacks", {hello_described("UPDATE_ROLLBACK_FAILED"), hello_described("UPDATE_ROLLBACK_COMPLETE")});
  options.skip = {"Queue"};
  EXPECT_TRUE(run().ok()) << err.str();
  EXPECT_EQ(form_field(sent("ContinueUpdateRollback").at(0).body, "ResourcesToSkip.member.1"), "Queue");
}

TEST_F(Rollback, ASkipThatNamesNoResourceIsAnErrorBeforeAnythingIsRolledBack) {
  transport->on("DescribeStacks", {hello_described("UPDATE_ROLLBACK_FAILED")});
  options.skip = {"Hello/Nope"};
  try {
    run();
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_STREQ(e.what(), "--skip Hello/Nope: no resource of the selected stacks has that construct path or logical "
                           "id; nothing was rolled back");
  }
  EXPECT_TRUE(sent("ContinueUpdateRollback").empty());
}

TEST_F(Rollback, SkippingIsRefusedForAStackThatIsNotInAFailedRollback) {
  transport->on("DescribeStacks", {hello_described("UPDATE_FAILED")});
  options.skip = {"Data"};
  try {
    run();
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_NE(std::string(e.what()).find("--skip Data: Hello is UPDATE_FAILED; resources can be skipped only when "
                                         "continuing the rollback of a stack in UPDATE_ROLLBACK_FAILED"),
              std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(sent("RollbackStack").empty());
}

TEST_F(Rollback, AnUpdateThatFailedWithRollbackDisabledIsRolledBackWithRollbackStack) {
  transport->on("DescribeStacks", {hello_described("UPDATE_FAILED"), hello_described("UPDATE_ROLLBACK_IN_PROGRESS"),
                                   hello_described("UPDATE_ROLLBACK_COMPLETE")});
  EXPECT_TRUE(run().ok()) << err.str();
  ASSERT_EQ(sent("RollbackStack").size(), 1u);
  EXPECT_TRUE(sent("ContinueUpdateRollback").empty());
  EXPECT_NE(out.str().find("Hello: rolling back to the last stable state (UPDATE_FAILED)"), std::string::npos);
}

TEST_F(Rollback, AStableStackHasNothingToRollBackAndNothingIsSent) {
  transport->on("DescribeStacks", {hello_described("UPDATE_COMPLETE")});
  StacksOutcome outcome = run();
  EXPECT_TRUE(outcome.ok());
  EXPECT_NE(out.str().find("Hello: nothing to roll back (UPDATE_COMPLETE)"), std::string::npos) << out.str();
  EXPECT_TRUE(sent("RollbackStack").empty());
  EXPECT_TRUE(sent("ContinueUpdateRollback").empty());
}

TEST_F(Rollback, ARollbackThatFailsAgainNamesTheResourceAndItsReason) {
  transport->on("DescribeStacks", {hello_described("UPDATE_ROLLBACK_FAILED"),
                                   hello_described("UPDATE_ROLLBACK_IN_PROGRESS"),
                                   hello_described("UPDATE_ROLLBACK_FAILED")});
  transport->on("DescribeStackEvents",
                {events(event("e1", "Hello", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_FAILED")),
                 events(event("e3", "Hello", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_FAILED") +
                        event("e2", "Data", "AWS::S3::Bucket", "UPDATE_FAILED", "Access Denied"))});
  StacksOutcome outcome = run();
  EXPECT_FALSE(outcome.ok());
  EXPECT_NE(err.str().find("❌ Hello failed to roll back: Hello: Data (AWS::S3::Bucket) UPDATE_FAILED: Access Denied; "
                           "the stack is now UPDATE_ROLLBACK_FAILED"),
            std::string::npos)
      << err.str();
}

}  // namespace
}  // namespace cdk::deploy
