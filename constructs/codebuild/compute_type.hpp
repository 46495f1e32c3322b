#pragma once
/// cdk::codebuild::ComputeType: the size of the build host.
/// https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html
#include <cstdint>
#include <string_view>

namespace cdk::codebuild {

enum class ComputeType : std::uint8_t {
  Small,    ///< BUILD_GENERAL1_SMALL: 2 vCPU, 3 GB
  Medium,   ///< BUILD_GENERAL1_MEDIUM: 4 vCPU, 7 GB
  Large,    ///< BUILD_GENERAL1_LARGE: 8 vCPU, 15 GB
  XLarge,   ///< BUILD_GENERAL1_XLARGE: 36 vCPU, 70 GB
  X2Large,  ///< BUILD_GENERAL1_2XLARGE: 72 vCPU, 145 GB
};

/// As CloudFormation spells it: "BUILD_GENERAL1_SMALL", ...
[[nodiscard]] constexpr std::string_view compute_type_name(ComputeType t) noexcept {
  switch (t) {
    case ComputeType::Small: return "BUILD_GENERAL1_SMALL";
    case ComputeType::Medium: return "BUILD_GENERAL1_MEDIUM";
    case ComputeType::Large: return "BUILD_GENERAL1_LARGE";
    case ComputeType::XLarge: return "BUILD_GENERAL1_XLARGE";
    case ComputeType::X2Large: return "BUILD_GENERAL1_2XLARGE";
  }
  return "BUILD_GENERAL1_SMALL";
}

}  // namespace cdk::codebuild
