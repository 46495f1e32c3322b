#pragma once
/// Where a container's image comes from.
///
///   cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27")
///   cdk::ecs::ContainerImage::from_ecr_repository(repo, "v42")   // grants the pull to the execution role
#include <cdk/value.hpp>

#include <string>
#include <string_view>

namespace cdk::ecr {
class Repository;
}

namespace cdk::ecs {

class ContainerImage {
 public:
  ContainerImage() = default;
  /// An image from a public registry (Docker Hub, public ECR) or a private one
  /// reached without ECR credentials: "nginx", "nginx:1.27", "ghcr.io/org/app:1".
  static ContainerImage from_registry(std::string name);
  /// An image of an ECR repository of this app: `<repository uri>:<tag>`. The
  /// task's execution role may then pull from this repository only.
  static ContainerImage from_ecr_repository(const ecr::Repository& repository, std::string tag = "latest");

  /// The Image property of the container definition.
  [[nodiscard]] const Value& image_name() const noexcept { return image_; }
  /// The ECR repository's ARN when the image is pulled from ECR, else null.
  [[nodiscard]] const Value& ecr_repository_arn() const noexcept { return ecr_arn_; }
  [[nodiscard]] bool empty() const noexcept { return image_.is_null(); }

 private:
  ContainerImage(Value image, Value ecr_arn) : image_(std::move(image)), ecr_arn_(std::move(ecr_arn)) {}
  Value image_;
  Value ecr_arn_;
};

}  // namespace cdk::ecs
