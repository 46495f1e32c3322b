#pragma once
// Synthesis: the tree in, templates, manifest and tree.json out. Internal.
#include "synth/resolve.hpp"

#include <cdk/error.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cdk {
class App;
class Construct;
class DockerImageAsset;
class FileAsset;
class Stack;
class Stage;
}  // namespace cdk

namespace cdk::detail {

class StackView;
class ValidationPlugin;

struct SynthOptions {
  bool strict = false;        // warnings are errors
  bool path_metadata = true;  // aws:cdk:path on each resource
  /// Checks run over each rendered stack, e.g. security::rule_pack_plugin(); none by default.
  std::vector<const ValidationPlugin*> plugins{};
  /// Hold each template as JSON, with its view, in the Assembly (for graphs,
  /// reports, cost, assertions). Off, each goes once its stack's checks ran:
  /// writing needs only the text, and a large app peaks lower.
  bool keep_templates = true;
};

/// A nested stack's template, published with its deployment root's assets.
struct NestedTemplateAsset {
  std::string file;  // the template file, beside the root's
  std::string hash;  // SHA-256 of its text; the object key is "<hash>.json"
};

struct StackArtifact {
  const Stack* stack = nullptr;
  Json template_json;                   // null once checked if SynthOptions::keep_templates is off
  std::string template_text;            // what is written, with trailing newline
  std::vector<const Stack*> dependencies;
  Json metadata;                        // "/path" -> [{type, data}]; moved into the manifest
  std::shared_ptr<const StackView> view;  // the typed view of template_json that analyses read (kept with it)
  std::unordered_map<std::string, const Construct*> owners;  // logical id -> the construct that made it
  std::vector<const FileAsset*> file_assets;          // in tree order (synth/asset_manifest.hpp)
  std::vector<const DockerImageAsset*> image_assets;  // in tree order
  std::vector<NestedTemplateAsset> nested_templates;  // a deployment root's: those of every stack nested in it
  Json asset_manifest;                  // <Stack>.assets.json; null for a stack without assets
};

/// The assembly of one Stage: its manifest.json, written with its stacks'
/// templates into `directory`.
struct NestedAssembly {
  const Stage* stage = nullptr;
  std::string directory;                // below the app's: "assembly-Prod", "assembly-Prod/assembly-Prod-Eu"
  Json manifest;
};

struct Assembly {
  /// In deployment order (dependencies first), stages' stacks too; a nested
  /// stack (stack->nested_parent()) right before its parent. Only top-level
  /// stacks are artifacts of the manifest.
  std::vector<StackArtifact> stacks;
  Json manifest;                        // the app's; its stages' are in `nested`
  std::vector<NestedAssembly> nested;   // one per Stage, parents before children
  /// What tree.json describes, written with the assembly (write_tree_json):
  /// the tree is not held as text meanwhile.
  const App* app = nullptr;
  LogicalIds logical_ids;               // of every element
  std::vector<Diagnostic> diagnostics;  // warnings and infos (errors throw)
};

/// Runs aspects, validates, resolves and renders every stack of the app.
/// Throws cdk::SynthError with every error found; nothing is written.
Assembly synthesize(App& app, const SynthOptions& options);

/// Writes the assembly into `dir`, replacing what was there only once every
/// file is written (a failure leaves the previous assembly untouched).
void write_assembly(const Assembly& assembly, const std::filesystem::path& dir);

/// Version of the cloud assembly schema we write; the AWS CDK CLI v2 reads
/// any version whose major is at most its own.
inline constexpr const char* kAssemblyVersion = "36.0.0";

}  // namespace cdk::detail
