#include "assets.hpp"

#include "bootstrap_role.hpp"

#include <cdk/codebuild/project.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline_actions/codebuild_action.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/pipelines/code_pipeline.hpp>
#include <cdk/security.hpp>
#include <cdk/stage.hpp>

#include <algorithm>

namespace cdk::pipelines::detail {

namespace {

template <class T>
void add_unique(std::vector<T>& out, const T& item) {
  if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
}

void collect(const Construct& c, StackAssets& out) {
  if (const auto* f = dynamic_cast<const FileAsset*>(&c)) add_unique(out.files, f->asset_hash());
  if (const auto* i = dynamic_cast<const DockerImageAsset*>(&c)) add_unique(out.images, i->asset_hash());
  for (const auto* child : c.node().children())
    if (dynamic_cast<const Stack*>(child) == nullptr) collect(*child, out);
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

enum class Kind : std::uint8_t { File, Docker };

// The AWS CDK's names for the per-kind publishing actions, projects and roles.
struct KindNames {
  const char* action;
  const char* project;
  const char* role;
  const char* bootstrap_role;
};

constexpr KindNames names_of(Kind kind) {
  if (kind == Kind::File) return {"FileAssets", "FileAsset", "FileRole", "file-publishing-role"};
  return {"DockerAssets", "DockerAsset", "DockerRole", "image-publishing-role"};
}

void add_kind(const AssetStage& at, codepipeline::Stage& stage, Kind kind, const std::vector<StackAssets>& all) {
  const auto names = names_of(kind);
  codebuild::BuildSpecProps spec;
  spec.install.commands = {"npm install -g cdk-assets@" + at.props.cdk_assets_version};
  std::vector<Value> publishing_roles;
  for (const auto& a : all) {
    const auto& hashes = kind == Kind::File ? a.files : a.images;
    if (hashes.empty()) continue;
    spec.build.commands.push_back(publish_command(*a.stack, hashes));
    add_unique(publishing_roles, bootstrap_role(*a.stack, names.bootstrap_role));
  }
  if (spec.build.commands.empty()) return;
  // The project only reads the assembly and acts as the targets' publishing roles.
  auto& role = at.scope.add<iam::Role>(names.role, {.assumed_by = iam::ServicePrincipal{"codebuild.amazonaws.com"}});
  role.add_to_policy({.actions = {"sts:AssumeRole"}, .resources = publishing_roles});
  auto& project = at.scope.add<codebuild::PipelineProject>(names.project, {
      .build_spec = codebuild::BuildSpec::from_object(std::move(spec)), .build_image = at.props.build_image,
      .compute_type = at.props.compute_type, .privileged = kind == Kind::Docker, .role = role,
      .encryption_key_arn = at.pipeline.artifacts_key_arn()});
  if (kind == Kind::Docker)
    security::suppress(project, "CODEBUILD-PRIVILEGED",
                       "builds the app's container image assets with docker, from the synthesized cloud assembly");
  stage.add_action(codepipeline_actions::CodeBuildAction{.action_name = names.action, .project = project, .input = at.assembly});
}

}  // namespace

StackAssets assets_of(const Stack& stack) {
  StackAssets out{.stack = &stack};
  collect(stack, out);
  return out;
}

std::string publish_command(const Stack& stack, const std::vector<std::string>& hashes) {
  // A stage's asset manifest sits in its nested assembly, beside the template.
  auto file = stack.artifact_id() + ".assets.json";
  if (const Stage* stage = Stage::of(stack)) file = stage->assembly_directory() + "/" + file;
  auto command = "cdk-assets --path " + quoted(file) + " --verbose publish";
  for (const auto& h : hashes) command += " " + quoted(h);
  return command;
}

void add_asset_stage(const AssetStage& at, const std::vector<const Stack*>& stacks) {
  std::vector<StackAssets> all;
  for (const auto* s : stacks) {
    auto a = assets_of(*s);
    if (!a.files.empty() || !a.images.empty()) all.push_back(std::move(a));
  }
  if (all.empty()) return;
  auto& stage = at.pipeline.add_stage({.stage_name = "Assets"});
  add_kind(at, stage, Kind::File, all);
  add_kind(at, stage, Kind::Docker, all);
}

}  // namespace cdk::pipelines::detail
