#pragma once
/// A container image built from a local directory with a Dockerfile (an
/// asset): the directory is staged into the cloud assembly as the build
/// context, listed in `<Stack>.assets.json`, and `deploy` (or the AWS CDK CLI)
/// builds it, tags it with its hash and pushes it to the bootstrap repository.
///
///   auto& image = stack.add<cdk::DockerImageAsset>("App", {.directory = "app", .build_args = {{"VERSION", "1.4"}}});
///   container.image = image.image_uri();
///
/// The hash covers the context's content (as cdk::FileAsset's, same default
/// excludes, same symbolic link rule) and the build options. The Dockerfile
/// must exist inside the directory. `.dockerignore` is applied by docker at
/// build time; files it names still count for the hash.
/// Usually made for you: ecs::ContainerImage::from_asset.
#include <cdk/construct.hpp>
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {

namespace detail {
struct AssetFile;
}

struct DockerImageAssetProps {
  std::string directory{};                          ///< the build context; required
  std::string file{};                               ///< Dockerfile, relative to directory; default "Dockerfile"
  std::map<std::string, std::string> build_args{};  ///< `--build-arg` values; default none
  std::string target{};                             ///< `--target` build stage; default the last stage
  std::string platform{};                           ///< `--platform`, e.g. "linux/arm64"; default the builder's
  List<std::string> exclude{};                      ///< glob patterns left out of the context, besides the defaults; default none
};

class DockerImageAsset : public Construct {
 public:
  using Props = DockerImageAssetProps;
  /// Reads and hashes the context now; throws cdk::Error naming this path for
  /// a missing directory or Dockerfile, or an unreadable file.
  DockerImageAsset(Construct& scope, std::string_view id, const DockerImageAssetProps& props);
  ~DockerImageAsset() override;

  /// SHA-256 of the context and build options, 64 hex digits; also the image tag.
  [[nodiscard]] const std::string& asset_hash() const noexcept { return hash_; }
  [[nodiscard]] const std::string& source_path() const noexcept { return source_; }
  [[nodiscard]] const DockerImageAssetProps& props() const noexcept { return props_; }
  /// The name in the cloud assembly: "asset.<hash>".
  [[nodiscard]] std::string staged_name() const;

  /// "<account>.dkr.ecr.<region>.<url suffix>/<repository>:<hash>"
  [[nodiscard]] Value image_uri() const;
  /// The bootstrap repository: literal when the stack's account and region are known, else Fn::Sub.
  [[nodiscard]] Value repository_name() const;
  [[nodiscard]] Value repository_arn() const;
  [[nodiscard]] Value image_tag() const { return hash_; }

  /// The staged context (internal: synthesis reads it).
  [[nodiscard]] const std::vector<detail::AssetFile>& files() const noexcept { return files_; }

 private:
  DockerImageAssetProps props_;
  std::string source_;
  std::vector<detail::AssetFile> files_;
  std::string hash_;
};

}  // namespace cdk
