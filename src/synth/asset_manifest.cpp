#include "synth/asset_manifest.hpp"

#include "core/asset_files.hpp"

#include <cdk/app.hpp>
#include <cdk/bootstrap.hpp>
#include <cdk/cfn_parameter.hpp>
#include <cdk/cfn_rule.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/nested_stack.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <set>

namespace cdk::detail {

namespace {

constexpr const char* kParameterId = "BootstrapVersion";
constexpr const char* kRuleId = "CheckBootstrapVersion";
// The marker tells the AWS CDK CLI that a change of this parameter's value
// alone is no reason to update the stack.
constexpr const char* kParameterDescription =
    "Version of the CDK bootstrap resources in this environment, read from SSM Parameter Store at deploy time. "
    "[cdk:skip]";

void add_checks(Stack& stack) {
  if (stack.node().try_find_child(kParameterId) != nullptr) return;
  const std::string q = stack.bootstrap_qualifier();
  auto& param = stack.add<CfnParameter>(kParameterId, CfnParameterProps{.type = "AWS::SSM::Parameter::Value<String>",
                                                                        .default_value = bootstrap::version_parameter(q),
                                                                        .description = kParameterDescription});
  // CloudFormation has no "at least": the version must not be one of the older ones.
  Value::List older;
  for (int v = 1; v < bootstrap::required_version; ++v) older.emplace_back(std::to_string(v));
  Value contains = Value::intrinsic("Fn::Contains", Value::list({Value(std::move(older)), param.value()}));
  stack.add<CfnRule>(kRuleId, CfnRuleProps{
      .assertions = {{.assert_ = Value::intrinsic("Fn::Not", Value::list({contains})),
                      .description = fmt::format("CDK bootstrap stack version {} or later required: bootstrap this "
                                                 "environment with `cdk bootstrap` or this program's bootstrap command",
                                                 bootstrap::required_version)}}});
}

// From the stack's assembly directory up to the app's, where every asset is
// staged: "" outside stages, "../" in a stage, "../../" in a stage in a stage.
std::string up_to_app(const Stack& s) {
  std::string up;
  for (const Stage* stage = Stage::of(s); stage != nullptr; stage = Stage::of(*stage)) up += "../";
  return up;
}

// "<account>-<region>", each "current_..." where the stack does not know it.
std::string destination_id(const Stack& s) {
  return fmt::format("{}-{}", s.env().account.empty() ? "current_account" : s.env().account,
                     s.env().region.empty() ? "current_region" : s.env().region);
}

Json destination(const Stack& s, Json fields, std::string_view role) {
  if (!s.env().region.empty()) fields["region"] = s.env().region;
  fields["assumeRoleArn"] = bootstrap::specialize(bootstrap::role_arn(s.bootstrap_qualifier(), role), s);
  return fields;
}

Json file_entry(const Stack& s, const FileAsset& a) {
  Json fields = {{"bucketName", bootstrap::specialize(bootstrap::assets_bucket(s.bootstrap_qualifier()), s)},
                 {"objectKey", a.object_key_text()}};
  return Json{{"source", {{"path", up_to_app(s) + a.staged_name()}, {"packaging", "file"}}},
              {"destinations", {{destination_id(s), destination(s, std::move(fields), "file-publishing-role")}}}};
}

// Beside the root's template, in the same assembly directory.
Json nested_template_entry(const Stack& s, const NestedTemplateAsset& t) {
  Json fields = {{"bucketName", bootstrap::specialize(bootstrap::assets_bucket(s.bootstrap_qualifier()), s)},
                 {"objectKey", t.hash + ".json"}};
  return Json{{"source", {{"path", t.file}, {"packaging", "file"}}},
              {"destinations", {{destination_id(s), destination(s, std::move(fields), "file-publishing-role")}}}};
}

Json image_entry(const Stack& s, const DockerImageAsset& a) {
  const auto& p = a.props();
  Json source = {{"directory", up_to_app(s) + a.staged_name()}};
  if (!p.file.empty()) source["dockerFile"] = std::filesystem::path(p.file).lexically_normal().generic_string();
  if (!p.build_args.empty()) source["dockerBuildArgs"] = p.build_args;
  if (!p.target.empty()) source["dockerBuildTarget"] = p.target;
  if (!p.platform.empty()) source["platform"] = p.platform;
  Json fields = {{"repositoryName", bootstrap::specialize(bootstrap::container_assets_repository(s.bootstrap_qualifier()), s)},
                 {"imageTag", a.asset_hash()}};
  return Json{{"source", std::move(source)},
              {"destinations", {{destination_id(s), destination(s, std::move(fields), "image-publishing-role")}}}};
}

}  // namespace

void add_bootstrap_version_checks(App& app) {
  std::set<Stack*> stacks;
  // A nested stack's template is itself an asset of its root, which publishes
  // the assets of every stack nested in it.
  for (Construct* c : app.node().find_all())
    if (dynamic_cast<FileAsset*>(c) != nullptr || dynamic_cast<DockerImageAsset*>(c) != nullptr ||
        dynamic_cast<NestedStack*>(c) != nullptr)
      stacks.insert(const_cast<Stack*>(&Stack::of(*c).deployment_root()));
  for (Stack* s : stacks) add_checks(*s);
}

Json make_asset_manifest(const StackArtifact& a) {
  const Stack& s = *a.stack;
  Json files = Json::object();
  for (const FileAsset* f : a.file_assets)
    if (!files.contains(f->asset_hash())) files[f->asset_hash()] = file_entry(s, *f);
  for (const NestedTemplateAsset& t : a.nested_templates)
    if (!files.contains(t.hash)) files[t.hash] = nested_template_entry(s, t);
  Json images = Json::object();
  for (const DockerImageAsset* i : a.image_assets)
    if (!images.contains(i->asset_hash())) images[i->asset_hash()] = image_entry(s, *i);
  return Json{{"version", kAssemblyVersion}, {"files", std::move(files)}, {"dockerImages", std::move(images)}};
}

std::string asset_manifest_id(const Stack& stack) { return stack.artifact_id() + ".assets"; }

void add_asset_artifacts(const StackArtifact& a, Json& artifacts, Json& props, Json& dependencies) {
  const Stack& s = *a.stack;
  const std::string q = s.bootstrap_qualifier();
  const std::string id = asset_manifest_id(s);
  artifacts[id] = {{"type", "cdk:asset-manifest"},
                   {"properties",
                    {{"file", id + ".json"},
                     {"requiresBootstrapStackVersion", bootstrap::required_version},
                     {"bootstrapStackVersionSsmParameter", bootstrap::version_parameter(q)}}}};
  props["assumeRoleArn"] = bootstrap::specialize(bootstrap::role_arn(q, "deploy-role"), s);
  props["cloudFormationExecutionRoleArn"] = bootstrap::specialize(bootstrap::role_arn(q, "cfn-exec-role"), s);
  props["requiresBootstrapStackVersion"] = bootstrap::required_version;
  props["bootstrapStackVersionSsmParameter"] = bootstrap::version_parameter(q);
  dependencies.push_back(id);
}

}  // namespace cdk::detail
