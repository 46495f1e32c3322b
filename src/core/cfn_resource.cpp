#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/stack.hpp>

#include "core/on_demand.hpp"

#include <fmt/format.h>

namespace cdk {

namespace {
const char* policy_name(RemovalPolicy p) {
  switch (p) {
    case RemovalPolicy::Delete: return "Delete";
    case RemovalPolicy::Retain: return "Retain";
    case RemovalPolicy::Snapshot: return "Snapshot";
    case RemovalPolicy::RetainExceptOnCreate: return "RetainExceptOnCreate";
  }
  return "Delete";
}

bool valid_type_name(std::string_view type) {
  // Service::Module::Resource, or Custom::Name
  int parts = 1;
  for (std::size_t i = 0; i + 1 < type.size(); ++i)
    if (type[i] == ':' && type[i + 1] == ':') {
      ++parts;
      ++i;
    }
  return (type.rfind("Custom::", 0) == 0 && type.size() > 8) || parts == 3;
}
}  // namespace

CfnResource::CfnResource(Construct& scope, std::string_view id, std::string_view type, Value properties,
                         TagFormat tag_format, std::string_view tag_property)
    : CfnElement(scope, id),
      type_(type),
      properties_(std::move(properties)),
      tags_(tag_format, std::string(tag_property)) {
  if (!valid_type_name(type_))
    throw Error(node().path(), fmt::format("\"{}\" is not a CloudFormation resource type", type_),
                "use the form AWS::Service::Resource, e.g. AWS::S3::Bucket");
  if (!properties_.is_null() && properties_.kind() != Value::Kind::Map)
    throw Error(node().path(), "resource properties must be a map", "pass Value::map({{\"Name\", value}})");
}

void CfnResource::set_property(std::string_view name, Value value) {
  Value::Map map = properties_.as_map();
  for (auto& [k, v] : map)
    if (k == name) {
      v = std::move(value);
      properties_ = Value(std::move(map));
      return;
    }
  map.emplace_back(std::string(name), std::move(value));
  properties_ = Value(std::move(map));
}

struct CfnResource::Rare {
  std::vector<const CfnResource*> depends_on;
  Value update_policy;
  Value creation_policy;
  Value::Map metadata;
  std::vector<Override> overrides;
};

template class detail::OnDemand<CfnResource::Rare>;

const std::vector<const CfnResource*>& CfnResource::depends_on() const noexcept { return rare_.get_or_empty().depends_on; }
const std::vector<CfnResource::Override>& CfnResource::overrides() const noexcept { return rare_.get_or_empty().overrides; }
void CfnResource::set_update_policy(Value policy) { rare_.get().update_policy = std::move(policy); }
void CfnResource::set_creation_policy(Value policy) { rare_.get().creation_policy = std::move(policy); }

void CfnResource::add_override(std::string_view path, Value value) {
  rare_.get().overrides.push_back({std::string(path), std::move(value), false});
}
void CfnResource::add_property_override(std::string_view path, Value value) {
  add_override(fmt::format("Properties.{}", path), std::move(value));
}
void CfnResource::add_deletion_override(std::string_view path) {
  rare_.get().overrides.push_back({std::string(path), {}, true});
}
void CfnResource::add_property_deletion_override(std::string_view path) {
  add_deletion_override(fmt::format("Properties.{}", path));
}

void CfnResource::add_depends_on(const CfnResource& other) {
  if (&other == this)
    throw Error(node().path(), "a resource cannot depend on itself", "remove the add_depends_on call");
  if (&other.node().root() != &node().root())
    throw Error(node().path(), fmt::format("cannot depend on \"{}\", which belongs to another app", other.node().path()),
                "create both constructs in the same cdk::App");
  auto& deps = rare_.get().depends_on;
  for (const auto* d : deps)
    if (d == &other) return;
  deps.push_back(&other);
}

void CfnResource::apply_removal_policy(RemovalPolicy policy) {
  deletion_policy_ = policy;
  update_replace_policy_ = policy;
}
void CfnResource::set_deletion_policy(RemovalPolicy policy) { deletion_policy_ = policy; }
void CfnResource::set_update_replace_policy(RemovalPolicy policy) { update_replace_policy_ = policy; }

void CfnResource::add_metadata(std::string key, Value value) {
  auto& metadata = rare_.get().metadata;
  for (auto& [k, v] : metadata)
    if (k == key) {
      v = std::move(value);
      return;
    }
  metadata.emplace_back(std::move(key), std::move(value));
}

Value CfnResource::render_properties() const { return properties_; }

std::vector<Diagnostic> CfnResource::validate() const { return {}; }

Value CfnResource::render() const {
  Value::Map out;
  out.emplace_back("Type", type_);

  Value props = render_properties();
  if (tags_.taggable() && tags_.has_tags()) {
    Value::Map map = props.as_map();
    bool found = false;
    for (auto& [k, v] : map)
      if (k == tags_.property_name()) {
        v = tags_.render(v);
        found = true;
      }
    if (!found) map.emplace_back(tags_.property_name(), tags_.render({}));
    props = Value(std::move(map));
  }
  if (!props.is_null() && !props.as_map().empty()) out.emplace_back("Properties", std::move(props));

  const Rare& rare = rare_.get_or_empty();
  Value::List deps;
  for (const auto* d : rare.depends_on)
    if (&d->stack() == &stack()) deps.push_back(Value::logical_id(*d));
  if (!deps.empty()) out.emplace_back("DependsOn", Value(std::move(deps)));
  if (!rare.creation_policy.is_null()) out.emplace_back("CreationPolicy", rare.creation_policy);
  if (!rare.update_policy.is_null()) out.emplace_back("UpdatePolicy", rare.update_policy);
  if (update_replace_policy_) out.emplace_back("UpdateReplacePolicy", policy_name(*update_replace_policy_));
  if (deletion_policy_) out.emplace_back("DeletionPolicy", policy_name(*deletion_policy_));
  if (!rare.metadata.empty()) out.emplace_back("Metadata", Value(rare.metadata));
  if (condition_ != nullptr) out.emplace_back("Condition", Value::logical_id(*condition_));
  return Value(std::move(out));
}

}  // namespace cdk
