#include <cdk/cloudfront/detail/render_behavior.hpp>

#include <cdk/error.hpp>

namespace cdk::cloudfront::detail {

namespace {

template <class Policy>
Value policy_id(const std::string& path, const Policy& policy, const char* kind, const char* from_id) {
  if (!policy.given_id().is_null()) return policy.given_id();
  const auto id = Policy::managed_id(policy.managed_name());
  if (id.empty())
    throw Error(path, std::string(kind) + " \"" + policy.managed_name() + "\" is not an AWS managed one",
                "use one of " + Policy::managed_names() + ", or " + from_id + "() for your own");
  return std::string(id);
}

void check_methods(const std::string& path, const AddBehaviorOptions& o) {
  if (o.cached_methods == CachedMethods::GetHeadOptions && o.allowed_methods == AllowedMethods::GetHead)
    throw Error(path, "a behaviour caches OPTIONS but does not allow it",
                "allow AllowedMethods::GetHeadOptions or All, or cache CachedMethods::GetHead");
}

// DefaultCacheBehavior and CacheBehavior have the same fields apart from PathPattern.
template <class Out>
Out render(const std::string& path, const std::string& origin_id, const AddBehaviorOptions& o) {
  check_methods(path, o);
  Out out;
  out.target_origin_id = origin_id;
  out.viewer_protocol_policy = viewer_protocol_policy_name(o.viewer_protocol_policy);
  out.allowed_methods = allowed_methods_names(o.allowed_methods);
  out.cached_methods = cached_methods_names(o.cached_methods);
  out.cache_policy_id = policy_id(path, o.cache_policy, "cache policy", "CachePolicy::from_cache_policy_id");
  out.compress = o.compress;
  if (o.origin_request_policy)
    out.origin_request_policy_id = policy_id(path, *o.origin_request_policy, "origin request policy",
                                             "OriginRequestPolicy::from_origin_request_policy_id");
  if (o.response_headers_policy)
    out.response_headers_policy_id = policy_id(path, *o.response_headers_policy, "response headers policy",
                                               "ResponseHeadersPolicy::from_response_headers_policy_id");
  return out;
}

}  // namespace

CfnDistribution::DefaultCacheBehaviorProperty render_default_behavior(const std::string& path, const std::string& origin_id,
                                                                      const AddBehaviorOptions& options) {
  return render<CfnDistribution::DefaultCacheBehaviorProperty>(path, origin_id, options);
}

CfnDistribution::CacheBehaviorProperty render_behavior(const std::string& path, const std::string& origin_id,
                                                       const std::string& path_pattern, const AddBehaviorOptions& options) {
  auto out = render<CfnDistribution::CacheBehaviorProperty>(path, origin_id, options);
  out.path_pattern = path_pattern;
  return out;
}

AddBehaviorOptions options_of(const BehaviorOptions& b) {
  return {.viewer_protocol_policy = b.viewer_protocol_policy,
          .allowed_methods = b.allowed_methods,
          .cached_methods = b.cached_methods,
          .cache_policy = b.cache_policy,
          .origin_request_policy = b.origin_request_policy,
          .response_headers_policy = b.response_headers_policy,
          .compress = b.compress};
}

}  // namespace cdk::cloudfront::detail
