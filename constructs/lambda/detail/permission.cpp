#include "permission.hpp"

#include <cdk/lambda/cfn_permission.hpp>

#include <string>

namespace cdk::lambda::detail {

CfnPermission& add_permission(Construct& scope, std::string_view id, Value function_name, const Permission& permission) {
  const auto path = scope.node().path();
  const auto name = "permission \"" + std::string(id) + "\"";
  if (permission.principal.is_null())
    throw Error(path, name + " has no principal", "set .principal, e.g. \"events.amazonaws.com\" or an account id");
  if (!permission.action.starts_with("lambda:"))
    throw Error(path, name + " action \"" + permission.action + "\" is not a Lambda action",
                "use lambda:InvokeFunction (default) or another lambda: action");
  if (!permission.organization_id.empty() && (!permission.source_arn.is_null() || !permission.source_account.is_null()))
    throw Error(path, name + " combines organization_id with source_arn or source_account",
                "Lambda takes an organization or a source, not both");
  CfnPermission::Props l1;
  l1.action = permission.action;
  l1.function_name = std::move(function_name);
  if (permission.function_url_auth_type)
    l1.function_url_auth_type = function_url_auth_type_name(*permission.function_url_auth_type);
  if (permission.invoked_via_function_url) l1.invoked_via_function_url = true;
  l1.principal = permission.principal;
  if (!permission.organization_id.empty()) l1.principal_org_id = permission.organization_id;
  if (!permission.source_account.is_null()) l1.source_account = permission.source_account;
  if (!permission.source_arn.is_null()) l1.source_arn = permission.source_arn;
  return scope.add<CfnPermission>(id, std::move(l1));
}

}  // namespace cdk::lambda::detail
