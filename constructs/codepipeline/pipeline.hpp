#pragma once
/// cdk::codepipeline::Pipeline: a CodePipeline pipeline with its role and an
/// artifact bucket, built stage by stage.
///
///   cdk::codepipeline::Artifact source{"Source"}, build{"Build"};
///   auto& pipeline = stack.add<cdk::codepipeline::Pipeline>("Pipeline", {
///       .restart_execution_on_update = true,
///       .triggers = {{.source_action_name = "GitHub", .push_filter = {{.branches_includes = {"main"}}}}}});
///   pipeline.add_stage({.stage_name = "Source"}).add_action(
///       cdk::codepipeline_actions::CodeStarConnectionsSourceAction{
///           .action_name = "GitHub", .connection_arn = arn, .owner = "acme", .repo = "engine",
///           .branch = "main", .output = source});
///   pipeline.add_stage({.stage_name = "Build"}).add_action(
///       cdk::codepipeline_actions::CodeBuildAction{
///           .action_name = "Compile", .project = project, .input = source, .outputs = {build}});
///
/// Construct ids and defaults follow the AWS CDK (Pipeline/Role,
/// Pipeline/ArtifactsBucket, Pipeline/Resource, and per action
/// Pipeline/<Stage>/<Action>/CodePipelineActionRole), so logical ids match:
/// - type V2 (the AWS CDK's default in new projects, with its
///   defaultPipelineTypeToV2 flag): priced per action minute, with triggers
///   and variables;
/// - the artifact bucket is private, SSE-S3 encrypted, TLS-only and retained,
///   as the AWS CDK makes it when crossAccountKeys is off (its default in new
///   projects). With `cross_account_keys` it is encrypted with a
///   customer-managed KMS key of its own instead ("ArtifactsBucketEncryptionKey",
///   rotation on, deleted with the stack as the AWS CDK does; no alias), whose
///   key policy lets the pipeline's account administer it and the roles named
///   by grant_artifacts_read_to (roles of other accounts: SSE-S3 objects cannot
///   be shared across accounts) decrypt. A customer-managed key costs about a
///   dollar a month, so it is made only when asked;
/// - each action role trusts only the pipeline's role (the AWS CDK's
///   reduceStageRoleTrustScope flag, on here), and the pipeline's role may
///   assume only those.
///
/// Checked when stages and actions are added, naming the path: names unique
/// and valid, triggers and variables only on V2. Checked at synthesis, one
/// line each: at least two stages, no empty stage, only source actions in the
/// first stage and none elsewhere, each consumed artifact produced by an
/// earlier stage (or a lower run order), no artifact produced twice, triggers
/// naming a CodeStar Connections source action.
///
/// Cross-account actions: add_action_as_role with a role of the other account,
/// and grant_artifacts_read_to(that role) on a pipeline with cross_account_keys.
///
/// Cross-region actions: an action with a `.region` other than the pipeline
/// stack's (CloudFormation actions, add_action_as_role, custom actions with
/// a `region` member) runs there, and CodePipeline copies its inputs to an
/// artifact store of that region. The pipeline then writes `ArtifactStores`
/// (one per region, its own included) instead of `ArtifactStore`; the store
/// of another region is the bucket given in cross_region_replication_buckets,
/// else the replication bucket of a CrossRegionSupportStack the pipeline makes
/// (`<pipeline stack name>-support-<region>`), which its stack then depends
/// on. The pipeline's role may read and write every store (and use its key).
/// The pipeline's stack needs a concrete account and region for that; a source
/// action may not name another region.
///
/// Not supported yet: regions of actions backed by resources of stacks in
/// other regions (a CodeBuild project, an ECS service or a deployment group
/// of another region's stack: refused as a cross-region reference), stage
/// placement, pull-request triggers' events other than the listed ones,
/// custom action types, stage conditions.
#include <cdk/codepipeline/artifact_store.hpp>
#include <cdk/codepipeline/stage.hpp>
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::iam {
class Role;
}
namespace cdk::kms {
class CfnKey;
}
namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline {

class CfnPipeline;
class CrossRegionSupportStack;

enum class PipelineType : std::uint8_t { V1, V2 };
enum class ExecutionMode : std::uint8_t { Queued, Superseded, Parallel };

/// A variable of a V2 pipeline, set when an execution starts.
struct Variable {
  std::string name{};           ///< 1-128 of [A-Za-z0-9@_-]; required
  std::string default_value{};  ///< default none
  std::string description{};    ///< default none
};

/// Which pushes start the pipeline (at most 8 patterns per list).
struct GitPushFilter {
  List<std::string> branches_includes{};           ///< default none
  List<std::string> branches_excludes{};           ///< default none
  List<std::string> file_paths_includes{};         ///< with branches; default none
  List<std::string> file_paths_excludes{};         ///< with branches; default none
  List<std::string> tags_includes{};               ///< default none
  List<std::string> tags_excludes{};               ///< default none
};

enum class GitPullRequestEvent : std::uint8_t { Open, Updated, Closed };

/// Which pull requests start the pipeline.
struct GitPullRequestFilter {
  List<GitPullRequestEvent> events{};              ///< default all three
  List<std::string> branches_includes{};           ///< default none
  List<std::string> branches_excludes{};           ///< default none
  List<std::string> file_paths_includes{};         ///< default none
  List<std::string> file_paths_excludes{};         ///< default none
};

/// A V2 trigger on a CodeStar Connections source action.
struct Trigger {
  std::string source_action_name{};                   ///< required
  List<GitPushFilter> push_filter{};                  ///< at most 3; default none
  List<GitPullRequestFilter> pull_request_filter{};         ///< at most 3; default none
};

/// An existing bucket that holds a pipeline's artifacts in another region.
struct ReplicationBucket {
  std::string bucket_name{};  ///< the bucket, in the region it stands for; required
  /// The ARN of the KMS key CodePipeline encrypts the artifacts with there
  /// (needed when roles of other accounts read them); default none (the bucket's default encryption)
  std::string encryption_key_arn{};
};

struct PipelineProps {
  std::string pipeline_name{};                   ///< 1-100 of [A-Za-z0-9.@_-]; default generated by CloudFormation
  PipelineType pipeline_type = PipelineType::V2; ///< default V2 (the AWS CDK's default in new projects)
  Optional<ExecutionMode> execution_mode{};      ///< Queued and Parallel need V2; default not set (CodePipeline: Superseded)
  Ptr<s3::Bucket> artifact_bucket{};             ///< default one made ("ArtifactsBucket")
  /// Encrypt the bucket made with a customer-managed KMS key that roles of
  /// other accounts may be let use (not with artifact_bucket); default false (SSE-S3)
  bool cross_account_keys = false;
  bool restart_execution_on_update = false;      ///< rerun after the pipeline itself changes; default false
  List<Variable> variables{};                    ///< V2 only; default none
  List<Trigger> triggers{};                      ///< V2 only; default none (every push to the action's branch)
  /// Existing artifact buckets of other regions, by region (their policies
  /// are yours to write); default none: a support stack per region is made
  std::map<std::string, ReplicationBucket> cross_region_replication_buckets{};
};

class Pipeline : public Construct {
 public:
  using Props = PipelineProps;
  Pipeline(Construct& scope, std::string_view id, const PipelineProps& props = {});
  ~Pipeline() override;

  /// Adds a stage after the others. Throws cdk::Error for a repeated or invalid name.
  Stage& add_stage(StageProps props);
  /// Adds a V2 variable.
  void add_variable(Variable variable);
  /// Adds a V2 trigger.
  void add_trigger(Trigger trigger);

  /// {"Ref": pipeline}: its name.
  [[nodiscard]] Value pipeline_name() const;
  /// arn:<partition>:codepipeline:<region>:<account>:<name>.
  [[nodiscard]] Value pipeline_arn() const;
  [[nodiscard]] PipelineType pipeline_type() const noexcept { return props_.pipeline_type; }
  [[nodiscard]] iam::Role& role() const noexcept { return *role_; }
  [[nodiscard]] s3::Bucket& artifact_bucket() const noexcept { return *bucket_; }
  /// The artifact bucket's KMS key (cross_account_keys), else a null value.
  [[nodiscard]] Value artifacts_key_arn() const;
  /// The pipeline stack's region, or empty when it has none.
  [[nodiscard]] const std::string& region() const;

  /// The artifact store of `region` (empty, or the pipeline's: its own
  /// bucket). For another region it is made on first use (a support stack,
  /// or the cross_region_replication_buckets entry) and granted to the
  /// pipeline's role. Throws cdk::Error naming `path` when the pipeline's
  /// stack has no concrete account and region.
  const ArtifactStore& artifact_store(const std::string& region, const std::string& path);
  /// The support stacks of the regions, as made so far (by region).
  [[nodiscard]] const std::map<std::string, CrossRegionSupportStack*>& support_stacks() const noexcept { return support_; }

  /// Lets a role that is not the pipeline's (an action's role of another
  /// account, assumed by ARN) read the artifacts: s3::actions::read() in the
  /// bucket policy, and with cross_account_keys kms:Decrypt
  /// and kms:DescribeKey in the key policy. Once per role.
  /// With a region, the store of that region (a support stack's bucket and
  /// key policies; nothing for a cross_region_replication_buckets entry).
  void grant_artifacts_read_to(const Value& role_arn, const std::string& region = {});
  [[nodiscard]] const std::vector<Stage*>& stages() const noexcept { return stages_; }
  [[nodiscard]] CfnPipeline& cfn_pipeline() noexcept { return *resource_; }

  /// Renders the stages again (stages call it after each action).
  void refresh();
  [[nodiscard]] std::vector<Diagnostic> validate() const override;

 private:
  void check_variable(const Variable& variable) const;
  void check_trigger(const Trigger& trigger) const;
  void validate_actions(std::vector<Diagnostic>& out) const;
  void make_artifacts_key();
  void render_key_policy();
  void render_artifact_stores();
  ArtifactStore& replication_store(const std::string& region, const std::string& path);
  CrossRegionSupportStack& support_stack(const std::string& region, const std::string& path);

  PipelineProps props_;
  iam::Role* role_ = nullptr;
  s3::Bucket* bucket_ = nullptr;
  kms::CfnKey* key_ = nullptr;
  std::vector<Value> readers_;  // roles granted artifact reads by ARN
  CfnPipeline* resource_ = nullptr;
  std::vector<Stage*> stages_;
  ArtifactStore own_store_;
  std::map<std::string, ArtifactStore> stores_;  // of other regions
  std::map<std::string, CrossRegionSupportStack*> support_;
};

}  // namespace cdk::codepipeline

CDKPP_EXTERN_VECTOR(cdk::codepipeline::GitPullRequestEvent);
CDKPP_EXTERN_VECTOR(cdk::codepipeline::GitPushFilter);
CDKPP_EXTERN_VECTOR(cdk::codepipeline::GitPullRequestFilter);
CDKPP_EXTERN_VECTOR(cdk::codepipeline::Variable);
CDKPP_EXTERN_VECTOR(cdk::codepipeline::Trigger);
CDKPP_EXTERN_MAP(cdk::codepipeline::ReplicationBucket);
