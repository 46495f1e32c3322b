#pragma once
/// cdk::lambda::Version: a published, immutable snapshot of a function's code
/// and configuration (AWS::Lambda::Version, the child "Resource").
///
///   auto& v1 = stack.add<cdk::lambda::Version>("V1", {.function = fn, .description = "release 1.4.2"});
///   stack.add<cdk::lambda::Alias>("Live", {.alias_name = "live", .version = v1});
///
/// CloudFormation publishes a version when the resource is created or
/// replaced, not when the function changes: give each release its own id or
/// description (a new description replaces the version). The AWS CDK's
/// currentVersion, which names the version by a hash of the function's
/// configuration, is not supported yet.
#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::lambda {

class CfnVersion;
class Function;

struct VersionProps {
  Ptr<Function> function{};   ///< required
  std::string description{};  ///< at most 256 characters; default none
  RemovalPolicy removal_policy = RemovalPolicy::Delete;  ///< Retain keeps old versions for rollbacks; default Delete, like the AWS CDK
};

class Version : public Construct {
 public:
  using Props = VersionProps;
  Version(Construct& scope, std::string_view id, const VersionProps& props);

  /// Fn::GetAtt Version: the version number ("1", "2", ...).
  [[nodiscard]] Value version() const;
  /// {"Ref": version}: the qualified ARN (arn:...:function:name:1).
  [[nodiscard]] Value function_arn() const;
  [[nodiscard]] Function& function() const noexcept { return *function_; }
  [[nodiscard]] CfnVersion& cfn_version() noexcept { return *resource_; }

 private:
  Function* function_;
  CfnVersion* resource_ = nullptr;
};

}  // namespace cdk::lambda
