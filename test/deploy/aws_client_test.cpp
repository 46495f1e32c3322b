#include "deploy/aws_client.hpp"

#include <gtest/gtest.h>

#include "deploy/cloudformation.hpp"
#include "deploy/errors.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::aws_error;
using testing::form_field;
using testing::ScriptedTransport;
using testing::xml_response;

const char* describe_stacks_ok =
    R"(<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult>
    <Stacks>
      <member>
        <StackName>Hello</StackName>
        <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/Hello/6b6a7d10-0000-11ef-0000-000000000001</StackId>
        <StackStatus>UPDATE_COMPLETE</StackStatus>
        <Parameters>
          <member><ParameterKey>Size</ParameterKey><ParameterValue>3</ParameterValue></member>
        </Parameters>
        <Outputs>
          <member><OutputKey>QueueUrl</OutputKey><OutputValue>https://sqs/q</OutputValue>
            <Description>the queue</Description><ExportName>Hello:QueueUrl</ExportName></member>
        </Outputs>
        <Tags><member><Key>team</Key><Value>infra</Value></member></Tags>
      </member>
    </Stacks>
  </DescribeStacksResult>
  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
</DescribeStacksResponse>)";

struct Recorder {
  std::vector<std::chrono::milliseconds> sleeps;
};

ClientConfig config_for(std::shared_ptr<ScriptedTransport> t, Recorder& rec, int max_attempts = 5) {
  ClientConfig c;
  c.transport = std::move(t);
  c.credentials = {"AKIDTEST", "secret-never-shown", "", "test"};
  c.region = "eu-west-1";
  c.endpoint = "https://cloudformation.eu-west-1.amazonaws.com";
  c.retry.max_attempts = max_attempts;
  c.sleep = [&rec](std::chrono::milliseconds d) { rec.sleeps.push_back(d); };
  return c;
}

TEST(AwsClient, SendsASignedQueryProtocolPost) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(200, describe_stacks_ok)});
  Recorder rec;
  CloudFormation cfn(config_for(t, rec));
  cfn.describe_stack("Hello");
  ASSERT_EQ(t->requests().size(), 1u);
  const auto requests = t->requests();
  const HttpRequest& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://cloudformation.eu-west-1.amazonaws.com/");
  EXPECT_EQ(form_field(r.body, "Action"), "DescribeStacks");
  EXPECT_EQ(form_field(r.body, "Version"), "2010-05-15");
  EXPECT_EQ(form_field(r.body, "StackName"), "Hello");
  EXPECT_EQ(header_value(r.headers, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_NE(header_value(r.headers, "Authorization").find("Credential=AKIDTEST/"), std::string::npos);
  EXPECT_NE(header_value(r.headers, "Authorization").find("/eu-west-1/cloudformation/aws4_request"),
            std::string::npos);
}

TEST(AwsClient, ParsesStacksWithOutputsParametersAndTags) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(200, describe_stacks_ok)});
  Recorder rec;
  auto d = CloudFormation(config_for(t, rec)).describe_stack("Hello");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, "UPDATE_COMPLETE");
  ASSERT_EQ(d->outputs.size(), 1u);
  EXPECT_EQ(d->outputs[0].key, "QueueUrl");
  EXPECT_EQ(d->outputs[0].value, "https://sqs/q");
  EXPECT_EQ(d->outputs[0].export_name, "Hello:QueueUrl");
  EXPECT_EQ(d->parameters.at("Size"), "3");
  EXPECT_EQ(d->tags.at("team"), "infra");
}

TEST(AwsClient, AMissingStackIsNotAnError) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {aws_error(400, "ValidationError", "Stack with id Nope does not exist")});
  Recorder rec;
  EXPECT_FALSE(CloudFormation(config_for(t, rec)).describe_stack("Nope"));
  EXPECT_TRUE(rec.sleeps.empty());
}

TEST(AwsClient, ErrorAnswersBecomeTypedErrorsWithCodeAndMessage) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("CreateStack", {aws_error(400, "AlreadyExistsException", "Stack [Hello] already exists")});
  Recorder rec;
  try {
    CloudFormation(config_for(t, rec)).create_stack({.stack_name = "Hello", .template_body = "{}"});
    FAIL() << "expected AwsError";
  } catch (const AwsError& e) {
    EXPECT_EQ(e.code(), "AlreadyExistsException");
    EXPECT_EQ(e.message(), "Stack [Hello] already exists");
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.request_id(), "b9b4e1f1-0000-4000-8000-000000000000");
    EXPECT_STREQ(e.what(), "CreateStack failed: AlreadyExistsException: Stack [Hello] already exists");
  }
  EXPECT_EQ(t->requests().size(), 1u);  // client errors are not retried
}

TEST(AwsClient, ThrottlingAndServerErrorsAreRetriedWithBackoff) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {aws_error(400, "Throttling", "Rate exceeded"),
                           xml_response(500, "<html>Internal Server Error</html>"),
                           aws_error(503, "ServiceUnavailable", "try later", "Receiver"),
                           xml_response(200, describe_stacks_ok)});
  Recorder rec;
  auto d = CloudFormation(config_for(t, rec)).describe_stack("Hello");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "Hello");
  EXPECT_EQ(t->requests().size(), 4u);
  ASSERT_EQ(rec.sleeps.size(), 3u);
  RetryPolicy p;
  for (size_t i = 0; i < rec.sleeps.size(); ++i) {
    EXPECT_LE(rec.sleeps[i], p.base * (1 << i)) << "retry " << i;  // full jitter stays under the ceiling
  }
}

TEST(AwsClient, GivesUpAfterMaxAttemptsWithTheLastError) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {aws_error(400, "Throttling", "Rate exceeded")});
  Recorder rec;
  try {
    CloudFormation(config_for(t, rec, 3)).describe_stack("Hello");
    FAIL() << "expected AwsError";
  } catch (const AwsError& e) {
    EXPECT_EQ(e.code(), "Throttling");
  }
  EXPECT_EQ(t->requests().size(), 3u);
  EXPECT_EQ(rec.sleeps.size(), 2u);
}

TEST(AwsClient, EachRetryIsSignedAgain) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(500, ""), xml_response(200, describe_stacks_ok)});
  Recorder rec;
  int tick = 0;
  ClientConfig c = config_for(t, rec);
  c.clock = [&tick] { return std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000 + tick++); };
  CloudFormation(c).describe_stack("Hello");
  auto rs = t->requests();
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_NE(header_value(rs[0].headers, "X-Amz-Date"), header_value(rs[1].headers, "X-Amz-Date"));
  EXPECT_NE(header_value(rs[0].headers, "Authorization"), header_value(rs[1].headers, "Authorization"));
}

TEST(AwsClient, UnreachableEndpointBecomesAConnectionErrorNamingTheEndpoint) {
  auto t = std::make_shared<ScriptedTransport>();
  t->refuse_next(100);
  Recorder rec;
  try {
    CloudFormation(config_for(t, rec)).describe_stack("Hello");
    FAIL() << "expected ConnectionError";
  } catch (const ConnectionError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("cannot reach cloudformation endpoint https://cloudformation.eu-west-1.amazonaws.com"),
              std::string::npos) << what;
    EXPECT_NE(what.find("Connection refused"), std::string::npos);
    EXPECT_EQ(what.find("secret-never-shown"), std::string::npos);
  }
  EXPECT_EQ(t->requests().size(), static_cast<size_t>(RetryPolicy{}.max_connection_attempts));
}

TEST(AwsClient, NonXmlSuccessIsReportedNotIgnored) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(200, "this is not xml <")});
  Recorder rec;
  EXPECT_THROW(CloudFormation(config_for(t, rec)).describe_stack("Hello"), AwsError);
}

TEST(AwsClient, RetryableCodesFollowTheAwsList) {
  EXPECT_TRUE(is_retryable(400, "Throttling"));
  EXPECT_TRUE(is_retryable(400, "RequestLimitExceeded"));
  EXPECT_TRUE(is_retryable(429, ""));
  EXPECT_TRUE(is_retryable(502, "HTTP502"));
  EXPECT_FALSE(is_retryable(400, "ValidationError"));
  EXPECT_FALSE(is_retryable(403, "AccessDenied"));
}

TEST(AwsClient, BackoffIsCappedAndJittered) {
  RetryPolicy p{.max_attempts = 10, .base = std::chrono::milliseconds(100), .cap = std::chrono::milliseconds(1000)};
  EXPECT_EQ(backoff_delay(p, 0, 0.5).count(), 50);
  EXPECT_EQ(backoff_delay(p, 2, 0.5).count(), 200);
  EXPECT_EQ(backoff_delay(p, 9, 0.999).count(), 999);
  EXPECT_EQ(backoff_delay(p, 3, 0.0).count(), 0);
}

TEST(AwsClient, MalformedEndpointIsRejectedUpFront) {
  Recorder rec;
  ClientConfig c = config_for(std::make_shared<ScriptedTransport>(), rec);
  c.endpoint = "127.0.0.1:5000";
  EXPECT_THROW(AwsClient(c, "cloudformation", "2010-05-15"), DeployError);
}

// The deadline (--timeout) bounds each request, its retries and the waits
// between them. The clock here moves by `step` at every reading.
struct SteppingClock {
  std::chrono::system_clock::time_point start = std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000);
  std::chrono::milliseconds step;
  std::shared_ptr<int> readings = std::make_shared<int>(0);
  std::chrono::system_clock::time_point operator()() const { return start + step * (*readings)++; }
};

TEST(AwsClientDeadline, EachRequestGetsWhatIsLeftOfTheDeadlineAsItsTimeout) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(200, describe_stacks_ok)});
  Recorder rec;
  ClientConfig c = config_for(t, rec);
  SteppingClock clock{.step = std::chrono::milliseconds(0)};
  c.clock = clock;
  c.deadline = clock.start + std::chrono::seconds(7);
  CloudFormation(c).describe_stack("Hello");
  ASSERT_EQ(t->requests().size(), 1u);
  EXPECT_EQ(t->requests()[0].timeout, std::chrono::seconds(7));
}

TEST(AwsClientDeadline, NothingIsSentOnceTheDeadlineHasPassed) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {xml_response(200, describe_stacks_ok)});
  Recorder rec;
  ClientConfig c = config_for(t, rec);
  SteppingClock clock{.step = std::chrono::milliseconds(0)};
  c.clock = clock;
  c.deadline = clock.start;
  try {
    CloudFormation(c).describe_stack("Hello");
    FAIL() << "expected DeadlineError";
  } catch (const DeadlineError& e) {
    EXPECT_STREQ(e.what(), "the deadline (--timeout) passed before sending DescribeStacks (cloudformation endpoint "
                           "https://cloudformation.eu-west-1.amazonaws.com)");
  }
  EXPECT_TRUE(t->requests().empty());
}

TEST(AwsClientDeadline, ARetryThatWouldStartPastTheDeadlineIsNotMade) {
  auto t = std::make_shared<ScriptedTransport>();
  t->on("DescribeStacks", {aws_error(500, "InternalFailure", "injected", "Receiver")});
  Recorder rec;
  ClientConfig c = config_for(t, rec);
  SteppingClock clock{.step = std::chrono::milliseconds(10)};
  c.clock = clock;
  c.deadline = clock.start + std::chrono::milliseconds(15);
  try {
    CloudFormation(c).describe_stack("Hello");
    FAIL() << "expected DeadlineError";
  } catch (const DeadlineError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("the deadline (--timeout) passed before DescribeStacks could be retried"), std::string::npos)
        << what;
    EXPECT_NE(what.find("the last attempt: HTTP 500 InternalFailure: injected"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
  EXPECT_EQ(t->requests().size(), 1u);
  EXPECT_TRUE(rec.sleeps.empty());
}

TEST(AwsClientDeadline, ANoAnswerPastTheDeadlineSaysWhatWasInFlight) {
  auto t = std::make_shared<ScriptedTransport>();
  t->refuse_next(100);
  Recorder rec;
  ClientConfig c = config_for(t, rec);
  SteppingClock clock{.step = std::chrono::seconds(1)};
  c.clock = clock;
  c.deadline = clock.start + std::chrono::milliseconds(1500);
  try {
    CloudFormation(c).describe_stack("Hello");
    FAIL() << "expected DeadlineError";
  } catch (const DeadlineError& e) {
    EXPECT_NE(std::string(e.what()).find("the deadline (--timeout) passed while waiting for the answer to "
                                         "DescribeStacks (cloudformation endpoint "),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(t->requests().size(), 1u);
}

}  // namespace
}  // namespace cdk::deploy
