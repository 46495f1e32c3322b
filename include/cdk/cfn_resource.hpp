#pragma once
/// A CloudFormation resource: type, properties and resource attributes.
///
/// Typed L1 classes (cdk::ec2::CfnVPC, ...) derive from it; it can also be
/// used directly with untyped properties:
///
///   auto& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
///       cdk::Value::map({{"DisplayName", "alerts"}}));
///   topic.set_deletion_policy(cdk::RemovalPolicy::Retain);
#include <cdk/cfn_element.hpp>
#include <cdk/on_demand.hpp>
#include <cdk/tag_manager.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {

class CfnCondition;

/// DeletionPolicy / UpdateReplacePolicy values.
enum class RemovalPolicy : std::uint8_t { Delete, Retain, Snapshot, RetainExceptOnCreate };

class CfnResource : public CfnElement {
 public:
  /// A resource of `type` ("AWS::S3::Bucket") with untyped properties (a map).
  CfnResource(Construct& scope, std::string_view id, std::string_view type, Value properties = {},
              TagFormat tag_format = TagFormat::None, std::string_view tag_property = "Tags");

  [[nodiscard]] Section section() const noexcept override { return Section::Resources; }
  [[nodiscard]] const std::string& cfn_type() const noexcept { return type_; }

  /// {"Fn::GetAtt": [this, attribute]}.
  [[nodiscard]] Value get_att(std::string_view attribute) const { return Value::get_att(*this, attribute); }

  /// Sets one top-level property of the untyped property map.
  void set_property(std::string_view name, Value value);

  /// Raw override of the rendered resource, by dotted path from the resource
  /// ("Properties.VpcConfig.SubnetIds", "UpdatePolicy"). The escape hatch for
  /// anything the typed API does not offer; applied last.
  void add_override(std::string_view path, Value value);
  /// add_override("Properties." + path, value).
  void add_property_override(std::string_view path, Value value);
  /// Removes what is at the path from the rendered resource.
  void add_deletion_override(std::string_view path);
  void add_property_deletion_override(std::string_view path);

  /// DependsOn: this resource is created after `other` (same stack), or this
  /// stack after other's stack (other stack).
  void add_depends_on(const CfnResource& other);
  [[nodiscard]] const std::vector<const CfnResource*>& depends_on() const noexcept;

  void set_condition(const CfnCondition& condition) { condition_ = &condition; }
  [[nodiscard]] const CfnCondition* condition() const noexcept { return condition_; }
  /// Sets DeletionPolicy and UpdateReplacePolicy together, like the CDK's applyRemovalPolicy.
  void apply_removal_policy(RemovalPolicy policy);
  void set_deletion_policy(RemovalPolicy policy);
  void set_update_replace_policy(RemovalPolicy policy);
  void set_update_policy(Value policy);
  void set_creation_policy(Value policy);
  /// Adds an entry to the resource's Metadata attribute.
  void add_metadata(std::string key, Value value);

  [[nodiscard]] TagManager& tags() noexcept { return tags_; }
  [[nodiscard]] const TagManager& tags() const noexcept { return tags_; }

  /// The whole resource entry: Type, Properties, DependsOn, policies, Metadata, Condition.
  [[nodiscard]] Value render() const override;

  /// One raw override; see add_override.
  struct Override {
    std::string path;  ///< dotted path from the resource entry
    Value value;
    bool remove = false;
  };
  [[nodiscard]] const std::vector<Override>& overrides() const noexcept;

 protected:
  /// The Properties map. Typed L1 classes render their props here; the
  /// default returns the untyped map given to the constructor / set_property.
  [[nodiscard]] virtual Value render_properties() const;
  /// Problems with the properties (required ones missing); typed L1s override.
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  std::string type_;
  Value properties_;
  TagManager tags_;
  const CfnCondition* condition_ = nullptr;
  std::optional<RemovalPolicy> deletion_policy_;
  std::optional<RemovalPolicy> update_replace_policy_;

  // What few resources have (DependsOn, update and creation policies,
  // metadata, overrides), kept apart and made on first use: a large app holds
  // a hundred thousand resources, most with none of it.
  struct Rare;
  detail::OnDemand<Rare> rare_;
};

// Compiled once, where the part is defined (src/core/on_demand.hpp).
extern template class detail::OnDemand<CfnResource::Rare>;

}  // namespace cdk
