#pragma once
/// cdk::ecs::LaunchType: where tasks run. A service has one (FargateService,
/// Ec2Service); a task definition is made for one (its RequiresCompatibilities).
#include <cstdint>

namespace cdk::ecs {

enum class LaunchType : std::uint8_t { Fargate, Ec2 };

/// "FARGATE" or "EC2", as CloudFormation spells them.
constexpr const char* launch_type_name(LaunchType type) noexcept {
  return type == LaunchType::Fargate ? "FARGATE" : "EC2";
}

}  // namespace cdk::ecs
