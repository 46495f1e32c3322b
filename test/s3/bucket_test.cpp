// s3::Bucket: secure defaults, options, grants and errors.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace s3 = cdk::s3;

class BucketTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::iam::Role& role() {
    return stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  }
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

Match get_att_arn(const std::string& id) {
  return Match::object_equals({{"Fn::GetAtt", Match::array_equals({id, "Arn"})}});
}
Match objects_arn(const std::string& id, const std::string& pattern) {
  return Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({get_att_arn(id), "/" + pattern})})}});
}

TEST_F(BucketTest, IsPrivateEncryptedRetainedAndHttpsOnlyByDefault) {
  auto& bucket = stack.add<s3::Bucket>("Bucket");
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(bucket.cfn_bucket());
  EXPECT_EQ(id, "Bucket83908E77");  // aws-cdk-lib's id for Stack/Bucket/Resource
  t.has_resource("AWS::S3::Bucket", Match::object_like({
      {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"},
      {"Properties", Match::object_equals({
          {"BucketEncryption", Match::object_equals({{"ServerSideEncryptionConfiguration", Match::array_equals({
              Match::object_equals({{"ServerSideEncryptionByDefault", Match::object_equals({{"SSEAlgorithm", "AES256"}})}})})}})},
          {"PublicAccessBlockConfiguration", Match::object_equals({{"BlockPublicAcls", true}, {"BlockPublicPolicy", true},
                                                                   {"IgnorePublicAcls", true}, {"RestrictPublicBuckets", true}})}})}}));
  auto policies = t.find_resources("AWS::S3::BucketPolicy");
  ASSERT_EQ(policies.size(), 1U);
  EXPECT_EQ(policies[0], "BucketPolicyE9A3008A");
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"Bucket", Match::object_equals({{"Ref", id}})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({Match::object_equals({
          {"Effect", "Deny"}, {"Principal", Match::object_equals({{"AWS", "*"}})}, {"Action", "s3:*"},
          {"Resource", Match::array_equals({get_att_arn(id), objects_arn(id, "*")})},
          {"Condition", Match::object_equals({{"Bool", Match::object_equals({{"aws:SecureTransport", "false"}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, CanDropTheSslPolicyUseKmsAndDeleteOnRemoval) {
  stack.add<s3::Bucket>("Bucket", {.bucket_name = "my-app-data-123", .encryption = s3::BucketEncryption::Kms,
                                   .encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                   .bucket_key_enabled = true, .enforce_ssl = false,
                                   .removal_policy = cdk::RemovalPolicy::Delete});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::S3::BucketPolicy", 0);
  t.has_resource("AWS::S3::Bucket", Match::object_like({
      {"DeletionPolicy", "Delete"},
      {"Properties", Match::object_like({
          {"BucketName", "my-app-data-123"},
          {"BucketEncryption", Match::object_like({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_equals({
              {"BucketKeyEnabled", true},
              {"ServerSideEncryptionByDefault", Match::object_equals({
                  {"KMSMasterKeyID", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
                  {"SSEAlgorithm", "aws:kms"}})}})})}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, RendersVersioningAndLifecycleRules) {
  stack.add<s3::Bucket>("Bucket", {.versioned = true, .lifecycle_rules = {
      {.id = "logs", .prefix = "logs/", .expiration_days = 365, .transitions = {{.transition_after_days = 30},
          {.storage_class = s3::StorageClass::Glacier, .transition_after_days = 90}}},
      {.noncurrent_version_expiration_days = 30, .abort_incomplete_multipart_upload_after_days = 7}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"VersioningConfiguration", Match::object_equals({{"Status", "Enabled"}})},
      {"LifecycleConfiguration", Match::object_equals({{"Rules", Match::array_equals({
          Match::object_equals({{"Id", "logs"}, {"Status", "Enabled"}, {"Prefix", "logs/"}, {"ExpirationInDays", 365},
                                {"Transitions", Match::array_equals({
                                    Match::object_equals({{"StorageClass", "STANDARD_IA"}, {"TransitionInDays", 30}}),
                                    Match::object_equals({{"StorageClass", "GLACIER"}, {"TransitionInDays", 90}})})}}),
          Match::object_equals({{"Status", "Enabled"},
                                {"NoncurrentVersionExpiration", Match::object_equals({{"NoncurrentDays", 30}})},
                                {"AbortIncompleteMultipartUpload", Match::object_equals({{"DaysAfterInitiation", 7}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, EventBridgeNotificationsAreTheBucketsOwnConfigurationNotACustomResource) {
  stack.add<s3::Bucket>("Announced", {.event_bridge_enabled = true});
  auto& later = stack.add<s3::Bucket>("Later");
  later.enable_event_bridge_notification();
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::S3::Bucket", 2);
  t.all_resources_properties("AWS::S3::Bucket", Match::object_like({
      {"NotificationConfiguration", Match::object_equals({{"EventBridgeConfiguration", Match::object_equals({
          {"EventBridgeEnabled", true}})}})}}));
  t.resource_count_is("Custom::S3BucketNotifications", 0);
  cdk::testing::keep_for_lint(stack);
}

const std::vector<std::string> kRead = {"s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes",
                                        "s3:GetObjectVersionAttributes", "s3:GetObjectTagging",
                                        "s3:GetObjectVersionTagging", "s3:ListBucket", "s3:ListBucketVersions",
                                        "s3:GetBucketLocation"};
const std::vector<std::string> kDelete = {"s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging"};
const std::vector<std::string> kPut = {"s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention",
                                       "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:AbortMultipartUpload"};

std::vector<std::string> join(std::initializer_list<std::vector<std::string>> lists) {
  std::vector<std::string> out;
  for (const auto& l : lists) out.insert(out.end(), l.begin(), l.end());
  return out;
}

Match actions(const std::vector<std::string>& names) {
  std::vector<Match> items;
  for (const auto& n : names) items.emplace_back(n);
  return Match::array_equals(std::move(items));
}

TEST_F(BucketTest, GrantReadCoversTheBucketAndItsObjectsWithExplicitActions) {
  auto& bucket = stack.add<s3::Bucket>("Bucket");
  auto& r = role();
  bucket.grant_read(r);
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(bucket.cfn_bucket());
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({
          {"Action", actions(kRead)},
          {"Resource", Match::array_equals({get_att_arn(id), objects_arn(id, "*")})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, GrantWriteAndReadWriteIncludeKmsActionsForAKmsKey) {
  auto& bucket = stack.add<s3::Bucket>("Bucket", {.encryption = s3::BucketEncryption::Kms,
      .encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  auto& r = role();
  bucket.grant_write(r, "uploads/*");
  bucket.grant_read_write(r);
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(bucket.cfn_bucket());
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Action", actions(join({kDelete, kPut}))},
                              {"Resource", Match::array_equals({get_att_arn(id), objects_arn(id, "uploads/*")})}}),
          Match::object_like({{"Action", Match::array_equals({"kms:Decrypt", "kms:GenerateDataKey"})}}),
          // The same key statement again is not written twice.
          Match::object_like({{"Action", actions(join({kRead, kDelete, kPut}))},
                              {"Resource", Match::array_equals({get_att_arn(id), objects_arn(id, "*")})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, GrantPutDeleteAndDeleteVersionsNameTheObjectsOnly) {
  auto& bucket = stack.add<s3::Bucket>("Bucket", {.versioned = true});
  auto& r = role();
  bucket.grant_put(r, "in/*");
  bucket.grant_delete(r, "in/*");
  bucket.grant_delete_versions(r, "tmp/*");
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(bucket.cfn_bucket());
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Action", actions(kPut)}, {"Resource", objects_arn(id, "in/*")}}),
          Match::object_like({{"Action", actions(kDelete)}, {"Resource", objects_arn(id, "in/*")}}),
          Match::object_like({{"Action", "s3:DeleteObjectVersion"}, {"Resource", objects_arn(id, "tmp/*")}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, NoGrantWritesAWildcardActionAndOnlyDeleteVersionsDeletesVersions) {
  auto& bucket = stack.add<s3::Bucket>("Bucket");
  auto& r = role();
  bucket.grant_read(r);
  bucket.grant_write(r);
  bucket.grant_read_write(r);
  bucket.grant_put(r);
  bucket.grant_delete(r);
  const auto text = Template::from_stack(stack).to_json();
  EXPECT_FALSE(std::regex_search(text, std::regex(R"("(s3|kms):[A-Za-z]+\*")"))) << text;
  EXPECT_EQ(text.find("s3:DeleteObjectVersion\""), std::string::npos);
  bucket.grant_delete_versions(r);
  EXPECT_NE(Template::from_stack(stack).to_json().find("s3:DeleteObjectVersion\""), std::string::npos);
}

TEST_F(BucketTest, PublicReadIsExplicitRelaxesBlockPublicAccessAndWarns) {
  auto& site = stack.add<s3::Bucket>("Site", {.enforce_ssl = false, .public_read_access = true,
                                              .website_index_document = "index.html",
                                              .website_error_document = "error.html"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"PublicAccessBlockConfiguration", Match::object_equals({{"BlockPublicAcls", true}, {"BlockPublicPolicy", false},
                                                               {"IgnorePublicAcls", true}, {"RestrictPublicBuckets", false}})},
      {"WebsiteConfiguration", Match::object_equals({{"IndexDocument", "index.html"}, {"ErrorDocument", "error.html"}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({{"Effect", "Allow"}, {"Action", "s3:GetObject"},
                                                             {"Principal", Match::object_equals({{"AWS", "*"}})}})})}})}}));
  EXPECT_TRUE(has_warning(site, "public_read_access"));
  EXPECT_FALSE(has_warning(site, "HTTP only"));
  EXPECT_EQ(site.bucket_website_url().name(), "WebsiteURL");
  cdk::testing::keep_for_lint(stack);
  auto& https_site = stack.add<s3::Bucket>("Https", {.website_index_document = "index.html"});
  EXPECT_TRUE(has_warning(https_site, "HTTP only"));
  EXPECT_FALSE(has_warning(https_site, "public_read_access"));
}

TEST_F(BucketTest, ServerAccessLogsGoToTheTargetWhosePolicyLetsS3LoggingWrite) {
  auto& logs = stack.add<s3::Bucket>("AccessLogs");
  auto& data = stack.add<s3::Bucket>("Data", {.server_access_logs_bucket = logs, .server_access_logs_prefix = "data/"});
  auto t = Template::from_stack(stack);
  const auto logs_id = t.logical_id(logs.cfn_bucket());
  const auto data_id = t.logical_id(data.cfn_bucket());
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({{"LoggingConfiguration", Match::object_equals({
      {"DestinationBucketName", Match::object_equals({{"Ref", logs_id}})}, {"LogFilePrefix", "data/"}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"Bucket", Match::object_equals({{"Ref", logs_id}})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_equals({
          {"Effect", "Allow"}, {"Principal", Match::object_equals({{"Service", "logging.s3.amazonaws.com"}})},
          {"Action", "s3:PutObject"}, {"Resource", objects_arn(logs_id, "data/*")},
          {"Condition", Match::object_equals({
              {"ArnLike", Match::object_equals({{"aws:SourceArn", get_att_arn(data_id)}})},
              {"StringEquals", Match::object_equals({{"aws:SourceAccount", Match::object_equals({{"Ref", "AWS::AccountId"}})}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, ServerAccessLogsToItselfLeaveTheDestinationOut) {
  stack.add<s3::Bucket>("Bucket", {.server_access_logs_prefix = "logs/"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({{"LoggingConfiguration",
      Match::object_equals({{"LogFilePrefix", "logs/"}})}}));
  t.resource_count_is("AWS::S3::BucketPolicy", 1);
  cdk::testing::keep_for_lint(stack);
  auto& kms = stack.add<s3::Bucket>("Kms", {.encryption = s3::BucketEncryption::KmsManaged});
  EXPECT_THAT([&] { stack.add<s3::Bucket>("ToKms", {.server_access_logs_bucket = kms}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/Kms")));
  EXPECT_THAT([&] { stack.add<s3::Bucket>("SelfKms", {.encryption = s3::BucketEncryption::KmsManaged,
                                                      .server_access_logs_prefix = "logs/"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("its own server access logs")));
}

TEST_F(BucketTest, RendersCorsRulesAndRulesAddedLater) {
  auto& bucket = stack.add<s3::Bucket>("Bucket", {.cors = {{.allowed_methods = {"GET", "HEAD"},
                                                            .allowed_origins = {"https://app.example.com"},
                                                            .max_age_seconds = 3000}}});
  bucket.add_cors_rule({.allowed_methods = {"PUT"}, .allowed_origins = {"https://admin.example.com"}, .allowed_headers = {"*"}});
  bucket.add_lifecycle_rule({.abort_incomplete_multipart_upload_after_days = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"CorsConfiguration", Match::object_equals({{"CorsRules", Match::array_equals({
          Match::object_equals({{"AllowedMethods", Match::array_equals({"GET", "HEAD"})},
                                {"AllowedOrigins", Match::array_equals({"https://app.example.com"})}, {"MaxAge", 3000}}),
          Match::object_equals({{"AllowedHeaders", Match::array_equals({"*"})}, {"AllowedMethods", Match::array_equals({"PUT"})},
                                {"AllowedOrigins", Match::array_equals({"https://admin.example.com"})}})})}})},
      {"LifecycleConfiguration", Match::object_equals({{"Rules", Match::array_equals({Match::object_like({
          {"AbortIncompleteMultipartUpload", Match::object_equals({{"DaysAfterInitiation", 1}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THAT([&] { bucket.add_cors_rule({.allowed_methods = {"PATCH"}, .allowed_origins = {"*"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("PATCH")));
  EXPECT_THAT([&] { bucket.add_lifecycle_rule({}); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("lifecycle rule 2")));
}

TEST_F(BucketTest, ResourcePolicyStatementsNeedAPrincipal) {
  auto& bucket = stack.add<s3::Bucket>("Bucket");
  EXPECT_THAT([&] { bucket.add_to_resource_policy({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("principal")));
  bucket.add_to_resource_policy({.actions = {"s3:PutObject"}, .resources = {bucket.arn_for_objects("logs/*")},
                                 .principals = cdk::Value::map({{"Service", "logging.s3.amazonaws.com"}})});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::S3::BucketPolicy", 1);
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Action", "s3:PutObject"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(BucketTest, RejectsBadNamesAndInconsistentEncryptionNamingThePath) {
  for (const char* bad : {"ab", "Upper-Case", "-starts-with-dash", "two..dots", "192.168.1.1", "under_score"}) {
    try {
      stack.add<s3::Bucket>(std::string("B") + std::to_string(std::hash<std::string>{}(bad) % 100000), {.bucket_name = bad});
      ADD_FAILURE() << "accepted " << bad;
    } catch (const cdk::Error& e) {
      EXPECT_THAT(e.path(), HasSubstr("Stack/B"));
      EXPECT_THAT(e.what(), HasSubstr(bad));
    }
  }
  EXPECT_THAT([&] { stack.add<s3::Bucket>("K1", {.encryption = s3::BucketEncryption::Kms}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("encryption_key_arn")));
  EXPECT_THAT([&] { stack.add<s3::Bucket>("K2", {.encryption_key_arn = "arn:aws:kms:eu-west-1:1:key/x"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/K2")));
  EXPECT_THAT([&] { stack.add<s3::Bucket>("K3", {.bucket_key_enabled = true}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("SSE-KMS")));
  EXPECT_THAT([&] { stack.add<s3::Bucket>("W", {.website_error_document = "e.html"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("website_index_document")));
  EXPECT_THAT([&] { (void)stack.add<s3::Bucket>("NoSite").bucket_website_url(); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/NoSite")));
}

TEST_F(BucketTest, RejectsLifecycleRulesS3WouldRefuse) {
  auto bad = [&](const char* id, s3::LifecycleRule rule, const char* text) {
    EXPECT_THAT([&] { stack.add<s3::Bucket>(id, {.lifecycle_rules = {rule}}); },
                ::testing::ThrowsMessage<cdk::Error>(HasSubstr(text)))
        << id;
  };
  bad("Nothing", {}, "does nothing");
  bad("Negative", {.expiration_days = -1}, "negative");
  bad("Both", {.expiration_days = 10, .expired_object_delete_marker = true}, "both");
  bad("TooSoon", {.transitions = {{.transition_after_days = 10}}}, "at least 30 days");
  bad("AfterExpiry", {.expiration_days = 60, .transitions = {{.storage_class = s3::StorageClass::Glacier, .transition_after_days = 90}}},
      "on or after the expiration");
}

}  // namespace
