#pragma once
// deploy, diff, destroy and bootstrap as plain functions over a cloud assembly
// directory: options in, results out, progress to the streams given. The
// command line maps its options onto these (deploy_commands.cpp in the CLI).
// Each throws DeployError for bad input or an AWS failure outside a stack's
// own deploy, and std::filesystem::filesystem_error for an unreadable assembly.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "deploy/asset_publisher.hpp"
#include "deploy/credentials.hpp"
#include "deploy/deployer.hpp"

namespace cdk::deploy {

/// What every operation on deployed stacks is given.
struct TargetOptions {
  AwsOptions aws;                   ///< endpoint, profile, region; default: the AWS chain
  std::vector<std::string> stacks;  ///< ids or names, * wildcards; default: all
  bool exclusively = false;         ///< only the named stacks, not their dependencies/dependents; default false
  int timeout_seconds = 3600;       ///< one stack's deadline: bounds its every request, retry and wait; default one hour
  int concurrency = 1;              ///< independent stacks at once; default 1
  std::shared_ptr<Transport> transport;  ///< how requests go out; default libcurl (tests replay answers)
  Sleeper sleep;                    ///< how waits wait; default really (tests make them instant)
};

struct DeployStacksOptions {
  TargetOptions target;
  /// --allow-replace: stateful resources the deploy may replace or delete
  /// (construct paths or logical ids, * wildcards); default none.
  std::vector<std::string> allow_replace;
  DeployMethod method = DeployMethod::ChangeSet;  ///< default: through a change set
  std::string change_set_name;  ///< the change set to create/execute; default a fresh one (prepare/execute: fixed)
  Approval approval = Approval::Broadening;       ///< ask first for security-broadening changes; default broadening
  std::vector<std::string> parameters;            ///< Key=Value or Stack:Key=Value; default none
  std::string outputs_file;                       ///< write stack outputs here as JSON; default: none written
  bool force = false;                             ///< deploy even if unchanged; default false
  Progress progress = Progress::Events;           ///< how the stacks' progress is shown; default one line per event
  std::string toolkit_stack = default_toolkit_stack;  ///< holds the bucket for large templates; default CDKToolkit
  AssetPublishOptions assets;                     ///< how assets are published first; default 4 at a time
};

struct PublishAssetsOptions {
  TargetOptions target;
  AssetPublishOptions assets;  ///< default 4 at a time
};

struct DestroyStacksOptions {
  TargetOptions target;
  bool force = false;  ///< delete without asking; default false (ask)
};

struct RollbackStacksOptions {
  TargetOptions target;
  std::vector<std::string> skip;  ///< construct paths or logical ids left as they are; default none
};

struct ImportStackOptions {
  TargetOptions target;
  std::string resource_mapping;  ///< JSON file {"LogicalIdOrPath": {"IdentifierName": "value"}}; required
};

struct BootstrapOptions {
  TargetOptions target;                               ///< its stacks are not used
  std::string toolkit_stack = default_toolkit_stack;  ///< default CDKToolkit
  std::string qualifier = default_qualifier;          ///< names the bucket, repository and roles; default hnb659fds
  DeployMethod method = DeployMethod::ChangeSet;      ///< default: through a change set
  std::vector<std::string> trusted_accounts{};        ///< --trust: 12-digit account ids; default: keep the earlier ones
};

/// The operation's stacks, in the order they were worked on.
struct StacksOutcome {
  std::vector<StackResult> stacks;
  bool cancelled = false;  ///< the user said no before anything was done
  [[nodiscard]] bool ok() const;
};

/// Deploys the selected stacks (with their dependencies unless exclusively),
/// after publishing their assets. When an asset fails to publish no stack is
/// deployed: DeployError names the asset. `confirm` asks for approval; empty
/// when there is no one to ask.
StacksOutcome deploy_stacks(const std::filesystem::path& assembly_dir, const DeployStacksOptions& options,
                            std::ostream& out, std::ostream& err, const Confirm& confirm);

struct DiffStacksOptions {
  TargetOptions target;
  /// Compare the one selected stack with this template (JSON or YAML, e.g. what
  /// aws-cdk-lib synthesized for it) instead of the deployed stack, and print a
  /// port check; no AWS call is made. Default: none (the deployed stacks).
  std::filesystem::path template_file{};
};

struct DiffOutcome {
  int differing = 0;  ///< stacks whose deployed template differs
  int replacing = 0;  ///< resources CloudFormation would replace, always or conditionally
};

/// Prints each selected stack's difference from its deployed template (or
/// from `template_file`), then the number of stacks that differ.
DiffOutcome diff_stacks(const std::filesystem::path& assembly_dir, const DiffStacksOptions& options,
                        std::ostream& out);

struct DriftOutcome {
  int drifted = 0;  ///< stacks with at least one modified or deleted resource
};

/// Runs drift detection on each selected stack that exists and prints what
/// drifted, then the number of stacks with drift.
DriftOutcome drift_stacks(const std::filesystem::path& assembly_dir, const TargetOptions& options, std::ostream& out);

/// Deletes the selected stacks (with their dependents unless exclusively),
/// after asking through `confirm` unless forced.
StacksOutcome destroy_stacks(const std::filesystem::path& assembly_dir, const DestroyStacksOptions& options,
                             std::ostream& out, std::ostream& err, const Confirm& confirm);

/// Rolls the selected stacks (only these) back from a failed update or create.
/// A `skip` that names no resource is a DeployError before anything is rolled back.
StacksOutcome rollback_stacks(const std::filesystem::path& assembly_dir, const RollbackStacksOptions& options,
                              std::ostream& out, std::ostream& err);

/// Imports existing resources into the one selected stack (IMPORT change set)
/// from a mapping file. A bad mapping file, a selection of other than one
/// stack, or a mapping that does not fit the template is a DeployError before
/// anything changes.
StackResult import_stack(const std::filesystem::path& assembly_dir, const ImportStackOptions& options,
                         std::ostream& out, std::ostream& err);

/// Publishes the assets of the selected stacks (with their dependencies unless
/// exclusively) and deploys nothing. Returns false when one failed (each
/// failure printed as one line to `err`).
bool publish_assets(const std::filesystem::path& assembly_dir, const PublishAssetsOptions& options,
                    std::ostream& out, std::ostream& err);

/// Creates or updates the toolkit stack and prints its bucket and repository.
StackResult bootstrap_toolkit(const BootstrapOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cdk::deploy
