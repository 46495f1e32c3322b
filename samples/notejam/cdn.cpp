#include "cdn.hpp"

#include <cdk/cdk.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/s3.hpp>

#include <string>

namespace notejam {

using namespace cdk;

namespace {

// "/static/", where the distribution serves the bucket's files. Appended
// rather than "/" + ...: GCC 12 warns falsely (-Wstringop-overflow) on that.
std::string static_path() { return std::string("/").append(static_prefix); }

// What the static files' bucket and distribution accept on purpose, with the
// reasons the template carries for cdkpp, cdk-nag, cfn_nag and checkov.
void suppress_choices(s3::Bucket& bucket, cloudfront::Distribution& cdn, const Settings& settings) {
  // cdk-nag's ids go on the resource they name (another tool's id covers every resource below the scope).
  security::suppress(bucket.cfn_bucket(), "AwsSolutions-S1",
                     "public CSS, JavaScript and images read only by CloudFront; nothing to audit per object");
  security::suppress(cdn.cfn_distribution(), "AwsSolutions-CFR3",
                     "every page request reaches the app, which logs it; static files are public and not logged");
  security::suppress(cdn.cfn_distribution(), "AwsSolutions-CFR1", "a public note-taking site: no country is kept out");
  if (settings.cdn_certificate_arn.empty())
    security::suppress(cdn, "CLOUDFRONT-OLD-TLS",
                       "serves only public static files on *.cloudfront.net, whose TLS policy CloudFront fixes; "
                       "pages, cookies and sign-in stay on the load balancer's TLS 1.2 listener "
                       "(-c cdn_certificate_arn= moves the site behind CloudFront with TLSv1.2_2021)");
  if (settings.cdn_web_acl_arn.empty())
    security::suppress(cdn, "PUBLIC-NO-WAF",
                       settings.cdn_certificate_arn.empty()
                           ? "serves only public static files from S3; the app's requests go to the load balancer"
                           : "pages go on to the load balancer, behind its regional web ACL in prod; a CLOUDFRONT "
                             "web ACL must be made in us-east-1 (-c cdn_web_acl_arn=)");
}

}  // namespace

Cdn add_cdn(Stack& stack, const CdnTargets& t) {
  const Settings& settings = t.settings;
  const bool site = !settings.cdn_certificate_arn.empty();
  // Private (Block Public Access, HTTPS only) and SSE-S3, which CloudFront's
  // origin access control can read without a key policy.
  auto& bucket = stack.add<s3::Bucket>("StaticFiles");
  const auto files = cloudfront::S3BucketOrigin::with_origin_access_control(bucket);
  // CloudFront adds HSTS, nosniff and frame options to every answer.
  const auto headers = cloudfront::ResponseHeadersPolicy::security_headers();
  cloudfront::DistributionProps props;
  props.comment = "Notejam " + settings.environment + (site ? ": the site" : ": static files");
  props.web_acl_id = settings.cdn_web_acl_arn.empty() ? Value() : Value(settings.cdn_web_acl_arn);
  if (!site) {
    props.default_behavior = {.origin = files, .response_headers_policy = headers};
  } else {
    // The viewer's Host header goes on to the load balancer, so CloudFront
    // checks the listener's certificate (the domain's) against the domain.
    props.default_behavior = {.origin = cloudfront::LoadBalancerV2Origin::of(t.load_balancer),
                              .allowed_methods = cloudfront::AllowedMethods::All,
                              .cache_policy = cloudfront::CachePolicy::caching_disabled(),
                              .origin_request_policy = cloudfront::OriginRequestPolicy::all_viewer(),
                              .response_headers_policy = headers};
    props.certificate = Value(settings.cdn_certificate_arn);
    props.domain_names = {t.domain};
  }
  auto& cdn = stack.add<cloudfront::Distribution>("Cdn", std::move(props));
  if (site) cdn.add_behavior(static_path() + "*", files, {.response_headers_policy = headers});
  suppress_choices(bucket, cdn, settings);
  const Value host = site ? Value(t.domain) : cdn.distribution_domain_name();
  return {.bucket = bucket,
          .distribution = cdn,
          .static_url = Value("https://") + host + Value(static_path()),
          .serves_site = site};
}

void grant_collectstatic(const Cdn& cdn, ecs::FargateTaskDefinition& task) {
  auto& role = task.task_role();
  role.add_to_policy({.actions = {"s3:GetObject", "s3:PutObject"},
                      .resources = {cdn.bucket.arn_for_objects(std::string(static_prefix) + "*")}});
  // Without it S3 answers a missing key with 403 instead of 404, and
  // collectstatic cannot tell a new file from a denied one.
  role.add_to_policy({.actions = {"s3:ListBucket"}, .resources = {cdn.bucket.bucket_arn()}});
  const std::string bucket_id = Stack::of(cdn.bucket).logical_id(cdn.bucket.cfn_bucket());
  security::suppress(*role.default_policy(), "AwsSolutions-IAM5", "collectstatic writes any file under static/, and only there",
                     {.applies_to = {"Resource::<" + bucket_id + ".Arn>/" + std::string(static_prefix) + "*"}});
}

}  // namespace notejam
