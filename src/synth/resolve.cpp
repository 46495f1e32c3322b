#include "synth/resolve.hpp"

#include "synth/references.hpp"

#include <cdk/cfn_element.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cdk::detail {

namespace {

bool same_environment(const Stack& a, const Stack& b) {
  return a.env().account == b.env().account && a.env().region == b.env().region;
}

// Another known region of the same account, which `consumer` (or its
// deployment root) accepts.
bool allowed_other_region(const Stack& consumer, const Stack& producer) {
  return consumer.deployment_root().cross_region_references() && consumer.env().account == producer.env().account &&
         !consumer.env().region.empty() && !producer.env().region.empty();
}

}  // namespace

void Resolver::fail(std::string message, std::string hint) {
  errors_.push_back({Diagnostic::Level::Error, owner_path_, std::move(message), std::move(hint)});
}

Json Resolver::resolve(const Value& v, std::size_t extra_members) {
  switch (v.kind()) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return v.as_bool();
    case Value::Kind::Int: return v.as_int();
    case Value::Kind::Double: return v.as_double();
    case Value::Kind::String: return v.as_string();
    // A null Value is an absent one: left out of lists and maps, as
    // aws-cdk-lib leaves out undefined (CloudFormation rejects nulls).
    case Value::Kind::List: {
      Json out = Json::array();
      auto& items = out.get_ref<Json::array_t&>();
      items.reserve(v.as_list().size());
      for (const auto& item : v.as_list())
        if (!item.is_null()) items.push_back((*this)(item));
      return out;
    }
    case Value::Kind::Map: {
      Json out = object_with_capacity(v.as_map().size() + extra_members);
      auto& members = out.get_ref<Json::object_t&>();
      for (const auto& [k, item] : v.as_map()) {
        if (item.is_null()) continue;
        // A key given twice keeps its first place and its last value.
        auto same = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == k; });
        if (same == members.end())
          members.emplace_back(k, (*this)(item));
        else
          same->second = (*this)(item);
      }
      return out;
    }
    case Value::Kind::Ref:
      if (v.target() == nullptr) return single_member("Ref", v.name());
      return element_ref(v);
    case Value::Kind::GetAtt:
    case Value::Kind::LogicalId: return element_ref(v);
    case Value::Kind::Intrinsic: return single_member(v.name(), (*this)(v.argument()));
  }
  return nullptr;
}

Json Resolver::element_ref(const Value& v) {
  const CfnElement& target = *v.target();
  if (&target.node().root() != &stack_.node().root()) {
    fail(fmt::format("refers to \"{}\", which belongs to another app", target.node().path()),
         "values can only be shared between stacks of the same cdk::App");
    return nullptr;
  }
  auto it = ids_.find(&target);
  if (it == ids_.end()) {
    fail(fmt::format("refers to \"{}\", which is not part of the synthesized app", target.node().path()),
         "create the referenced element in a stack of this app");
    return nullptr;
  }
  const std::string& id = it->second;
  // CloudFormation can Ref resources and parameters and Fn::GetAtt resources only.
  const Section section = target.section();
  if ((v.kind() == Value::Kind::Ref && section != Section::Resources && section != Section::Parameters) ||
      (v.kind() == Value::Kind::GetAtt && section != Section::Resources)) {
    fail(fmt::format("{} of \"{}\", which is not a {}", v.kind() == Value::Kind::Ref ? "Ref" : "Fn::GetAtt",
                     target.node().path(), v.kind() == Value::Kind::Ref ? "resource or parameter" : "resource"),
         "refer to a resource or a parameter");
    return nullptr;
  }
  const Stack& producer = refs_ != nullptr ? refs_->home(target) : target.stack();
  if (&producer != &stack_) {
    if (v.kind() == Value::Kind::LogicalId || refs_ == nullptr) {
      fail(fmt::format("uses \"{}\" of stack \"{}\" by name, which only works inside one stack",
                       target.node().path(), producer.node().path()),
           "conditions, mappings and DependsOn must be in the same stack");
      return nullptr;
    }
    // Each stage deploys on its own, so no export can bind two of them (as in the AWS CDK).
    if (Stage::of(stack_) != Stage::of(producer)) {
      fail(fmt::format("refers to \"{}\" of stack \"{}\" in another stage; stacks of different stages cannot "
                       "share values",
                       target.node().path(), producer.node().path()),
           "move one of the stacks, or pass the value another way (e.g. an SSM parameter or a context value)");
      return nullptr;
    }
    // As aws-cdk-lib: account and region must be the same, an unknown one
    // (environment-agnostic) matching only another unknown one.
    if (!same_environment(stack_, producer) && !allowed_other_region(stack_, producer)) {
      fail(fmt::format("refers to \"{}\" in {}, but this stack deploys to {}", target.node().path(),
                       producer.environment_uri(), stack_.environment_uri()),
           "exports work only within one account and region; for another region of the same account (both "
           "regions set), give this stack cross_region_references = true; else pass the value another way");
      return nullptr;
    }
    const bool weak = FeatureFlags::of(stack_).is_enabled(flags::kCdkppWeakCrossStackReferences);
    const bool ref = v.kind() == Value::Kind::Ref;
    return refs_->route(stack_, producer, {&target, ref ? "Ref" : v.name(), local_ref(id, v)}, weak);
  }
  return local_ref(id, v);
}

Json Resolver::local_ref(const std::string& id, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Ref: return single_member("Ref", id);
    case Value::Kind::GetAtt: {
      Json pair = Json::array();
      auto& items = pair.get_ref<Json::array_t&>();
      items.reserve(2);
      items.emplace_back(id);
      items.emplace_back(v.name());
      return single_member("Fn::GetAtt", std::move(pair));
    }
    default: return id;
  }
}

}  // namespace cdk::detail
