// lambda::Function: the AWS CDK's construct ids (so its logical ids), role and
// managed policies, log group, VPC placement, dead-letter queue, environment,
// permissions, grants and every error. Expected logical ids and shapes are those
// aws-cdk-lib 2.276 synthesizes for the same construct ids (with
// @aws-cdk/aws-lambda:useCdkManagedLogGroup, as a new project has it).
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/lambda/cfn_permission.hpp>
#include <cdk/lambda/cfn_function.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/sqs/queue.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace lambda = cdk::lambda;

Match join(std::vector<Match> parts) {
  return Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals(std::move(parts))})}});
}
Match managed_policy(const std::string& name) {
  return join({"arn:", ref_to("AWS::Partition"), ":iam::aws:policy/service-role/" + name});
}

class FunctionTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");

  static lambda::FunctionProps python(lambda::FunctionProps props = {}) {
    if (!props.runtime) props.runtime = lambda::Runtime::Python312;
    if (props.handler.empty()) props.handler = "index.handler";
    if (props.code.kind() == lambda::Code::Kind::None) props.code = lambda::Code::from_inline("def handler(e, c): pass");
    return props;
  }
  lambda::Function& function(const char* id = "Fn", lambda::FunctionProps props = {}) {
    return stack.add<lambda::Function>(id, python(std::move(props)));
  }
  void expect_props_error(const char* id, lambda::FunctionProps props, std::string_view text) {
    SCOPED_TRACE(id);
    expect_error([&] { stack.add<lambda::Function>(id, std::move(props)); }, std::string("Stack/") + id, text);
  }
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

TEST_F(FunctionTest, HasTheAwsCdkConstructIdsRoleAndLogGroup) {
  auto& fn = function();
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(fn.cfn_function()), "Fn9270CBC0");
  t.has_resource("AWS::Lambda::Function", Match::object_like({
      {"Properties", Match::object_equals({
          {"Code", Match::object_equals({{"ZipFile", "def handler(e, c): pass"}})},
          {"Handler", "index.handler"}, {"Runtime", "python3.12"},
          {"Role", get_att("FnServiceRoleB9001A96", "Arn")}})},
      {"DependsOn", Match::absent()}}));  // aws-cdk-lib: the role too, which Role's GetAtt implies
  t.has_resource_properties("AWS::IAM::Role", Match::object_equals({
      {"AssumeRolePolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "sts:AssumeRole"}, {"Effect", "Allow"},
                                {"Principal", Match::object_equals({{"Service", "lambda.amazonaws.com"}})}})})}})},
      {"ManagedPolicyArns", Match::array_equals({managed_policy("AWSLambdaBasicExecutionRole")})}}));
  EXPECT_EQ(t.find_resources("AWS::IAM::Role"), std::vector<std::string>{"FnServiceRoleB9001A96"});
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({
      {"Properties", Match::object_equals({{"LogGroupName", join({"/aws/lambda/", ref_to("Fn9270CBC0")})},
                                           {"RetentionInDays", 731}})},
      {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"}}));
  EXPECT_EQ(t.find_resources("AWS::Logs::LogGroup"), std::vector<std::string>{"FnLogGroup27CC2AC8"});
  EXPECT_EQ(fn.runtime(), lambda::Runtime::Python312);
  EXPECT_EQ(fn.timeout_seconds(), 3);
  EXPECT_FALSE(fn.in_vpc());
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, ExposesNameAndArn) {
  auto& fn = function();
  stack.add<cdk::CfnOutput>("Name", {.value = fn.function_name()});
  stack.add<cdk::CfnOutput>("Arn", {.value = fn.function_arn()});
  auto t = Template::from_stack(stack);
  t.has_output("Name", Match::object_like({{"Value", ref_to("Fn9270CBC0")}}));
  t.has_output("Arn", Match::object_like({{"Value", get_att("Fn9270CBC0", "Arn")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, RendersSizesEnvironmentArchitectureConcurrencyAndADeadLetterQueue) {
  auto& dlq = stack.add<cdk::sqs::Queue>("Dlq");
  auto& fn = stack.add<lambda::Function>("Fn2", {
      .runtime = lambda::Runtime::Nodejs22x, .handler = "index.handler", .code = lambda::Code::from_inline("x"),
      .function_name = "resize-images", .description = "Resizes uploads",
      .memory_size = 256, .timeout_seconds = 30, .ephemeral_storage_mb = 1024,
      .environment = {{"STAGE", "prod"}, {"QUEUE_URL", dlq.queue_url()}},
      .architecture = lambda::Architecture::Arm64, .reserved_concurrent_executions = 3,
      .dead_letter_queue = dlq});
  fn.add_environment("MODE", "fast");
  fn.add_environment("STAGE", "test");  // replaces
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::Lambda::Function", Match::object_like({
      {"Properties", Match::object_equals({
          {"Architectures", Match::array_equals({"arm64"})},
          {"Code", Match::object_equals({{"ZipFile", "x"}})},
          {"DeadLetterConfig", Match::object_equals({{"TargetArn", get_att("DlqD1FAA4AD", "Arn")}})},
          {"Description", "Resizes uploads"},
          {"Environment", Match::object_equals({{"Variables", Match::object_equals({
              {"QUEUE_URL", ref_to("DlqD1FAA4AD")}, {"STAGE", "test"}, {"MODE", "fast"}})}})},
          {"EphemeralStorage", Match::object_equals({{"Size", 1024}})},
          {"FunctionName", "resize-images"}, {"Handler", "index.handler"}, {"MemorySize", 256},
          {"ReservedConcurrentExecutions", 3}, {"Role", get_att("Fn2ServiceRoleD5D04620", "Arn")},
          {"Runtime", "nodejs22.x"}, {"Timeout", 30}})},
      {"DependsOn", Match::array_equals({"Fn2ServiceRoleDefaultPolicy69AAA17A"})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_equals({
      {"PolicyName", "Fn2ServiceRoleDefaultPolicy69AAA17A"}, {"Roles", Match::array_equals({ref_to("Fn2ServiceRoleD5D04620")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "sqs:SendMessage"}, {"Effect", "Allow"},
                                {"Resource", get_att("DlqD1FAA4AD", "Arn")}})})}})}}));
  EXPECT_EQ(fn.dead_letter_queue(), &dlq);
  EXPECT_EQ(fn.timeout_seconds(), 30);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, ADeadLetterQueueWithACustomerKeyGrantsTheKeyToo) {
  const std::string key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  auto& dlq = stack.add<cdk::sqs::Queue>("Dlq", {.encryption = cdk::sqs::QueueEncryption::Kms, .encryption_key_arn = key});
  function("Fn", {.dead_letter_queue = dlq});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "sqs:SendMessage"}, {"Effect", "Allow"}, {"Resource", get_att("DlqD1FAA4AD", "Arn")}}),
          Match::object_equals({{"Action", Match::array_equals({"kms:Decrypt", "kms:GenerateDataKey"})},
                                {"Effect", "Allow"}, {"Resource", key}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, InAVpcGetsASecurityGroupTheVpcPolicyAndWaitsForTheSubnetRoutes) {
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& fn = function("Fn3", {.vpc = vpc});
  auto& db = stack.add<cdk::ec2::SecurityGroup>("Db", {.vpc = vpc});
  db.connections().allow_from(fn, cdk::ec2::Port::tcp(5432));
  EXPECT_TRUE(fn.in_vpc());
  EXPECT_EQ(fn.connections().security_groups().size(), 1U);
  auto t = Template::from_stack(stack);
  const auto routes = std::vector<Match>{"VpcPrivateSubnet1DefaultRouteBE02A9ED", "VpcPrivateSubnet1RouteTableAssociation70C59FA6",
                                         "VpcPrivateSubnet2DefaultRoute060D2087", "VpcPrivateSubnet2RouteTableAssociationA89CAD56"};
  t.has_resource("AWS::Lambda::Function", Match::object_like({
      {"Properties", Match::object_like({{"VpcConfig", Match::object_equals({
          {"SecurityGroupIds", Match::array_equals({get_att("Fn3SecurityGroupE4A39C5E", "GroupId")})},
          {"SubnetIds", Match::array_equals({ref_to("VpcPrivateSubnet1Subnet536B997A"), ref_to("VpcPrivateSubnet2Subnet3788AAA1")})}})}})},
      {"DependsOn", Match::array_equals(routes)}}));
  t.has_resource("AWS::EC2::SecurityGroup", Match::object_like({
      {"Properties", Match::object_like({
          {"GroupDescription", "Automatic security group for Lambda Function StackFn3EB2F7941"},
          {"VpcId", ref_to("Vpc8378EB38")}})},
      {"DependsOn", Match::array_equals(routes)}}));
  t.has_resource("AWS::IAM::Role", Match::object_like({
      {"Properties", Match::object_like({{"ManagedPolicyArns", Match::array_equals({
          managed_policy("AWSLambdaBasicExecutionRole"), managed_policy("AWSLambdaVPCAccessExecutionRole")})}})},
      {"DependsOn", Match::array_equals(routes)}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({
      {"FromPort", 5432}, {"SourceSecurityGroupId", get_att("Fn3SecurityGroupE4A39C5E", "GroupId")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, TakesGivenSecurityGroupsSubnetsAndRole) {
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("AppSg", {.vpc = vpc});
  auto& role = stack.add<cdk::iam::Role>("AppRole", {.assumed_by = cdk::iam::ServicePrincipal{"lambda.amazonaws.com"}});
  auto& fn = function("Fn", {.role = role, .vpc = vpc, .vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::Public},
                             .security_groups = {sg}, .allow_public_subnet = true});
  EXPECT_EQ(&fn.role(), &role);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Role", 2);  // the given one and the VPC's default-group provider
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.has_resource_properties("AWS::Lambda::Function", Match::object_like({
      {"Role", get_att(t.logical_id(role.cfn_role()), "Arn")},
      {"VpcConfig", Match::object_equals({
          {"SecurityGroupIds", Match::array_equals({get_att(t.logical_id(*sg.resource()), "GroupId")})},
          {"SubnetIds", Match::array_equals({ref_to("VpcPublicSubnet1Subnet5C2D37C4"), ref_to("VpcPublicSubnet2Subnet691E08A3")})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, CodeFromABucketIsPinnedByVersionOrWarned) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts");
  auto& pinned = stack.add<lambda::Function>("Fn5", {.runtime = lambda::Runtime::Java21, .handler = "a.B::h",
      .code = lambda::Code::from_bucket_name("my-bucket", "k.zip", "v1")});
  auto& floating = stack.add<lambda::Function>("Floating", {.runtime = lambda::Runtime::ProvidedAl2023,
      .handler = "bootstrap", .code = lambda::Code::from_bucket(bucket, "builds/app.zip")});
  EXPECT_FALSE(has_warning(pinned, "object_version"));
  EXPECT_TRUE(has_warning(floating, "no object_version"));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Lambda::Function", Match::object_like({
      {"Code", Match::object_equals({{"S3Bucket", "my-bucket"}, {"S3Key", "k.zip"}, {"S3ObjectVersion", "v1"}})},
      {"Handler", "a.B::h"}, {"Runtime", "java21"}}));
  t.has_resource_properties("AWS::Lambda::Function", Match::object_like({
      {"Code", Match::object_equals({{"S3Bucket", ref_to(t.logical_id(*dynamic_cast<cdk::CfnElement*>(
                                                      bucket.node().default_child())))},
                                     {"S3Key", "builds/app.zip"}})},
      {"Runtime", "provided.al2023"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, LogsToAGivenLogGroupOrKeepsTheMadeOneAsLongAsAsked) {
  auto& logs = stack.add<cdk::logs::LogGroup>("Logs", {.retention = cdk::logs::RetentionDays::OneWeek});
  auto& given = function("Fn4", {.log_group = logs});
  auto& short_lived = function("Short", {.log_retention = cdk::logs::RetentionDays::TwoWeeks});
  EXPECT_EQ(&given.log_group(), &logs);
  EXPECT_EQ(short_lived.log_group().node().path(), "Stack/Short/LogGroup");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Lambda::Function", Match::object_like({
      {"LoggingConfig", Match::object_equals({{"LogGroup", ref_to("Logs6819BB44")}})}}));
  t.resource_count_is("AWS::Logs::LogGroup", 2);
  t.has_resource_properties("AWS::Logs::LogGroup", Match::object_like({
      {"LogGroupName", join({"/aws/lambda/", ref_to(t.logical_id(short_lived.cfn_function()))})}, {"RetentionInDays", 14}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, PermissionsAndInvokeGrantsUseTheAwsCdkShapes) {
  auto& fn = function();
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  fn.grant_invoke(role);
  auto& permission = fn.add_permission("Events", {.principal = "events.amazonaws.com",
                                                  .source_arn = "arn:aws:events:eu-west-1:123456789012:rule/x"});
  fn.add_permission("Partner", {.principal = "123456789012", .source_account = "123456789012"});
  fn.add_permission("Org", {.principal = "*", .organization_id = "o-a1b2c3d4e5"});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(permission), "FnEventsBCA9BE34");
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", get_att("Fn9270CBC0", "Arn")},
      {"Principal", "events.amazonaws.com"}, {"SourceArn", "arn:aws:events:eu-west-1:123456789012:rule/x"}}));
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_like({
      {"Principal", "123456789012"}, {"SourceAccount", "123456789012"}}));
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_like({
      {"Principal", "*"}, {"PrincipalOrgID", "o-a1b2c3d4e5"}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_equals({
      {"PolicyName", "RoleDefaultPolicy5FFB7DAB"}, {"Roles", Match::array_equals({ref_to("Role1ABCC5F0")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "lambda:InvokeFunction"}, {"Effect", "Allow"},
                                {"Resource", Match::array_equals({get_att("Fn9270CBC0", "Arn"),
                                                                  join({get_att("Fn9270CBC0", "Arn"), ":*"})})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, IsAGrantableWhoseGrantsLandInItsRole) {
  auto& fn = function();
  auto& queue = stack.add<cdk::sqs::Queue>("Q");
  queue.grant_send_messages(fn);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyName", "FnServiceRoleDefaultPolicyC6A839BF"}, {"Roles", Match::array_equals({ref_to("FnServiceRoleB9001A96")})}}));
  t.has_resource("AWS::Lambda::Function", Match::object_like({
      {"DependsOn", Match::array_equals({"FnServiceRoleDefaultPolicyC6A839BF"})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, MetricsNameTheFunctionForAlarms) {
  auto& fn = function();
  stack.add<cdk::cloudwatch::Alarm>("Errors", {.metric = fn.metric_errors(), .threshold = 1});
  stack.add<cdk::cloudwatch::Alarm>("Slow", {.metric = fn.metric_duration().with("p99"), .threshold = 2000});
  EXPECT_EQ(fn.metric_invocations().metric_name, "Invocations");
  EXPECT_EQ(fn.metric_throttles().statistic, "Sum");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"Namespace", "AWS/Lambda"}, {"MetricName", "Errors"}, {"Statistic", "Sum"}, {"Period", 300},
      {"Dimensions", Match::array_equals({Match::object_equals({{"Name", "FunctionName"}, {"Value", ref_to("Fn9270CBC0")}})})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"MetricName", "Duration"}, {"ExtendedStatistic", "p99"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(FunctionTest, RuntimesHaveNamesFamiliesAndInlineSupport) {
  EXPECT_STREQ(lambda::runtime_name(lambda::Runtime::Nodejs24x), "nodejs24.x");
  EXPECT_STREQ(lambda::runtime_name(lambda::Runtime::Python314), "python3.14");
  EXPECT_STREQ(lambda::runtime_name(lambda::Runtime::Dotnet10), "dotnet10");
  EXPECT_STREQ(lambda::runtime_name(lambda::Runtime::Ruby34), "ruby3.4");
  EXPECT_EQ(lambda::runtime_family(lambda::Runtime::Java25), lambda::RuntimeFamily::Java);
  EXPECT_EQ(lambda::runtime_family(lambda::Runtime::ProvidedAl2023), lambda::RuntimeFamily::Other);
  EXPECT_TRUE(lambda::supports_inline_code(lambda::Runtime::Nodejs22x));
  EXPECT_TRUE(lambda::supports_inline_code(lambda::Runtime::Python313));
  EXPECT_FALSE(lambda::supports_inline_code(lambda::Runtime::Ruby33));
  EXPECT_STREQ(lambda::architecture_name(lambda::Architecture::X86_64), "x86_64");
}

TEST_F(FunctionTest, RefusesMissingOrMalformedRuntimeHandlerCodeAndNames) {
  expect_props_error("NoRuntime", {.handler = "index.handler", .code = lambda::Code::from_inline("x")}, "no runtime");
  expect_props_error("NoHandler", {.runtime = lambda::Runtime::Python312, .code = lambda::Code::from_inline("x")},
                     "no handler");
  expect_props_error("SpacedHandler", python({.handler = "index handler"}), "without spaces");
  expect_props_error("LongHandler", python({.handler = std::string(129, 'h')}), "at most 128 characters");
  expect_props_error("NoCode", {.runtime = lambda::Runtime::Python312, .handler = "index.handler"}, "no code");
  expect_props_error("EmptyCode", python({.code = lambda::Code::from_inline("")}), "inline code is empty");
  expect_props_error("RubyInline", {.runtime = lambda::Runtime::Ruby34, .handler = "index.handler",
                                    .code = lambda::Code::from_inline("x")}, "not available for ruby3.4");
  expect_props_error("HugeCode", python({.code = lambda::Code::from_inline(std::string(1'000'001, '#'))}),
                     "more than a CloudFormation template holds");
  expect_props_error("NoBucket", python({.code = lambda::Code::from_bucket_name(nullptr, "k.zip")}), "has no bucket");
  expect_props_error("NoKey", python({.code = lambda::Code::from_bucket_name("b", "")}), "1-1024 characters");
  expect_props_error("BadName", python({.function_name = "my function"}), "at most 64 letters");
  expect_props_error("LongName", python({.function_name = std::string(65, 'f')}), "at most 64 letters");
  expect_props_error("LongDescription", python({.description = std::string(257, 'd')}), "longer than 256");
}

TEST_F(FunctionTest, RefusesSizesOutsideLambdasRanges) {
  expect_props_error("Memory", python({.memory_size = 64}), "memory_size 64 MB is outside Lambda's range 128-10240");
  expect_props_error("MemoryHigh", python({.memory_size = 10241}), "128-10240");
  expect_props_error("Timeout", python({.timeout_seconds = 0}), "timeout_seconds 0 s is outside Lambda's range 1-900");
  expect_props_error("TimeoutHigh", python({.timeout_seconds = 901}), "1-900");
  expect_props_error("Storage", python({.ephemeral_storage_mb = 511}), "ephemeral_storage_mb 511 MB");
  expect_props_error("StorageHigh", python({.ephemeral_storage_mb = 10241}), "512-10240");
  expect_props_error("Concurrency", python({.reserved_concurrent_executions = -1}), "is negative");
}

TEST_F(FunctionTest, RefusesReservedInvalidAndOversizedEnvironmentVariables) {
  expect_props_error("Region", python({.environment = {{"AWS_REGION", "eu-west-1"}}}), "\"AWS_REGION\" is reserved");
  expect_props_error("Keys", python({.environment = {{"AWS_ACCESS_KEY_ID", "x"}}}), "reserved by the Lambda runtime");
  expect_props_error("Digit", python({.environment = {{"1ST", "x"}}}), "is not a valid name");
  expect_props_error("Dash", python({.environment = {{"MY-VAR", "x"}}}), "is not a valid name");
  expect_props_error("Short", python({.environment = {{"A", "x"}}}), "at least two characters");
  expect_props_error("Null", python({.environment = {{"EMPTY", cdk::Value()}}}), "has no value");
  expect_props_error("Big", python({.environment = {{"BLOB", std::string(4100, 'x')}}}), "more than Lambda's 4 KB");
  auto& fn = function();
  expect_error([&] { fn.add_environment("_HANDLER", "x"); }, "Stack/Fn", "is reserved");
  fn.add_environment("HALF", std::string(2000, 'x'));
  expect_error([&] { fn.add_environment("OTHER_HALF", std::string(2100, 'x')); }, "Stack/Fn", "4 KB");
}

TEST_F(FunctionTest, RefusesNetworkSettingsThatDoNotFit) {
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = vpc});
  expect_props_error("SubnetsNoVpc", python({.vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::Public}}), "has no vpc");
  expect_props_error("GroupsNoVpc", python({.security_groups = {sg}}), "has no vpc");
  expect_props_error("Outbound", python({.vpc = vpc, .security_groups = {sg}, .allow_all_outbound = false}),
                     "configure outbound rules on the given security groups");
  expect_props_error("NullGroup", python({.vpc = vpc, .security_groups = {nullptr}}), "null group");
  expect_props_error("Public", python({.vpc = vpc, .vpc_subnets = {.subnet_type = cdk::ec2::SubnetType::Public}}),
                     "cannot reach the internet");
  auto& outside = function("Outside");
  expect_error([&] { (void)outside.connections(); }, "Stack/Outside", "only a function in a VPC");
}

TEST_F(FunctionTest, RefusesConflictingLogSettingsAndAFifoDeadLetterQueue) {
  auto& logs = stack.add<cdk::logs::LogGroup>("Logs");
  auto& fifo = stack.add<cdk::sqs::Queue>("Fifo", {.fifo = true});
  expect_props_error("BothLogs", python({.log_group = logs, .log_retention = cdk::logs::RetentionDays::OneDay}),
                     "log_retention and log_group are both set");
  expect_props_error("FifoDlq", python({.dead_letter_queue = fifo}), "Lambda sends only to standard queues");
}

TEST_F(FunctionTest, RefusesBadPermissions) {
  auto& fn = function();
  expect_error([&] { fn.add_permission("NoPrincipal", {}); }, "Stack/Fn", "has no principal");
  expect_error([&] { fn.add_permission("S3", {.principal = "s3.amazonaws.com", .action = "s3:GetObject"}); },
               "Stack/Fn", "is not a Lambda action");
  expect_error([&] {
    fn.add_permission("Mixed", {.principal = "*", .source_account = "123456789012", .organization_id = "o-a1b2c3d4e5"});
  }, "Stack/Fn", "combines organization_id");
}

}  // namespace
