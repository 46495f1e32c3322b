// Drift detection through recorded CloudFormation answers replayed through the
// transport interface: moto_server (5.2.1) does not implement DetectStackDrift,
// DescribeStackDriftDetectionStatus or DescribeStackResourceDrifts.
#include "deploy/stack_drift.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "cli_harness.hpp"
#include "deploy/errors.hpp"
#include "deploy/operations.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::aws_error;
using testing::cfn_answer;
using testing::form_field;
using testing::hello_described;
using testing::hello_stack_arn;
using testing::ScriptedTransport;
using testing::TempDir;
using testing::xml_response;

HttpResponse detection(const std::string& status, const std::string& drift, int count, const std::string& reason = "") {
  return cfn_answer("DescribeStackDriftDetectionStatus",
                    std::string("<StackId>") + hello_stack_arn +
                        "</StackId><StackDriftDetectionId>d-1</StackDriftDetectionId>" + "<StackDriftStatus>" + drift +
                        "</StackDriftStatus><DetectionStatus>" + status + "</DetectionStatus>" +
                        (reason.empty() ? "" : "<DetectionStatusReason>" + reason + "</DetectionStatusReason>") +
                        "<DriftedStackResourceCount>" + std::to_string(count) + "</DriftedStackResourceCount>");
}

std::string resource(const std::string& logical, const std::string& physical, const std::string& type,
                     const std::string& status, const std::string& differences = "") {
  return "<member><StackId>" + std::string(hello_stack_arn) + "</StackId><LogicalResourceId>" + logical +
         "</LogicalResourceId><PhysicalResourceId>" + physical + "</PhysicalResourceId><ResourceType>" + type +
         "</ResourceType><StackResourceDriftStatus>" + status + "</StackResourceDriftStatus>" +
         (differences.empty() ? "" : "<PropertyDifferences>" + differences + "</PropertyDifferences>") +
         "<Timestamp>2026-11-23T12:00:00Z</Timestamp></member>";
}

std::string difference(const std::string& path, const std::string& expected, const std::string& actual,
                       const std::string& type) {
  return "<member><PropertyPath>" + path + "</PropertyPath><ExpectedValue>" + expected +
         "</ExpectedValue><ActualValue>" + actual + "</ActualValue><DifferenceType>" + type +
         "</DifferenceType></member>";
}

HttpResponse drifts(const std::string& members, const std::string& next = "") {
  return cfn_answer("DescribeStackResourceDrifts",
                    "<StackResourceDrifts>" + members + "</StackResourceDrifts>" +
                        (next.empty() ? "" : "<NextToken>" + next + "</NextToken>"));
}

class Drift : public ::testing::Test {
 protected:
  TempDir home, assembly;
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  int sleeps = 0;
  TargetOptions target;

  void SetUp() override {
    testing::isolate_aws_environment(home.path());
    testing::write_assembly(assembly.path(), {{"Hello", {{"Resources", {{"Data", {{"Type", "AWS::S3::Bucket"}}}}}}}});
    target.aws.endpoint = "https://cloudformation.eu-west-1.amazonaws.com";
    target.transport = transport;
    target.sleep = [this](std::chrono::milliseconds) { ++sleeps; };
    transport->on("DescribeStacks", {hello_described("UPDATE_COMPLETE")});
    transport->on("DetectStackDrift", {cfn_answer("DetectStackDrift", "<StackDriftDetectionId>d-1</StackDriftDetectionId>")});
  }
};

TEST_F(Drift, ModifiedAndDeletedResourcesArePrintedLikeADiffAndCounted) {
  transport->on("DescribeStackDriftDetectionStatus",
                {detection("DETECTION_IN_PROGRESS", "", 0), detection("DETECTION_COMPLETE", "DRIFTED", 2)});
  transport->on("DescribeStackResourceDrifts",
                {drifts(resource("Data", "hello-data-1", "AWS::S3::Bucket", "MODIFIED",
                                 difference("/Properties/VersioningConfiguration/Status", "Enabled", "Suspended",
                                            "NOT_EQUAL") +
                                     difference("/Properties/Tags/1", "", "{\"Key\":\"owner\"}", "ADD")) +
                            resource("Queue", "https://sqs/q", "AWS::SQS::Queue", "IN_SYNC"),
                        "page-2"),
                 drifts(resource("Topic", "arn:aws:sns:eu-west-1:123456789012:t", "AWS::SNS::Topic", "DELETED") +
                        resource("Custom", "c-1", "Custom::Thing", "NOT_CHECKED"))});
  std::ostringstream out;
  DriftOutcome outcome = drift_stacks(assembly.path(), target, out);
  EXPECT_EQ(outcome.drifted, 1);
  EXPECT_EQ(out.str(),
            "Stack Hello\n"
            "Modified Resources\n"
            "[~] AWS::S3::Bucket Data (hello-data-1)\n"
            " ├─ [~] VersioningConfiguration.Status: Enabled -> Suspended\n"
            " └─ [+] Tags.1: {\"Key\":\"owner\"}\n"
            "Deleted Resources\n"
            "[-] AWS::SNS::Topic Topic (arn:aws:sns:eu-west-1:123456789012:t)\n"
            "1 resource not checked (drift detection does not support its type)\n"
            "2 resources have drifted from the template\n"
            "\n"
            "Number of stacks with drift: 1\n");
  EXPECT_EQ(sleeps, 1) << "waited once for the detection to finish";
  auto requests = transport->requests();
  auto pages = std::count_if(requests.begin(), requests.end(), [](const HttpRequest& r) {
    return form_field(r.body, "Action") == "DescribeStackResourceDrifts";
  });
  EXPECT_EQ(pages, 2);
}

TEST_F(Drift, AStackInSyncSaysNoDrift) {
  transport->on("DescribeStackDriftDetectionStatus", {detection("DETECTION_COMPLETE", "IN_SYNC", 0)});
  transport->on("DescribeStackResourceDrifts", {drifts(resource("Data", "hello-data-1", "AWS::S3::Bucket", "IN_SYNC"))});
  std::ostringstream out;
  EXPECT_EQ(drift_stacks(assembly.path(), target, out).drifted, 0);
  EXPECT_EQ(out.str(), "Stack Hello\nNo drift detected\n\nNumber of stacks with drift: 0\n");
}

TEST_F(Drift, AFailedDetectionSaysWhyAndStillReportsWhatItChecked) {
  transport->on("DescribeStackDriftDetectionStatus",
                {detection("DETECTION_FAILED", "DRIFTED", 1, "Failed to detect drift on resource [Custom]")});
  transport->on("DescribeStackResourceDrifts",
                {drifts(resource("Data", "hello-data-1", "AWS::S3::Bucket", "DELETED"))});
  std::ostringstream out;
  EXPECT_EQ(drift_stacks(assembly.path(), target, out).drifted, 1);
  EXPECT_NE(out.str().find("Drift detection did not finish: Failed to detect drift on resource [Custom]\n"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("[-] AWS::S3::Bucket Data (hello-data-1)\n"), std::string::npos);
}

TEST_F(Drift, AStackThatIsNotDeployedIsSkippedWithoutDetection) {
  transport->on("DescribeStacks", {aws_error(400, "ValidationError", "Stack with id Hello does not exist")});
  std::ostringstream out;
  EXPECT_EQ(drift_stacks(assembly.path(), target, out).drifted, 0);
  EXPECT_NE(out.str().find("Hello: stack does not exist, no drift to detect"), std::string::npos);
  for (const auto& a : transport->actions()) EXPECT_NE(a, "DetectStackDrift");
}

TEST_F(Drift, ADetectionThatNeverEndsStopsAtTheDeadline) {
  transport->on("DescribeStackDriftDetectionStatus", {detection("DETECTION_IN_PROGRESS", "", 0)});
  target.timeout_seconds = 1;  // polls every 2 s: the first wait would pass the deadline
  std::ostringstream out;
  try {
    drift_stacks(assembly.path(), target, out);
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_NE(std::string(e.what()).find("drift detection d-1 still in progress, stopped waiting (--timeout)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(sleeps, 0);
}

}  // namespace
}  // namespace cdk::deploy
