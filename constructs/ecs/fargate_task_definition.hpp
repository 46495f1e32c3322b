#pragma once
/// cdk::ecs::FargateTaskDefinition: a task for Fargate (awsvpc networking).
///
///   auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 512, .memory_limit_mib = 1024});
///
/// cpu and memory must be one of Fargate's combinations (checked when built):
/// 256: 512/1024/2048; 512: 1024-4096; 1024: 2048-8192; 2048: 4096-16384;
/// 4096: 8192-30720 (steps of 1024); 8192: 16384-61440 (steps of 4096);
/// 16384: 32768-122880 (steps of 8192).
#include <cdk/ecs/task_definition.hpp>

#include <cstdint>
#include <string>

namespace cdk::ecs {

enum class CpuArchitecture { X86_64, Arm64 };

struct FargateTaskDefinitionProps {
  std::int64_t cpu = 256;               ///< CPU units of the task; default 256 (.25 vCPU)
  std::int64_t memory_limit_mib = 512;  ///< MiB of the task; default 512
  std::string family{};                 ///< default a unique name from the construct path
  CpuArchitecture cpu_architecture = CpuArchitecture::X86_64;  ///< default X86_64
};

class FargateTaskDefinition : public TaskDefinition {
 public:
  using Props = FargateTaskDefinitionProps;
  FargateTaskDefinition(Construct& scope, std::string_view id, const FargateTaskDefinitionProps& props = {});

  /// True when Fargate offers this cpu/memory combination.
  [[nodiscard]] static bool valid_cpu_memory(std::int64_t cpu, std::int64_t memory_mib) noexcept;
};

}  // namespace cdk::ecs
