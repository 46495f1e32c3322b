#pragma once
/// The image a build runs in: CodeBuild's curated Linux images (x86 and ARM),
/// an image from a public registry, or one from an ECR repository.
///
///   .build_image = cdk::codebuild::LinuxBuildImage::standard_7_0()                  // the default
///   .build_image = cdk::codebuild::LinuxArmBuildImage::amazon_linux_2_standard_3_0()
///   .build_image = cdk::codebuild::LinuxBuildImage::from_ecr_repository(builder, "v3")
///
/// Image names: https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html
#include <cdk/codebuild/compute_type.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace cdk::ecr {
class Repository;
}

namespace cdk::codebuild {

/// The environment type CodeBuild runs the image as.
enum class EnvironmentType : std::uint8_t { LinuxContainer, ArmContainer };

/// "LINUX_CONTAINER" or "ARM_CONTAINER".
[[nodiscard]] constexpr std::string_view environment_type_name(EnvironmentType t) noexcept {
  return t == EnvironmentType::ArmContainer ? "ARM_CONTAINER" : "LINUX_CONTAINER";
}

class BuildImage {
 public:
  /// `curated`: one of CodeBuild's images, pulled with CodeBuild's own credentials.
  BuildImage(Value image_id, EnvironmentType type, bool curated, Ptr<ecr::Repository> repository = nullptr)
      : image_id_(std::move(image_id)), type_(type), curated_(curated), repository_(repository) {}

  [[nodiscard]] const Value& image_id() const noexcept { return image_id_; }
  [[nodiscard]] EnvironmentType type() const noexcept { return type_; }
  /// The ECR repository the image comes from (pulled with the project's role), or nullptr.
  [[nodiscard]] ecr::Repository* repository() const noexcept { return repository_.get(); }
  /// "CODEBUILD" for CodeBuild's images, else "SERVICE_ROLE" (the project's role pulls).
  [[nodiscard]] std::string_view image_pull_credentials_type() const noexcept {
    return curated_ ? "CODEBUILD" : "SERVICE_ROLE";
  }
  /// Like the AWS CDK: the smallest host, unless a project says otherwise.
  [[nodiscard]] ComputeType default_compute_type() const noexcept { return ComputeType::Small; }

 private:
  Value image_id_;
  EnvironmentType type_;
  bool curated_;
  Ptr<ecr::Repository> repository_;
};

/// x86-64 Linux images.
struct LinuxBuildImage {
  static BuildImage standard_5_0() { return {"aws/codebuild/standard:5.0", EnvironmentType::LinuxContainer, true}; }
  static BuildImage standard_6_0() { return {"aws/codebuild/standard:6.0", EnvironmentType::LinuxContainer, true}; }
  /// Ubuntu 22.04; the AWS CDK's default.
  static BuildImage standard_7_0() { return {"aws/codebuild/standard:7.0", EnvironmentType::LinuxContainer, true}; }
  static BuildImage amazon_linux_2_4() {
    return {"aws/codebuild/amazonlinux2-x86_64-standard:4.0", EnvironmentType::LinuxContainer, true};
  }
  static BuildImage amazon_linux_2_5() {
    return {"aws/codebuild/amazonlinux2-x86_64-standard:5.0", EnvironmentType::LinuxContainer, true};
  }
  /// Amazon Linux 2023.
  static BuildImage amazon_linux_2023_5() {
    return {"aws/codebuild/amazonlinux-x86_64-standard:5.0", EnvironmentType::LinuxContainer, true};
  }
  /// An image from Docker Hub or another public registry, e.g. "gcc:14".
  static BuildImage from_docker_registry(std::string name) { return {std::move(name), EnvironmentType::LinuxContainer, false}; }
  /// An image of an ECR repository of this app; the project's role may pull it.
  static BuildImage from_ecr_repository(ecr::Repository& repository, std::string_view tag = "latest");
};

/// ARM (Graviton) Linux images.
struct LinuxArmBuildImage {
  static BuildImage amazon_linux_2_standard_2_0() {
    return {"aws/codebuild/amazonlinux2-aarch64-standard:2.0", EnvironmentType::ArmContainer, true};
  }
  static BuildImage amazon_linux_2_standard_3_0() {
    return {"aws/codebuild/amazonlinux2-aarch64-standard:3.0", EnvironmentType::ArmContainer, true};
  }
  static BuildImage from_ecr_repository(ecr::Repository& repository, std::string_view tag = "latest");
};

}  // namespace cdk::codebuild
