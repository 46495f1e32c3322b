#pragma once
/// cdk::pipelines::CodePipeline: a pipeline that deploys the app's own stacks
/// with CodePipeline and CloudFormation, as the AWS CDK's CDK Pipelines does.
///
///   auto& pipeline_stack = app.add<cdk::Stack>("Delivery", {.env = {.account = "111111111111", .region = "eu-west-1"}});
///   auto& pipeline = pipeline_stack.add<cdk::pipelines::CodePipeline>("Pipeline", {
///       .source = cdk::pipelines::CodePipelineSource::connection("acme/infra", "main", {.connection_arn = arn}),
///       .synth = cdk::pipelines::cmake_synth({.target = "infra"})});
///   pipeline.add_stage("Staging", {&staging_api, &staging_db});
///   pipeline.add_stage("Prod", {&prod_api, &prod_db}, {.pre = {cdk::pipelines::ManualApprovalStep{.id = "Approve"}}});
///   pipeline.add_stage(eu_stage);   // a cdk::Stage: its stacks, pipeline stage "Eu"
///
/// The pipeline (a codepipeline::Pipeline V2, "<id>/Pipeline") is built once,
/// when the app is synthesized (or at an explicit build_pipeline() call; no
/// stage or wave may be added after it). Its stages, in order:
/// - "Source": the source action, output "<owner>_<repo>_Source";
/// - "Build": action "Synth", a CodeBuild project running the synth step in
///   the source; its output "Synth_Output" is primary_output_directory, the
///   cloud assembly (`<Stack>.template.json` per stack);
/// - "UpdatePipeline" (with self_mutation): action "SelfMutate" deploys the
///   pipeline's own stack from the assembly (CloudFormation CREATE_UPDATE), and
///   the pipeline restarts when its definition changed, so that a change to
///   the pipeline lands before the stacks deploy;
/// - "Assets" (when a stack the pipeline deploys has file or image assets):
///   action "FileAssets" and/or "DockerAssets", one CodeBuild project per
///   asset kind (`<id>/Assets/FileAsset`, `<id>/Assets/DockerAsset`, as the
///   AWS CDK names them with publishAssetsInParallel off) that installs the
///   npm `cdk-assets` (cdk_assets_version) and runs, per stack,
///   `cdk-assets --path "<Stack>.assets.json" --verbose publish "<hash>"...`
///   on the assembly. cdk-assets assumes each destination's publishing role
///   (`cdk-<q>-file-publishing-role-<account>-<region>`, `...-image-publishing-role-...`,
///   named in the manifest); the projects' roles (`Assets/FileRole`,
///   `Assets/DockerRole`) may assume only those of the targets, and read the
///   assembly. The Docker project runs privileged (docker builds the images),
///   the CODEBUILD-PRIVILEGED finding suppressed with that reason. One project
///   per kind rather than per asset: one build (provisioning and an npm
///   install, about a minute) per kind per run, no 50-actions-per-stage limit,
///   and privileged mode only where images are built; cdk-assets skips what is
///   published already. cdk-assets rather than the program's own
///   `publish-assets`: the synth output is the assembly without the built
///   program (which `publish-assets` needs, to synthesize again), and cdkpp's
///   publisher uses the caller's credentials instead of assuming the
///   manifest's publishing roles, which another account needs. Every asset is
///   published before the first stage deploys;
/// - one stage per add_stage / add_wave, in the order they were added.
///
/// Every CloudFormation action runs as the target environment's bootstrap
/// deploy role (`cdk-<qualifier>-deploy-role-<account>-<region>`) and
/// CloudFormation as its execution role (`cdk-<qualifier>-cfn-exec-role-...`),
/// as CDK Pipelines does: every target account must be bootstrapped (`cdk
/// bootstrap` or cdkpp's `bootstrap`). The pipeline's role may assume those
/// roles; the artifact bucket's policy lets them read the assembly.
///
/// Another account: when a stage deploys to an account other than the
/// pipeline's, the artifact bucket is encrypted with a customer-managed KMS
/// key (codepipeline::PipelineProps::cross_account_keys, rotation on) whose key
/// policy lets the targets' deploy roles decrypt; single-account pipelines
/// keep SSE-S3 unless `.cross_account_keys = true`. The target account must
/// trust the pipeline's: bootstrap it with `<program> bootstrap --trust
/// <pipeline account>` (or `cdk bootstrap --trust <pipeline account>
/// --cloudformation-execution-policies <policy ARN> aws://<target account>/<region>`).
///
/// Another region: a stack of another region than the pipeline's deploys
/// there (the actions name its region) as that region's bootstrap roles;
/// CodePipeline copies the assembly to the pipeline's replication bucket of
/// that region (codepipeline::CrossRegionSupportStack
/// `<pipeline stack name>-support-<region>`, deployed before the pipeline's
/// stack), whose bucket policy (and key policy, with another account) lets
/// those roles read it. Assets are published by cdk-assets to the regions
/// their manifests name, as the publishing roles of those regions.
///
/// Checked when stages are added, one line naming the path: a stage name used
/// twice, a stage without stacks, a stack in two stages, the pipeline's own
/// stack, a stack without a concrete account and region, a pipeline stack
/// without them. When the pipeline is built:
/// a synth step with no commands, a step id used twice in a pipeline stage, a
/// stack that depends on a stack deployed later or in parallel, assets in the
/// pipeline's own stack with self_mutation (SelfMutate runs before Assets),
/// another account with cross_account_keys false, env_from_cfn_outputs naming
/// an output the pipeline has not deployed before the step.
///
/// Not run in a real CodeBuild or CodePipeline by cdkpp's tests: the templates
/// are checked (assertions, cfn-lint) and cdk-assets reads the synthesized
/// manifests, but no build publishes or deploys.
#include <cdk/codebuild/build_image.hpp>
#include <cdk/codebuild/cache.hpp>
#include <cdk/codebuild/compute_type.hpp>
#include <cdk/construct.hpp>
#include <cdk/optional.hpp>
#include <cdk/pipelines/code_pipeline_source.hpp>
#include <cdk/pipelines/step.hpp>
#include <cdk/pipelines/wave.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cdk {
class Stack;
class Stage;
}
namespace cdk::codepipeline {
class Pipeline;
}

namespace cdk::pipelines {

/// The change set every Prepare action makes and every Deploy action runs.
inline constexpr const char* change_set_name = "PipelineChange";
/// The synth step's output artifact (the cloud assembly).
inline constexpr const char* synth_output_name = "Synth_Output";

struct CodePipelineProps {
  Optional<CodePipelineSource> source{};        ///< where the app's source is; required
  Optional<ShellStep> synth{};                  ///< builds the program and writes the cloud assembly (cmake_synth); required
  std::string primary_output_directory = "cdk.out";  ///< the synth step's output, relative to the source root; default "cdk.out"
  bool self_mutation = true;                    ///< the UpdatePipeline stage; default true
  std::string pipeline_name{};                  ///< default generated by CloudFormation
  codebuild::BuildImage build_image = codebuild::LinuxBuildImage::standard_7_0();  ///< of every CodeBuild step; default aws/codebuild/standard:7.0
  Optional<codebuild::ComputeType> compute_type{};       ///< of every CodeBuild step; default the image's (Small)
  Optional<codebuild::ComputeType> synth_compute_type{};       ///< of the synth step; default compute_type
  /// What the synth project keeps between builds (its step's cache_paths;
  /// cmake_synth caches its build directory); Cache::bucket keeps it in S3,
  /// where any build host finds it; default a local custom cache.
  codebuild::Cache synth_cache = codebuild::Cache::local({codebuild::LocalCacheMode::Custom});
  /// The npm version (or range) of cdk-assets the Assets stage installs; default "4"
  std::string cdk_assets_version = "4";
  /// A customer-managed KMS key for the artifact bucket, which the deploy
  /// roles of other accounts may use; default made exactly when a stage
  /// deploys to another account than the pipeline's (false there is an error)
  Optional<bool> cross_account_keys{};
};

class CodePipeline : public Construct {
 public:
  using Props = CodePipelineProps;
  /// Throws cdk::Error without a source or synth step, or for a synth step
  /// that does not read the source.
  CodePipeline(Construct& scope, std::string_view id, const CodePipelineProps& props);
  ~CodePipeline() override;

  /// Deploys `stacks` in a pipeline stage of their own named `name`.
  StageDeployment& add_stage(const std::string& name, const std::vector<Stack*>& stacks, AddStageOptions options = {});
  /// Deploys the stacks of a cdk::Stage (those directly in it) in a pipeline
  /// stage named after its stage_name(), as the AWS CDK's addStage(stage).
  StageDeployment& add_stage(cdk::Stage& stage, AddStageOptions options = {});
  /// A pipeline stage whose stage deployments run in parallel.
  Wave& add_wave(const std::string& name, WaveOptions options = {});

  /// Builds the pipeline now (synthesis does it otherwise). Throws cdk::Error
  /// for what is checked then; a second call does nothing.
  void build_pipeline();
  [[nodiscard]] bool built() const noexcept { return pipeline_ != nullptr; }
  /// The pipeline; throws cdk::Error before build_pipeline().
  [[nodiscard]] codepipeline::Pipeline& pipeline() const;
  [[nodiscard]] const CodePipelineProps& props() const noexcept { return props_; }
  [[nodiscard]] const std::vector<std::unique_ptr<Wave>>& waves() const noexcept { return waves_; }

  /// Checks that `stacks` may be deployed in a stage `name` (Wave::add_stage calls it).
  void check_stage(const std::string& path, const std::vector<Stack*>& stacks);

 private:
  Wave& new_wave(const std::string& name, WaveOptions options, bool prefix_actions);
  void check_unbuilt(const std::string& path) const;
  void check_stack(const std::string& path, const Stack& stack) const;

  CodePipelineProps props_;
  std::vector<std::unique_ptr<Wave>> waves_;
  std::vector<const Stack*> deployed_;
  codepipeline::Pipeline* pipeline_ = nullptr;
};

}  // namespace cdk::pipelines
