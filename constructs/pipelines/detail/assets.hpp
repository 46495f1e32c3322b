#pragma once
// Internal to cdk::pipelines: the "Assets" stage, which publishes the file and
// image assets of the stacks the pipeline deploys before any stage deploys them.
#include <string>
#include <vector>

namespace cdk {
class Construct;
class Stack;
}
namespace cdk::codepipeline {
class Artifact;
class Pipeline;
}
namespace cdk::pipelines {
struct CodePipelineProps;
}

namespace cdk::pipelines::detail {

/// The assets of one stack, by content hash (the keys of its `<Stack>.assets.json`).
struct StackAssets {
  const Stack* stack = nullptr;
  std::vector<std::string> files;
  std::vector<std::string> images;
};

/// The assets in `stack` (not in stacks nested in it); none when it has none.
StackAssets assets_of(const Stack& stack);

/// The npx-less command that publishes `hashes` of the stack's asset manifest
/// (the synth output's `<artifact id>.assets.json`) with cdk-assets.
std::string publish_command(const Stack& stack, const std::vector<std::string>& hashes);

/// What the Assets stage is made from.
struct AssetStage {
  codepipeline::Pipeline& pipeline;
  Construct& scope;                    ///< `<CodePipeline>/Assets`: the publishing projects and their roles
  const CodePipelineProps& props;
  const codepipeline::Artifact& assembly;  ///< the synth output
};

/// Adds the stage "Assets" with a "FileAssets" and a "DockerAssets" action
/// (each only when some stack has assets of its kind); nothing when no stack
/// has assets.
void add_asset_stage(const AssetStage& at, const std::vector<const Stack*>& stacks);

}  // namespace cdk::pipelines::detail
