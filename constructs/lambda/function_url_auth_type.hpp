#pragma once
/// cdk::lambda::FunctionUrlAuthType: who may call a function URL.
#include <cstdint>

namespace cdk::lambda {

enum class FunctionUrlAuthType : std::uint8_t {
  AwsIam,  ///< SigV4-signed requests of IAM identities allowed lambda:InvokeFunctionUrl
  None,    ///< anyone on the internet (the function checks callers itself)
};

/// "AWS_IAM" or "NONE", as CloudFormation spells them.
constexpr const char* function_url_auth_type_name(FunctionUrlAuthType type) noexcept {
  return type == FunctionUrlAuthType::None ? "NONE" : "AWS_IAM";
}

}  // namespace cdk::lambda
