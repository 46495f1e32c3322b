#include "deploy/nested_templates.hpp"

#include "core/template_text.hpp"
#include "deploy/errors.hpp"

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

nlohmann::json local_nested(const nlohmann::json& parent, const std::string& stack, const std::filesystem::path& dir,
                            const std::string& id) {
  const auto resources = parent.find("Resources");
  if (resources == parent.end() || !resources->contains(id)) return {{"Resources", nlohmann::json::object()}};
  const auto& r = (*resources)[id];
  if (r.value("Type", "") != kNestedType) return {{"Resources", nlohmann::json::object()}};
  const auto metadata = r.find("Metadata");
  if (metadata == r.end() || !metadata->contains("aws:asset:path"))
    throw DeployError(fmt::format("{}: nested stack {} names no template file (aws:asset:path)", stack, id));
  const auto file = dir / (*metadata)["aws:asset:path"].get<std::string>();
  std::ifstream f(file, std::ios::binary);
  if (!f) throw DeployError(fmt::format("{}: cannot read nested template {}", stack, file.string()));
  std::ostringstream text;
  text << f.rdbuf();
  return parse_or_fail(text.str(), file.string());
}

}  // namespace

void for_each_nested_stack(const CloudFormation& cfn, const std::string& stack, const nlohmann::json& local,
                           const std::filesystem::path& dir, const std::function<void(const NestedTemplates&)>& visit) {
  for (const auto& r : cfn.list_stack_resources(stack)) {
    if (r.resource_type != kNestedType || r.physical_id.empty()) continue;
    const auto text = cfn.get_template(r.physical_id);
    if (!text) continue;
    NestedTemplates t{r.logical_id, r.physical_id, parse_or_fail(*text, r.physical_id),
                      local_nested(local, stack, dir, r.logical_id)};
    visit(t);
    for_each_nested_stack(cfn, r.physical_id, t.local, dir, visit);
  }
}

}  // namespace cdk::deploy
