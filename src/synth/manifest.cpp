#include "synth/manifest.hpp"

#include "synth/asset_manifest.hpp"

#include <cdk/stack.hpp>

namespace cdk::detail {

Json make_manifest(Assembly& out) {
  Json artifacts = object_with_capacity(out.stacks.size() + 1);
  for (auto& a : out.stacks) {
    const Stack& s = *a.stack;
    Json props = {{"templateFile", s.template_file()},
                  {"stackName", s.stack_name()},
                  {"terminationProtection", s.termination_protection()},
                  {"validateOnSynth", false}};
    if (!s.tags().empty()) props["tags"] = s.tags();
    if (!s.description().empty()) props["description"] = s.description();
    Json deps = Json::array();
    for (const Stack* d : a.dependencies) deps.push_back(d->artifact_id());
    if (!a.asset_manifest.is_null()) add_asset_artifacts(a, artifacts, props, deps);
    Json art = {{"type", "aws:cloudformation:stack"}, {"environment", s.environment_uri()}, {"properties", props}};
    if (!deps.empty()) art["dependencies"] = deps;
    if (!a.metadata.empty()) art["metadata"] = std::move(a.metadata);
    art["displayName"] = s.node().path();
    artifacts[s.artifact_id()] = std::move(art);
  }
  artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  return Json{{"version", kAssemblyVersion}, {"artifacts", std::move(artifacts)}};
}

}  // namespace cdk::detail
