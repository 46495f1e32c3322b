#include "deploy/resource_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "deploy/deploy_attempt.hpp"
#include "deploy/errors.hpp"
#include "deploy/stack_events.hpp"
#include "core/template_text.hpp"

namespace cdk::deploy {
namespace {

constexpr const char* mapping_shape = R"({"LogicalIdOrPath": {"IdentifierName": "value"}})";

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// The construct path of a resource, else its logical id, for messages.
std::string path_of(const std::string& logical_id, const nlohmann::json& resource) {
  const auto metadata = resource.value("Metadata", nlohmann::json::object());
  return metadata.is_object() ? metadata.value("aws:cdk:path", logical_id) : logical_id;
}

/// The logical id of the new resource `name` names; DeployError when none does.
std::string resolve(const std::string& label, const std::string& name, const nlohmann::json& local,
                    const nlohmann::json& deployed) {
  const auto resources = local.value("Resources", nlohmann::json::object());
  const auto existing = deployed.value("Resources", nlohmann::json::object());
  for (const auto& [logical_id, resource] : resources.items()) {
    if (!names_resource(name, logical_id, resource)) continue;
    if (existing.contains(logical_id)) {
      throw DeployError(fmt::format("{}: {} ({}) is already part of the stack; take it out of the resource mapping",
                                    label, path_of(logical_id, resource), logical_id));
    }
    return logical_id;
  }
  throw DeployError(fmt::format("{}: the resource mapping names {}, which is no resource of the stack's template "
                                "(use a logical id or a construct path)",
                                label, name));
}

ResourceToImport import_one(const std::string& label, const std::string& logical_id, const nlohmann::json& resource,
                            const std::map<std::string, std::string>& values,
                            const std::map<std::string, std::vector<std::string>>& identifiers) {
  const std::string type = resource.value("Type", std::string());
  const std::string path = path_of(logical_id, resource);
  auto ids = identifiers.find(type);
  if (ids == identifiers.end() || ids->second.empty()) {
    throw DeployError(fmt::format("{}: {} ({}) cannot be imported: CloudFormation does not support importing {}",
                                  label, path, logical_id, type));
  }
  std::vector<std::string> given;
  for (const auto& [k, _] : values) given.push_back(k);
  std::vector<std::string> expected = ids->second;
  std::sort(expected.begin(), expected.end());
  if (given != expected) {
    throw DeployError(fmt::format("{}: {} ({}): the resource mapping gives {{{}}} but {} is identified by {{{}}}",
                                  label, path, logical_id, joined(given), type, joined(expected)));
  }
  if (!resource.contains("DeletionPolicy")) {
    throw DeployError(fmt::format("{}: {} ({}) has no DeletionPolicy, which CloudFormation requires of an imported "
                                  "resource; give the construct a removal policy (e.g. RETAIN)",
                                  label, path, logical_id));
  }
  return {logical_id, type, values};
}

}  // namespace

ResourceMapping read_resource_mapping(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DeployError(fmt::format("--resource-mapping {}: cannot read the file", path.string()));
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  const auto bad = [&] {
    return DeployError(fmt::format("--resource-mapping {}: expected a JSON object such as {}", path.string(),
                                   mapping_shape));
  };
  if (!doc.is_object()) throw bad();
  ResourceMapping mapping;
  for (const auto& [name, ids] : doc.items()) {
    if (!ids.is_object() || ids.empty()) throw bad();
    for (const auto& [key, value] : ids.items()) {
      if (!value.is_string() && !value.is_number()) throw bad();
      mapping[name][key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
  return mapping;
}

std::vector<ResourceToImport> plan_import(const std::string& label, const nlohmann::json& local,
                                          const nlohmann::json& deployed, const ResourceMapping& mapping,
                                          const std::map<std::string, std::vector<std::string>>& identifiers) {
  if (mapping.empty()) throw DeployError(fmt::format("{}: the resource mapping is empty: nothing to import", label));
  const auto resources = local.value("Resources", nlohmann::json::object());
  const auto existing = deployed.value("Resources", nlohmann::json::object());
  std::map<std::string, const std::map<std::string, std::string>*> by_id;
  for (const auto& [name, values] : mapping) by_id[resolve(label, name, local, deployed)] = &values;
  std::vector<ResourceToImport> out;
  for (const auto& [logical_id, resource] : resources.items()) {
    if (existing.contains(logical_id)) continue;
    auto it = by_id.find(logical_id);
    if (it == by_id.end()) {
      throw DeployError(fmt::format(
          "{}: {} ({}) is new but not in the resource mapping; an import may only add the imported resources "
          "(map it too, or deploy it before or after the import)",
          label, path_of(logical_id, resource), logical_id));
    }
    out.push_back(import_one(label, logical_id, resource, *it->second, identifiers));
  }
  return out;
}

StackResult Deployer::import_resources(const StackArtifact& stack, const std::string& body,
                                       const ResourceMapping& mapping) {
  const std::string region = session_.region_for(&stack);
  const Deadline deadline = deadline_from_now();
  Attempt a{.stack = stack,
            .label = stack.display_name,
            .region = region,
            .cfn = CloudFormation(session_.config("cloudformation", region, deadline)),
            .local = nlohmann::json::parse(body)};
  a.total = resource_count(a.local);
  check_account(stack, region, deadline);
  a.existing = a.cfn.describe_stack(stack.stack_name);
  // The mapping is checked against what is deployed before anything changes.
  nlohmann::json deployed = nlohmann::json::object();
  if (a.exists() && !is_failed_create(a.existing->status) && a.existing->status != stack_status::review_in_progress) {
    if (auto text = a.cfn.get_template(a.existing->id))
      deployed = cdk::detail::parse_template_text(*text).value_or(deployed);
  }
  auto imports = plan_import(a.label, a.local, deployed, mapping, a.cfn.resource_identifiers(body));
  settle_leftovers(a);
  prepare_request(a);
  a.request.template_body = body;
  a.request.resources_to_import = std::move(imports);
  printer_.out(fmt::format("{}: importing {} existing resource{} ({})", a.label, a.request.resources_to_import.size(),
                           a.request.resources_to_import.size() == 1 ? "" : "s", region));
  const std::string cs_name = change_set_name();
  const std::string created_id = a.cfn.create_change_set(a.request, cs_name, "IMPORT").stack_id;
  ChangeSetDescription cs = wait_for_change_set(a, cs_name);
  if (cs.status != change_set_status::create_complete) {
    throw DeployError(fmt::format("{}: import change set {} {}: {}", a.label, cs_name, cs.status, cs.status_reason));
  }
  printer_.out(change_set_summary(a.label, cs_name, cs) + change_lines(cs));
  a.stack_ref = created_id.empty() ? a.stack.stack_name : created_id;
  a.last_event = newest_event_id(a.cfn, a.stack_ref);
  a.cfn.execute_change_set(a.stack.stack_name, cs_name);
  wait_until_executing(a, cs_name);
  StackResult result = finish(a);
  if (result.ok()) result.status = StackResult::Status::Imported;
  return result;
}

}  // namespace cdk::deploy
