#pragma once
/// cdk::cloudfront::ResponseHeadersPolicy: headers CloudFront adds to
/// responses (security headers, CORS).
///
///   .response_headers_policy = cdk::cloudfront::ResponseHeadersPolicy::security_headers()
#include <cdk/cloudfront/policy_ref.hpp>

namespace cdk::cloudfront {

class ResponseHeadersPolicy : public PolicyRef {
 public:
  /// "SecurityHeadersPolicy": HSTS, X-Content-Type-Options, X-Frame-Options and friends.
  static ResponseHeadersPolicy security_headers() { return managed("SecurityHeadersPolicy"); }
  /// "SimpleCORS": Access-Control-Allow-Origin: * (the AWS CDK's CORS_ALLOW_ALL_ORIGINS).
  static ResponseHeadersPolicy cors_allow_all_origins() { return managed("SimpleCORS"); }
  /// "CORS-With-Preflight": CORS headers, preflight requests answered.
  static ResponseHeadersPolicy cors_allow_all_origins_with_preflight() { return managed("CORS-With-Preflight"); }
  /// "CORS-and-SecurityHeadersPolicy".
  static ResponseHeadersPolicy cors_allow_all_origins_and_security_headers() {
    return managed("CORS-and-SecurityHeadersPolicy");
  }
  /// "CORS-with-preflight-and-SecurityHeadersPolicy".
  static ResponseHeadersPolicy cors_allow_all_origins_with_preflight_and_security_headers() {
    return managed("CORS-with-preflight-and-SecurityHeadersPolicy");
  }
  /// An AWS managed response headers policy by its name.
  static ResponseHeadersPolicy managed(std::string_view name) { return ResponseHeadersPolicy(std::string(name), {}); }
  /// A response headers policy of yours, by id.
  static ResponseHeadersPolicy from_response_headers_policy_id(Value id) {
    return ResponseHeadersPolicy({}, std::move(id));
  }

  /// The fixed id of an AWS managed response headers policy, or "" for an unknown name.
  static std::string_view managed_id(std::string_view name) noexcept;
  /// The names managed_id() knows, comma-separated.
  static std::string managed_names();

 private:
  using PolicyRef::PolicyRef;
};

}  // namespace cdk::cloudfront
