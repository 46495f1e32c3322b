// Faults against a real moto_server: injected server errors and throttling
// (retried), the server dying in the middle of a deploy (clear error, and the
// next deploy recovers), approval answers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "deploy/deployer.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::InterceptingTransport;
using testing::MotoServer;

const std::string queue_template =
    R"({"Resources":{"Queue":{"Type":"AWS::SQS::Queue"}},"Outputs":{"Name":{"Value":{"Fn::GetAtt":["Queue","QueueName"]}}}})";

StackArtifact artifact(const std::string& name) {
  StackArtifact s;
  s.id = s.stack_name = s.display_name = name;
  return s;
}

Session session_for(const MotoServer& moto, std::shared_ptr<Transport> transport) {
  Session s;
  s.settings.credentials = {"AKIDMOTOTEST", "moto-secret", "", "test"};
  s.settings.region = "us-east-1";
  s.settings.env = [](const std::string&) { return std::nullopt; };
  s.settings.endpoint_override = moto.url();
  s.transport = std::move(transport);
  s.retry.base = std::chrono::milliseconds(10);  // keep retries quick against loopback
  return s;
}

DeployOptions direct() {
  DeployOptions o;
  o.method = DeployMethod::Direct;
  o.approval = Approval::Never;
  o.poll_interval = std::chrono::milliseconds(50);
  o.timeout = std::chrono::seconds(30);
  return o;
}

class MotoDeployer : public ::testing::Test {
 protected:
  MotoServer* moto = nullptr;
  std::ostringstream out, err;
  Printer printer{out, err};
  void SetUp() override {
    if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
    moto = &MotoServer::shared();
    moto->reset();
  }
};

TEST_F(MotoDeployer, InjectedServerErrorsAndThrottlingAreRetried) {
  auto transport = std::make_shared<InterceptingTransport>(make_curl_transport());
  int create_calls = 0, describe_calls = 0;
  transport->replace = [&](int, const std::string& action) -> std::optional<HttpResponse> {
    if (action == "CreateStack" && create_calls++ == 0) {
      return testing::xml_response(500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>"
                                        "<Message>injected</Message></Error></ErrorResponse>");
    }
    if (action == "DescribeStacks" && describe_calls++ == 1) {
      return testing::aws_error(400, "Throttling", "Rate exceeded");
    }
    return std::nullopt;
  };
  Session session = session_for(*moto, transport);
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(artifact("Retried"), queue_template);
  ASSERT_EQ(r.status, StackResult::Status::Created) << r.error;
  EXPECT_EQ(create_calls, 2);
  EXPECT_GE(describe_calls, 3);
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs[0].key, "Name");
}

// The server carries a mutating call out but its answer is lost: the retry
// sends the same ClientRequestToken. A repeated CreateStack is refused (the
// emulator does not record tokens) and the client recognises its own stack;
// the emulator carries a repeated UpdateStack or change set call out again, so
// there the tests check the token and the outcome (deployer_test.cpp replays
// the refusals CloudFormation gives).
class LostAnswer : public MotoDeployer {
 protected:
  std::shared_ptr<InterceptingTransport> transport = std::make_shared<InterceptingTransport>(make_curl_transport());
  StackResult deploy_losing(const std::string& action, DeployMethod method, const std::string& name,
                            const std::string& body) {
    int calls = 0;
    transport->lose_answer = [&, action](int, const std::string& a) { return a == action && calls++ == 0; };
    Session session = session_for(*moto, transport);
    DeployOptions o = direct();
    o.method = method;
    StackResult r = Deployer(session, printer, o, nullptr).deploy(artifact(name), body);
    transport->lose_answer = nullptr;
    return r;
  }
  void expect_one_token_sent_twice(const std::string& action, const std::string& field = "ClientRequestToken") {
    auto tokens = transport->fields(action, field);
    ASSERT_EQ(tokens.size(), 2u) << action;
    EXPECT_EQ(tokens[0], tokens[1]);
    EXPECT_EQ(tokens[0].rfind("cdkpp-", 0), 0u) << tokens[0];
  }
};

TEST_F(LostAnswer, ALostCreateStackAnswerIsTheStackThisDeployCreated) {
  StackResult r = deploy_losing("CreateStack", DeployMethod::Direct, "Lost", queue_template);
  ASSERT_EQ(r.status, StackResult::Status::Created) << r.error;
  ASSERT_EQ(r.outputs.size(), 1u);
  expect_one_token_sent_twice("CreateStack");
}

TEST_F(LostAnswer, ALostUpdateStackAnswerIsTheUpdateThisDeployMade) {
  ASSERT_EQ(deploy_losing("None", DeployMethod::Direct, "Lost", queue_template).status, StackResult::Status::Created);
  const std::string two_queues =
      R"({"Resources":{"Queue":{"Type":"AWS::SQS::Queue"},"Other":{"Type":"AWS::SQS::Queue"}},"Outputs":{)"
      R"("Name":{"Value":{"Fn::GetAtt":["Queue","QueueName"]}},"Other":{"Value":{"Fn::GetAtt":["Other","QueueName"]}}}})";
  StackResult r = deploy_losing("UpdateStack", DeployMethod::Direct, "Lost", two_queues);
  ASSERT_EQ(r.status, StackResult::Status::Updated) << r.error;
  EXPECT_EQ(r.outputs.size(), 2u);
  expect_one_token_sent_twice("UpdateStack");
}

TEST_F(LostAnswer, ALostExecuteChangeSetAnswerIsThisDeploysChangeSet) {
  StackResult r = deploy_losing("ExecuteChangeSet", DeployMethod::ChangeSet, "LostExecute", queue_template);
  ASSERT_EQ(r.status, StackResult::Status::Created) << r.error;
  expect_one_token_sent_twice("ExecuteChangeSet");
}

TEST_F(LostAnswer, ALostCreateChangeSetAnswerIsThisDeploysChangeSet) {
  StackResult r = deploy_losing("CreateChangeSet", DeployMethod::ChangeSet, "LostCreate", queue_template);
  ASSERT_EQ(r.status, StackResult::Status::Created) << r.error;
  expect_one_token_sent_twice("CreateChangeSet", "ClientToken");
}

TEST_F(MotoDeployer, ApprovalDeclinedLeavesNothingBehindAndAcceptedDeploys) {
  const std::string with_group =
      R"({"Resources":{"Sg":{"Type":"AWS::EC2::SecurityGroup","Properties":{"GroupDescription":"web",
          "SecurityGroupIngress":[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"CidrIp":"0.0.0.0/0"}]}}}})";
  Session session = session_for(*moto, make_curl_transport());
  DeployOptions o;
  o.approval = Approval::Broadening;
  o.poll_interval = std::chrono::milliseconds(50);
  o.timeout = std::chrono::seconds(30);
  StackResult declined =
      Deployer(session, printer, o, [](const std::string&) { return false; }).deploy(artifact("Web"), with_group);
  EXPECT_EQ(declined.status, StackResult::Status::Cancelled);
  CloudFormation cfn(session.config("cloudformation", "us-east-1"));
  EXPECT_FALSE(cfn.describe_stack("Web")) << "the REVIEW_IN_PROGRESS stack of the change set was removed";
  StackResult accepted =
      Deployer(session, printer, o, [](const std::string&) { return true; }).deploy(artifact("Web"), with_group);
  EXPECT_EQ(accepted.status, StackResult::Status::Created) << accepted.error;
  EXPECT_EQ(cfn.describe_stack("Web")->status, "CREATE_COMPLETE");
}

TEST_F(MotoDeployer, AChangeSetStackLeftInReviewIsCreatedByTheNextDeploy) {
  Session session = session_for(*moto, make_curl_transport());
  CloudFormation cfn(session.config("cloudformation", "us-east-1"));
  StackRequest req;
  req.stack_name = "Review";
  req.template_body = queue_template;
  cfn.create_change_set(req, "abandoned", "CREATE");
  ASSERT_EQ(cfn.describe_stack("Review")->status, "REVIEW_IN_PROGRESS");
  DeployOptions o = direct();
  o.method = DeployMethod::ChangeSet;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(artifact("Review"), queue_template);
  EXPECT_EQ(r.status, StackResult::Status::Created) << r.error;
}

TEST(Emulator, ServerKilledMidDeployFailsClearlyAndTheNextDeployRecovers) {
  if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
  MotoServer moto;
  auto transport = std::make_shared<InterceptingTransport>(make_curl_transport());
  transport->before = [&](int, const std::string& action) {
    if (action == "ExecuteChangeSet" && moto.running()) moto.kill_now();
  };
  std::ostringstream out, err;
  Printer printer(out, err);
  Session session = session_for(moto, transport);
  DeployOptions o = direct();
  o.method = DeployMethod::ChangeSet;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(artifact("Crash"), queue_template);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("Crash: cannot reach cloudformation endpoint " + moto.url() + " (ExecuteChangeSet)"),
            std::string::npos)
      << r.error;
  EXPECT_NE(err.str().find("❌ Crash failed"), std::string::npos);

  moto.restart();  // same port; moto keeps no state across restarts
  Session again = session_for(moto, make_curl_transport());
  StackResult second = Deployer(again, printer, o, nullptr).deploy(artifact("Crash"), queue_template);
  EXPECT_EQ(second.status, StackResult::Status::Created) << second.error;
}

TEST(Emulator, ServerKilledWhileWaitingForTheStackIsReportedAndRetriedOnTheNextRun) {
  if (!MotoServer::available()) GTEST_SKIP() << "moto_server is not on PATH";
  MotoServer moto;
  auto transport = std::make_shared<InterceptingTransport>(make_curl_transport());
  bool created = false;
  transport->before = [&](int, const std::string& action) {
    if (action == "CreateStack") created = true;
    if (created && action == "DescribeStacks" && moto.running()) moto.kill_now();
  };
  std::ostringstream out, err;
  Printer printer(out, err);
  Session session = session_for(moto, transport);
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(artifact("Waiting"), queue_template);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("cannot reach"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("(DescribeStacks)"), std::string::npos) << r.error;
  moto.restart();
  Session again = session_for(moto, make_curl_transport());
  EXPECT_EQ(Deployer(again, printer, direct(), nullptr).deploy(artifact("Waiting"), queue_template).status,
            StackResult::Status::Created);
}

}  // namespace
}  // namespace cdk::deploy
