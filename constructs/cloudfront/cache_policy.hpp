#pragma once
/// cdk::cloudfront::CachePolicy: what goes into the cache key and how long
/// objects stay cached. The AWS managed policies by name, or one of yours by id:
///
///   .cache_policy = cdk::cloudfront::CachePolicy::caching_disabled()
///   .cache_policy = cdk::cloudfront::CachePolicy::managed("UseOriginCacheControlHeaders")
///   .cache_policy = cdk::cloudfront::CachePolicy::from_cache_policy_id(my_policy.attr_id())
#include <cdk/cloudfront/policy_ref.hpp>

namespace cdk::cloudfront {

class CachePolicy : public PolicyRef {
 public:
  /// "CachingOptimized": long TTLs, no headers, cookies or query strings in the key.
  static CachePolicy caching_optimized() { return managed("CachingOptimized"); }
  /// "CachingOptimizedForUncompressedObjects": as CachingOptimized, without compression.
  static CachePolicy caching_optimized_for_uncompressed_objects() {
    return managed("CachingOptimizedForUncompressedObjects");
  }
  /// "CachingDisabled": every request goes to the origin (dynamic content).
  static CachePolicy caching_disabled() { return managed("CachingDisabled"); }
  /// "UseOriginCacheControlHeaders": the origin's Cache-Control decides.
  static CachePolicy use_origin_cache_control_headers() { return managed("UseOriginCacheControlHeaders"); }
  /// "UseOriginCacheControlHeaders-QueryStrings": as above, with query strings in the key.
  static CachePolicy use_origin_cache_control_headers_query_strings() {
    return managed("UseOriginCacheControlHeaders-QueryStrings");
  }
  /// An AWS managed cache policy by its name (also "Amplify", "Elemental-MediaPackage").
  static CachePolicy managed(std::string_view name) { return CachePolicy(std::string(name), {}); }
  /// A cache policy of yours (an AWS::CloudFront::CachePolicy's Id, or a literal id).
  static CachePolicy from_cache_policy_id(Value id) { return CachePolicy({}, std::move(id)); }

  /// The fixed id of an AWS managed cache policy, or "" for an unknown name.
  static std::string_view managed_id(std::string_view name) noexcept;
  /// The names managed_id() knows, comma-separated (for error messages).
  static std::string managed_names();

 private:
  using PolicyRef::PolicyRef;
};

}  // namespace cdk::cloudfront
