#include <cdk/lambda/alias.hpp>

#include "detail/permission.hpp"

#include <cdk/iam/grant.hpp>
#include <cdk/lambda/cfn_alias.hpp>
#include <cdk/lambda/function.hpp>
#include <cdk/lambda/function_url.hpp>
#include <cdk/lambda/version.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::lambda {

namespace {

// Lambda's alias names: https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html
void check_alias_name(const std::string& path, const std::string& name) {
  if (name.empty()) throw Error(path, "the alias has no alias_name", "set .alias_name, e.g. \"live\"");
  const bool valid = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  const bool digits = std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (name.size() > 128 || !valid || digits)
    throw Error(path, "alias name \"" + name + "\" must be 1-128 letters, digits, '-' and '_', and not only digits",
                "only digits would read as a version number; e.g. \"live\" or \"v2-beta\"");
}

}  // namespace

Alias::Alias(Construct& scope, std::string_view id, const AliasProps& props)
    : Construct(scope, id), alias_name_(std::move(props.alias_name)), version_(props.version.get()) {
  const auto path = node().path();
  check_alias_name(path, alias_name_);
  if (version_ == nullptr) throw Error(path, "the alias has no version", "set .version = version");
  if (props.description.size() > 256)
    throw Error(path, "description is longer than 256 characters", "use a shorter description");
  CfnAlias::Props l1;
  if (!props.description.empty()) l1.description = props.description;
  l1.function_name = version_->function().function_name();
  l1.function_version = version_->version();
  l1.name = alias_name_;
  resource_ = &add<CfnAlias>("Resource", std::move(l1));
}

Value Alias::function_arn() const { return resource_->ref(); }

CfnPermission& Alias::add_permission(std::string_view id, const Permission& permission) {
  return detail::add_permission(*this, id, function_arn(), permission);
}

void Alias::grant_invoke(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = {"lambda:InvokeFunction"}, .resource_arns = {function_arn()}});
}

FunctionUrl& Alias::add_function_url(FunctionUrlProps props) { return add<FunctionUrl>("FunctionUrl", std::move(props)); }

}  // namespace cdk::lambda
