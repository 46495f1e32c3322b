#pragma once
/// Grant helpers: what every `grant_*` method of a resource does.
///
///   cdk::iam::Grant::add_to_principal({.grantee = role, .actions = {"s3:GetObject"},
///                                      .resource_arns = {bucket.arn_for_objects("*")}});
#include <cdk/iam/grantable.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk::iam {

struct GrantOnPrincipalOptions {
  Ptr<IGrantable> grantee{};            ///< who gets the permission; required
  List<std::string> actions{};          ///< required
  List<Value> resource_arns{};          ///< required
  Value conditions{};                   ///< default none
};

class Grant {
 public:
  /// Adds one Allow statement with the actions on the resources to the
  /// grantee's identity policy and returns it. Throws cdk::Error when the
  /// grantee, the actions or the resources are missing.
  static PolicyStatement add_to_principal(const GrantOnPrincipalOptions& options);
  /// Records why the grantee's statements allowing `actions` name wildcard
  /// resources, for outside checks (security::explain_wildcard_resources on
  /// the grantee); nothing when the grantee is not a construct.
  static void explain_wildcard_resources(IGrantable& grantee, const std::vector<std::string>& actions,
                                         std::string_view reason);
};

}  // namespace cdk::iam
