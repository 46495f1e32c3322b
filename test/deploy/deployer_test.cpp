// The deployer against recorded CloudFormation answers (the documented query
// API XML) replayed through the transport interface: per-resource events,
// rollbacks, change sets without changes and stuck stacks, which the emulator
// does not produce.
#include "deploy/deployer.hpp"
#include "deploy/errors.hpp"
#include "deploy/outputs_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::aws_error;
using testing::ScriptedTransport;
using testing::xml_response;

constexpr const char* stack_arn = "arn:aws:cloudformation:eu-west-1:123456789012:stack/Hello/5f1e4a20-aaaa-11ef-8000-0a1b2c3d4e5f";
constexpr const char* ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

std::string wrap(const std::string& action, const std::string& result) {
  return "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" + action +
         "Result><ResponseMetadata><RequestId>4e1f6b2a-0000-4000-8000-00000000000" + std::to_string(action.size() % 10) +
         "</RequestId></ResponseMetadata></" + action + "Response>";
}

HttpResponse stacks(const std::string& status, const std::string& reason = "", const std::string& outputs = "") {
  return xml_response(200, wrap("DescribeStacks", "<Stacks><member><StackName>Hello</StackName><StackId>" +
                                                      std::string(stack_arn) + "</StackId><StackStatus>" + status +
                                                      "</StackStatus>" +
                                                      (reason.empty() ? "" : "<StackStatusReason>" + reason +
                                                                                 "</StackStatusReason>") +
                                                      "<Outputs>" + outputs + "</Outputs></member></Stacks>"));
}

HttpResponse missing() { return aws_error(400, "ValidationError", "Stack with id Hello does not exist"); }

struct Event {
  std::string id, logical, type, status, reason, time, token{};
};

HttpResponse events(const std::vector<Event>& newest_first) {
  std::string members;
  for (const auto& e : newest_first) {
    members += "<member><EventId>" + e.id + "</EventId><StackId>" + stack_arn +
               "</StackId><StackName>Hello</StackName><LogicalResourceId>" + e.logical +
               "</LogicalResourceId><PhysicalResourceId></PhysicalResourceId><ResourceType>" + e.type +
               "</ResourceType><Timestamp>2026-11-23T" + e.time + ".123Z</Timestamp><ResourceStatus>" + e.status +
               "</ResourceStatus>" +
               (e.reason.empty() ? "" : "<ResourceStatusReason>" + e.reason + "</ResourceStatusReason>") +
               (e.token.empty() ? "" : "<ClientRequestToken>" + e.token + "</ClientRequestToken>") + "</member>";
  }
  return xml_response(200, wrap("DescribeStackEvents", "<StackEvents>" + members + "</StackEvents>"));
}

HttpResponse ok(const std::string& action, const std::string& result = "") {
  return xml_response(200, wrap(action, result));
}

constexpr const char* stack_type = "AWS::CloudFormation::Stack";

const std::string three_resources = R"({"Resources":{"Queue":{"Type":"AWS::SQS::Queue"},
  "Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"my-bucket"}},
  "Topic":{"Type":"AWS::SNS::Topic"}}})";

class Replay : public ::testing::Test {
 protected:
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::ostringstream out, err;
  Printer printer{out, err};
  Session session;
  int sleeps = 0;
  /// Replayed time: it moves only when the deployer sleeps.
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  StackArtifact hello;

  void SetUp() override {
    session.settings.credentials = {"AKIDREPLAY", "replay-secret", "", "test"};
    session.settings.region = "eu-west-1";
    session.settings.env = [](const std::string&) { return std::nullopt; };
    session.settings.endpoint_override = "https://cloudformation.eu-west-1.amazonaws.com";
    session.transport = transport;
    session.sleep = [this](std::chrono::milliseconds d) {
      ++sleeps;
      now += d;
    };
    session.clock = [this] { return now; };
    hello.id = hello.stack_name = hello.display_name = "Hello";
  }

  DeployOptions direct() const {
    DeployOptions o;
    o.method = DeployMethod::Direct;
    o.approval = Approval::Never;
    return o;
  }

  size_t position(const std::string& action) const {
    auto a = transport->actions();
    return static_cast<size_t>(std::find(a.begin(), a.end(), action) - a.begin());
  }
};

TEST_F(Replay, ARolledBackCreateReportsTheFirstFailingResourceAndTheFinalStatus) {
  transport->on("DescribeStacks", {missing(), stacks("CREATE_IN_PROGRESS"),
                                   stacks("ROLLBACK_COMPLETE", "The following resource(s) failed to create: [Bucket]")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents",
                {events({{"e3", "Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", "", "12:00:03"},
                         {"e2", "Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", "", "12:00:02"},
                         {"e1", "Hello", stack_type, "CREATE_IN_PROGRESS", "User Initiated", "12:00:01"}}),
                 events({{"e9", "Hello", stack_type, "ROLLBACK_COMPLETE", "", "12:00:09"},
                         {"e8", "Queue", "AWS::SQS::Queue", "DELETE_COMPLETE", "", "12:00:08"},
                         {"e7", "Hello", stack_type, "ROLLBACK_IN_PROGRESS",
                          "The following resource(s) failed to create: [Bucket, Topic]. Rollback requested by user.",
                          "12:00:07"},
                         {"e6", "Topic", "AWS::SNS::Topic", "CREATE_FAILED", "Resource creation cancelled", "12:00:06"},
                         {"e5", "Bucket", "AWS::S3::Bucket", "CREATE_FAILED",
                          "my-bucket already exists in stack arn:aws:cloudformation:eu-west-1:123456789012:stack/Other/1",
                          "12:00:05"},
                         {"e4", "Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", "", "12:00:04"},
                         {"e3", "Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", "", "12:00:03"},
                         {"e2", "Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", "", "12:00:02"},
                         {"e1", "Hello", stack_type, "CREATE_IN_PROGRESS", "User Initiated", "12:00:01"}})});
  Deployer deployer(session, printer, direct(), nullptr);
  StackResult r = deployer.deploy(hello, three_resources);

  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_EQ(r.error,
            "Hello: Bucket (AWS::S3::Bucket) CREATE_FAILED: my-bucket already exists in stack "
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/Other/1; the stack is now ROLLBACK_COMPLETE");
  std::string o = out.str();
  // One line per event, oldest first, each printed once, with a progress count.
  EXPECT_NE(o.find("Hello | 0/3 | 12:00:01 | CREATE_IN_PROGRESS   | AWS::CloudFormation::Stack | Hello (User Initiated)"),
            std::string::npos) << o;
  EXPECT_NE(o.find("Hello | 1/3 | 12:00:03 | CREATE_COMPLETE      | AWS::SQS::Queue | Queue"), std::string::npos);
  EXPECT_NE(o.find("Hello | 1/3 | 12:00:05 | CREATE_FAILED        | AWS::S3::Bucket | Bucket (my-bucket already"),
            std::string::npos);
  EXPECT_NE(o.find("Hello | 2/3 | 12:00:08 | DELETE_COMPLETE      | AWS::SQS::Queue | Queue"), std::string::npos);
  EXPECT_EQ(std::count(o.begin(), o.end(), '\n'), 10) << o;  // deploying line + 9 events
  EXPECT_NE(err.str().find("❌ Hello failed: Hello: Bucket (AWS::S3::Bucket) CREATE_FAILED"), std::string::npos);
  EXPECT_EQ(sleeps, 1);
}

TEST_F(Replay, ProgressBarDrawsFinishedResourcesAndStackStatusesAndKeepsFailureLines) {
  transport->on("DescribeStacks", {missing(), stacks("ROLLBACK_COMPLETE")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents",
                {events({{"e9", "Hello", stack_type, "ROLLBACK_COMPLETE", "", "12:00:09"},
                         {"e8", "Queue", "AWS::SQS::Queue", "DELETE_COMPLETE", "", "12:00:08"},
                         {"e7", "Hello", stack_type, "ROLLBACK_IN_PROGRESS", "", "12:00:07"},
                         {"e6", "Topic", "AWS::SNS::Topic", "CREATE_FAILED", "Resource creation cancelled", "12:00:06"},
                         {"e5", "Bucket", "AWS::S3::Bucket", "CREATE_FAILED", "my-bucket already exists", "12:00:05"},
                         {"e4", "Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", "", "12:00:04"},
                         {"e3", "Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", "", "12:00:03"},
                         {"e2", "Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", "", "12:00:02"},
                         {"e1", "Hello", stack_type, "CREATE_IN_PROGRESS", "User Initiated", "12:00:01"}})});
  DeployOptions o = direct();
  o.progress = Progress::Bar;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  const std::string expected =
      "Hello: deploying... (3 resources, eu-west-1, direct)\n"
      "Hello | [--------------------] 0/3 | 12:00:01 | CREATE_IN_PROGRESS | AWS::CloudFormation::Stack Hello\n"
      "Hello | [######--------------] 1/3 | 12:00:03 | CREATE_COMPLETE | AWS::SQS::Queue Queue\n"
      "Hello | 1/3 | 12:00:05 | CREATE_FAILED        | AWS::S3::Bucket | Bucket (my-bucket already exists)\n"
      "Hello | 1/3 | 12:00:06 | CREATE_FAILED        | AWS::SNS::Topic | Topic (Resource creation cancelled)\n"
      "Hello | [######--------------] 1/3 | 12:00:07 | ROLLBACK_IN_PROGRESS | AWS::CloudFormation::Stack Hello\n"
      "Hello | [#############-------] 2/3 | 12:00:08 | DELETE_COMPLETE | AWS::SQS::Queue Queue\n"
      "Hello | [#############-------] 2/3 | 12:00:09 | ROLLBACK_COMPLETE | AWS::CloudFormation::Stack Hello\n";
  EXPECT_EQ(out.str(), expected);
}

TEST_F(Replay, AFailedUpdateReportsTheUpdateRollback) {
  transport->on("DescribeStacks", {stacks("CREATE_COMPLETE"), stacks("UPDATE_ROLLBACK_COMPLETE")});
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>{\"Resources\":{}}</TemplateBody>")});
  transport->on("UpdateStack", {ok("UpdateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents",
                {events({{"u0", "Hello", stack_type, "CREATE_COMPLETE", "", "11:00:00"}}),
                 events({{"u4", "Hello", stack_type, "UPDATE_ROLLBACK_COMPLETE", "", "12:00:04"},
                         {"u3", "Queue", "AWS::SQS::Queue", "UPDATE_FAILED",
                          "Resource handler returned message: \"Invalid value for VisibilityTimeout\"", "12:00:03"},
                         {"u2", "Hello", stack_type, "UPDATE_IN_PROGRESS", "User Initiated", "12:00:02"},
                         {"u0", "Hello", stack_type, "CREATE_COMPLETE", "", "11:00:00"}})});
  Deployer deployer(session, printer, direct(), nullptr);
  StackResult r = deployer.deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_EQ(r.error,
            "Hello: Queue (AWS::SQS::Queue) UPDATE_FAILED: Resource handler returned message: \"Invalid value for "
            "VisibilityTimeout\"; the stack is now UPDATE_ROLLBACK_COMPLETE");
  EXPECT_EQ(out.str().find("11:00:00"), std::string::npos) << "events before the update are not shown";
}

TEST_F(Replay, AChangeSetWithoutChangesIsDeletedAndReportedAsNoChanges) {
  transport->on("DescribeStacks",
                {stacks("UPDATE_COMPLETE", "", "<member><OutputKey>Url</OutputKey><OutputValue>u</OutputValue></member>")});
  // The deployed template differs textually (a YAML-free rewrite), CloudFormation finds nothing to do.
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>{\"Resources\":{\"Queue\":{\"Type\":\"AWS::SQS::Queue\"}},"
                                                  "\"Metadata\":{\"x\":1}}</TemplateBody>")});
  transport->on("CreateChangeSet", {ok("CreateChangeSet", "<Id>arn:cs</Id><StackId>x</StackId>")});
  transport->on("DescribeChangeSet",
                {ok("DescribeChangeSet", "<Status>CREATE_PENDING</Status>"),
                 ok("DescribeChangeSet",
                    "<ChangeSetId>arn:cs</ChangeSetId><Status>FAILED</Status><ExecutionStatus>UNAVAILABLE</ExecutionStatus>"
                    "<StatusReason>The submitted information didn't contain changes. Submit different information to "
                    "create a change set.</StatusReason>")});
  transport->on("DeleteChangeSet", {ok("DeleteChangeSet")});
  DeployOptions o;
  o.approval = Approval::Never;
  Deployer deployer(session, printer, o, nullptr);
  StackResult r = deployer.deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::NoChanges);
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs[0].value, "u");
  auto actions = transport->actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "DeleteChangeSet"), actions.end());
  EXPECT_EQ(std::find(actions.begin(), actions.end(), "ExecuteChangeSet"), actions.end());
  EXPECT_NE(out.str().find("✅ Hello (no changes)"), std::string::npos);
  EXPECT_EQ(sleeps, 1);  // polled the pending change set once
}

TEST_F(Replay, AChangeSetThatFailsForAnotherReasonIsAnError) {
  transport->on("DescribeStacks", {missing()});
  transport->on("CreateChangeSet", {ok("CreateChangeSet", "<Id>arn:cs</Id>")});
  transport->on("DescribeChangeSet", {ok("DescribeChangeSet", "<Status>FAILED</Status><StatusReason>Template format "
                                                              "error: Unresolved resource dependencies [Nope]</StatusReason>")});
  transport->on("DeleteChangeSet", {ok("DeleteChangeSet")});
  DeployOptions o;
  o.approval = Approval::Never;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("FAILED: Template format error: Unresolved resource dependencies [Nope]"), std::string::npos)
      << r.error;
}

TEST_F(Replay, AStackThatNeverFinishesHitsTheTimeoutWithAClearMessage) {
  transport->on("DescribeStacks", {missing(), stacks("CREATE_IN_PROGRESS")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents", {events({{"e1", "Hello", stack_type, "CREATE_IN_PROGRESS", "", "12:00:01"}})});
  DeployOptions o = direct();
  o.timeout = std::chrono::seconds(60);  // polled every 2 s
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("Hello: still CREATE_IN_PROGRESS after 58s, stopped waiting (--timeout)"), std::string::npos)
      << r.error;
  EXPECT_EQ(sleeps, 29) << "no poll starts past the deadline";
}

// A retried CreateStack refused because the stack exists is this deploy's own
// first attempt only when the stack's events carry this deploy's token.
TEST_F(Replay, ARetriedCreateStackRefusedForAnotherDeploysStackIsAnError) {
  transport->on("DescribeStacks", {missing()});
  transport->on("CreateStack", {aws_error(500, "InternalFailure", "injected", "Receiver"),
                                aws_error(400, "AlreadyExistsException", "Stack [Hello] already exists")});
  transport->on("DescribeStackEvents",
                {events({{"e1", "Hello", stack_type, "CREATE_IN_PROGRESS", "", "12:00:01", "cdkpp-someone-else"}})});
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("AlreadyExistsException"), std::string::npos) << r.error;
}

// A lost UpdateStack answer: the retry is refused because the update runs.
// Whether it is this deploy's depends on the token of the stack's newest event.
class LostUpdate : public Replay {
 protected:
  StackResult deploy_with_newest_event_token(const std::string& token) {
    transport->on("DescribeStacks", {stacks("CREATE_COMPLETE"), stacks("UPDATE_COMPLETE")});
    transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>{\"Resources\":{}}</TemplateBody>")});
    transport->on("UpdateStack", {aws_error(503, "ServiceUnavailable", "injected", "Receiver"),
                                  aws_error(400, "ValidationError",
                                            std::string("Stack:") + stack_arn +
                                                " is in UPDATE_IN_PROGRESS state and can not be updated.")});
    const Event created{"u0", "Hello", stack_type, "CREATE_COMPLETE", "", "11:00:00"};
    const Event started{"u2", "Hello", stack_type, "UPDATE_IN_PROGRESS", "User Initiated", "12:00:02", token};
    transport->on("DescribeStackEvents",
                  {events({created}), events({started, created}),
                   events({{"u3", "Hello", stack_type, "UPDATE_COMPLETE", "", "12:00:03", token}, started, created})});
    return Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  }
};

TEST_F(LostUpdate, IsThisDeploysUpdateWhenTheEndpointRecordsNoToken) {
  StackResult r = deploy_with_newest_event_token("");
  EXPECT_EQ(r.status, StackResult::Status::Updated) << r.error;
  auto updates = transport->requests();
  std::vector<std::string> tokens;
  for (const auto& q : updates)
    if (testing::form_field(q.body, "Action") == "UpdateStack") tokens.push_back(testing::form_field(q.body, "ClientRequestToken"));
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0], tokens[1]);
}

TEST_F(LostUpdate, IsAnErrorWhenTheRunningUpdateCarriesAnotherToken) {
  StackResult r = deploy_with_newest_event_token("cdkpp-another-deploy");
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("UPDATE_IN_PROGRESS state and can not be updated"), std::string::npos) << r.error;
}

TEST_F(Replay, ACreateStackRefusedOnItsFirstAttemptIsAnError) {
  transport->on("DescribeStacks", {missing()});
  transport->on("CreateStack", {aws_error(400, "AlreadyExistsException", "Stack [Hello] already exists")});
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("AlreadyExistsException"), std::string::npos) << r.error;
  EXPECT_EQ(position("DescribeStackEvents"), transport->actions().size()) << "nothing to recognise without a retry";
}

TEST_F(Replay, AStackLeftInRollbackCompleteIsDeletedBeforeItIsCreatedAgain) {
  transport->on("DescribeStacks", {stacks("ROLLBACK_COMPLETE"), missing(), stacks("CREATE_COMPLETE")});
  transport->on("DeleteStack", {ok("DeleteStack")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents", {events({})});
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Created) << r.error;
  EXPECT_LT(position("DeleteStack"), position("CreateStack"));
  EXPECT_NE(out.str().find("Hello: stack is ROLLBACK_COMPLETE after an earlier failed create; deleting it first"),
            std::string::npos);
}

TEST_F(Replay, AnOperationInProgressIsWaitedForBeforeDeploying) {
  transport->on("DescribeStacks", {stacks("UPDATE_IN_PROGRESS"), stacks("UPDATE_COMPLETE")});
  transport->on("DescribeStackEvents", {events({})});
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>" + three_resources + "</TemplateBody>")});
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::NoChanges) << r.error;
  EXPECT_NE(out.str().find("waiting for the operation in progress (UPDATE_IN_PROGRESS) to finish"), std::string::npos);
}

TEST_F(Replay, BroadeningChangesNeedApprovalAndADeclinedChangeSetIsCleanedUp) {
  const std::string with_role = R"({"Resources":{"Role":{"Type":"AWS::IAM::Role","Properties":{}}}})";
  transport->on("DescribeStacks", {missing()});
  transport->on("CreateChangeSet", {ok("CreateChangeSet", "<Id>arn:cs</Id>")});
  transport->on("DescribeChangeSet", {ok("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status>")});
  transport->on("DeleteChangeSet", {ok("DeleteChangeSet")});
  transport->on("DeleteStack", {ok("DeleteStack")});
  std::vector<std::string> questions;
  DeployOptions o;  // change set, --require-approval broadening
  Deployer deployer(session, printer, o, [&](const std::string& q) {
    questions.push_back(q);
    return false;
  });
  StackResult r = deployer.deploy(hello, with_role);
  EXPECT_EQ(r.status, StackResult::Status::Cancelled);
  ASSERT_EQ(questions.size(), 1u);
  EXPECT_EQ(questions[0], "Do you wish to deploy these changes to Hello (y/n)?");
  EXPECT_NE(out.str().find("[+] AWS::IAM::Role Role"), std::string::npos) << out.str();
  auto actions = transport->actions();
  EXPECT_EQ(std::find(actions.begin(), actions.end(), "ExecuteChangeSet"), actions.end());
  EXPECT_LT(position("DeleteChangeSet"), actions.size());
  EXPECT_LT(position("DeleteStack"), actions.size()) << "the empty REVIEW_IN_PROGRESS stack is removed";
}

TEST_F(Replay, WithoutATerminalApprovalIsAnErrorThatNamesTheWayOut) {
  transport->on("DescribeStacks", {missing()});
  DeployOptions o = direct();
  o.approval = Approval::AnyChange;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("re-run with --require-approval never"), std::string::npos) << r.error;
  auto actions = transport->actions();
  EXPECT_EQ(std::find(actions.begin(), actions.end(), "CreateStack"), actions.end());
}

TEST_F(Replay, NonBroadeningChangesDeployWithoutAsking) {
  transport->on("DescribeStacks", {missing(), stacks("CREATE_COMPLETE")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents", {events({})});
  DeployOptions o = direct();
  o.approval = Approval::Broadening;
  bool asked = false;
  StackResult r = Deployer(session, printer, o, [&](const std::string&) { return asked = true; })
                      .deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Created) << r.error;
  EXPECT_FALSE(asked);
}

TEST_F(Replay, AFailedDeleteNamesTheResourceThatCouldNotBeDeleted) {
  transport->on("DescribeStacks", {stacks("CREATE_COMPLETE"), stacks("DELETE_FAILED")});
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>" + three_resources + "</TemplateBody>")});
  transport->on("DeleteStack", {ok("DeleteStack")});
  transport->on("DescribeStackEvents",
                {events({{"d0", "Hello", stack_type, "CREATE_COMPLETE", "", "11:00:00"}}),
                 events({{"d3", "Hello", stack_type, "DELETE_FAILED", "", "12:00:03"},
                         {"d2", "Bucket", "AWS::S3::Bucket", "DELETE_FAILED", "The bucket you tried to delete is not empty",
                          "12:00:02"},
                         {"d1", "Hello", stack_type, "DELETE_IN_PROGRESS", "User Initiated", "12:00:01"},
                         {"d0", "Hello", stack_type, "CREATE_COMPLETE", "", "11:00:00"}})});
  StackResult r = Deployer(session, printer, direct(), nullptr).destroy(hello);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_EQ(r.error,
            "Hello: Bucket (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty; the stack is "
            "now DELETE_FAILED");
}

TEST_F(Replay, StacksWhoseDependencyFailedAreSkipped) {
  testing::TempDir dir;
  testing::write_assembly(dir.path(), {{"Base", nlohmann::json::parse(three_resources)},
                                       {"App", nlohmann::json::parse(three_resources), {"Base"}}});
  Assembly a = read_assembly(dir.path());
  transport->on("DescribeStacks", {aws_error(400, "AccessDenied", "User is not authorized to perform cloudformation:DescribeStacks")});
  auto results = Deployer(session, printer, direct(), nullptr).deploy_all(a.select({}, true, false));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, StackResult::Status::Failed);
  EXPECT_NE(results[0].error.find("AccessDenied"), std::string::npos);
  EXPECT_EQ(results[1].status, StackResult::Status::Skipped);
  EXPECT_EQ(results[1].error, "App: not deployed because Base failed");
}

TEST_F(Replay, AnUpdateThroughAChangeSetIsNotTakenForDoneBeforeItStarts) {
  // Until the change set reports its execution started, the stack still shows
  // its old UPDATE_COMPLETE; the update then fails and rolls back.
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>{\"Resources\":{}}</TemplateBody>")});
  transport->on("CreateChangeSet", {ok("CreateChangeSet", std::string("<Id>arn:cs</Id><StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeChangeSet",
                {ok("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>"),
                 ok("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>"),
                 ok("DescribeChangeSet",
                    "<Status>CREATE_COMPLETE</Status><ExecutionStatus>EXECUTE_IN_PROGRESS</ExecutionStatus>")});
  transport->on("ExecuteChangeSet", {ok("ExecuteChangeSet")});
  transport->on("DescribeStackEvents", {events({})});
  auto timed = std::make_shared<testing::InterceptingTransport>(transport);
  int change_set_reads = 0, stack_reads_after_start = 0;
  timed->replace = [&](int, const std::string& action) -> std::optional<HttpResponse> {
    if (action == "DescribeChangeSet") ++change_set_reads;
    if (action != "DescribeStacks") return std::nullopt;
    if (change_set_reads < 3) return stacks("UPDATE_COMPLETE");
    return stack_reads_after_start++ == 0 ? stacks("UPDATE_IN_PROGRESS") : stacks("UPDATE_ROLLBACK_COMPLETE");
  };
  session.transport = timed;
  DeployOptions o;
  o.approval = Approval::Never;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("UPDATE_ROLLBACK_COMPLETE"), std::string::npos) << r.error;
}

TEST_F(Replay, AChangeSetThatReplacesAStatefulResourceIsDeletedUnexecutedUnlessAllowed) {
  // The bucket's own properties do not change in the template, but the change
  // set says it is replaced (a value it refers to changes): only it knows.
  transport->on("DescribeStacks", {stacks("UPDATE_COMPLETE")});
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>{\"Resources\":{\"Bucket\":{\"Type\":\"AWS::S3::Bucket\","
                                                  "\"Properties\":{\"BucketName\":\"my-bucket\"}}}}</TemplateBody>")});
  transport->on("CreateChangeSet", {ok("CreateChangeSet", std::string("<Id>arn:cs</Id><StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeChangeSet",
                {ok("DescribeChangeSet",
                    "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus><Changes><member>"
                    "<Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>Bucket"
                    "</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><Replacement>True</Replacement>"
                    "<Details><member><Target><Attribute>Properties</Attribute><Name>BucketName</Name>"
                    "<RequiresRecreation>Always</RequiresRecreation></Target><Evaluation>Dynamic</Evaluation>"
                    "<ChangeSource>ResourceReference</ChangeSource></member></Details>"
                    "</ResourceChange></member></Changes>")});
  transport->on("DeleteChangeSet", {ok("DeleteChangeSet")});
  DeployOptions o;
  o.approval = Approval::Never;
  StackResult r = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::Failed);
  EXPECT_NE(r.error.find("Bucket: the deploy replaces AWS::S3::Bucket Bucket (changed: BucketName)"),
            std::string::npos)
      << r.error;
  EXPECT_NE(out.str().find("[~] Bucket AWS::S3::Bucket (replacement: True: BucketName)"), std::string::npos)
      << out.str();
  auto actions = transport->actions();
  EXPECT_EQ(std::find(actions.begin(), actions.end(), "ExecuteChangeSet"), actions.end());
  EXPECT_LT(position("DeleteChangeSet"), actions.size());

  const std::string replaced_bucket =
      "<Changes><member><Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>Bucket"
      "</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><Replacement>True</Replacement>"
      "</ResourceChange></member></Changes>";
  transport->on("DescribeChangeSet",
                {ok("DescribeChangeSet", "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>" +
                                             replaced_bucket),
                 ok("DescribeChangeSet",
                    "<Status>CREATE_COMPLETE</Status><ExecutionStatus>EXECUTE_IN_PROGRESS</ExecutionStatus>")});
  transport->on("ExecuteChangeSet", {ok("ExecuteChangeSet")});
  transport->on("DescribeStackEvents", {events({})});
  o.allow_replace = {"Bucket"};
  StackResult allowed = Deployer(session, printer, o, nullptr).deploy(hello, three_resources);
  EXPECT_EQ(allowed.error.find("the deploy replaces"), std::string::npos) << allowed.error;
  actions = transport->actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "ExecuteChangeSet"), actions.end()) << allowed.error;
}

TEST_F(Replay, TerminationProtectionIsTurnedOnForAnUnchangedStack) {
  transport->on("DescribeStacks", {stacks("CREATE_COMPLETE")});
  transport->on("GetTemplate", {ok("GetTemplate", "<TemplateBody>" + three_resources + "</TemplateBody>")});
  transport->on("UpdateTerminationProtection", {ok("UpdateTerminationProtection", "<StackId>x</StackId>")});
  hello.termination_protection = true;
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, three_resources);
  EXPECT_EQ(r.status, StackResult::Status::NoChanges) << r.error;
  auto requests = transport->requests();
  auto it = std::find_if(requests.begin(), requests.end(), [](const HttpRequest& q) {
    return testing::form_field(q.body, "Action") == "UpdateTerminationProtection";
  });
  ASSERT_NE(it, requests.end());
  EXPECT_EQ(testing::form_field(it->body, "EnableTerminationProtection"), "true");
  EXPECT_EQ(testing::form_field(it->body, "StackName"), "Hello");
  EXPECT_NE(out.str().find("Hello: termination protection enabled"), std::string::npos);
}

// A template with a Transform (an included SAM template) deploys only with
// CAPABILITY_AUTO_EXPAND, which every stack request sends.
TEST_F(Replay, ATemplateWithATransformIsSentWithCapabilityAutoExpand) {
  const std::string serverless = R"({"Transform":"AWS::Serverless-2016-10-31","Resources":{"Fn":{
    "Type":"AWS::Serverless::Function","Properties":{"Runtime":"python3.12","Handler":"index.handler",
    "InlineCode":"def handler(e, c): return 1"}}}})";
  transport->on("DescribeStacks", {missing(), stacks("CREATE_COMPLETE")});
  transport->on("CreateStack", {ok("CreateStack", std::string("<StackId>") + stack_arn + "</StackId>")});
  transport->on("DescribeStackEvents", {events({})});
  StackResult r = Deployer(session, printer, direct(), nullptr).deploy(hello, serverless);
  EXPECT_EQ(r.status, StackResult::Status::Created) << r.error;
  auto requests = transport->requests();
  auto it = std::find_if(requests.begin(), requests.end(),
                         [](const HttpRequest& q) { return testing::form_field(q.body, "Action") == "CreateStack"; });
  ASSERT_NE(it, requests.end());
  std::vector<std::string> capabilities;
  for (int i = 1; !testing::form_field(it->body, "Capabilities.member." + std::to_string(i)).empty(); ++i)
    capabilities.push_back(testing::form_field(it->body, "Capabilities.member." + std::to_string(i)));
  EXPECT_THAT(capabilities, ::testing::Contains("CAPABILITY_AUTO_EXPAND"));
  EXPECT_NE(testing::form_field(it->body, "TemplateBody").find("AWS::Serverless-2016-10-31"), std::string::npos);
}

TEST(OutputsFile, IsWrittenWholeAsJsonKeyedByStack) {
  testing::TempDir dir;
  auto path = dir.path() / "outputs.json";
  write_outputs_file(path, {{"A", StackResult::Status::Created, {{"Url", "http://a", "", ""}}, "", ""},
                            {"B", StackResult::Status::Failed, {}, "", "boom"},
                            {"C", StackResult::Status::NoChanges, {}, "", ""}});
  EXPECT_EQ(nlohmann::json::parse(testing::read_file(path)),
            (nlohmann::json{{"A", {{"Url", "http://a"}}}, {"C", nlohmann::json::object()}}));
}

// A failed deploy keeps what the file had for the stacks it did not deploy:
// the outputs of a stack still deployed are never lost.
TEST(OutputsFile, KeepsEarlierOutputsOfStacksThatFailedOrWereNotDeployed) {
  testing::TempDir dir;
  auto path = dir.path() / "outputs.json";
  write_outputs_file(path, {{"A", StackResult::Status::Created, {{"Url", "http://a", "", ""}}, "", ""},
                            {"B", StackResult::Status::Created, {{"Url", "http://b", "", ""}}, "", ""},
                            {"C", StackResult::Status::Created, {{"Url", "http://c", "", ""}}, "", ""},
                            {"D", StackResult::Status::Created, {{"Url", "http://d", "", ""}}, "", ""}});
  write_outputs_file(path,
                     {{"A", StackResult::Status::Updated, {{"Url", "http://a2", "", ""}}, "", ""},
                      {"B", StackResult::Status::Failed, {}, "", "boom"},
                      {"C", StackResult::Status::Deleted, {}, "", ""}},
                     read_outputs_file(path));
  EXPECT_EQ(nlohmann::json::parse(testing::read_file(path)),
            (nlohmann::json{{"A", {{"Url", "http://a2"}}}, {"B", {{"Url", "http://b"}}}, {"D", {{"Url", "http://d"}}}}));
}

TEST(OutputsFile, AMissingFileReadsAsNoOutputs) {
  testing::TempDir dir;
  EXPECT_EQ(read_outputs_file(dir.path() / "none.json"), nlohmann::ordered_json::object());
}

TEST(OutputsFile, AFileThatIsNotAnObjectOfStacksIsAnErrorAndIsLeftAlone) {
  testing::TempDir dir;
  auto path = dir.path() / "outputs.json";
  for (const char* text : {"not json", "[1, 2]"}) {
    std::ofstream(path) << text;
    EXPECT_THAT([&] { read_outputs_file(path); },
                ::testing::ThrowsMessage<DeployError>(::testing::HasSubstr("is not a JSON object of stacks")));
    EXPECT_EQ(testing::read_file(path), text);
  }
}

TEST(Toolkit, TemplateIsAPrivateEncryptedBucketThatIsKept) {
  auto t = nlohmann::json::parse(toolkit_template());
  const auto& bucket = t["Resources"][staging_bucket_logical_id];
  EXPECT_EQ(bucket["Type"], "AWS::S3::Bucket");
  EXPECT_EQ(bucket["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucket["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicAcls"], true);
  EXPECT_TRUE(bucket["Properties"].contains("BucketEncryption"));
}

}  // namespace
}  // namespace cdk::deploy
