#pragma once
/// cdk::iam::Policy: an identity policy (AWS::IAM::Policy) attached to roles.
/// Roles make their own default policy; use this for a named, shared policy.
///
///   auto& p = stack.add<cdk::iam::Policy>("ReadLogs", {.statements = {...}, .roles = {role}});
///   p.add_statements({.actions = {"logs:GetLogEvents"}, .resources = {group.log_group_arn()}});
///
/// The policy name defaults to the resource's logical id, as in the AWS CDK.
/// A policy must have at least one statement and be attached to a role
/// (checked at synthesis).
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <string>
#include <vector>

namespace cdk::iam {
class CfnPolicy;
class Role;
class IRole;
}  // namespace cdk::iam

// Before the props below: a list field's {} default uses the library's
// constructors only where the compiler has seen this first.
CDKPP_EXTERN_VECTOR(cdk::Ptr<cdk::iam::Role>);

namespace cdk::iam {

struct PolicyProps {
  std::string policy_name{};                ///< at most 128 characters; default the logical id
  List<PolicyStatement> statements{};///< default none (add_statements later)
  List<Ptr<Role>> roles{};                  ///< default none (attach_to_role later)
  bool allow_full_access = false;           ///< accept statements allowing "*" on "*" (still warned); default false
};

class Policy : public Construct {
 public:
  using Props = PolicyProps;
  static constexpr std::size_t max_name_length = 128;

  Policy(Construct& scope, std::string_view id, const PolicyProps& props = {});

  /// Throws cdk::Error for a statement an identity policy cannot hold.
  void add_statements(const PolicyStatement& statement);
  void attach_to_role(const IRole& role);
  [[nodiscard]] const std::vector<PolicyStatement>& statements() const noexcept { return statements_; }
  /// {"Ref": policy}.
  [[nodiscard]] Value policy_ref() const;
  [[nodiscard]] CfnPolicy& cfn_policy() noexcept { return *resource_; }

  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  void refresh();
  bool allow_full_access_;
  std::vector<PolicyStatement> statements_;
  std::vector<Value> roles_;
  CfnPolicy* resource_ = nullptr;
};

/// Checks a statement for an identity policy owned by `owner` (actions and
/// resources present, no principal, no "*" on "*" unless allowed; then a warning).
void check_identity_statement(Construct& owner, const PolicyStatement& statement, bool allow_full_access);

}  // namespace cdk::iam
