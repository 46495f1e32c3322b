#pragma once
/// Where a container's image comes from.
///
///   cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27")
///   cdk::ecs::ContainerImage::from_ecr_repository(repo, "v42")   // grants the pull to the execution role
///   cdk::ecs::ContainerImage::from_asset("app", {.build_args = {{"VERSION", "1.4"}}, .platform = "linux/amd64"})
///
/// from_asset builds the image from a local directory with a Dockerfile: the
/// container's child "AssetImage" is a cdk::DockerImageAsset (its header has
/// the hash and exclude rules), staged into the cloud assembly; `deploy` or
/// the AWS CDK CLI builds it, tags it with the content hash and pushes it to the
/// bootstrap repository `cdk-<qualifier>-container-assets-<account>-<region>`.
/// The task's execution role may pull from that repository only (as with
/// from_ecr_repository). The stack then needs a bootstrapped environment and
/// gets the BootstrapVersion check. A missing directory or Dockerfile is an
/// error naming the container's path.
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {
class Construct;
}

namespace cdk::ecr {
class Repository;
}

namespace cdk::ecs {

/// How an image asset is built (`docker build` options).
struct AssetImageProps {
  std::string file{};                               ///< Dockerfile, relative to the directory; default "Dockerfile"
  std::map<std::string, std::string> build_args{};  ///< `--build-arg` values; default none
  std::string target{};                             ///< `--target` build stage; default the last stage
  std::string platform{};                           ///< `--platform`, e.g. "linux/arm64"; default the builder's
  List<std::string> exclude{};                      ///< glob patterns left out of the context; default none
};

class ContainerImage {
 public:
  ContainerImage() = default;
  /// An image from a public registry (Docker Hub, public ECR) or a private one
  /// reached without ECR credentials: "nginx", "nginx:1.27", "ghcr.io/org/app:1".
  static ContainerImage from_registry(std::string name);
  /// An image of an ECR repository of this app: `<repository uri>:<tag>`. The
  /// task's execution role may then pull from this repository only.
  static ContainerImage from_ecr_repository(const ecr::Repository& repository, std::string tag = "latest");
  /// An image built from `directory` (holding a Dockerfile) on deploy and
  /// pushed to the bootstrap repository.
  static ContainerImage from_asset(std::string directory, AssetImageProps props = {});

  /// True for from_asset until bound.
  [[nodiscard]] bool is_asset() const noexcept { return asset_.has_value(); }
  /// For from_asset: makes the image asset as `scope`'s child "AssetImage"
  /// (the container definition calls this) and returns the image it pushes;
  /// other images are returned as they are.
  [[nodiscard]] ContainerImage bind(Construct& scope) const;

  /// The Image property of the container definition.
  [[nodiscard]] const Value& image_name() const noexcept { return image_; }
  /// The ECR repository's ARN when the image is pulled from ECR, else null.
  [[nodiscard]] const Value& ecr_repository_arn() const noexcept { return ecr_arn_; }
  [[nodiscard]] bool empty() const noexcept { return image_.is_null() && !asset_; }

 private:
  ContainerImage(Value image, Value ecr_arn) : image_(std::move(image)), ecr_arn_(std::move(ecr_arn)) {}
  Value image_;
  Value ecr_arn_;
  std::optional<std::pair<std::string, AssetImageProps>> asset_;  // directory and build options
};

}  // namespace cdk::ecs
