#pragma once
/// Who may assume a role (the Principal of its trust policy) or be named in a
/// resource policy.
///
///   stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
///   cdk::iam::AccountPrincipal{"123456789012"}   // {"AWS": "arn:${Partition}:iam::123456789012:root"}
///   cdk::iam::ArnPrincipal{other_role.role_arn()}
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cdk::iam {

/// A principal: one or more (kind, id) pairs such as ("Service", "ec2.amazonaws.com").
/// The derived types only construct; copying them into a Principal loses nothing.
class Principal {
 public:
  Principal() = default;
  Principal(std::string kind, Value id) { entries_.emplace_back(std::move(kind), std::move(id)); }

  /// The Principal element: {"Service": "ec2.amazonaws.com"} (a list per kind when several).
  [[nodiscard]] Value policy_fragment() const;
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] const std::vector<std::pair<std::string, Value>>& entries() const noexcept { return entries_; }

 protected:
  std::vector<std::pair<std::string, Value>> entries_;
};

/// An AWS service: `ServicePrincipal{"ecs-tasks.amazonaws.com"}`.
class ServicePrincipal : public Principal {
 public:
  explicit ServicePrincipal(std::string service) : Principal("Service", Value(std::move(service))) {}
};

/// Any IAM identity by ARN (a role, a user): `ArnPrincipal{role.role_arn()}`.
class ArnPrincipal : public Principal {
 public:
  explicit ArnPrincipal(Value arn) : Principal("AWS", std::move(arn)) {}
};

/// The root of an account, i.e. every identity of it that its own policies allow:
/// `AccountPrincipal{"123456789012"}` -> arn:${AWS::Partition}:iam::123456789012:root.
class AccountPrincipal : public Principal {
 public:
  explicit AccountPrincipal(Value account_id);
};

/// The account the stack deploys to (arn:${AWS::Partition}:iam::${AWS::AccountId}:root).
class AccountRootPrincipal : public AccountPrincipal {
 public:
  AccountRootPrincipal();
};

/// Several principals at once: `CompositePrincipal{{ServicePrincipal{"a"}, ServicePrincipal{"b"}}}`.
class CompositePrincipal : public Principal {
 public:
  explicit CompositePrincipal(const std::vector<Principal>& principals);
};

}  // namespace cdk::iam

CDKPP_EXTERN_VECTOR(cdk::iam::Principal);
