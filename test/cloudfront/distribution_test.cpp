// cloudfront::Distribution: defaults (the AWS CDK's, HTTPS redirect and
// TLSv1.2_2021 on top), origins, behaviours, managed policies, certificate,
// web ACL, logging, error responses, the Route 53 alias target, and errors.
// Origin ids are the AWS CDK's (StackMyDistOrigin1D6D5E535 is aws-cdk-lib's
// id for Stack/MyDist/Origin1).
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"
#include "support/web_acl.hpp"

#include <cdk/acm/certificate.hpp>
#include <cdk/certificatemanager/cfn_certificate.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/bucket.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace cf = cdk::cloudfront;

constexpr const char* cert_us = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
constexpr const char* cert_eu = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

class DistributionTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack", {.env = {.account = "123456789012", .region = "us-east-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");

  cdk::elbv2::ApplicationLoadBalancer& alb(bool internet_facing = true) {
    return stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = internet_facing});
  }
  cf::Origin web() { return cf::HttpOrigin::of("www.example.com"); }
};

TEST_F(DistributionTest, RedirectsToHttpsWithTheAwsCdksOtherDefaults) {
  auto& dist = stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(dist.origin_ids(), std::vector<std::string>{"StackMyDistOrigin1D6D5E535"});
  EXPECT_EQ(t.logical_id(dist.cfn_distribution()), "MyDistDB88FD9A");
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_equals({{"DistributionConfig", Match::object_equals({
      {"DefaultCacheBehavior", Match::object_equals({
          {"AllowedMethods", Match::array_equals({"GET", "HEAD"})}, {"CachedMethods", Match::array_equals({"GET", "HEAD"})},
          {"CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"}, {"Compress", true},
          {"TargetOriginId", "StackMyDistOrigin1D6D5E535"}, {"ViewerProtocolPolicy", "redirect-to-https"}})},
      {"Enabled", true}, {"HttpVersion", "http2"}, {"IPV6Enabled", true},
      {"Origins", Match::array_equals({Match::object_equals({
          {"DomainName", "www.example.com"}, {"Id", "StackMyDistOrigin1D6D5E535"},
          {"CustomOriginConfig", Match::object_equals({{"OriginProtocolPolicy", "https-only"},
                                                       {"OriginSSLProtocols", Match::array_equals({"TLSv1.2"})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, S3OriginGetsAnOriginAccessControlAndABucketPolicyForThisDistributionOnly) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Assets");
  auto& dist = stack.add<cf::Distribution>("MyDist", {
      .default_behavior = {.origin = cf::S3BucketOrigin::with_origin_access_control(bucket)}});
  auto t = Template::from_stack(stack);
  const auto dist_id = t.logical_id(dist.cfn_distribution());
  const auto oac = t.find_resources("AWS::CloudFront::OriginAccessControl");
  ASSERT_EQ(oac.size(), 1U);
  t.has_resource_properties("AWS::CloudFront::OriginAccessControl", Match::object_equals({{"OriginAccessControlConfig", Match::object_equals({
      {"Name", Match::string_like_regexp("^StackMyDistOrigin1S3OriginAccessControl[0-9A-F]{8}$")},
      {"OriginAccessControlOriginType", "s3"}, {"SigningBehavior", "always"}, {"SigningProtocol", "sigv4"}})}}));
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"Origins", Match::array_equals({Match::object_equals({
          {"DomainName", get_att(t.logical_id(bucket.cfn_bucket()), "RegionalDomainName")},
          {"Id", "StackMyDistOrigin1D6D5E535"}, {"OriginAccessControlId", get_att(oac[0], "Id")},
          {"S3OriginConfig", Match::object_equals({{"OriginAccessIdentity", ""}})}})})}})}}));
  const auto source_arn = Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
      "arn:", ref_to("AWS::Partition"), ":cloudfront::", ref_to("AWS::AccountId"), ":distribution/", ref_to(dist_id)})})}});
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_equals({
          {"Sid", "GrantCloudFrontOACAccessToS3Origin"}, {"Effect", "Allow"}, {"Action", "s3:GetObject"},
          {"Principal", Match::object_equals({{"Service", "cloudfront.amazonaws.com"}})},
          {"Resource", Match::any_value()},
          {"Condition", Match::object_equals({{"StringEquals", Match::object_equals({{"AWS:SourceArn", source_arn}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, BehavioursShareOriginsAndNameManagedPolicies) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Assets");
  auto& lb = alb();
  auto app_origin = cf::LoadBalancerV2Origin::of(lb, {.read_timeout_seconds = 60});
  auto assets = cf::S3BucketOrigin::with_origin_access_control(bucket);
  auto& dist = stack.add<cf::Distribution>("MyDist", {.default_behavior = {
      .origin = app_origin, .allowed_methods = cf::AllowedMethods::All,
      .cache_policy = cf::CachePolicy::caching_disabled(), .origin_request_policy = cf::OriginRequestPolicy::all_viewer()}});
  dist.add_behavior("/static/*", assets, {.response_headers_policy = cf::ResponseHeadersPolicy::security_headers()});
  dist.add_behavior("/build/*", assets, {.cache_policy = cf::CachePolicy::managed("UseOriginCacheControlHeaders")});
  dist.add_behavior("/api/*", app_origin, {.viewer_protocol_policy = cf::ViewerProtocolPolicy::HttpsOnly,
                                           .allowed_methods = cf::AllowedMethods::All,
                                           .cache_policy = cf::CachePolicy::caching_disabled()});
  EXPECT_EQ(dist.origin_ids(), (std::vector<std::string>{"StackMyDistOrigin1D6D5E535", "StackMyDistOrigin2" + dist.origin_ids()[1].substr(18)}));
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::CloudFront::OriginAccessControl", 1);
  const auto s3_id = dist.origin_ids()[1];
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"DefaultCacheBehavior", Match::object_like({
          {"AllowedMethods", Match::array_equals({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"})},
          {"CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
          {"OriginRequestPolicyId", "216adef6-5c7f-47e4-b989-5492eafa07d3"}})},
      {"CacheBehaviors", Match::array_equals({
          Match::object_like({{"PathPattern", "/static/*"}, {"TargetOriginId", s3_id},
                              {"ResponseHeadersPolicyId", "67f7725c-6f97-4210-82d7-5512b31e9d03"},
                              {"ViewerProtocolPolicy", "redirect-to-https"}}),
          Match::object_like({{"PathPattern", "/build/*"}, {"TargetOriginId", s3_id},
                              {"CachePolicyId", "83da9c7e-98b4-4e11-a168-04f0df8e2c65"}}),
          Match::object_like({{"PathPattern", "/api/*"}, {"TargetOriginId", "StackMyDistOrigin1D6D5E535"},
                              {"ViewerProtocolPolicy", "https-only"}})})},
      {"Origins", Match::array_with({Match::object_like({
          {"DomainName", get_att(t.logical_id(lb.cfn()), "DNSName")},
          {"CustomOriginConfig", Match::object_equals({{"OriginProtocolPolicy", "https-only"},
                                                       {"OriginSSLProtocols", Match::array_equals({"TLSv1.2"})},
                                                       {"OriginReadTimeout", 60}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, CertificateAndDomainNamesGiveSniAndTls12_2021) {
  auto& cert = stack.add<cdk::acm::Certificate>("Cert", {.domain_name = "www.example.com"});
  stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}, .certificate = cert.certificate_arn(),
                                         .domain_names = {"www.example.com"}, .price_class = cf::PriceClass::PriceClass100,
                                         .default_root_object = "index.html", .http_version = cf::HttpVersion::Http2And3,
                                         .enable_ipv6 = false, .comment = "static site"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"Aliases", Match::array_equals({"www.example.com"})},
      {"ViewerCertificate", Match::object_equals({{"AcmCertificateArn", ref_to(t.logical_id(cert.cfn_certificate()))},
                                                  {"MinimumProtocolVersion", "TLSv1.2_2021"}, {"SslSupportMethod", "sni-only"}})},
      {"PriceClass", "PriceClass_100"}, {"DefaultRootObject", "index.html"}, {"HttpVersion", "http2and3"},
      {"IPV6Enabled", false}, {"Comment", "static site"}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, ACertificateOutsideUsEast1IsAnErrorNamingIt) {
  auto& eu = app.add<cdk::Stack>("Eu", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& cert = eu.add<cdk::acm::Certificate>("Cert", {.domain_name = "www.example.com"});
  expect_error([&] { eu.add<cf::Distribution>("A", {.default_behavior = {.origin = web()}, .certificate = cert.certificate_arn(),
                                                    .domain_names = {"www.example.com"}}); },
               "Eu/A", "certificate Eu/Cert is in eu-west-1, and CloudFront takes certificates from us-east-1 only");
  expect_error([&] { stack.add<cf::Distribution>("B", {.default_behavior = {.origin = web()}, .certificate = cert_eu,
                                                       .domain_names = {"www.example.com"}}); },
               "Stack/B", "is in eu-west-1");
  expect_error([&] { stack.add<cf::Distribution>("C", {.default_behavior = {.origin = web()}, .domain_names = {"www.example.com"}}); },
               "Stack/C", "domain_names (www.example.com, ...) need a certificate");
  expect_error([&] { stack.add<cf::Distribution>("D", {.default_behavior = {.origin = web()}, .certificate = cert_us}); },
               "Stack/D", "a certificate without domain_names is never used");
  expect_error([&] { stack.add<cf::Distribution>("E", {.default_behavior = {.origin = web()}, .certificate = cert_us,
                                                       .domain_names = {"www.example.com", "www.example.com"}}); },
               "Stack/E", "listed twice");
  expect_error([&] { stack.add<cf::Distribution>("F", {.default_behavior = {.origin = web()}, .certificate = cert_us,
                                                       .domain_names = {"bad name.example.com"}}); },
               "Stack/F", "is not a DNS name");
}

TEST_F(DistributionTest, TakesACloudfrontScopedWebAclAndRefusesARegionalOne) {
  auto& acl = cdk::testing::web_acl(stack, "Acl", "CLOUDFRONT", 1);
  stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}, .web_acl_id = acl.attr_arn()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"WebACLId", get_att(t.logical_id(acl), "Arn")}})}}));
  cdk::testing::keep_for_lint(stack);

  auto& regional = cdk::testing::web_acl(stack, "Regional", "REGIONAL");
  expect_error([&] { stack.add<cf::Distribution>("A", {.default_behavior = {.origin = web()}, .web_acl_id = regional.attr_arn()}); },
               "Stack/A", "web ACL Stack/Regional is REGIONAL-scoped, and a CloudFront distribution needs a CLOUDFRONT one");
  expect_error([&] { stack.add<cf::Distribution>("B", {.default_behavior = {.origin = web()},
      .web_acl_id = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/app/1234"}); },
               "Stack/B", "is REGIONAL-scoped");
  auto& eu = app.add<cdk::Stack>("Eu", {.env = {.region = "eu-west-1"}});
  auto& eu_acl = cdk::testing::web_acl(eu, "Acl", "CLOUDFRONT");
  expect_error([&] { eu.add<cf::Distribution>("C", {.default_behavior = {.origin = web()}, .web_acl_id = eu_acl.attr_arn()}); },
               "Eu/C", "web ACL Eu/Acl is in eu-west-1, and CloudFront takes web ACLs from us-east-1 only");
}

TEST_F(DistributionTest, LogsToALoggingBucketWithAclsOn) {
  stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}, .enable_logging = true,
                                         .log_file_prefix = "cdn/", .log_includes_cookies = true});
  auto t = Template::from_stack(stack);
  const auto buckets = t.find_resources("AWS::S3::Bucket");
  ASSERT_EQ(buckets.size(), 1U);
  EXPECT_THAT(buckets[0], ::testing::StartsWith("MyDistLoggingBucket"));
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({{"OwnershipControls", Match::object_equals({
      {"Rules", Match::array_equals({Match::object_equals({{"ObjectOwnership", "ObjectWriter"}})})}})}}));
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"Logging", Match::object_equals({{"Bucket", get_att(buckets[0], "RegionalDomainName")},
                                        {"IncludeCookies", true}, {"Prefix", "cdn/"}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, ALogBucketWithoutAclsOrWithKmsIsAnError) {
  auto& plain = stack.add<cdk::s3::Bucket>("Plain");
  auto& kms = stack.add<cdk::s3::Bucket>("Kms", {.encryption = cdk::s3::BucketEncryption::KmsManaged,
                                                 .object_ownership = cdk::s3::ObjectOwnership::BucketOwnerPreferred});
  expect_error([&] { stack.add<cf::Distribution>("A", {.default_behavior = {.origin = web()}, .log_bucket = plain}); },
               "Stack/A", "log bucket Stack/Plain has ACLs off (BucketOwnerEnforced)");
  expect_error([&] { stack.add<cf::Distribution>("B", {.default_behavior = {.origin = web()}, .log_bucket = kms}); },
               "Stack/B", "log bucket Stack/Kms is encrypted with KMS");
}

TEST_F(DistributionTest, RendersAndChecksErrorResponses) {
  stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}, .error_responses = {
      {.http_status = 404, .response_http_status = 200, .response_page_path = "/index.html", .ttl_seconds = 0},
      {.http_status = 503, .ttl_seconds = 5},
      {.http_status = 403, .response_page_path = "/403.html"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"CustomErrorResponses", Match::array_equals({
          Match::object_equals({{"ErrorCode", 404}, {"ResponseCode", 200}, {"ResponsePagePath", "/index.html"},
                                {"ErrorCachingMinTTL", 0}}),
          Match::object_equals({{"ErrorCode", 503}, {"ErrorCachingMinTTL", 5}}),
          Match::object_equals({{"ErrorCode", 403}, {"ResponseCode", 403}, {"ResponsePagePath", "/403.html"}})})}})}}));
  cdk::testing::keep_for_lint(stack);

  auto with = [&](const char* id, cf::ErrorResponse r) {
    return [&, id, r] { stack.add<cf::Distribution>(id, {.default_behavior = {.origin = web()}, .error_responses = {r}}); };
  };
  expect_error(with("A", {.http_status = 418, .ttl_seconds = 1}), "Stack/A", "http_status 418 is not one CloudFront customizes");
  expect_error(with("B", {.http_status = 404}), "Stack/B", "error response for 404 changes nothing");
  expect_error(with("C", {.http_status = 404, .response_http_status = 200}), "Stack/C", "without response_page_path");
  expect_error(with("D", {.http_status = 404, .response_page_path = "index.html"}), "Stack/D", "does not start with '/'");
  expect_error(with("E", {.http_status = 500, .ttl_seconds = -1}), "Stack/E", "ttl_seconds -1 is outside 0-31536000");
}

TEST_F(DistributionTest, PathPatternsAreCheckedAndTheBehaviourQuotaHolds) {
  auto& dist = stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}});
  const auto o = web();
  expect_error([&] { dist.add_behavior("*", o); }, "Stack/MyDist", "only the default behaviour has the path pattern '*'");
  dist.add_behavior("/a/*", o);
  expect_error([&] { dist.add_behavior("/a/*", o); }, "Stack/MyDist", "path pattern \"/a/*\" has a behaviour already");
  expect_error([&] { dist.add_behavior("/a b", o); }, "Stack/MyDist", "path pattern \"/a b\" is not one CloudFront takes");
  for (int i = 2; i <= 25; ++i) dist.add_behavior("/p" + std::to_string(i) + "/*", o);
  expect_error([&] { dist.add_behavior("/p26/*", o); }, "Stack/MyDist",
               "behaviour 26 (\"/p26/*\") is over the quota of 25 cache behaviours per distribution");
  auto& raised = stack.add<cf::Distribution>("Raised", {.default_behavior = {.origin = web()}, .behavior_quota = 30});
  for (int i = 1; i <= 26; ++i) raised.add_behavior("/p" + std::to_string(i) + "/*", o);
  EXPECT_EQ(raised.origin_ids().size(), 2U);  // the default's origin and the shared one
}

TEST_F(DistributionTest, OriginsAreChecked) {
  expect_error([&] { alb(false); stack.add<cf::Distribution>("A", {.default_behavior = {
                   .origin = cf::LoadBalancerV2Origin::of(*dynamic_cast<cdk::elbv2::ApplicationLoadBalancer*>(
                       &stack.node().find_child("Alb")))}}); },
               "Stack/A", "load balancer Stack/Alb is internal, and CloudFront reaches origins over the internet");
  auto& managed = stack.add<cdk::s3::Bucket>("Managed", {.encryption = cdk::s3::BucketEncryption::KmsManaged});
  expect_error([&] { stack.add<cf::Distribution>("B", {.default_behavior = {
                   .origin = cf::S3BucketOrigin::with_origin_access_control(managed)}}); },
               "Stack/B", "bucket Stack/Managed is encrypted with the AWS managed key aws/s3");
  auto& other = app.add<cdk::Stack>("Other", {.env = {.region = "us-east-1"}});
  auto& elsewhere = other.add<cdk::s3::Bucket>("Elsewhere");
  expect_error([&] { stack.add<cf::Distribution>("C", {.default_behavior = {
                   .origin = cf::S3BucketOrigin::with_origin_access_control(elsewhere)}}); },
               "Stack/C", "bucket Other/Elsewhere is in another stack than the distribution");
  expect_error([&] { stack.add<cf::Distribution>("D", {.default_behavior = {
                   .origin = cf::HttpOrigin::of("x.example.com", {.read_timeout_seconds = 181})}}); },
               "Stack/D/Origin1", "read_timeout_seconds 181s is outside CloudFront's range 1-180");
  expect_error([&] { stack.add<cf::Distribution>("E", {.default_behavior = {
                   .origin = cf::HttpOrigin::of("x.example.com", {.https_port = 100})}}); },
               "Stack/E/Origin1", "https_port 100 is not a port CloudFront connects to");
  expect_error([&] { stack.add<cf::Distribution>("F", {.default_behavior = {
                   .origin = cf::HttpOrigin::of("x.example.com", {.origin_path = "app/"})}}); },
               "Stack/F/Origin1", "origin_path \"app/\" must start with '/' and not end with '/'");
  expect_error([&] { stack.add<cf::Distribution>("G", {}); }, "Stack/G", "the default behaviour has no origin");
}

TEST_F(DistributionTest, PoliciesAndMethodsAreChecked) {
  expect_error([&] { stack.add<cf::Distribution>("A", {.default_behavior = {
                   .origin = web(), .cache_policy = cf::CachePolicy::managed("CachingOptimised")}}); },
               "Stack/A", "cache policy \"CachingOptimised\" is not an AWS managed one");
  expect_error([&] { stack.add<cf::Distribution>("B", {.default_behavior = {
                   .origin = web(), .cached_methods = cf::CachedMethods::GetHeadOptions}}); },
               "Stack/B", "a behaviour caches OPTIONS but does not allow it");
  stack.add<cf::Distribution>("C", {.default_behavior = {
      .origin = web(), .cache_policy = cf::CachePolicy::from_cache_policy_id("my-policy-id"),
      .origin_request_policy = cf::OriginRequestPolicy::cors_s3_origin()}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudFront::Distribution", Match::object_like({{"DistributionConfig", Match::object_like({
      {"DefaultCacheBehavior", Match::object_like({{"CachePolicyId", "my-policy-id"},
                                                   {"OriginRequestPolicyId", "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"}})}})}}));
}

TEST_F(DistributionTest, IsARoute53AliasTargetAndGrantsInvalidation) {
  auto& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  auto& dist = stack.add<cf::Distribution>("MyDist", {.default_behavior = {.origin = web()}, .certificate = cert_us,
                                                      .domain_names = {"www.example.com"}});
  stack.add<cdk::route53::ARecord>("Www", {.zone = zone, .record_name = "www",
                                           .target = cdk::route53::RecordTarget::alias(cdk::route53::CloudFrontTarget(dist))});
  auto& role = stack.add<cdk::iam::Role>("Deployer", {.assumed_by = cdk::iam::ServicePrincipal{"codebuild.amazonaws.com"}});
  dist.grant_create_invalidation(role);
  auto t = Template::from_stack(stack);
  const auto dist_id = t.logical_id(dist.cfn_distribution());
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({{"Type", "A"}, {"AliasTarget", Match::object_equals({
      {"DNSName", get_att(dist_id, "DomainName")}, {"HostedZoneId", "Z2FDTNDATAQYW2"}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({{"Action", "cloudfront:CreateInvalidation"},
                                                             {"Effect", "Allow"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DistributionTest, ACustomerKeyBucketGetsAWarningNamingTheKeyPolicyStatement) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Sealed", {.encryption = cdk::s3::BucketEncryption::Kms,
      .encryption_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  auto& dist = stack.add<cf::Distribution>("MyDist", {.default_behavior = {
      .origin = cf::S3BucketOrigin::with_origin_access_control(bucket)}});
  const auto& meta = dist.node().find_child("Origin1").node().metadata();
  ASSERT_EQ(meta.size(), 1U);
  EXPECT_EQ(meta[0].type, cdk::Annotations::warning_type);
  EXPECT_THAT(meta[0].data, ::testing::HasSubstr("allow kms:Decrypt to the service principal cloudfront.amazonaws.com"));
}

}  // namespace
