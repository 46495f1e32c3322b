// The fixed ids of CloudFront's AWS managed policies. They are the same in
// every account and region (AWS docs: "Use managed cache policies", "Use
// managed origin request policies", "Use managed response headers policies").
#include <cdk/cloudfront/cache_policy.hpp>
#include <cdk/cloudfront/origin_request_policy.hpp>
#include <cdk/cloudfront/response_headers_policy.hpp>

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace cdk::cloudfront {

namespace {

using Entry = std::pair<std::string_view, std::string_view>;

constexpr std::array cache_policies{
    Entry{"CachingOptimized", "658327ea-f89d-4fab-a63d-7e88639e58f6"},
    Entry{"CachingOptimizedForUncompressedObjects", "b2884449-e4de-46a7-ac36-70bc7f1ddd6d"},
    Entry{"CachingDisabled", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
    Entry{"UseOriginCacheControlHeaders", "83da9c7e-98b4-4e11-a168-04f0df8e2c65"},
    Entry{"UseOriginCacheControlHeaders-QueryStrings", "4cc15a8a-d715-48a4-82b8-cc0b614638fe"},
    Entry{"Amplify", "2e54312d-136d-493c-8eb9-b001f22f67d2"},
    Entry{"Elemental-MediaPackage", "08627262-05a9-4f76-9ded-b50ca2e3a84f"},
};

constexpr std::array origin_request_policies{
    Entry{"AllViewer", "216adef6-5c7f-47e4-b989-5492eafa07d3"},
    Entry{"AllViewerExceptHostHeader", "b689b0a8-53d0-40ab-baf2-68738e2966ac"},
    Entry{"AllViewerAndCloudFrontHeaders-2022-06", "33f36d7e-f396-46d9-90e0-52428a34d9dc"},
    Entry{"CORS-CustomOrigin", "59781a5b-3903-41f3-afcb-af62929ccde1"},
    Entry{"CORS-S3Origin", "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"},
    Entry{"UserAgentRefererHeaders", "acba4595-bd28-49b8-b9fe-13317c0390fa"},
    Entry{"Elemental-MediaTailor-PersonalizedManifests", "775133bc-15f2-49f9-abea-afb2e0bf67d2"},
};

constexpr std::array response_headers_policies{
    Entry{"SecurityHeadersPolicy", "67f7725c-6f97-4210-82d7-5512b31e9d03"},
    Entry{"SimpleCORS", "60669652-455b-4ae9-85a4-c4c02393f86c"},
    Entry{"CORS-With-Preflight", "5cc3b908-e619-4b99-88e5-2cf7f45965bd"},
    Entry{"CORS-and-SecurityHeadersPolicy", "e61eb60c-9c35-4d20-a928-2b84e02af89c"},
    Entry{"CORS-with-preflight-and-SecurityHeadersPolicy", "eaab4381-ed33-4a86-88ca-d9558dc6cd63"},
};

template <std::size_t N>
std::string_view find(const std::array<Entry, N>& table, std::string_view name) noexcept {
  for (const auto& [n, id] : table)
    if (n == name) return id;
  return {};
}

template <std::size_t N>
std::string names(const std::array<Entry, N>& table) {
  std::string out;
  for (const auto& [n, id] : table) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

}  // namespace

std::string_view CachePolicy::managed_id(std::string_view name) noexcept { return find(cache_policies, name); }
std::string CachePolicy::managed_names() { return names(cache_policies); }

std::string_view OriginRequestPolicy::managed_id(std::string_view name) noexcept {
  return find(origin_request_policies, name);
}
std::string OriginRequestPolicy::managed_names() { return names(origin_request_policies); }

std::string_view ResponseHeadersPolicy::managed_id(std::string_view name) noexcept {
  return find(response_headers_policies, name);
}
std::string ResponseHeadersPolicy::managed_names() { return names(response_headers_policies); }

}  // namespace cdk::cloudfront
