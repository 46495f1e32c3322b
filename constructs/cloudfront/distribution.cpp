#include <cdk/cloudfront/distribution.hpp>

#include <cdk/cloudfront/detail/distribution_checks.hpp>
#include <cdk/cloudfront/detail/render_behavior.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/names.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/wafv2/web_acl_scope.hpp>

#include <algorithm>

namespace cdk::cloudfront {

namespace {
// The AWS CDK keeps the last 128 characters of the unique id (CloudFront's limit).
constexpr std::size_t max_origin_id_length = 128;
}  // namespace

Distribution::Distribution(Construct& scope, std::string_view id, const DistributionProps& props)
    : Construct(scope, id), behavior_quota_(props.behavior_quota) {
  check(props);
  make_resource(props);
  const std::string origin_id = add_origin(props.default_behavior.origin);
  config().default_cache_behavior =
      detail::render_default_behavior(node().path(), origin_id, detail::options_of(props.default_behavior));
}

void Distribution::check(const DistributionProps& props) const {
  const std::string path = node().path();
  if (!props.default_behavior.origin)
    throw Error(path, "the default behaviour has no origin",
                "set .default_behavior = {.origin = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(bucket)}");
  detail::check_certificate(*this, props);
  detail::check_domain_names(path, props);
  detail::check_error_responses(path, props.error_responses);
  detail::check_texts(path, props);
  if (!props.web_acl_id.is_null())
    wafv2::check_web_acl_scope(path, props.web_acl_id, wafv2::WebAclScope::Cloudfront, "a CloudFront distribution");
  if (props.log_bucket) detail::check_log_bucket(path, *props.log_bucket);
  if (props.behavior_quota == 0)
    throw Error(path, "behavior_quota is 0", "leave it at AWS's default 25, or set your account's quota");
}

void Distribution::make_resource(const DistributionProps& props) {
  CfnDistribution::DistributionConfigProperty c;
  c.enabled = props.enabled;
  if (!props.domain_names.empty()) c.aliases = props.domain_names;
  if (!props.comment.empty()) c.comment = props.comment;
  for (const auto& r : props.error_responses) {
    CfnDistribution::CustomErrorResponseProperty e;
    e.error_code = r.http_status;
    if (!r.response_page_path.empty()) {
      e.response_page_path = r.response_page_path;
      e.response_code = r.response_http_status.value_or(r.http_status);
    }
    if (r.ttl_seconds) e.error_caching_min_ttl = static_cast<double>(*r.ttl_seconds);
    c.custom_error_responses.push_back(std::move(e));
  }
  if (!props.default_root_object.empty()) c.default_root_object = props.default_root_object;
  c.http_version = http_version_name(props.http_version);
  c.ipv6_enabled = props.enable_ipv6;
  c.logging = make_logging(props);
  if (props.price_class) c.price_class = price_class_name(*props.price_class);
  if (!props.certificate.is_null())
    c.viewer_certificate = CfnDistribution::ViewerCertificateProperty{
        .acm_certificate_arn = props.certificate,
        .minimum_protocol_version = security_policy_protocol_name(props.minimum_protocol_version),
        .ssl_support_method = "sni-only"};
  if (!props.web_acl_id.is_null()) c.web_acl_id = props.web_acl_id;
  resource_ = &add<CfnDistribution>("Resource", CfnDistribution::Props{.distribution_config = std::move(c)});
}

std::optional<CfnDistribution::LoggingProperty> Distribution::make_logging(const DistributionProps& props) {
  if (!props.enable_logging && !props.log_bucket) return std::nullopt;
  // Same id and settings as the AWS CDK's LoggingBucket: SSE-S3 and ACLs on for log delivery.
  s3::Bucket* bucket = props.log_bucket ? props.log_bucket.get()
                                        : &add<s3::Bucket>("LoggingBucket", {.object_ownership = s3::ObjectOwnership::ObjectWriter});
  CfnDistribution::LoggingProperty logging;
  logging.bucket = bucket->bucket_regional_domain_name();
  if (props.log_includes_cookies) logging.include_cookies = true;
  if (!props.log_file_prefix.empty()) logging.prefix = props.log_file_prefix;
  return logging;
}

CfnDistribution::DistributionConfigProperty& Distribution::config() { return *resource_->props().distribution_config; }

std::string Distribution::add_origin(const Origin& origin) {
  for (const auto& b : bound_)
    if (b.origin == origin.get()) return b.id;
  auto& scope = add<Construct>("Origin" + std::to_string(bound_.size() + 1));
  std::string generated = Names::unique_id(scope);
  if (generated.size() > max_origin_id_length) generated = generated.substr(generated.size() - max_origin_id_length);
  auto rendered = origin->bind({.distribution = *this, .scope = scope, .origin_id = generated});
  const std::string id = rendered.id.value().as_string();
  if (std::find(origin_ids_.begin(), origin_ids_.end(), id) != origin_ids_.end())
    throw Error(node().path(), "two origins have the id \"" + id + "\"", "give each origin its own origin_id");
  config().origins.push_back(std::move(rendered));
  bound_.push_back({origin.get(), id});
  origins_.push_back(origin);
  origin_ids_.push_back(id);
  return id;
}

void Distribution::add_behavior(const std::string& path_pattern, const Origin& origin, AddBehaviorOptions options) {
  const std::string path = node().path();
  detail::check_path_pattern(path, path_pattern);
  if (!origin) throw Error(path, "the behaviour for \"" + path_pattern + "\" has no origin", "pass an origin");
  if (std::find(path_patterns_.begin(), path_patterns_.end(), path_pattern) != path_patterns_.end())
    throw Error(path, "path pattern \"" + path_pattern + "\" has a behaviour already", "give each path pattern one behaviour");
  if (path_patterns_.size() + 1 > behavior_quota_)
    throw Error(path, "behaviour " + std::to_string(path_patterns_.size() + 1) + " (\"" + path_pattern +
                          "\") is over the quota of " + std::to_string(behavior_quota_) + " cache behaviours per distribution",
                "merge path patterns, or raise the quota in Service Quotas and set .behavior_quota");
  const std::string origin_id = add_origin(origin);
  config().cache_behaviors.push_back(detail::render_behavior(path, origin_id, path_pattern, options));
  path_patterns_.push_back(path_pattern);
}

Value Distribution::distribution_id() const { return resource_->ref(); }
Value Distribution::distribution_domain_name() const { return resource_->attr_domain_name(); }
Value Distribution::distribution_arn() const {
  return Fn::join("", {"arn:", Aws::partition(), ":cloudfront::", Aws::account_id(), ":distribution/", distribution_id()});
}

void Distribution::grant_create_invalidation(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal(
      {.grantee = grantee, .actions = {"cloudfront:CreateInvalidation"}, .resource_arns = {distribution_arn()}});
}

}  // namespace cdk::cloudfront
