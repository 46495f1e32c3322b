#pragma once
/// A stack deployed by another stack's template, as an AWS::CloudFormation::Stack
/// resource: for a stack that outgrows CloudFormation's 500 resources, or a part
/// that several stacks share.
///
///   auto& network = app.add<cdk::Stack>("Network");
///   auto& subnets = network.add<cdk::NestedStack>("Subnets");
///   auto& vpc = network.add<cdk::ec2::CfnVPC>("Vpc", {.cidr_block = "10.0.0.0/16"});
///   subnets.add<cdk::ec2::CfnSubnet>("A", {.cidr_block = "10.0.0.0/24", .vpc_id = vpc.ref()});
///
/// The nested template is an asset of the top-level stack (uploaded to the
/// bootstrap bucket before the deploy). A value used across the boundary
/// becomes a parameter of the nested stack (from its parent down) or an output
/// of it (up to its parent, read with Fn::GetAtt <resource>.Outputs.<id>), as
/// the AWS CDK does, with the same logical ids.
#include <cdk/cfn_resource.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/stack.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk {

struct NestedStackProps {
  /// Values of the nested template's own parameters, by logical id, passed by
  /// the parent; default none.
  std::map<std::string, Value> parameters{};
  /// TimeoutInMinutes: how long CloudFormation waits for the nested stack to
  /// reach CREATE_COMPLETE; default none (no limit).
  Optional<std::int64_t> timeout_minutes{};
  /// NotificationARNs: SNS topics told of the nested stack's events; default none.
  List<Value> notification_arns{};
  /// The nested template's Description; default none.
  std::string description{};
  /// Of the AWS::CloudFormation::Stack resource; default Delete (the AWS CDK's:
  /// the nested stack goes with its parent; its resources' own policies apply).
  RemovalPolicy removal_policy = RemovalPolicy::Delete;
};

class NestedStack : public Stack {
 public:
  using Props = NestedStackProps;
  /// In the tree: `scope`/"<id>" for the stack and
  /// `scope`/"<id>.NestedStack"/"<id>.NestedStackResource" for its resource,
  /// as aws-cdk-lib names them. Throws cdk::Error outside a stack.
  NestedStack(Construct& scope, std::string_view id, const NestedStackProps& props = {});

  /// The stack whose template holds this one.
  [[nodiscard]] Stack& parent_stack() const noexcept { return *nested_parent(); }
  /// The AWS::CloudFormation::Stack resource in the parent.
  [[nodiscard]] CfnResource& nested_stack_resource() const noexcept { return *resource_; }
  /// Passes `value` (resolved in the parent) to the nested template's parameter `name`.
  void set_parameter(std::string name, Value value);
  [[nodiscard]] const NestedStackProps& nested_props() const noexcept { return props_; }
  /// The nested stack's ARN, in the parent: {"Ref": resource}.
  [[nodiscard]] Value stack_id() const { return resource_->ref(); }

 private:
  NestedStackProps props_;
  CfnResource* resource_ = nullptr;
};

}  // namespace cdk
