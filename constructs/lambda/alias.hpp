#pragma once
/// cdk::lambda::Alias: a stable name ("live", "prod") pointing at a Version,
/// what callers and event sources should invoke so a release is one change of
/// the alias (AWS::Lambda::Alias, the child "Resource").
///
///   auto& live = stack.add<cdk::lambda::Alias>("Live", {.alias_name = "live", .version = v1});
///   live.grant_invoke(api_role);
///   live.add_permission("FromRule", {.principal = "events.amazonaws.com", .source_arn = rule_arn});
///   live.add_function_url();
///
/// Permissions and grants name the alias's ARN, so they cover calls to that
/// alias only (Lambda checks the qualified ARN).
///
/// Not supported yet: weighted routing to a second version, provisioned
/// concurrency and its auto scaling.
#include <cdk/construct.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/lambda/function_url_props.hpp>
#include <cdk/lambda/permission.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::lambda {

class CfnAlias;
class CfnPermission;
class FunctionUrl;
class Version;

struct AliasProps {
  std::string alias_name{};   ///< 1-128 letters, digits, '-', '_', not only digits; required
  Ptr<Version> version{};     ///< required
  std::string description{};  ///< at most 256 characters; default none
};

class Alias : public Construct {
 public:
  using Props = AliasProps;
  Alias(Construct& scope, std::string_view id, const AliasProps& props);

  /// {"Ref": alias}: the alias ARN (arn:...:function:name:alias).
  [[nodiscard]] Value function_arn() const;
  [[nodiscard]] const std::string& alias_name() const noexcept { return alias_name_; }
  [[nodiscard]] Version& version() const noexcept { return *version_; }

  /// Lets a principal call the alias: an AWS::Lambda::Permission `<Alias>/<id>`.
  CfnPermission& add_permission(std::string_view id, const Permission& permission);
  /// lambda:InvokeFunction on the alias, for an IAM identity.
  void grant_invoke(iam::IGrantable& grantee) const;
  /// An HTTPS endpoint for the alias (`<Alias>/FunctionUrl`), IAM-authenticated by default.
  FunctionUrl& add_function_url(FunctionUrlProps props = {});

  [[nodiscard]] CfnAlias& cfn_alias() noexcept { return *resource_; }

 private:
  std::string alias_name_;
  Version* version_;
  CfnAlias* resource_ = nullptr;
};

}  // namespace cdk::lambda
