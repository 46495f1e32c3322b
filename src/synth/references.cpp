#include "synth/references.hpp"

#include "core/logical_id.hpp"

#include <cdk/stack.hpp>

namespace cdk::detail {

namespace {
// aws-cdk-lib keeps exports under a construct "Exports" of the producing
// stack, with id "Output" + the reference as compact JSON; we name them the
// same way so ported apps keep their export names.
constexpr std::string_view kExportsScope = "Exports";
constexpr std::string_view kWeakExportsScope = "WeakExports";
constexpr std::size_t kMaxExportName = 255;
}  // namespace

namespace {

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

}  // namespace

Json CrossStackReferences::use(const ExportedValue& exported) const {
  if (exported.weak) return Json("{{resolve:ssm:" + exported.export_name + "}}");
  return single_member("Fn::ImportValue", exported.export_name);
}

Json CrossStackReferences::import(const Stack& consumer, const Stack& producer, const Value& reference,
                                  const std::string& logical_id, bool weak) {
  deps_.insert({&consumer, &producer});
  std::tuple<const CfnElement*, std::string, bool> key{
      reference.target(), reference.kind() == Value::Kind::Ref ? std::string() : reference.name(), weak};
  if (auto k = known_.find(key); k != known_.end()) return use(exports_[k->second.first][k->second.second]);

  const Json local = reference.kind() == Value::Kind::Ref
                         ? Json{{"Ref", logical_id}}
                         : Json{{"Fn::GetAtt", Json::array({logical_id, reference.name()})}};
  const std::string child_id = "Output" + local.dump();
  const std::string output_id = make_logical_id({weak ? kWeakExportsScope : kExportsScope, child_id});

  auto& positions = index_[&producer];
  auto& list = exports_[&producer];
  auto found = positions.find(output_id);
  if (found == positions.end()) {
    positions.emplace(output_id, list.size());
    list.push_back({output_id, weak ? parameter_name(producer, output_id) : export_name(producer, output_id),
                    reference, weak});
    found = positions.find(output_id);
  }
  known_.emplace(std::move(key), std::make_pair(&producer, found->second));
  return use(list[found->second]);
}

const std::vector<ExportedValue>& CrossStackReferences::exports_of(const Stack& producer) const {
  static const std::vector<ExportedValue> none;
  auto it = exports_.find(&producer);
  return it == exports_.end() ? none : it->second;
}

}  // namespace cdk::detail
