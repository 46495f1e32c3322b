#pragma once
/// The HTTP methods a behaviour accepts and caches: the sets CloudFront allows.
#include <cstdint>
#include <string>
#include <vector>

namespace cdk::cloudfront {

enum class AllowedMethods : std::uint8_t {
  GetHead,         ///< GET, HEAD
  GetHeadOptions,  ///< GET, HEAD, OPTIONS
  All,             ///< GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE
};

enum class CachedMethods : std::uint8_t {
  GetHead,         ///< GET, HEAD
  GetHeadOptions,  ///< GET, HEAD, OPTIONS
};

/// The methods as CloudFormation lists them (the AWS CDK's order).
inline std::vector<std::string> allowed_methods_names(AllowedMethods m) {
  switch (m) {
    case AllowedMethods::GetHeadOptions: return {"GET", "HEAD", "OPTIONS"};
    case AllowedMethods::All: return {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"};
    case AllowedMethods::GetHead: break;
  }
  return {"GET", "HEAD"};
}

inline std::vector<std::string> cached_methods_names(CachedMethods m) {
  if (m == CachedMethods::GetHeadOptions) return {"GET", "HEAD", "OPTIONS"};
  return {"GET", "HEAD"};
}

}  // namespace cdk::cloudfront
