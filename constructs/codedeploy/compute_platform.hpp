#pragma once
/// cdk::codedeploy::ComputePlatform: what an application, a deployment
/// configuration and a deployment group deploy to. The three must agree.
#include <cstdint>

namespace cdk::codedeploy {

enum class ComputePlatform : std::uint8_t { Server, Ecs, Lambda };

/// "Server", "ECS" or "Lambda", as CloudFormation spells them.
constexpr const char* compute_platform_name(ComputePlatform platform) noexcept {
  switch (platform) {
    case ComputePlatform::Server: return "Server";
    case ComputePlatform::Ecs: return "ECS";
    case ComputePlatform::Lambda: return "Lambda";
  }
  return "Server";
}

}  // namespace cdk::codedeploy
