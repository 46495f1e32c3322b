// codebuild::Project and PipelineProject: the AWS CDK's construct ids (so its
// logical ids), the role's least-privilege statements (logs, reports), the
// environment and its variable kinds with their grants, sources, artifacts,
// caches, VPC placement with the VPC policy, logs to a group, events, and
// every check with its one-line error.
#include "support/actions.hpp"
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/events/targets.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/sns/topic.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codebuild = cdk::codebuild;

Match join(std::vector<Match> parts) {
  return Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals(std::move(parts))})}});
}
// arn:${Partition}:<service>:${Region}:${AccountId}:<first><rest...> (adjacent text is one part)
Match arn(const std::string& service, const std::string& first, std::vector<Match> rest = {}) {
  std::vector<Match> parts = {"arn:", ref_to("AWS::Partition"), ":" + service + ":", ref_to("AWS::Region"), ":",
                              ref_to("AWS::AccountId"), ":" + first};
  for (auto& r : rest) parts.push_back(std::move(r));
  return join(std::move(parts));
}
Match statement(std::vector<Match> actions, Match resource) {
  return Match::object_equals({{"Effect", "Allow"},
                               {"Action", actions.size() == 1 ? actions.front() : Match::array_equals(std::move(actions))},
                               {"Resource", std::move(resource)}});
}
Match default_statements(const std::string& project) {
  return Match::array_equals({
      statement({"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
                Match::array_equals({arn("logs", "log-group:/aws/codebuild/", {ref_to(project)}),
                                     arn("logs", "log-group:/aws/codebuild/", {ref_to(project), ":*"})})),
      statement({"codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport",
                 "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"},
                arn("codebuild", "report-group/", {ref_to(project), "-*"}))});
}

codebuild::BuildSpec make_spec() { return codebuild::BuildSpec::from_object({.build = {.commands = {"make"}}}); }

class ProjectTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(ProjectTest, HasTheAwsCdkIdsAServiceRoleAndLeastPrivilegeForLogsAndReports) {
  auto& project = stack.add<codebuild::Project>("Build", {.build_spec = make_spec()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(project.cfn_project()), "Build45A36621");
  t.has_resource_properties("AWS::IAM::Role", Match::object_equals({{"AssumeRolePolicyDocument", Match::object_equals({
      {"Version", "2012-10-17"}, {"Statement", Match::array_equals({Match::object_equals({
          {"Effect", "Allow"}, {"Action", "sts:AssumeRole"},
          {"Principal", Match::object_equals({{"Service", "codebuild.amazonaws.com"}})}})})}})}}));
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_equals({
      {"Source", Match::object_equals({{"Type", "NO_SOURCE"}, {"BuildSpec", Match::string_like_regexp("\"make\"")}})},
      {"Artifacts", Match::object_equals({{"Type", "NO_ARTIFACTS"}})},
      {"Environment", Match::object_equals({{"Type", "LINUX_CONTAINER"}, {"Image", "aws/codebuild/standard:7.0"},
                                            {"ImagePullCredentialsType", "CODEBUILD"}, {"PrivilegedMode", false},
                                            {"ComputeType", "BUILD_GENERAL1_SMALL"}})},
      {"ServiceRole", get_att("BuildRoleB7C66CB2", "Arn")}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyName", "BuildRoleDefaultPolicyEAC4E6D6"}, {"Roles", Match::array_equals({ref_to("BuildRoleB7C66CB2")})},
      {"PolicyDocument", Match::object_like({{"Statement", default_statements("Build45A36621")}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, RendersTheEnvironmentTimeoutsLimitsAndAGitHubSourceWithABadge) {
  stack.add<codebuild::Project>("Build", {
      .source = codebuild::Source::git_hub({.owner = "acme", .repo = "engine", .branch_or_ref = "main",
                                            .clone_depth = 1, .fetch_submodules = true, .webhook = true}),
      .build_image = codebuild::LinuxArmBuildImage::amazon_linux_2_standard_3_0(),
      .compute_type = codebuild::ComputeType::Large, .privileged = true,
      .project_name = "engine-ci", .description = "builds the engine",
      .timeout_minutes = 90, .queued_timeout_minutes = 30, .concurrent_build_limit = 2, .badge = true,
      .cache = codebuild::Cache::local({codebuild::LocalCacheMode::DockerLayer, codebuild::LocalCacheMode::Source})});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_equals({{"Type", "GITHUB"}, {"Location", "https://github.com/acme/engine.git"},
                                       {"ReportBuildStatus", true}, {"GitCloneDepth", 1},
                                       {"GitSubmodulesConfig", Match::object_equals({{"FetchSubmodules", true}})}})},
      {"SourceVersion", "main"}, {"Triggers", Match::object_equals({{"Webhook", true}})},
      {"Environment", Match::object_equals({{"Type", "ARM_CONTAINER"}, {"Image", "aws/codebuild/amazonlinux2-aarch64-standard:3.0"},
                                            {"ImagePullCredentialsType", "CODEBUILD"}, {"PrivilegedMode", true},
                                            {"ComputeType", "BUILD_GENERAL1_LARGE"}})},
      {"Cache", Match::object_equals({{"Type", "LOCAL"}, {"Modes", Match::array_equals({"LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE"})}})},
      {"Name", "engine-ci"}, {"Description", "builds the engine"}, {"TimeoutInMinutes", 90},
      {"QueuedTimeoutInMinutes", 30}, {"ConcurrentBuildLimit", 2}, {"BadgeEnabled", true}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, EnvironmentVariableKindsAreRenderedAndTheirReadsGranted) {
  stack.add<codebuild::Project>("Build", {
      .build_spec = make_spec(),
      .environment_variables = {
          {"STAGE", {.value = "prod"}},
          {"DB_HOST", {.value = "/app/db/host", .type = codebuild::BuildEnvironmentVariableType::ParameterStore}},
          {"TOKEN", {.value = "ci/token:value", .type = codebuild::BuildEnvironmentVariableType::SecretsManager}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({{"Environment", Match::object_like({
      {"EnvironmentVariables", Match::array_equals({
          Match::object_equals({{"Name", "DB_HOST"}, {"Type", "PARAMETER_STORE"}, {"Value", "/app/db/host"}}),
          Match::object_equals({{"Name", "STAGE"}, {"Type", "PLAINTEXT"}, {"Value", "prod"}}),
          Match::object_equals({{"Name", "TOKEN"}, {"Type", "SECRETS_MANAGER"}, {"Value", "ci/token:value"}})})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({
          statement({"ssm:GetParameters"}, arn("ssm", "parameter/app/db/host")),
          statement({"secretsmanager:GetSecretValue"}, arn("secretsmanager", "secret:ci/token-??????"))})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, ReadsAnS3SourceWritesS3ArtifactsAndCachesInABucket) {
  auto& sources = stack.add<cdk::s3::Bucket>("Sources");
  auto& releases = stack.add<cdk::s3::Bucket>("Releases");
  auto& cache = stack.add<cdk::s3::Bucket>("Cache");
  stack.add<codebuild::Project>("Build", {
      .source = codebuild::Source::s3({.bucket = sources, .path = "app/source.zip"}),
      .artifacts = codebuild::Artifacts::s3({.bucket = releases, .path = "engine", .name = "engine.zip"}),
      .cache = codebuild::Cache::bucket(cache, "engine")});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_equals({{"Type", "S3"}, {"Location", join({ref_to("SourcesBE4D2488"), "/app/source.zip"})}})},
      {"Artifacts", Match::object_equals({{"Type", "S3"}, {"Location", ref_to("ReleasesE6BA3EBF")}, {"Path", "engine"},
                                          {"Name", "engine.zip"}, {"NamespaceType", "BUILD_ID"}, {"Packaging", "ZIP"}})},
      {"Cache", Match::object_equals({{"Type", "S3"}, {"Location", Match::object_equals({{"Fn::Join", Match::array_equals({
          "/", Match::array_equals({ref_to("Cache18F6EE16"), "engine"})})}})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({
          {"Action", cdk::testing::actions_are(cdk::s3::actions::read())},
          {"Resource", Match::array_equals({get_att("SourcesBE4D2488", "Arn"),
                                            join({get_att("SourcesBE4D2488", "Arn"), "/app/source.zip"})})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, InAVpcGetsASecurityGroupConnectionsAndTheAwsCdkVpcPolicy) {
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& project = stack.add<codebuild::Project>("Build", {.build_spec = make_spec(), .vpc = vpc});
  auto& db = stack.add<cdk::ec2::SecurityGroup>("Db", {.vpc = vpc});
  db.connections().allow_from(project, cdk::ec2::Port::tcp(5432));
  EXPECT_TRUE(project.in_vpc());
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::CodeBuild::Project", Match::object_like({
      {"Properties", Match::object_like({{"VpcConfig", Match::object_equals({
          {"SecurityGroupIds", Match::array_equals({get_att("BuildSecurityGroupE42BE642", "GroupId")})},
          {"Subnets", Match::array_equals({ref_to("VpcPrivateSubnet1C7C9FF92"), ref_to("VpcPrivateSubnet231E744E9")})},
          {"VpcId", ref_to("Vpc8378EB38")}})}})},
      {"DependsOn", Match::array_equals({"BuildPolicyDocumentAC4E8B40"})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({
      {"GroupDescription", "Automatic generated security group for CodeBuild StackBuild34FE1139"}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_equals({
      {"PolicyName", "BuildPolicyDocumentAC4E8B40"}, {"Roles", Match::array_equals({ref_to("BuildRoleB7C66CB2")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          statement({"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                     "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions", "ec2:DescribeVpcs"},
                    "*")})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_equals({
          {"Effect", "Allow"}, {"Action", "ec2:CreateNetworkInterfacePermission"},
          {"Resource", arn("ec2", "network-interface/*")},
          {"Condition", Match::object_equals({{"StringEquals", Match::object_equals({
              {"ec2:Subnet", Match::array_equals({arn("ec2", "subnet/", {ref_to("VpcPrivateSubnet1C7C9FF92")}),
                                                  arn("ec2", "subnet/", {ref_to("VpcPrivateSubnet231E744E9")})})},
              {"ec2:AuthorizedService", "codebuild.amazonaws.com"}})}})}})})}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({
      {"FromPort", 5432}, {"SourceSecurityGroupId", get_att("BuildSecurityGroupE42BE642", "GroupId")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, LogsToAGivenGroupPullsFromEcrAndUsesAGivenRole) {
  auto& group = stack.add<cdk::logs::LogGroup>("Logs");
  auto& repo = stack.add<cdk::ecr::Repository>("Builder");
  auto& role = stack.add<cdk::iam::Role>("CiRole", {.assumed_by = cdk::iam::ServicePrincipal{"codebuild.amazonaws.com"}});
  auto& project = stack.add<codebuild::Project>("Build", {
      .build_spec = make_spec(), .build_image = codebuild::LinuxBuildImage::from_ecr_repository(repo, "v3"),
      .role = role, .log_group = group, .log_stream_prefix = "engine"});
  EXPECT_EQ(&project.role(), &role);
  EXPECT_EQ(stack.node().try_find("Build/Role"), nullptr);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Environment", Match::object_like({{"ImagePullCredentialsType", "SERVICE_ROLE"}})},
      {"ServiceRole", get_att("CiRole5A6E8228", "Arn")},
      {"LogsConfig", Match::object_equals({{"CloudWatchLogs", Match::object_equals({
          {"GroupName", ref_to("Logs6819BB44")}, {"Status", "ENABLED"}, {"StreamName", "engine"}})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({
          statement({"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"},
                    get_att("BuilderB630A0FA", "Arn")),
          statement({"logs:CreateLogStream", "logs:PutLogEvents"}, get_att("Logs6819BB44", "Arn"))})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, APipelineProjectTakesItsSourceAndArtifactsFromThePipeline) {
  stack.add<codebuild::PipelineProject>("Build");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_equals({{"Type", "CODEPIPELINE"}})},
      {"Artifacts", Match::object_equals({{"Type", "CODEPIPELINE"}})}}));
  cdk::testing::keep_for_lint(stack);
  expect_error([&] {
    stack.add<codebuild::PipelineProject>("Other", {.source = codebuild::Source::git_hub({.owner = "a", .repo = "b"})});
  }, "Stack/Other", "a PipelineProject's source and artifacts are its pipeline action's");
}

TEST_F(ProjectTest, GrantsStartBuildAndMatchesFailedBuildsWithARule) {
  auto& project = stack.add<codebuild::PipelineProject>("Build");
  auto& topic = stack.add<cdk::sns::Topic>("Alerts");
  project.on_build_failed("OnFailed").add_target(cdk::events::SnsTopicTarget{.topic = topic});
  auto& user = stack.add<cdk::iam::Role>("Deployer", {.assumed_by = cdk::iam::AccountRootPrincipal{}});
  project.grant_start_build(user);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"EventPattern", Match::object_equals({
      {"source", Match::array_equals({"aws.codebuild"})}, {"detail-type", Match::array_equals({"CodeBuild Build State Change"})},
      {"detail", Match::object_equals({{"project-name", Match::array_equals({ref_to("Build45A36621")})},
                                       {"build-status", Match::array_equals({"FAILED"})}})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({ref_to("Deployer92EF8763")})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({statement(
          {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"}, get_att("Build45A36621", "Arn"))})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ProjectTest, RefusesBadInputWithOneLineNamingThePath) {
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& bucket = stack.add<cdk::s3::Bucket>("Bucket");
  const auto spec = make_spec();
  struct Case {
    const char* id;
    codebuild::ProjectProps props;
    const char* text;
  };
  const Case cases[] = {
      {"NoSpec", {}, "a project without a source needs its buildspec in the template"},
      {"FileSpec", {.build_spec = codebuild::BuildSpec::from_source_filename("b.yml")}, "without a source"},
      {"Short", {.build_spec = spec, .timeout_minutes = 4}, "timeout_minutes 4 is outside CodeBuild's range 5-2160"},
      {"Long", {.build_spec = spec, .timeout_minutes = 2161}, "timeout_minutes 2161"},
      {"Queued", {.build_spec = spec, .queued_timeout_minutes = 481}, "queued_timeout_minutes 481 is outside CodeBuild's range 5-480"},
      {"Limit", {.build_spec = spec, .concurrent_build_limit = 0}, "concurrent_build_limit 0 is below 1"},
      {"Name", {.build_spec = spec, .project_name = "bad name"}, "project name \"bad name\""},
      {"Badge", {.build_spec = spec, .badge = true}, "build badges are not available for NO_SOURCE sources"},
      {"Secret", {.build_spec = spec, .environment_variables = {{"PW", {.value = "{{resolve:secretsmanager:db}}"}}}},
       "plaintext environment variable \"PW\" holds a secret"},
      {"Reserved", {.build_spec = spec, .environment_variables = {{"CODEBUILD_X", {.value = "1"}}}}, "prefix CODEBUILD_"},
      {"Empty", {.build_spec = spec, .environment_variables = {{"X", {}}}}, "environment variable \"X\" has no value"},
      {"NoVpc", {.build_spec = spec, .subnet_selection = {.subnet_type = cdk::ec2::SubnetType::Public}}, "has no vpc"},
      {"Public", {.build_spec = spec, .vpc = vpc, .subnet_selection = {.subnet_type = cdk::ec2::SubnetType::Public}},
       "placed in public subnets"},
      {"S3Source", {.source = codebuild::Source::s3({.bucket = bucket})}, "Source::s3 needs a bucket and a path"},
      {"S3Out", {.build_spec = spec, .artifacts = codebuild::Artifacts::s3({.bucket = bucket})}, "Artifacts::s3 needs a bucket and a name"},
      {"Local", {.build_spec = spec, .cache = codebuild::Cache::local({})}, "Cache::local has no mode"},
      {"Prefix", {.build_spec = spec, .log_stream_prefix = "x"}, "log_stream_prefix is set without a log_group"},
      {"Mixed", {.source = codebuild::Source::code_pipeline()}, "a CodePipeline source needs CodePipeline artifacts"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    expect_error([&] { stack.add<codebuild::Project>(c.id, c.props); }, std::string("Stack/") + c.id, c.text);
  }
  auto& outside = stack.add<codebuild::Project>("Outside", {.build_spec = spec});
  expect_error([&] { (void)outside.connections(); }, "Stack/Outside", "only a project in a VPC has security groups");
}

TEST_F(ProjectTest, AReportGroupExportsToABucketAndGrantsWrites) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Reports");
  auto& group = stack.add<codebuild::ReportGroup>("Unit", {.type = codebuild::ReportGroupType::CodeCoverage,
                                                          .export_bucket = bucket, .zip_export = true});
  stack.add<codebuild::ReportGroup>("Plain");
  auto& project = stack.add<codebuild::Project>("Build", {.build_spec = codebuild::BuildSpec::from_object({
      .build = {.commands = {"make coverage"}},
      .reports = {{group.report_group_arn(), {.files = {"coverage.xml"}, .file_format = "COBERTURAXML"}}}})});
  group.grant_write(project);
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::CodeBuild::ReportGroup", Match::object_like({
      {"DeletionPolicy", "Retain"},
      {"Properties", Match::object_equals({{"Type", "CODE_COVERAGE"}, {"ExportConfig", Match::object_equals({
          {"ExportConfigType", "S3"},
          {"S3Destination", Match::object_equals({{"Bucket", ref_to("Reports65402A0A")}, {"Packaging", "ZIP"}})}})}})}}));
  t.has_resource_properties("AWS::CodeBuild::ReportGroup", Match::object_equals({
      {"Type", "TEST"}, {"ExportConfig", Match::object_equals({{"ExportConfigType", "NO_EXPORT"}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({statement({"codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"},
                                                 get_att("Unit1570E8DD", "Arn"))})}})}}));
  cdk::testing::keep_for_lint(stack);
  expect_error([&] { stack.add<codebuild::ReportGroup>("Zip", {.zip_export = true}); }, "Stack/Zip",
               "zip_export is set without an export_bucket");
}

}  // namespace
