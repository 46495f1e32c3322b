// The glue constructs together in one environment-bound stack, as an app would use them.
#include "support/lint.hpp"

#include <cdk/acm/acm.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/ssm/ssm.hpp>

#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;

TEST(GlueStackTest, AWebAppsSupportingResourcesSynthesizeTogetherLintClean) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Web", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  auto& cert = stack.add<cdk::acm::Certificate>("Cert", {.domain_name = "example.com",
      .subject_alternative_names = {"*.example.com"}, .validation = cdk::acm::CertificateValidation::from_dns(zone)});
  auto& role = stack.add<cdk::iam::Role>("AppRole", {
      .assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"},
      .managed_policies = {cdk::iam::ManagedPolicy::aws_managed("AmazonSSMManagedInstanceCore")}});
  stack.add<cdk::iam::InstanceProfile>("AppProfile", {.role = role});
  auto& logs_bucket = stack.add<cdk::s3::Bucket>("AccessLogs", {.lifecycle_rules = {{.expiration_days = 90}}});
  auto& assets = stack.add<cdk::s3::Bucket>("Assets", {.versioned = true, .server_access_logs_bucket = logs_bucket});
  assets.grant_read_write(role, "uploads/*");
  auto& creds = stack.add<cdk::secretsmanager::Secret>("DbCredentials", {.generate_secret_string = {
      .secret_string_template = R"({"username":"app"})", .generate_string_key = "password", .exclude_characters = "\"@/\\"}});
  creds.grant_read(role);
  auto& url = stack.add<cdk::ssm::StringParameter>("CertArn", {.parameter_name = "/web/cert-arn",
                                                               .string_value = cert.certificate_arn()});
  url.grant_read(role);
  auto& repo = stack.add<cdk::ecr::Repository>("Images", {.lifecycle_rules = {{.max_image_count = 20}}});
  repo.grant_pull(role);
  auto& group = stack.add<cdk::logs::LogGroup>("AppLogs", {.retention = cdk::logs::RetentionDays::OneMonth});
  group.grant_write(role);
  stack.add<cdk::cloudwatch::Alarm>("Errors", {
      .metric = {.namespace_ = "Web", .metric_name = "Errors", .statistic = "Sum", .period_seconds = 60},
      .threshold = 5, .evaluation_periods = 3, .datapoints_to_alarm = 2,
      .treat_missing_data = cdk::cloudwatch::TreatMissingData::NotBreaching});
  stack.add<cdk::route53::ARecord>("Www", {.zone = zone, .record_name = "www",
                                           .target = cdk::route53::RecordTarget::from_ip_addresses({"192.0.2.10"})});

  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Policy", 1);  // every grant lands in the role's one default policy
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Action", "ecr:GetAuthorizationToken"}})})}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Condition", Match::object_like({
          {"StringEquals", Match::object_equals({{"aws:SourceAccount", "123456789012"}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
