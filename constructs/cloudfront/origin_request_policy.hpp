#pragma once
/// cdk::cloudfront::OriginRequestPolicy: which viewer headers, cookies and
/// query strings CloudFront passes to the origin (beyond the cache key).
///
///   .origin_request_policy = cdk::cloudfront::OriginRequestPolicy::all_viewer()
///   .origin_request_policy = cdk::cloudfront::OriginRequestPolicy::managed("CORS-S3Origin")
#include <cdk/cloudfront/policy_ref.hpp>

namespace cdk::cloudfront {

class OriginRequestPolicy : public PolicyRef {
 public:
  /// "AllViewer": every viewer header (Host too), cookie and query string.
  static OriginRequestPolicy all_viewer() { return managed("AllViewer"); }
  /// "AllViewerExceptHostHeader": as AllViewer, but the origin sees its own host name.
  static OriginRequestPolicy all_viewer_except_host_header() { return managed("AllViewerExceptHostHeader"); }
  /// "AllViewerAndCloudFrontHeaders-2022-06": AllViewer plus CloudFront's viewer headers.
  static OriginRequestPolicy all_viewer_and_cloudfront_2022() {
    return managed("AllViewerAndCloudFrontHeaders-2022-06");
  }
  /// "CORS-CustomOrigin": the Origin header, for CORS on a custom origin.
  static OriginRequestPolicy cors_custom_origin() { return managed("CORS-CustomOrigin"); }
  /// "CORS-S3Origin": the CORS request headers, for an S3 origin.
  static OriginRequestPolicy cors_s3_origin() { return managed("CORS-S3Origin"); }
  /// "UserAgentRefererHeaders": the User-Agent and Referer headers.
  static OriginRequestPolicy user_agent_referer_headers() { return managed("UserAgentRefererHeaders"); }
  /// An AWS managed origin request policy by its name.
  static OriginRequestPolicy managed(std::string_view name) { return OriginRequestPolicy(std::string(name), {}); }
  /// An origin request policy of yours, by id.
  static OriginRequestPolicy from_origin_request_policy_id(Value id) { return OriginRequestPolicy({}, std::move(id)); }

  /// The fixed id of an AWS managed origin request policy, or "" for an unknown name.
  static std::string_view managed_id(std::string_view name) noexcept;
  /// The names managed_id() knows, comma-separated.
  static std::string managed_names();

 private:
  using PolicyRef::PolicyRef;
};

}  // namespace cdk::cloudfront
