#include "synth/references.hpp"

#include "core/logical_id.hpp"

#include <cdk/cfn_element.hpp>
#include <cdk/nested_stack.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::detail {

namespace {
// aws-cdk-lib keeps exports under a construct "Exports" of the producing
// stack, with id "Output" + the reference as compact JSON; we name them the
// same way so ported apps keep their export names.
constexpr std::string_view kExportsScope = "Exports";
constexpr std::string_view kWeakExportsScope = "WeakExports";
constexpr std::string_view kCrossRegionScope = "CrossRegionExports";
constexpr std::size_t kMaxExportName = 255;
// A nested stack's parameter for a value of its parent: "reference-to-" +
// the target's unique id + the display name, as a logical id.
constexpr std::string_view kParameterPrefix = "referenceto";

/// "<stack name>:<output id>", cut from the left to CloudFormation's 255 characters.
std::string export_name(const Stack& producer, const std::string& output_id) {
  const std::string prefix = producer.stack_name() + ":";
  std::string local_part = output_id;
  if (prefix.size() + local_part.size() > kMaxExportName)
    local_part = local_part.substr(local_part.size() - (kMaxExportName - prefix.size()));
  return prefix + local_part;
}

/// "/cdkpp/<stack name>/<parameter id>": stack names and logical ids are valid SSM name characters.
std::string parameter_name(const Stack& producer, const std::string& parameter_id) {
  return "/cdkpp/" + producer.stack_name() + "/" + parameter_id;
}

/// The element's path from the app made unique, as aws-cdk-lib's Names.nodeUniqueId.
std::string unique_id(const CfnElement& e) {
  std::vector<std::string> ids;
  for (const Construct* c : e.node().scopes())
    if (c->node().scope() != nullptr) ids.push_back(c->node().id());
  return make_logical_id(std::vector<std::string_view>(ids.begin(), ids.end()));
}

/// Letters and digits only: what a single path component keeps as a logical id.
std::string alphanumeric(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) == 0; }), s.end());
  return s;
}

/// Whether `s` is nested in `ancestor`, directly or deeper.
bool nested_in(const Stack& s, const Stack& ancestor) {
  for (const Stack* p = s.nested_parent(); p != nullptr; p = p->nested_parent())
    if (p == &ancestor) return true;
  return false;
}

/// What `by_stack` holds for `s`, or an empty one.
template <class Map>
const typename Map::mapped_type& of(const Map& by_stack, const Stack& s) {
  static const typename Map::mapped_type none;
  auto it = by_stack.find(&s);
  return it == by_stack.end() ? none : it->second;
}

void add_once(std::vector<NamedValue>& list, const std::string& id, const Json& value) {
  if (std::none_of(list.begin(), list.end(), [&](const NamedValue& v) { return v.id == id; }))
    list.push_back({id, value});
}

}  // namespace

Json CrossStackReferences::route(const Stack& consumer, const Stack& producer, Crossing reference, bool weak) {
  const Stack* from = &producer;
  while (from != &consumer) {
    if (nested_in(consumer, *from)) return pass_down(consumer, *from, reference);
    if (from->nested_parent() == nullptr) return import(consumer, *from, reference, weak);
    reference = pass_up(*from, reference);
    from = from->nested_parent();
  }
  return reference.value;
}

// An output of `nested` holding the value; its parent reads it with Fn::GetAtt.
Crossing CrossStackReferences::pass_up(const Stack& nested, const Crossing& reference) {
  const std::string id = alphanumeric(unique_id(*reference.target) + reference.display);
  add_once(outputs_[&nested], id, reference.value);
  const auto& resource = static_cast<const NestedStack&>(nested).nested_stack_resource();
  const std::string attribute = "Outputs." + id;
  return {&resource, attribute, Json{{"Fn::GetAtt", Json::array({ids_.at(&resource), attribute})}}};
}

// A parameter of each nested stack from below `producer` down to `consumer`,
// each passed the one above it (the first, the value in `producer`).
Json CrossStackReferences::pass_down(const Stack& consumer, const Stack& producer, const Crossing& reference) {
  const std::string id = alphanumeric(std::string(kParameterPrefix) + unique_id(*reference.target) + reference.display);
  std::vector<const Stack*> chain;  // consumer up to the child of producer
  for (const Stack* s = &consumer; s != &producer; s = s->nested_parent()) chain.push_back(s);
  Json value = reference.value;
  for (auto s = chain.rbegin(); s != chain.rend(); ++s) {
    add_once(parameters_[*s], id, value);
    value = single_member("Ref", id);
  }
  return value;
}

Stack& CrossStackReferences::home(const CfnElement& e) const {
  auto it = homes_.find(&e);
  return it != homes_.end() ? *it->second : e.stack();
}

Json CrossStackReferences::use(const ExportedValue& exported) const {
  if (exported.weak) return Json("{{resolve:ssm:" + exported.export_name + "}}");
  return single_member("Fn::ImportValue", exported.export_name);
}

// `producer` is a deployment root; `consumer` may be nested in another one.
Json CrossStackReferences::import(const Stack& consumer, const Stack& producer, const Crossing& reference, bool weak) {
  if (consumer.env().region != producer.env().region) return import_across_regions(consumer, producer, reference);
  deps_.insert({&consumer.deployment_root(), &producer});
  std::tuple<const CfnElement*, std::string, bool> key{reference.target, reference.display, weak};
  if (auto k = known_.find(key); k != known_.end()) return use(exports_[k->second.first][k->second.second]);

  const std::string child_id = "Output" + reference.value.dump();
  const std::string output_id = make_logical_id({weak ? kWeakExportsScope : kExportsScope, child_id});

  auto& positions = index_[&producer];
  auto& list = exports_[&producer];
  auto found = positions.find(output_id);
  if (found == positions.end()) {
    positions.emplace(output_id, list.size());
    list.push_back({output_id, weak ? parameter_name(producer, output_id) : export_name(producer, output_id),
                    reference.value, weak});
    found = positions.find(output_id);
  }
  known_.emplace(std::move(key), std::make_pair(&producer, found->second));
  return use(list[found->second]);
}

// "/cdkpp/xregion/<consumer stack>/<id>": one parameter per consumer and value,
// so that removing one consumer removes its parameters only.
Json CrossStackReferences::import_across_regions(const Stack& consumer, const Stack& producer, const Crossing& reference) {
  const Stack& root = consumer.deployment_root();
  deps_.insert({&root, &producer});
  const std::string id = make_logical_id({kCrossRegionScope, "Output" + reference.value.dump()});
  const std::string name = "/cdkpp/xregion/" + root.stack_name() + "/" + id;
  add_once(cross_region_[&producer][consumer.env().region], name, reference.value);
  return Json("{{resolve:ssm:" + name + "}}");
}

const std::map<std::string, std::vector<NamedValue>>& CrossStackReferences::cross_region_exports_of(
    const Stack& producer) const {
  return of(cross_region_, producer);
}

const std::vector<ExportedValue>& CrossStackReferences::exports_of(const Stack& producer) const {
  return of(exports_, producer);
}

const std::vector<NamedValue>& CrossStackReferences::outputs_of(const Stack& nested) const {
  return of(outputs_, nested);
}

const std::vector<NamedValue>& CrossStackReferences::parameters_of(const Stack& nested) const {
  return of(parameters_, nested);
}

}  // namespace cdk::detail
