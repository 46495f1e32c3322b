#include "deploy/retained_resources.hpp"

#include <fmt/format.h>

namespace cdk::deploy {
namespace {

bool keeps(const std::string& policy) {
  return policy == "Retain" || policy == "RetainExceptOnCreate" || policy == "Snapshot";
}

std::string construct_path(const std::string& logical_id, const nlohmann::json& resource) {
  auto metadata = resource.find("Metadata");
  if (metadata != resource.end() && metadata->is_object()) {
    auto path = metadata->find("aws:cdk:path");
    if (path != metadata->end() && path->is_string()) return path->get<std::string>();
  }
  return logical_id;
}

}  // namespace

std::vector<RetainedResource> retained_resources(
    const nlohmann::json& tpl, const std::optional<std::map<std::string, std::string>>& physical_ids) {
  std::vector<RetainedResource> out;
  auto resources = tpl.find("Resources");
  if (resources == tpl.end() || !resources->is_object()) return out;
  for (const auto& [logical_id, resource] : resources->items()) {
    if (!resource.is_object()) continue;
    const auto policy = resource.value("DeletionPolicy", nlohmann::json());
    if (!policy.is_string() || !keeps(policy.get<std::string>())) continue;
    std::string physical;
    if (physical_ids) {
      auto it = physical_ids->find(logical_id);
      if (it == physical_ids->end()) continue;  // not in the stack: nothing to keep
      physical = it->second;
    }
    out.push_back({logical_id, construct_path(logical_id, resource), resource.value("Type", std::string()), physical,
                   policy.get<std::string>()});
  }
  return out;
}

std::string describe_retained(const std::string& label, const std::vector<RetainedResource>& retained) {
  if (retained.empty()) return {};
  std::string text = fmt::format(
      "{}: {} {} kept by {} removal policy (delete {} yourself when no longer needed):", label, retained.size(),
      retained.size() == 1 ? "resource is" : "resources are", retained.size() == 1 ? "its" : "their",
      retained.size() == 1 ? "it" : "them");
  for (const auto& r : retained) {
    const std::string what = r.policy == "Snapshot" ? "Snapshot: deleted after a final snapshot, which is kept"
                                                    : r.policy;
    text += fmt::format("\n  {} {} {}({})", r.path, r.type, r.physical_id.empty() ? "" : r.physical_id + " ", what);
  }
  return text;
}

}  // namespace cdk::deploy
