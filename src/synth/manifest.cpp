#include "synth/manifest.hpp"

#include "synth/asset_manifest.hpp"

#include <cdk/app.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

namespace cdk::detail {

namespace {

constexpr const char* kStackType = "aws:cloudformation:stack";
constexpr const char* kNestedAssemblyType = "cdk:cloud-assembly";

void add_stack(StackArtifact& a, Json& artifacts) {
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
  Json art = {{"type", kStackType}, {"environment", s.environment_uri()}, {"properties", props}};
  if (!deps.empty()) art["dependencies"] = deps;
  if (!a.metadata.empty()) art["metadata"] = std::move(a.metadata);
  art["displayName"] = s.node().path();
  artifacts[s.artifact_id()] = std::move(art);
}

// The artifacts of one assembly: the stacks directly in `stage` (the app's
// outside any stage when null), in deployment order, then its child stages.
Json artifacts_of(const Stage* stage, Assembly& out, const std::vector<const Stage*>& stages) {
  Json artifacts = Json::object();
  for (auto& a : out.stacks)
    if (Stage::of(*a.stack) == stage && a.stack->nested_parent() == nullptr) add_stack(a, artifacts);
  for (const Stage* child : stages)
    if (Stage::of(*child) == stage)
      artifacts[child->artifact_id()] = {
          {"type", kNestedAssemblyType},
          {"properties", {{"directoryName", child->artifact_id()}, {"displayName", child->node().path()}}}};
  return artifacts;
}

}  // namespace

void make_manifests(const App& app, Assembly& out) {
  std::vector<const Stage*> stages;  // parents before children
  for (const Construct* c : app.node().find_all())
    if (const auto* s = dynamic_cast<const Stage*>(c)) stages.push_back(s);
  Json artifacts = artifacts_of(nullptr, out, stages);
  artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  out.manifest = Json{{"version", kAssemblyVersion}, {"artifacts", std::move(artifacts)}};
  for (const Stage* s : stages)
    out.nested.push_back({s, s->assembly_directory(),
                          Json{{"version", kAssemblyVersion}, {"artifacts", artifacts_of(s, out, stages)}}});
}

}  // namespace cdk::detail
