#pragma once
// What Function::add_permission and Alias::add_permission share. Internal:
// not included by public headers.
#include <cdk/construct.hpp>
#include <cdk/lambda/permission.hpp>
#include <cdk/value.hpp>

#include <string_view>

namespace cdk::lambda {
class CfnPermission;
}

namespace cdk::lambda::detail {

/// Checks `permission` (errors name `scope`'s path) and makes the
/// AWS::Lambda::Permission `<scope>/<id>` for `function_name` (an ARN, qualified or not).
CfnPermission& add_permission(Construct& scope, std::string_view id, Value function_name, const Permission& permission);

}  // namespace cdk::lambda::detail
