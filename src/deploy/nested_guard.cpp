#include "deploy/nested_guard.hpp"

#include "core/template_text.hpp"
#include "deploy/errors.hpp"
#include "deploy/replacement_guard.hpp"
#include "deploy/template_diff.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace cdk::deploy {

namespace {

constexpr std::string_view kNestedType = "AWS::CloudFormation::Stack";

nlohmann::json parse_or_fail(const std::string& text, const std::string& what) {
  auto parsed = cdk::detail::parse_template_text(text);
  if (!parsed) throw DeployError(fmt::format("{}: cannot read the template (JSON or plain YAML expected)", what));
  return std::move(*parsed);
}

// The template the local parent gives its nested stack `id`; an empty one when
// the resource is gone or no longer a nested stack (its stack is deleted).
nlohmann::json local_nested(const NestedGuardInput& in, const std::string& id) {
  const auto resources = in.local.find("Resources");
  if (resources == in.local.end() || !resources->contains(id)) return {{"Resources", nlohmann::json::object()}};
  const auto& r = (*resources)[id];
  if (r.value("Type", "") != kNestedType) return {{"Resources", nlohmann::json::object()}};
  const auto metadata = r.find("Metadata");
  if (metadata == r.end() || !metadata->contains("aws:asset:path"))
    throw DeployError(fmt::format("{}: nested stack {} names no template file (aws:asset:path)", in.stack, id));
  const auto file = in.dir / (*metadata)["aws:asset:path"].get<std::string>();
  std::ifstream f(file, std::ios::binary);
  if (!f) throw DeployError(fmt::format("{}: cannot read nested template {}", in.stack, file.string()));
  std::ostringstream text;
  text << f.rdbuf();
  return parse_or_fail(text.str(), file.string());
}

}  // namespace

std::vector<std::string> guard_nested_stacks(const NestedGuardInput& in) {
  std::vector<std::string> refused;
  for (const auto& r : in.cfn.list_stack_resources(in.stack)) {
    if (r.resource_type != kNestedType || r.physical_id.empty()) continue;
    const auto text = in.cfn.get_template(r.physical_id);
    if (!text) continue;
    const nlohmann::json deployed = parse_or_fail(*text, r.physical_id);
    const nlohmann::json local = local_nested(in, r.logical_id);
    const TemplateDiff diff = diff_templates(deployed, local);
    for (auto& line : guard_replacements({.diff = diff, .deployed = deployed, .local = local, .allowed = in.allowed}).refused)
      refused.push_back(fmt::format("{} (in nested stack {})", line, r.logical_id));
    for (auto& line : guard_nested_stacks({in.cfn, r.physical_id, local, in.dir, in.allowed})) refused.push_back(std::move(line));
  }
  return refused;
}

}  // namespace cdk::deploy
