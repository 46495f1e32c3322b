#pragma once
/// The AWS CDK's feature flags that change what cdkpp writes, read from context
/// under the AWS CDK's own names, so a ported app's cdk.json context (copied
/// into cdkpp.json, or passed by the AWS CDK CLI in CDK_CONTEXT_JSON, or given
/// as -c NAME=false) keeps the templates aws-cdk-lib made for it.
///
///   if (cdk::FeatureFlags::of(*this).is_enabled(cdk::flags::kEfsMountTargetOrderInsensitiveLogicalId)) ...
///
/// A flag that is not set has the value `cdk init` gives a new project today
/// (aws-cdk-lib's recommended-feature-flags.json). Flags named `@cdkpp/...` are
/// cdkpp's own: they keep what an earlier cdkpp wrote where a fix for parity
/// with aws-cdk-lib would replace a resource of a stack deployed with it
/// (default false: the aws-cdk-lib behaviour). The flags cdkpp honours are
/// listed below; asking for another name is an error (a typo would silently
/// pick a behaviour).
#include <string_view>

namespace cdk {

class Construct;

namespace flags {
/// EFS mount targets named after their subnet (`EfsMountTarget-PrivateSubnet1`),
/// not numbered, so adding a subnet does not rename the others. Default true.
inline constexpr std::string_view kEfsMountTargetOrderInsensitiveLogicalId =
    "@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId";
/// ECS services write DeploymentController only when it is set explicitly;
/// when false, a service with a circuit breaker writes {Type: ECS}. Default true.
inline constexpr std::string_view kEcsDisableExplicitDeploymentControllerForCircuitBreaker =
    "@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker";
/// A Vpc removes its default security group's rules (a custom resource and
/// one provider function per stack). Default true.
inline constexpr std::string_view kEc2RestrictDefaultSecurityGroup = "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup";
/// Earlier cdkpp put a DatabaseInstance's subnet group at `<db>/Subnets`
/// (aws-cdk-lib: `<db>/SubnetGroup`); the new name replaces the instance, so
/// a stack deployed with an earlier cdkpp sets this to true. Default false.
inline constexpr std::string_view kCdkppRdsInstanceSubnetGroupUnderSubnets = "@cdkpp/rds:instanceSubnetGroupUnderSubnets";
/// For an app ported from aws-cdk-lib: where cdkpp's default goes further than
/// aws-cdk-lib's in a way that would replace a deployed resource (a database's
/// storage encryption and type, properties written at the service's defaults),
/// keep what aws-cdk-lib wrote and warn on the construct, naming the change to
/// make deliberately. Settings given explicitly are kept either way. Default
/// false: new apps get the secure defaults.
inline constexpr std::string_view kCdkppAwsCdkDefaults = "@cdkpp/core:awsCdkDefaults";
/// Cross-stack references from stacks below the scope where this is true go
/// through an SSM parameter the producing stack writes (AWS::SSM::Parameter at
/// /cdkpp/<producer>/<id>) and the consumer reads with a `{{resolve:ssm:...}}`
/// dynamic reference, instead of an Export/Fn::ImportValue pair: the producer
/// may change or drop the value while a consumer still uses it (no "export in
/// use" lock); the consumer sees a new value when it is next deployed. Default
/// false (exports, as aws-cdk-lib).
inline constexpr std::string_view kCdkppWeakCrossStackReferences = "@cdkpp/core:weakCrossStackReferences";
}  // namespace flags

class FeatureFlags {
 public:
  /// The flags as seen from `scope` (context set on a scope applies below it).
  static FeatureFlags of(const Construct& scope) { return FeatureFlags(scope); }

  /// The flag's value: context "true"/"false" (also JSON booleans in cdkpp.json),
  /// else cdk init's default. Throws cdk::Error naming the scope for another
  /// value, and for a flag cdkpp does not know.
  [[nodiscard]] bool is_enabled(std::string_view flag) const;

 private:
  explicit FeatureFlags(const Construct& scope) : scope_(scope) {}
  const Construct& scope_;
};

}  // namespace cdk
