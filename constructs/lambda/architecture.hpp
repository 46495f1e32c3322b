#pragma once
/// cdk::lambda::Architecture: the instruction set a Function runs on.
#include <cstdint>

namespace cdk::lambda {

enum class Architecture : std::uint8_t {
  X86_64,  ///< x86_64 (Lambda's default)
  Arm64,   ///< Graviton: arm64
};

/// "x86_64" or "arm64", as CloudFormation spells them.
constexpr const char* architecture_name(Architecture architecture) noexcept {
  return architecture == Architecture::Arm64 ? "arm64" : "x86_64";
}

}  // namespace cdk::lambda
