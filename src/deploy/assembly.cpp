#include "deploy/assembly.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "deploy/errors.hpp"
#include "synth/stack_pattern.hpp"

namespace cdk::deploy {
namespace {

constexpr std::string_view stack_type = "aws:cloudformation:stack";
constexpr std::string_view asset_manifest_type = "cdk:asset-manifest";
constexpr std::string_view nested_assembly_type = "cdk:cloud-assembly";

std::string read_file(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DeployError(fmt::format("cannot read {} {}", what, path.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string StackArtifact::read_template() const { return read_file(template_file, "template"); }

bool glob_match(std::string_view pattern, std::string_view text) { return cdk::detail::stack_pattern_match(pattern, text); }

namespace {

using Artifacts = nlohmann::ordered_json;

AssetManifestArtifact asset_manifest_artifact(const std::filesystem::path& dir, const std::string& id,
                                              const nlohmann::ordered_json& artifact) {
  const nlohmann::ordered_json props = artifact.value("properties", nlohmann::ordered_json::object());
  std::string file = props.value("file", "");
  if (file.empty()) throw DeployError(fmt::format("manifest: asset manifest artifact '{}' has no file", id));
  return {id, dir / file, props.value("requiresBootstrapStackVersion", 0),
          props.value("bootstrapStackVersionSsmParameter", "")};
}

/// `aws:cdk:asset` metadata entries name the construct that made each asset.
void read_asset_metadata(StackArtifact& s, const nlohmann::ordered_json& artifact) {
  const nlohmann::ordered_json metadata = artifact.value("metadata", nlohmann::ordered_json::object());
  for (const auto& [path, entries] : metadata.items()) {
    if (!entries.is_array()) continue;
    std::string construct = path.size() > 1 && path[0] == '/' ? path.substr(1) : path;
    for (const auto& entry : entries) {
      if (!entry.is_object() || entry.value("type", "") != "aws:cdk:asset") continue;
      const nlohmann::ordered_json data = entry.value("data", nlohmann::ordered_json::object());
      for (const char* key : {"id", "sourceHash", "path"}) {
        if (data.contains(key) && data[key].is_string()) s.asset_construct_paths[data[key].get<std::string>()] = construct;
      }
    }
  }
}

void read_environment(StackArtifact& s, const std::string& env) {
  if (env.rfind("aws://", 0) != 0) return;
  auto rest = env.substr(6);
  auto slash = rest.find('/');
  std::string account = rest.substr(0, slash);
  std::string region = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (account != "unknown-account") s.account = account;
  if (region != "unknown-region") s.region = region;
}

StackArtifact read_stack(const std::filesystem::path& dir, const std::string& id, const nlohmann::ordered_json& artifact,
                         const Artifacts& artifacts) {
  StackArtifact s;
  s.id = id;
  const nlohmann::ordered_json props = artifact.value("properties", nlohmann::ordered_json::object());
  s.stack_name = props.value("stackName", id);
  s.display_name = artifact.value("displayName", id);
  std::string file = props.value("templateFile", "");
  if (file.empty()) throw DeployError(fmt::format("manifest: stack artifact '{}' has no templateFile", id));
  s.template_file = dir / file;
  read_environment(s, artifact.value("environment", "aws://unknown-account/unknown-region"));
  // value() returns a copy: keep it alive for the loops (items() only refers to it).
  const nlohmann::ordered_json tags = props.value("tags", nlohmann::ordered_json::object());
  const nlohmann::ordered_json parameters = props.value("parameters", nlohmann::ordered_json::object());
  const nlohmann::ordered_json dependencies = artifact.value("dependencies", nlohmann::ordered_json::array());
  for (const auto& [k, v] : tags.items()) s.tags[k] = v.is_string() ? v.get<std::string>() : v.dump();
  for (const auto& [k, v] : parameters.items()) s.parameters[k] = v.is_string() ? v.get<std::string>() : v.dump();
  s.termination_protection = props.value("terminationProtection", false);
  for (const auto& dep : dependencies) {
    if (!dep.is_string() || !artifacts.contains(dep.get<std::string>())) continue;
    const auto& target = artifacts.at(dep.get<std::string>());
    if (target.value("type", "") == stack_type) s.dependencies.push_back(dep);
    if (target.value("type", "") == asset_manifest_type) {
      s.asset_manifests.push_back(asset_manifest_artifact(dir, dep.get<std::string>(), target));
    }
  }
  read_asset_metadata(s, artifact);
  return s;
}

}  // namespace

namespace {

// The stacks of the manifest in `dir`, then those of each stage's nested
// assembly (`cdk:cloud-assembly`, directory below `dir`) where it is listed.
void read_manifest(const std::filesystem::path& dir, std::vector<StackArtifact>& stacks) {
  nlohmann::ordered_json manifest;
  try {
    manifest = nlohmann::ordered_json::parse(read_file(dir / "manifest.json", "cloud assembly manifest"));
  } catch (const nlohmann::ordered_json::parse_error& e) {
    throw DeployError(fmt::format("{}: invalid JSON: {}", (dir / "manifest.json").string(), e.what()));
  }
  const Artifacts artifacts = manifest.value("artifacts", nlohmann::ordered_json::object());
  for (const auto& [id, artifact] : artifacts.items()) {
    const auto type = artifact.value("type", "");
    if (type == stack_type) stacks.push_back(read_stack(dir, id, artifact, artifacts));
    if (type != nested_assembly_type) continue;
    const nlohmann::ordered_json props = artifact.value("properties", nlohmann::ordered_json::object());
    const std::filesystem::path sub = props.value("directoryName", "");
    if (sub.empty() || sub.is_absolute() || std::find(sub.begin(), sub.end(), std::filesystem::path("..")) != sub.end())
      throw DeployError(fmt::format("manifest: nested assembly '{}' has no usable directoryName", id));
    read_manifest(dir / sub, stacks);
  }
}

}  // namespace

Assembly read_assembly(const std::filesystem::path& dir) {
  Assembly assembly;
  assembly.dir = std::filesystem::absolute(dir);
  read_manifest(assembly.dir, assembly.stacks);
  return assembly;
}

const StackArtifact* Assembly::find(const std::string& id) const {
  for (const auto& s : stacks) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::vector<const StackArtifact*> Assembly::select(const std::vector<std::string>& patterns, bool upstream,
                                                   bool downstream) const {
  std::set<std::string> chosen;
  if (patterns.empty()) {
    for (const auto& s : stacks) chosen.insert(s.id);
  }
  for (const auto& pattern : patterns) {
    bool any = false;
    for (const auto& s : stacks) {
      if (glob_match(pattern, s.id) || glob_match(pattern, s.stack_name) || glob_match(pattern, s.display_name)) {
        chosen.insert(s.id);
        any = true;
      }
    }
    if (!any) {
      std::string known;
      for (const auto& s : stacks) known += (known.empty() ? "" : ", ") + s.display_name;
      throw DeployError(fmt::format("no stack matches '{}' (stacks in this app: {})", pattern,
                                    known.empty() ? "none" : known));
    }
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& s : stacks) {
      if (upstream && chosen.count(s.id)) {
        for (const auto& d : s.dependencies) grew |= chosen.insert(d).second;
      }
      if (downstream && !chosen.count(s.id)) {
        for (const auto& d : s.dependencies) {
          if (chosen.count(d)) {
            grew |= chosen.insert(s.id).second;
            break;
          }
        }
      }
    }
  }
  std::vector<const StackArtifact*> out;
  for (const auto& s : stacks) {
    if (chosen.count(s.id)) out.push_back(&s);
  }
  return out;
}

std::vector<std::vector<const StackArtifact*>> Assembly::waves(const std::vector<const StackArtifact*>& stacks) {
  std::set<std::string> remaining;
  for (const auto* s : stacks) remaining.insert(s->id);
  std::vector<std::vector<const StackArtifact*>> result;
  while (!remaining.empty()) {
    std::vector<const StackArtifact*> wave;
    for (const auto* s : stacks) {
      if (!remaining.count(s->id)) continue;
      bool ready = std::none_of(s->dependencies.begin(), s->dependencies.end(),
                                [&](const std::string& d) { return remaining.count(d) > 0; });
      if (ready) wave.push_back(s);
    }
    if (wave.empty()) {
      std::string cycle;
      for (const auto& id : remaining) cycle += (cycle.empty() ? "" : ", ") + id;
      throw DeployError(fmt::format("stack dependency cycle among: {}", cycle));
    }
    for (const auto* s : wave) remaining.erase(s->id);
    result.push_back(std::move(wave));
  }
  return result;
}

}  // namespace cdk::deploy
