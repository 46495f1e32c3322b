#pragma once
/// Environment variables of a build: plain values, SSM Parameter Store
/// parameters or Secrets Manager secrets (CodeBuild reads those two when the
/// build starts, with the project's role, which gets the read grant).
///
///   .environment_variables = {
///       {"STAGE", {.value = "prod"}},
///       {"DB_HOST", {.value = "/app/db/host", .type = BuildEnvironmentVariableType::ParameterStore}},
///       {"DB_PASSWORD", {.value = "app/db:password",
///                        .type = BuildEnvironmentVariableType::SecretsManager}}}
///
/// A Secrets Manager value is a secret's name or ARN, optionally followed by
/// ":json-key:version-stage:version-id" as CodeBuild reads it.
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace cdk {
class Construct;
}
namespace cdk::iam {
class IGrantable;
}

namespace cdk::codebuild {

enum class BuildEnvironmentVariableType : std::uint8_t { Plaintext, ParameterStore, SecretsManager };

/// "PLAINTEXT", "PARAMETER_STORE" or "SECRETS_MANAGER".
[[nodiscard]] std::string_view build_environment_variable_type_name(BuildEnvironmentVariableType t) noexcept;

struct BuildEnvironmentVariable {
  Value value{};                                                        ///< required
  BuildEnvironmentVariableType type = BuildEnvironmentVariableType::Plaintext;  ///< default Plaintext
};

using BuildEnvironmentVariables = std::map<std::string, BuildEnvironmentVariable>;

/// Throws cdk::Error naming `path` for a variable without a name or value, or
/// a plaintext value that is a secret (a {{resolve:secretsmanager:...}} or
/// {{resolve:ssm-secure:...}} reference, readable by anyone who can read the
/// project): such a value belongs in a SecretsManager or ParameterStore variable.
void check_environment_variables(const std::string& path, const BuildEnvironmentVariables& variables);

/// The variables as [{"name", "type", "value"}] (what CodePipeline's CodeBuild
/// action takes as JSON text).
[[nodiscard]] Value environment_variables_value(const BuildEnvironmentVariables& variables);

/// Lets `grantee` (a project's role) read the parameters and secrets the
/// variables name: ssm:GetParameters and secretsmanager:GetSecretValue, as the
/// AWS CDK grants them (ARNs in the stack's region and account, for names).
void grant_environment_variables_read(iam::IGrantable& grantee, const BuildEnvironmentVariables& variables);

}  // namespace cdk::codebuild

CDKPP_EXTERN_MAP(cdk::codebuild::BuildEnvironmentVariable);
