// Suppressions in the template: each resource a suppression covers carries
// it in the Metadata that cdk-nag, cfn_nag, checkov and cfn-guard read, as the
// same finding's ids there (cdkpp rules) or as given (other tools' ids).
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/app.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/security.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

namespace {

using cdk::detail::Json;
using cdk::testing::expect_error;

struct SuppressionMetadataTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Sec");

  // The rendered entry of the resource at `path` below the stack.
  Json entry(const std::string& path) {
    auto assembly = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
    const auto* element = dynamic_cast<const cdk::CfnElement*>(stack.node().try_find(path));
    EXPECT_NE(element, nullptr) << path;
    return assembly.stacks.at(0).template_json["Resources"][stack.logical_id(*element)];
  }
};

TEST_F(SuppressionMetadataTest, ACdkppRuleIsWrittenAsEachToolsIdOnTheTypesItChecks) {
  auto& site = stack.add<cdk::s3::Bucket>("Site", {.public_read_access = true, .website_index_document = "index.html"});
  cdk::security::suppress(site, "S3-PUBLIC-ACCESS", "public website assets, nothing private in it");
  const std::string reason = "public website assets, nothing private in it";
  auto bucket = entry("Site/Resource");
  EXPECT_EQ(bucket["Metadata"]["cdk_nag"], Json({{"rules_to_suppress", {{{"id", "AwsSolutions-S2"}, {"reason", reason}}}}}));
  Json skip = Json::array();
  for (const char* id : {"CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"})
    skip.push_back({{"id", id}, {"comment", reason}});
  EXPECT_EQ(bucket["Metadata"]["checkov"]["skip"], skip);
  EXPECT_EQ(bucket["Metadata"]["guard"]["SuppressedRules"], Json::array({"S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"}));
  EXPECT_FALSE(bucket["Metadata"].contains("cfn_nag"));  // cfn_nag has no such rule
  // The bucket policy is below the same scope, but S3-PUBLIC-ACCESS is about buckets.
  EXPECT_FALSE(entry("Site/Policy/Resource").contains("Metadata") &&
               entry("Site/Policy/Resource")["Metadata"].contains("cdk_nag"));
}

TEST_F(SuppressionMetadataTest, EachToolsIdGoesOnTheResourceThatToolReports) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Plain", {.enforce_ssl = false});
  bucket.add_to_resource_policy({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")},
                                 .principals = cdk::Value::map({{"AWS", "arn:aws:iam::123456789012:root"}})});
  cdk::security::suppress(bucket, "S3-NO-TLS", "read only by a partner whose client cannot do TLS 1.2");
  // cfn-guard checks TLS on the bucket policy; cdk-nag on the bucket (and a policy it finds lacking).
  EXPECT_EQ(entry("Plain/Policy/Resource")["Metadata"]["guard"]["SuppressedRules"],
            Json::array({"S3_BUCKET_SSL_REQUESTS_ONLY"}));
  EXPECT_FALSE(entry("Plain/Resource")["Metadata"].contains("guard"));
  EXPECT_EQ(entry("Plain/Resource")["Metadata"]["cdk_nag"]["rules_to_suppress"][0]["id"], "AwsSolutions-S10");
}

TEST_F(SuppressionMetadataTest, AnotherToolsIdIsWrittenAsGivenOnEveryResourceBelowTheScope) {
  auto& logs = stack.add<cdk::s3::Bucket>("Logs");
  cdk::security::suppress(logs, "AwsSolutions-S1", "this bucket holds the access logs of the others");
  cdk::security::suppress(logs, "W35", "this bucket holds the access logs of the others");
  cdk::security::suppress(logs, "CKV_AWS_18", "this bucket holds the access logs of the others");
  cdk::security::suppress(logs, "S3_BUCKET_LOGGING_ENABLED", "this bucket holds the access logs of the others");
  const std::string reason = "this bucket holds the access logs of the others";
  for (const char* path : {"Logs/Resource", "Logs/Policy/Resource"}) {
    auto metadata = entry(path)["Metadata"];
    EXPECT_EQ(metadata["cdk_nag"]["rules_to_suppress"], Json::array({{{"id", "AwsSolutions-S1"}, {"reason", reason}}}));
    EXPECT_EQ(metadata["cfn_nag"]["rules_to_suppress"], Json::array({{{"id", "W35"}, {"reason", reason}}}));
    EXPECT_EQ(metadata["checkov"]["skip"], Json::array({{{"id", "CKV_AWS_18"}, {"comment", reason}}}));
    EXPECT_EQ(metadata["guard"]["SuppressedRules"], Json::array({"S3_BUCKET_LOGGING_ENABLED"}));
    EXPECT_EQ(metadata["aws:cdk:path"], "Sec/" + std::string(path));  // still first
    EXPECT_EQ(metadata.begin().key(), "aws:cdk:path");
  }
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SuppressionMetadataTest, AppliesToNarrowsACdkNagRuleToSomeFindings) {
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  cdk::security::suppress(role, "AwsSolutions-IAM5", "log streams are made at run time, their names unknown",
                          {.applies_to = {"Resource::*", "Action::logs:*"}});
  auto metadata = entry("Role/Resource")["Metadata"];
  EXPECT_EQ(metadata["cdk_nag"]["rules_to_suppress"],
            Json::array({{{"id", "AwsSolutions-IAM5"}, {"reason", "log streams are made at run time, their names unknown"},
                          {"applies_to", {"Resource::*"}}},
                         {{"id", "AwsSolutions-IAM5"}, {"reason", "log streams are made at run time, their names unknown"},
                          {"applies_to", {"Action::logs:*"}}}}));
}

TEST_F(SuppressionMetadataTest, WildcardActionsSuppressIam5ForTheResourcesWildcardActionsOnly) {
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  role.add_to_policy({.actions = {"s3:Get*", "s3:PutObject", "sqs:*"}, .resources = {"*"}});
  cdk::security::suppress(role, "IAM-WILDCARD-ACTION", "the agent's actions change with each of its releases");
  auto policy = entry("Role/DefaultPolicy/Resource");
  EXPECT_EQ(policy["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::array({{{"id", "AwsSolutions-IAM5"}, {"reason", "the agent's actions change with each of its releases"},
                          {"applies_to", {"Action::s3:Get*", "Action::sqs:*"}}}}));
  // The role itself allows no wildcard action: nothing to say there.
  auto role_metadata = entry("Role/Resource")["Metadata"];
  for (const char* tool : {"cdk_nag", "cfn_nag", "checkov", "guard"}) EXPECT_FALSE(role_metadata.contains(tool)) << tool;
}

TEST_F(SuppressionMetadataTest, AnExplainedWildcardResourceIsSuppressedAsCdkNagNamesIt) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Bucket");
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {"*"}});
  role.add_to_policy({.actions = {"logs:CreateLogStream"},
                      .resources = {cdk::Value("arn:") + cdk::Aws::partition() + cdk::Value(":logs:") + cdk::Aws::region() +
                                    cdk::Value(":") + cdk::Aws::account_id() + cdk::Value(":log-group:app:*")}});
  role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}});
  cdk::security::explain_wildcard_resources(role, {"ecr:GetAuthorizationToken"}, "the login token is for the whole registry");
  cdk::security::explain_wildcard_resources(role, {"logs:CreateLogStream"}, "streams are named at run time");
  const auto policy = entry("Role/DefaultPolicy/Resource");
  // The bucket's objects are not explained: that finding stays for cdk-nag to report.
  EXPECT_EQ(policy["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::array({{{"id", "AwsSolutions-IAM5"}, {"reason", "the login token is for the whole registry"},
                          {"applies_to", {"Resource::*"}}},
                         {{"id", "AwsSolutions-IAM5"}, {"reason", "streams are named at run time"},
                          {"applies_to", {"Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:app:*"}}}}));
}

TEST_F(SuppressionMetadataTest, ExplanationsOfOneWildcardResourceShareItsEntry) {
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {"*"}});
  role.add_to_policy({.actions = {"ecs:RegisterTaskDefinition"}, .resources = {"*"}});
  cdk::security::explain_wildcard_resources(role, {"ecr:GetAuthorizationToken"}, "the login token is for the whole registry");
  cdk::security::explain_wildcard_resources(role, {"ecs:RegisterTaskDefinition"}, "registering takes no resource");
  cdk::security::explain_wildcard_resources(role, {"sqs:SendMessage"}, "no statement allows this action");
  EXPECT_EQ(entry("Role/DefaultPolicy/Resource")["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::array({{{"id", "AwsSolutions-IAM5"},
                          {"reason", "the login token is for the whole registry; registering takes no resource"},
                          {"applies_to", {"Resource::*"}}}}));
}

TEST_F(SuppressionMetadataTest, ExplainingWildcardResourcesNeedsActionsAndAReason) {
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal("ec2.amazonaws.com")});
  expect_error([&] { cdk::security::explain_wildcard_resources(role, {}, "a reason long enough"); }, "Sec/Role",
               "needs the actions");
  expect_error([&] { cdk::security::explain_wildcard_resources(role, {"GetAuthorizationToken"}, "a reason long enough"); },
               "Sec/Role", "is not an IAM action");
  expect_error([&] { cdk::security::explain_wildcard_resources(role, {"ecr:GetAuthorizationToken"}, "short"); },
               "Sec/Role", "needs a reason");
}

TEST_F(SuppressionMetadataTest, ADistributionsTlsAndWafSuppressionsReachEachToolThatChecksThem) {
  auto& assets = stack.add<cdk::s3::Bucket>("Assets");
  auto& cdn = stack.add<cdk::cloudfront::Distribution>("Cdn", {
      .default_behavior = {.origin = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(assets)}});
  cdk::security::suppress(cdn, "CLOUDFRONT-OLD-TLS", "served on the cloudfront.net name until the domain moves");
  cdk::security::suppress(cdn, "PUBLIC-NO-WAF", "static files only, nothing to inject into");
  auto metadata = entry("Cdn/Resource")["Metadata"];
  std::vector<std::string> cdk_nag;
  for (const auto& r : metadata["cdk_nag"]["rules_to_suppress"]) cdk_nag.push_back(r["id"]);
  EXPECT_EQ(cdk_nag, (std::vector<std::string>{"AwsSolutions-CFR4", "AwsSolutions-CFR2"}));
  EXPECT_EQ(metadata["cfn_nag"]["rules_to_suppress"][0]["id"], "W70");
  std::vector<std::string> checkov;
  for (const auto& r : metadata["checkov"]["skip"]) checkov.push_back(r["id"]);
  EXPECT_EQ(checkov, (std::vector<std::string>{"CKV_AWS_174", "CKV_AWS_68"}));
  EXPECT_EQ(metadata["guard"]["SuppressedRules"], Json::array({"CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE"}));
}

TEST_F(SuppressionMetadataTest, BadIdsAndAppliesToAreErrorsNamingTheScope) {
  auto& bucket = stack.add<cdk::s3::Bucket>("B");
  expect_error([&] { cdk::security::suppress(bucket, "aws-solutions-s1", "a reason long enough"); }, "Sec/B",
               "no security rule is called");
  expect_error([&] { cdk::security::suppress(bucket, "W35", "a reason long enough", {.applies_to = {"Resource::*"}}); },
               "Sec/B", "applies_to narrows cdk-nag rules only");
  expect_error([&] {
    cdk::security::suppress(bucket, "AwsSolutions-IAM5", "a reason long enough", {.applies_to = {"Action::[x]"}});
  }, "Sec/B", "is not a finding");
  expect_error([&] { cdk::security::suppress(bucket, "AwsSolutions-S1", "too short"); }, "Sec/B", "needs a reason");
}

}  // namespace
