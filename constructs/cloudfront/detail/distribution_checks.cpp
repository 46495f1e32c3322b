#include <cdk/cloudfront/detail/distribution_checks.hpp>

#include <cdk/cfn_element.hpp>
#include <cdk/error.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace cdk::cloudfront::detail {

namespace {

// CloudFront's quotas and rules: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
constexpr std::size_t max_domain_names = 100;
constexpr std::size_t max_comment_length = 128;
constexpr std::size_t max_root_object_length = 255;
constexpr std::size_t max_path_pattern_length = 255;
constexpr std::int64_t max_error_ttl_seconds = 31536000;
constexpr std::string_view certificate_region_required = "us-east-1";
constexpr std::array<std::int64_t, 11> error_codes{400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504};

struct Where {
  std::string region;  // "" when unknown
  std::string owner;   // the construct path of an in-app certificate, or ""
  const Stack* stack = nullptr;
};

/// Where an ACM certificate ARN lives: the region of a literal ARN, or the
/// stack (and its region) of the certificate the value refers to.
Where locate(const Value& arn) {
  if (arn.is_literal() && arn.kind() == Value::Kind::String) {
    // arn:<partition>:acm:<region>:<account>:certificate/<id>
    const std::string& s = arn.as_string();
    std::size_t at = 0;
    for (int colon = 0; colon < 3 && at != std::string::npos; ++colon) at = s.find(':', colon == 0 ? 0 : at + 1);
    const auto end = at == std::string::npos ? at : s.find(':', at + 1);
    if (!s.starts_with("arn:") || end == std::string::npos) return {};
    return {.region = s.substr(at + 1, end - at - 1)};
  }
  const CfnElement* target = arn.target();
  if (target == nullptr) return {};
  const Construct* owner = target->node().scope();
  const bool l2 = owner != nullptr && target->node().id() == "Resource";
  const Stack& stack = Stack::of(*target);
  return {.region = stack.env().region, .owner = l2 ? owner->node().path() : target->node().path(), .stack = &stack};
}

bool valid_domain_name(const std::string& name) {
  const std::string rest = name.starts_with("*.") ? name.substr(2) : name;
  if (rest.empty() || name.size() > 253 || rest.front() == '.' || rest.back() == '.') return false;
  return std::all_of(rest.begin(), rest.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; });
}

bool known_error_code(std::int64_t code) {
  return std::find(error_codes.begin(), error_codes.end(), code) != error_codes.end();
}

}  // namespace

void check_certificate(const Distribution& distribution, const DistributionProps& props) {
  const std::string path = distribution.node().path();
  if (props.certificate.is_null()) return;
  const Where where = locate(props.certificate);
  const std::string name = where.owner.empty() ? "certificate " + props.certificate.to_string() : "certificate " + where.owner;
  if (!where.region.empty() && where.region != certificate_region_required)
    throw Error(path, name + " is in " + where.region + ", and CloudFront takes certificates from us-east-1 only",
                "request the certificate in a us-east-1 stack (or in ACM in us-east-1) and pass its ARN");
  const std::string& own_region = Stack::of(distribution).env().region;
  if (where.stack != nullptr && where.stack != &Stack::of(distribution) && !own_region.empty() &&
      !where.region.empty() && own_region != where.region)
    throw Error(path, name + " is in a stack in " + where.region + " and the distribution in " + own_region +
                          ": CloudFormation exports do not cross regions",
                "put the distribution in a us-east-1 stack, or pass the certificate's ARN as a literal string");
}

void check_domain_names(const std::string& path, const DistributionProps& props) {
  const bool certificate = !props.certificate.is_null();
  if (!props.domain_names.empty() && !certificate)
    throw Error(path, "domain_names (" + props.domain_names.front() + ", ...) need a certificate",
                "set .certificate to an ACM certificate in us-east-1 that covers every domain name");
  if (certificate && props.domain_names.empty())
    throw Error(path, "a certificate without domain_names is never used",
                "list the domain names the certificate covers in .domain_names, or drop .certificate");
  if (props.domain_names.size() > max_domain_names)
    throw Error(path, std::to_string(props.domain_names.size()) + " domain names are more than CloudFront's 100",
                "use a wildcard (*.example.com) or a quota increase");
  std::set<std::string> seen;
  for (const auto& name : props.domain_names) {
    if (!valid_domain_name(name))
      throw Error(path, "domain name \"" + name + "\" is not a DNS name", "use names like www.example.com or *.example.com");
    if (!seen.insert(name).second)
      throw Error(path, "domain name \"" + name + "\" is listed twice", "list each domain name once");
  }
}

void check_error_responses(const std::string& path, const std::vector<ErrorResponse>& responses) {
  std::set<std::int64_t> seen;
  for (const auto& r : responses) {
    const std::string what = "error response for " + std::to_string(r.http_status);
    if (!known_error_code(r.http_status))
      throw Error(path, "error response http_status " + std::to_string(r.http_status) + " is not one CloudFront customizes",
                  "use 400, 403, 404, 405, 414, 416, 500, 501, 502, 503 or 504");
    if (!seen.insert(r.http_status).second)
      throw Error(path, "two error responses for " + std::to_string(r.http_status), "give each status one response");
    if (!r.response_http_status && r.response_page_path.empty() && !r.ttl_seconds)
      throw Error(path, what + " changes nothing", "set response_page_path, response_http_status or ttl_seconds");
    if (r.response_http_status && r.response_page_path.empty())
      throw Error(path, what + " sets response_http_status without response_page_path",
                  "CloudFront needs both: set the page to send, e.g. \"/index.html\"");
    if (r.response_http_status && *r.response_http_status != 200 && !known_error_code(*r.response_http_status))
      throw Error(path, what + ": response_http_status " + std::to_string(*r.response_http_status) + " is not allowed",
                  "use 200 or one of the error statuses");
    if (!r.response_page_path.empty() && r.response_page_path.front() != '/')
      throw Error(path, what + ": response_page_path \"" + r.response_page_path + "\" does not start with '/'",
                  "write it as \"/" + r.response_page_path + "\"");
    if (r.ttl_seconds && (*r.ttl_seconds < 0 || *r.ttl_seconds > max_error_ttl_seconds))
      throw Error(path, what + ": ttl_seconds " + std::to_string(*r.ttl_seconds) + " is outside 0-31536000",
                  "cache errors for at most a year");
  }
}

void check_log_bucket(const std::string& path, const s3::Bucket& bucket) {
  if (bucket.object_ownership() == s3::ObjectOwnership::BucketOwnerEnforced)
    throw Error(path, "log bucket " + bucket.node().path() + " has ACLs off (BucketOwnerEnforced), and CloudFront standard logs are written with ACLs",
                "set .object_ownership = cdk::s3::ObjectOwnership::ObjectWriter (or BucketOwnerPreferred) on the log bucket");
  if (bucket.encryption() != s3::BucketEncryption::S3Managed)
    throw Error(path, "log bucket " + bucket.node().path() + " is encrypted with KMS",
                "use a log bucket with S3-managed encryption (SSE-S3): cdkpp does not write the key policy log delivery needs");
}

void check_texts(const std::string& path, const DistributionProps& props) {
  if (props.comment.size() > max_comment_length)
    throw Error(path, "comment is " + std::to_string(props.comment.size()) + " characters, more than CloudFront's 128",
                "shorten the comment");
  const std::string& root = props.default_root_object;
  if (!root.empty() && (root.front() == '/' || root.size() > max_root_object_length))
    throw Error(path, "default_root_object \"" + root + "\" must be an object name of at most 255 characters without a leading '/'",
                "write it as \"index.html\"");
}

void check_path_pattern(const std::string& path, const std::string& pattern) {
  if (pattern == "*")
    throw Error(path, "only the default behaviour has the path pattern '*'", "set .default_behavior for every other path");
  const bool allowed = std::all_of(pattern.begin(), pattern.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view("_-.*$/~\"'@:+&").find(static_cast<char>(c)) != std::string_view::npos;
  });
  if (pattern.empty() || pattern.size() > max_path_pattern_length || !allowed)
    throw Error(path, "path pattern \"" + pattern + "\" is not one CloudFront takes",
                "use at most 255 of A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + &, e.g. \"/static/*\"");
}

}  // namespace cdk::cloudfront::detail
