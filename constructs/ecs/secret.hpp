#pragma once
/// A secret a container receives as an environment variable, read by ECS at
/// task start from Secrets Manager or SSM Parameter Store. The task's execution
/// role may read exactly the secrets its containers reference.
///
///   .secrets = {{"DB_PASSWORD", cdk::ecs::Secret::from_secrets_manager(db.secret(), "password")},
///               {"API_URL", cdk::ecs::Secret::from_ssm_parameter_name("/app/api-url")}}
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <string>
#include <vector>

namespace cdk::secretsmanager {
class CfnSecret;
class Secret;
}
namespace cdk::ssm {
class CfnParameter;
class StringParameter;
}

namespace cdk::ecs {

class Secret {
 public:
  /// The whole secret, or one JSON field of it ("password").
  static Secret from_secrets_manager(const secretsmanager::Secret& secret, std::string field = {});
  /// Same, for an L1 secret (e.g. rds::AuroraCluster::secret()).
  static Secret from_secrets_manager(const secretsmanager::CfnSecret& secret, std::string field = {});
  /// A secret by ARN (e.g. made in another app), whole or one JSON field.
  static Secret from_secrets_manager_arn(Value secret_arn, std::string field = {});
  /// A String or StringList parameter of this app.
  static Secret from_ssm_parameter(const ssm::StringParameter& parameter);
  /// Same, for an L1 parameter.
  static Secret from_ssm_parameter(const ssm::CfnParameter& parameter);
  /// A parameter by name ("/app/api-url" or "app-url") in the stack's account and region.
  static Secret from_ssm_parameter_name(std::string parameter_name);

  /// ValueFrom of the container definition's secret.
  [[nodiscard]] const Value& value_from() const noexcept { return value_from_; }
  /// The resource the execution role must be allowed to read.
  [[nodiscard]] const Value& resource_arn() const noexcept { return arn_; }
  /// The actions that reading it needs.
  [[nodiscard]] const std::vector<std::string>& actions() const noexcept { return actions_; }

 private:
  Secret(Value arn, Value value_from, std::vector<std::string> actions)
      : arn_(std::move(arn)), value_from_(std::move(value_from)), actions_(std::move(actions)) {}
  Value arn_;
  Value value_from_;
  std::vector<std::string> actions_;
};

}  // namespace cdk::ecs

CDKPP_EXTERN_MAP(cdk::ecs::Secret);
