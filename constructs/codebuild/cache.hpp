#pragma once
/// What a Project keeps between builds: files in an S3 bucket, or caches on
/// the build host (kept only while builds land on the same host).
///
///   .cache = cdk::codebuild::Cache::bucket(build_cache, "engine")
///   .cache = cdk::codebuild::Cache::local({cdk::codebuild::LocalCacheMode::DockerLayer})
///
/// The cached paths are the buildspec's cache_paths (for the S3 cache and
/// LocalCacheMode::Custom).
#include <cdk/container_instances.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::codebuild {

enum class LocalCacheMode : std::uint8_t {
  Source,       ///< LOCAL_SOURCE_CACHE: the Git metadata of the source
  DockerLayer,  ///< LOCAL_DOCKER_LAYER_CACHE: Docker layers (needs privileged mode)
  Custom,       ///< LOCAL_CUSTOM_CACHE: the buildspec's cache paths
};

[[nodiscard]] constexpr std::string_view local_cache_mode_name(LocalCacheMode m) noexcept {
  switch (m) {
    case LocalCacheMode::Source: return "LOCAL_SOURCE_CACHE";
    case LocalCacheMode::DockerLayer: return "LOCAL_DOCKER_LAYER_CACHE";
    case LocalCacheMode::Custom: return "LOCAL_CUSTOM_CACHE";
  }
  return "LOCAL_CUSTOM_CACHE";
}

class Cache {
 public:
  enum class Kind { None, Bucket, Local };

  Cache() = default;
  static Cache none() { return {}; }
  /// An S3 cache under `prefix` of `bucket`; the project's role may read and write there.
  static Cache bucket(s3::Bucket& bucket, std::string prefix = {}) {
    Cache c;
    c.kind_ = Kind::Bucket;
    c.bucket_ = bucket;
    c.prefix_ = std::move(prefix);
    return c;
  }
  static Cache local(std::vector<LocalCacheMode> modes) {
    Cache c;
    c.kind_ = Kind::Local;
    c.modes_ = std::move(modes);
    return c;
  }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] s3::Bucket* cache_bucket() const noexcept { return bucket_.get(); }
  [[nodiscard]] const std::string& prefix() const noexcept { return prefix_; }
  [[nodiscard]] const std::vector<LocalCacheMode>& modes() const noexcept { return modes_; }

 private:
  Kind kind_ = Kind::None;
  Ptr<s3::Bucket> bucket_;
  std::string prefix_;
  std::vector<LocalCacheMode> modes_;
};

}  // namespace cdk::codebuild

CDKPP_EXTERN_VECTOR(cdk::codebuild::LocalCacheMode);
