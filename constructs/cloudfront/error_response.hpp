#pragma once
/// cdk::cloudfront::ErrorResponse: what viewers get when the origin answers
/// with an error status (a custom page, another status, how long to cache it).
///
///   .error_responses = {{.http_status = 404, .response_http_status = 200, .response_page_path = "/index.html"}}
#include <cdk/container_instances.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <string>

namespace cdk::cloudfront {

struct ErrorResponse {
  std::int64_t http_status = 0;                       ///< 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; required
  Optional<std::int64_t> response_http_status{};       ///< status sent instead (needs response_page_path); default http_status when a page is set
  std::string response_page_path{};                   ///< "/errors/404.html"; default none (CloudFront's page)
  Optional<std::int64_t> ttl_seconds{};               ///< how long the error is cached, 0-31536000; default not set (CloudFront's)
};

}  // namespace cdk::cloudfront

CDKPP_EXTERN_VECTOR(cdk::cloudfront::ErrorResponse);
