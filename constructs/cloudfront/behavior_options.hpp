#pragma once
/// How a distribution answers the requests of one path pattern: the default
/// behaviour (every path) takes BehaviorOptions, with its origin;
/// Distribution::add_behavior takes AddBehaviorOptions and the origin apart.
#include <cdk/cloudfront/cache_policy.hpp>
#include <cdk/cloudfront/methods.hpp>
#include <cdk/cloudfront/origin.hpp>
#include <cdk/cloudfront/origin_request_policy.hpp>
#include <cdk/cloudfront/protocols.hpp>
#include <cdk/cloudfront/response_headers_policy.hpp>
#include <cdk/optional.hpp>


namespace cdk::cloudfront {

struct AddBehaviorOptions {
  ViewerProtocolPolicy viewer_protocol_policy = ViewerProtocolPolicy::RedirectToHttps;  ///< default redirect HTTP to HTTPS (AWS CDK: allow-all)
  AllowedMethods allowed_methods = AllowedMethods::GetHead;  ///< default GET, HEAD
  CachedMethods cached_methods = CachedMethods::GetHead;     ///< default GET, HEAD
  CachePolicy cache_policy = CachePolicy::caching_optimized();  ///< default CachingOptimized
  Optional<OriginRequestPolicy> origin_request_policy{};         ///< default none
  Optional<ResponseHeadersPolicy> response_headers_policy{};       ///< default none
  bool compress = true;                                      ///< gzip/brotli at the edge; default true
};

struct BehaviorOptions {
  Origin origin{};  ///< required
  ViewerProtocolPolicy viewer_protocol_policy = ViewerProtocolPolicy::RedirectToHttps;  ///< default redirect HTTP to HTTPS (AWS CDK: allow-all)
  AllowedMethods allowed_methods = AllowedMethods::GetHead;  ///< default GET, HEAD
  CachedMethods cached_methods = CachedMethods::GetHead;     ///< default GET, HEAD
  CachePolicy cache_policy = CachePolicy::caching_optimized();  ///< default CachingOptimized
  Optional<OriginRequestPolicy> origin_request_policy{};         ///< default none
  Optional<ResponseHeadersPolicy> response_headers_policy{};       ///< default none
  bool compress = true;                                      ///< gzip/brotli at the edge; default true
};

}  // namespace cdk::cloudfront
