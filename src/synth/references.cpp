#include "synth/references.hpp"

#include "core/logical_id.hpp"

#include <cdk/stack.hpp>

namespace cdk::detail {

namespace {
// aws-cdk-lib keeps exports under a construct "Exports" of the producing
// stack, with id "Output" + the reference as compact JSON; we name them the
// same way so ported apps keep their export names.
constexpr std::string_view kExportsScope = "Exports";
constexpr std::size_t kMaxExportName = 255;
}  // namespace

Json CrossStackReferences::import(const Stack& consumer, const Stack& producer, const Value& reference,
                                  const std::string& logical_id) {
  deps_.insert({&consumer, &producer});
  std::pair<const CfnElement*, std::string> key{reference.target(),
                                                reference.kind() == Value::Kind::Ref ? std::string() : reference.name()};
  if (auto k = known_.find(key); k != known_.end())
    return single_member("Fn::ImportValue", exports_[k->second.first][k->second.second].export_name);

  const Json local = reference.kind() == Value::Kind::Ref
                         ? Json{{"Ref", logical_id}}
                         : Json{{"Fn::GetAtt", Json::array({logical_id, reference.name()})}};
  const std::string child_id = "Output" + local.dump();
  const std::string output_id = make_logical_id({kExportsScope, child_id});

  auto& positions = index_[&producer];
  auto& list = exports_[&producer];
  auto found = positions.find(output_id);
  if (found == positions.end()) {
    std::string prefix = producer.stack_name() + ":";
    std::string local_part = output_id;
    if (prefix.size() + local_part.size() > kMaxExportName)
      local_part = local_part.substr(local_part.size() - (kMaxExportName - prefix.size()));
    positions.emplace(output_id, list.size());
    list.push_back({output_id, prefix + local_part, reference});
    found = positions.find(output_id);
  }
  known_.emplace(std::move(key), std::make_pair(&producer, found->second));
  return single_member("Fn::ImportValue", list[found->second].export_name);
}

const std::vector<ExportedValue>& CrossStackReferences::exports_of(const Stack& producer) const {
  static const std::vector<ExportedValue> none;
  auto it = exports_.find(&producer);
  return it == exports_.end() ? none : it->second;
}

}  // namespace cdk::detail
