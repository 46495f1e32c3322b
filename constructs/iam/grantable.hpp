#pragma once
/// Anything that can be granted permissions: a Role, or a construct that runs
/// as one (an Instance, an AutoScalingGroup, an ECS task definition).
///
///   bucket.grant_read(web);   // web is an AutoScalingGroup: its role may read
#include <cdk/iam/policy_statement.hpp>

namespace cdk::iam {

class IGrantable {
 public:
  virtual ~IGrantable() = default;
  /// Adds the statement to the identity policy of the principal behind this.
  virtual void add_to_principal_policy(const PolicyStatement& statement) = 0;
};

}  // namespace cdk::iam
