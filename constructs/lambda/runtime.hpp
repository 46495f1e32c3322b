#pragma once
/// cdk::lambda::Runtime: the managed runtimes a Function can use, as a closed
/// set, with the language family each belongs to.
///
///   stack.add<cdk::lambda::Function>("Fn", {.runtime = cdk::lambda::Runtime::Python313, ...});
///   cdk::lambda::runtime_name(cdk::lambda::Runtime::Nodejs22x)   // "nodejs22.x"
///
/// Only runtimes that AWS has not deprecated (as of December 2026, from
/// Lambda's runtime deprecation schedule that cfn-lint also checks) are here:
/// a deprecated runtime can no longer be created or updated, so offering it
/// would only defer the error to deploy time. Container images (the AWS CDK's
/// Runtime.FROM_IMAGE) are not supported yet.
#include <cstdint>

namespace cdk::lambda {

enum class RuntimeFamily : std::uint8_t { NodeJs, Python, Java, DotNet, Ruby, Other };

enum class Runtime : std::uint8_t {
  Nodejs22x,       ///< nodejs22.x
  Nodejs24x,       ///< nodejs24.x
  Python312,       ///< python3.12
  Python313,       ///< python3.13
  Python314,       ///< python3.14
  Java21,          ///< java21
  Java25,          ///< java25
  Dotnet10,        ///< dotnet10
  Ruby33,          ///< ruby3.3
  Ruby34,          ///< ruby3.4
  ProvidedAl2023,  ///< provided.al2023: a custom runtime or a compiled binary (C++, Rust, Go)
};

/// The identifier CloudFormation takes ("python3.13").
const char* runtime_name(Runtime runtime) noexcept;
[[nodiscard]] RuntimeFamily runtime_family(Runtime runtime) noexcept;
/// Node.js and Python only: CloudFormation writes inline code (ZipFile) to a file only for them.
[[nodiscard]] bool supports_inline_code(Runtime runtime) noexcept;

}  // namespace cdk::lambda
