#pragma once
// Reads the cloud assembly (manifest.json + templates, and the nested
// assemblies of stages) that synthesis wrote.
// Only what deploy needs: stacks, their templates, environments, tags and the
// dependencies between them.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cdk::deploy {

/// A `cdk:asset-manifest` artifact a stack depends on: the assets to publish before it deploys.
struct AssetManifestArtifact {
  std::string id;                   ///< artifact id ("Stack.assets")
  std::filesystem::path file;       ///< the .assets.json, absolute
  int requires_bootstrap_version = 0;  ///< requiresBootstrapStackVersion; 0 when not given
  std::string bootstrap_version_parameter;  ///< bootstrapStackVersionSsmParameter; empty when not given
};

struct StackArtifact {
  std::string id;            ///< artifact id in manifest.json
  std::string stack_name;    ///< CloudFormation stack name
  std::string display_name;  ///< for messages
  std::filesystem::path template_file;  ///< absolute
  std::string account;       ///< empty when "unknown-account"
  std::string region;        ///< empty when "unknown-region"
  std::map<std::string, std::string> tags;
  std::map<std::string, std::string> parameters;  ///< "parameters" property, if synthesis wrote one
  bool termination_protection = false;
  std::vector<std::string> dependencies;  ///< artifact ids of stacks (non-stack artifacts dropped)
  std::vector<AssetManifestArtifact> asset_manifests;  ///< from the stack's asset-manifest dependencies
  /// Construct paths of the stack's assets from `aws:cdk:asset` metadata, keyed by
  /// asset id (source hash) and by staged path ("asset.<hash>").
  std::map<std::string, std::string> asset_construct_paths;

  /// The template text, read from disk.
  [[nodiscard]] std::string read_template() const;
};

struct Assembly {
  std::filesystem::path dir;
  std::vector<StackArtifact> stacks;  ///< manifest order; a stage's (nested assembly) where the manifest lists it

  [[nodiscard]] const StackArtifact* find(const std::string& id) const;

  /// Stacks matching the patterns (artifact id, stack name or display name such as
  /// "Prod/Network"; glob_match's wildcards). No patterns selects every stack. With `upstream`, the stacks the
  /// selection depends on are added; with `downstream`, the stacks depending on it.
  /// Throws DeployError when a pattern matches nothing.
  [[nodiscard]] std::vector<const StackArtifact*> select(const std::vector<std::string>& patterns, bool upstream,
                                                         bool downstream) const;

  /// Groups `stacks` into waves: every stack's dependencies (within `stacks`) are
  /// in earlier waves. Throws DeployError naming the stacks of a dependency cycle.
  [[nodiscard]] static std::vector<std::vector<const StackArtifact*>> waves(
      const std::vector<const StackArtifact*>& stacks);
};

/// Throws DeployError when the directory has no readable manifest.
Assembly read_assembly(const std::filesystem::path& dir);

/// Glob: '*' any run and '?' one character, neither crossing '/'; '**' any run
/// ("Prod/*" selects the stacks of stage Prod).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace cdk::deploy
