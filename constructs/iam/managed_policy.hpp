#pragma once
/// A managed policy attached to a role by ARN.
///
///   .managed_policies = {cdk::iam::ManagedPolicy::aws_managed("AmazonSSMManagedInstanceCore")}
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <string_view>

namespace cdk::iam {

class ManagedPolicy {
 public:
  /// An AWS managed policy by name ("AmazonSSMManagedInstanceCore" or
  /// "service-role/AmazonECSTaskExecutionRolePolicy"), with a partition-aware
  /// ARN like the CDK's: arn:${AWS::Partition}:iam::aws:policy/<name>.
  static ManagedPolicy aws_managed(std::string_view name);
  /// A customer managed policy of the stack's account by name.
  static ManagedPolicy from_name(std::string_view name);
  /// Any managed policy by ARN.
  static ManagedPolicy from_arn(Value arn) { return ManagedPolicy(std::move(arn)); }

  [[nodiscard]] const Value& managed_policy_arn() const noexcept { return arn_; }

 private:
  explicit ManagedPolicy(Value arn) : arn_(std::move(arn)) {}
  Value arn_;
};

}  // namespace cdk::iam

CDKPP_EXTERN_VECTOR(cdk::iam::ManagedPolicy);
