#include "deploy/nested_templates.hpp"

#include "deploy/errors.hpp"
#include "deploy/template_files.hpp"

#include <fmt/format.h>

namespace cdk::deploy {

namespace {

constexpr std::string_view kNestedType = "AWS::CloudFormation::Stack";

nlohmann::json local_nested(const nlohmann::json& parent, const std::string& stack, const std::filesystem::path& dir,
                            const std::string& id) {
  const auto resources = parent.find("Resources");
  if (resources == parent.end() || !resources->contains(id)) return {{"Resources", nlohmann::json::object()}};
  const auto& r = (*resources)[id];
  if (r.value("Type", "") != kNestedType) return {{"Resources", nlohmann::json::object()}};
  const auto metadata = r.find("Metadata");
  if (metadata == r.end() || !metadata->contains("aws:asset:path"))
    throw DeployError(fmt::format("{}: nested stack {} names no template file (aws:asset:path)", stack, id));
  return read_template_file(dir / (*metadata)["aws:asset:path"].get<std::string>());
}

}  // namespace

void for_each_nested_stack(const CloudFormation& cfn, const std::string& stack, const nlohmann::json& local,
                           const std::filesystem::path& dir, const std::function<void(const NestedTemplates&)>& visit) {
  for (const auto& r : cfn.list_stack_resources(stack)) {
    if (r.resource_type != kNestedType || r.physical_id.empty()) continue;
    nlohmann::json deployed = deployed_template(cfn, r.physical_id, r.physical_id);
    if (deployed.empty()) continue;
    NestedTemplates t{r.logical_id, r.physical_id, std::move(deployed), local_nested(local, stack, dir, r.logical_id)};
    visit(t);
    for_each_nested_stack(cfn, r.physical_id, t.local, dir, visit);
  }
}

}  // namespace cdk::deploy
