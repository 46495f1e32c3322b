#include <cdk/codebuild/environment_variable.hpp>

#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>

#include <vector>

namespace cdk::codebuild {

namespace {

bool is_secret_reference(const Value& v) {
  if (v.kind() == Value::Kind::String) {
    const auto& s = v.as_string();
    return s.find("{{resolve:secretsmanager:") != std::string::npos || s.find("{{resolve:ssm-secure:") != std::string::npos;
  }
  if (v.kind() == Value::Kind::List)
    for (const auto& item : v.as_list())
      if (is_secret_reference(item)) return true;
  if (v.kind() == Value::Kind::Intrinsic) return is_secret_reference(v.argument());
  return false;
}

Value arn_prefix(std::string_view service) {
  return Value("arn:") + Aws::partition() + Value(":" + std::string(service) + ":") + Aws::region() + Value(":") +
         Aws::account_id() + Value(":");
}

Value parameter_arn(const Value& name) {
  if (name.kind() == Value::Kind::String) {
    const auto& s = name.as_string();
    if (s.starts_with("arn:")) return s;
    return arn_prefix("ssm") + Value("parameter/" + (s.starts_with("/") ? s.substr(1) : s));
  }
  return arn_prefix("ssm") + Value("parameter/") + name;
}

// "name-or-arn[:json-key[:version-stage[:version-id]]]": the secret is the
// part before the JSON key. A name matches any of the six-character suffixes
// Secrets Manager appends.
Value secret_arn(const Value& reference) {
  if (reference.kind() != Value::Kind::String) return reference;
  const auto& s = reference.as_string();
  if (s.starts_with("arn:")) {
    std::size_t pos = 0;
    for (int field = 0; field < 7 && pos != std::string::npos; ++field) pos = s.find(':', pos + 1);
    return pos == std::string::npos ? s : s.substr(0, pos);
  }
  return arn_prefix("secretsmanager") + Value("secret:" + s.substr(0, s.find(':')) + "-??????");
}

}  // namespace

std::string_view build_environment_variable_type_name(BuildEnvironmentVariableType t) noexcept {
  switch (t) {
    case BuildEnvironmentVariableType::Plaintext: return "PLAINTEXT";
    case BuildEnvironmentVariableType::ParameterStore: return "PARAMETER_STORE";
    case BuildEnvironmentVariableType::SecretsManager: return "SECRETS_MANAGER";
  }
  return "PLAINTEXT";
}

void check_environment_variables(const std::string& path, const BuildEnvironmentVariables& variables) {
  for (const auto& [name, variable] : variables) {
    if (name.empty()) throw Error(path, "an environment variable has no name", "give every variable a name");
    if (variable.value.is_null())
      throw Error(path, "environment variable \"" + name + "\" has no value", "give it a value, or leave it out");
    if (variable.type == BuildEnvironmentVariableType::Plaintext && is_secret_reference(variable.value))
      throw Error(path, "plaintext environment variable \"" + name + "\" holds a secret, readable by anyone who can read the project",
                  "use .type = BuildEnvironmentVariableType::SecretsManager with the secret's name or ARN");
  }
}

Value environment_variables_value(const BuildEnvironmentVariables& variables) {
  Value::List out;
  for (const auto& [name, variable] : variables)
    out.push_back(Value::map({{"name", name}, {"type", std::string(build_environment_variable_type_name(variable.type))},
                              {"value", variable.value}}));
  return out;
}

void grant_environment_variables_read(iam::IGrantable& grantee, const BuildEnvironmentVariables& variables) {
  std::vector<Value> parameters;
  std::vector<Value> secrets;
  for (const auto& [name, variable] : variables) {
    if (variable.type == BuildEnvironmentVariableType::ParameterStore) parameters.push_back(parameter_arn(variable.value));
    if (variable.type == BuildEnvironmentVariableType::SecretsManager) secrets.push_back(secret_arn(variable.value));
  }
  if (!parameters.empty())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = {"ssm:GetParameters"}, .resource_arns = parameters});
  if (!secrets.empty())
    iam::Grant::add_to_principal({.grantee = grantee, .actions = {"secretsmanager:GetSecretValue"}, .resource_arns = secrets});
}

}  // namespace cdk::codebuild
