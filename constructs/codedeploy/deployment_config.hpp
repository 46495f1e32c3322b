#pragma once
/// What deployment configurations of every compute platform share: the
/// construct made in the app (BaseDeploymentConfig), and what a deployment
/// group takes (DeploymentConfigRef): a predefined configuration, an existing
/// one by name, or one made in the app.
///
///   auto& canary = stack.add<cdk::codedeploy::EcsDeploymentConfig>("Canary", {
///       .traffic_routing = cdk::codedeploy::TrafficRouting::time_based_canary(20, 10)});
///   ... .deployment_config = canary ...                                   // made here
///   ... .deployment_config = cdk::codedeploy::EcsDeploymentConfig::linear_10_percent_every_1_minute() ...
///
/// Names of configurations made here are checked as CodeDeploy checks them:
/// at most 100 characters of letters, digits and . _ + = , @ -.
#include <cdk/codedeploy/compute_platform.hpp>
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <string>

namespace cdk::codedeploy {

class CfnDeploymentConfig;
class BaseDeploymentConfig;

/// A deployment configuration as a deployment group names it.
class DeploymentConfigRef {
 public:
  /// A configuration made in the app (ServerDeploymentConfig, EcsDeploymentConfig).
  DeploymentConfigRef(const BaseDeploymentConfig& config);  // NOLINT: implicit by design
  /// A configuration that exists already (predefined or custom), by name.
  static DeploymentConfigRef from_name(Value name, ComputePlatform platform);

  [[nodiscard]] const Value& deployment_config_name() const noexcept { return name_; }
  /// arn:<partition>:codedeploy:<region>:<account>:deploymentconfig:<name>, in the
  /// region and account of the stack `scope` is in.
  [[nodiscard]] Value deployment_config_arn(const Construct& scope) const;
  [[nodiscard]] ComputePlatform compute_platform() const noexcept { return platform_; }
  /// The configuration made in the app, or nullptr for one known by name.
  [[nodiscard]] const BaseDeploymentConfig* construct() const noexcept { return construct_; }

 private:
  DeploymentConfigRef(Value name, ComputePlatform platform) : name_(std::move(name)), platform_(platform) {}
  Value name_;
  ComputePlatform platform_;
  const BaseDeploymentConfig* construct_ = nullptr;
};

/// The AWS::CodeDeploy::DeploymentConfig both custom configurations make (`<id>/Resource`).
class BaseDeploymentConfig : public Construct {
 public:
  /// {"Ref": config}: its name.
  [[nodiscard]] Value deployment_config_name() const;
  [[nodiscard]] Value deployment_config_arn() const;
  [[nodiscard]] ComputePlatform compute_platform() const noexcept { return platform_; }
  /// The L1 AWS::CodeDeploy::DeploymentConfig (escape hatch).
  [[nodiscard]] CfnDeploymentConfig& cfn() noexcept { return *resource_; }

 protected:
  BaseDeploymentConfig(Construct& scope, std::string_view id, ComputePlatform platform);
  /// Throws unless `name` is empty (generated) or a name CodeDeploy takes.
  void check_name(const std::string& name) const;
  CfnDeploymentConfig* resource_ = nullptr;  // `<id>/Resource`, made by the derived class

 private:
  ComputePlatform platform_;
};

}  // namespace cdk::codedeploy
