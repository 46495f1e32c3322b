#pragma once
/// One statement of an IAM policy document.
///
///   cdk::iam::PolicyStatement{.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}}
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <string>
#include <vector>

namespace cdk::iam {

enum class Effect { Allow, Deny };

struct PolicyStatement {
  Effect effect = Effect::Allow;           ///< default Allow
  List<std::string> actions{};             ///< e.g. "s3:GetObject"; required
  List<Value> resources{};                 ///< ARNs; required for identity policies
  Value principals{};                      ///< resource policies only, e.g. {"Service": "sns.amazonaws.com"}; default none
  Value conditions{};                      ///< {"StringEquals": {...}}; default none
  std::string sid{};                       ///< default none

  /// The statement as it appears in a policy document.
  [[nodiscard]] Value to_value() const;
};

/// {"Version": "2012-10-17", "Statement": [...]}.
Value policy_document(const std::vector<PolicyStatement>& statements);

}  // namespace cdk::iam

CDKPP_EXTERN_VECTOR(cdk::iam::PolicyStatement);
