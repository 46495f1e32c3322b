#pragma once
/// cdk::lambda::Permission: who may call a Function, for Function::add_permission
/// (an AWS::Lambda::Permission, the function's resource policy).
///
///   fn.add_permission("FromRule", {.principal = "events.amazonaws.com", .source_arn = rule_arn});
///   fn.add_permission("Partner", {.principal = "123456789012"});
#include <cdk/lambda/function_url_auth_type.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::lambda {

struct Permission {
  Value principal{};                             ///< a service ("sns.amazonaws.com"), an account id, an IAM ARN or "*"; required
  std::string action = "lambda:InvokeFunction";  ///< a lambda: action; default lambda:InvokeFunction
  Value source_arn{};                            ///< only calls on behalf of this resource (rule, bucket, topic); default any
  Value source_account{};                        ///< only calls on behalf of this account (S3 buckets); default any
  std::string organization_id{};                 ///< only principals of this AWS Organization ("o-..."); default any
  Optional<FunctionUrlAuthType> function_url_auth_type{};       ///< only calls through a URL of this auth type; default any
  bool invoked_via_function_url = false;         ///< only calls through a function URL; default false
};

}  // namespace cdk::lambda
