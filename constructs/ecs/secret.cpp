#include <cdk/ecs/container_image.hpp>
#include <cdk/ecs/secret.hpp>
#include <cdk/fn.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/secretsmanager/secret.hpp>
#include <cdk/ssm/cfn_parameter.hpp>
#include <cdk/ssm/string_parameter.hpp>

namespace cdk::ecs {

namespace {
const std::vector<std::string> kSecretsManagerRead = {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"};
const std::vector<std::string> kSsmRead = {"ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter",
                                           "ssm:GetParameterHistory"};

Value parameter_arn(Value name_without_slash) {
  return Fn::join("", {"arn:", Aws::partition(), ":ssm:", Aws::region(), ":", Aws::account_id(), ":parameter/",
                       std::move(name_without_slash)});
}
}  // namespace

ContainerImage ContainerImage::from_registry(std::string name) { return ContainerImage(Value(std::move(name)), {}); }

Secret Secret::from_secrets_manager(const secretsmanager::Secret& secret, std::string field) {
  return from_secrets_manager_arn(secret.secret_arn(), std::move(field));
}

Secret Secret::from_secrets_manager(const secretsmanager::CfnSecret& secret, std::string field) {
  return from_secrets_manager_arn(secret.ref(), std::move(field));
}

Secret Secret::from_secrets_manager_arn(Value secret_arn, std::string field) {
  // ValueFrom of one JSON key: <arn>:<key>:<version stage>:<version id>.
  Value value_from = field.empty() ? secret_arn : secret_arn + Value(":" + field + "::");
  return Secret(std::move(secret_arn), std::move(value_from), kSecretsManagerRead);
}

Secret Secret::from_ssm_parameter(const ssm::StringParameter& parameter) {
  Value arn = parameter.parameter_arn();
  return Secret(arn, arn, kSsmRead);
}

Secret Secret::from_ssm_parameter(const ssm::CfnParameter& parameter) {
  // Ref of a parameter is its name; a literal name may start with '/', which the ARN leaves out.
  const auto& name = parameter.props().name.value();
  if (!name.is_null() && name.kind() == Value::Kind::String) return from_ssm_parameter_name(name.as_string());
  Value arn = parameter_arn(parameter.ref());
  return Secret(arn, arn, kSsmRead);
}

Secret Secret::from_ssm_parameter_name(std::string parameter_name) {
  if (!parameter_name.empty() && parameter_name.front() == '/') parameter_name.erase(0, 1);
  Value arn = parameter_arn(Value(std::move(parameter_name)));
  return Secret(arn, arn, kSsmRead);
}

}  // namespace cdk::ecs
