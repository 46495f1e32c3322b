// deploy, diff, drift, destroy, rollback, import, publish-assets and bootstrap: the subcommands every
// cdkpp program gets. Options, help text and exit codes live here; the work is done by the plain
// functions of deploy/operations.hpp.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "deploy/errors.hpp"
#include "deploy/operations.hpp"

namespace cdk::detail {
namespace {

using namespace cdk::deploy;

/// The deploy subcommand's choices as typed on the command line.
struct DeployCommandOptions {
  TargetOptions target;
  std::string method = "change-set";
  std::string change_set_name;
  std::string approval = "broadening";
  std::string progress = "events";
  std::vector<std::string> parameters;
  std::string outputs_file;
  bool force = false;
  std::string toolkit_stack = default_toolkit_stack;
  int asset_concurrency = AssetPublishOptions{}.concurrency;
  std::vector<std::string> allow_replace;
};

struct DiffCommandOptions {
  DiffStacksOptions diff;
  bool fail_on_diff = false;
  bool fail_on_replace = false;
};

struct DestroyCommandOptions {
  TargetOptions target;
  bool force = false;
};

struct PublishAssetsCommandOptions {
  TargetOptions target;
  int asset_concurrency = AssetPublishOptions{}.concurrency;
};

struct BootstrapCommandOptions {
  TargetOptions target;
  std::string toolkit_stack = default_toolkit_stack;
  std::string qualifier = default_qualifier;
  std::string method = "change-set";
  std::vector<std::string> trust;
};

/// The options every deploy-related subcommand shares.
void add_target_options(CLI::App& cmd, TargetOptions& o, bool with_stacks) {
  if (with_stacks) {
    cmd.add_option("stacks", o.stacks, "Stacks to work on (path such as Prod/Network, name or id; * within a path component, ** across); default all");
    cmd.add_flag("-e,--exclusively", o.exclusively, "Only the named stacks, not their dependencies/dependents");
  }
  cmd.add_option("--endpoint", o.aws.endpoint,
                 "Endpoint URL for every AWS service (e.g. a local emulator); default from AWS_ENDPOINT_URL");
  cmd.add_option("--profile", o.aws.profile, "Profile from ~/.aws/credentials and ~/.aws/config");
  cmd.add_option("--region", o.aws.region, "Region for stacks without one; default from the AWS chain");
  cmd.add_option("--timeout", o.timeout_seconds,
                 "Seconds one stack may take: bounds its every request, retry and wait (diff: the whole command)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

void add_concurrency_option(CLI::App& cmd, TargetOptions& o, const std::string& description) {
  cmd.add_option("--concurrency", o.concurrency, description)->check(CLI::PositiveNumber)->capture_default_str();
}

void add_asset_concurrency_option(CLI::App& cmd, int& concurrency) {
  cmd.add_option("--asset-concurrency", concurrency, "Assets uploaded or pushed at once")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

DeployMethod method_named(const std::string& name) {
  if (name == "direct") return DeployMethod::Direct;
  if (name == "prepare-change-set") return DeployMethod::PrepareChangeSet;
  if (name == "execute-change-set") return DeployMethod::ExecuteChangeSet;
  return DeployMethod::ChangeSet;
}

Approval approval_named(const std::string& name) {
  return name == "never" ? Approval::Never : name == "any-change" ? Approval::AnyChange : Approval::Broadening;
}

/// Asks on the terminal; nothing to ask with when standard input is not one.
Confirm terminal_confirm(std::ostream& out) {
  if (isatty(STDIN_FILENO) == 0) return nullptr;
  return [&out](const std::string& question) {
    out << question << ' ' << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  };
}

/// Runs a command body: DeployError becomes one `error:` line and exit code 1.
/// SynthError propagates to the CLI, which reports it.
template <class F>
void guarded(CommandContext& ctx, F&& body) {
  try {
    *ctx.exit_code = body() ? 0 : 1;
  } catch (const DeployError& e) {
    *ctx.err << "error: " << e.what() << '\n';
    *ctx.exit_code = 1;
  } catch (const std::filesystem::filesystem_error& e) {
    *ctx.err << "error: " << e.what() << '\n';
    *ctx.exit_code = 1;
  }
}

void add_deploy(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<DeployCommandOptions>();
  CLI::App* cmd = add_subcommand(cli, "deploy", "Deploy stacks to AWS through CloudFormation", [o](CLI::App& c) {
    add_target_options(c, o->target, true);
    c.add_option("--method", o->method,
                 "How to deploy: change-set, direct (create/update), prepare-change-set (create it, print its "
                 "changes, stop) or execute-change-set (run a prepared one)")
        ->check(CLI::IsMember({"change-set", "direct", "prepare-change-set", "execute-change-set"}))
        ->capture_default_str();
    c.add_option("--change-set-name", o->change_set_name,
                 std::string("Change set to create or execute; default for prepare/execute: ") +
                     default_change_set_name);
    c.add_option("--require-approval", o->approval, "Ask first for: never, broadening, any-change")
        ->check(CLI::IsMember({"never", "broadening", "any-change"}))
        ->capture_default_str();
    c.add_option("--parameters", o->parameters, "Template parameters: Key=Value or Stack:Key=Value")->take_all();
    c.add_option("--outputs-file,-O", o->outputs_file, "Write stack outputs to this JSON file");
    add_concurrency_option(c, o->target, "Independent stacks deployed at once");
    add_asset_concurrency_option(c, o->asset_concurrency);
    c.add_option("--toolkit-stack-name", o->toolkit_stack, "Bootstrap stack whose bucket takes large templates")
        ->capture_default_str();
    c.add_flag("-f,--force", o->force, "Deploy even if the templates are unchanged");
    c.add_option("--progress", o->progress, "How progress is shown: events (a line per stack event) or bar")
        ->check(CLI::IsMember({"events", "bar"}))
        ->capture_default_str();
    c.add_option("--allow-replace", o->allow_replace,
                 "A resource that holds data (database, bucket, ...) the deploy may replace or delete: construct "
                 "path or logical id, * wildcards; repeatable. Any other such replacement is refused");
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      DeployStacksOptions options{.target = o->target,
                                  .method = method_named(o->method),
                                  .change_set_name = o->change_set_name,
                                  .approval = approval_named(o->approval),
                                  .parameters = o->parameters,
                                  .outputs_file = o->outputs_file,
                                  .force = o->force,
                                  .progress = o->progress == "bar" ? Progress::Bar : Progress::Events,
                                  .toolkit_stack = o->toolkit_stack};
      options.assets.concurrency = o->asset_concurrency;
      options.allow_replace = o->allow_replace;
      return deploy_stacks(dir, options, *ctx.out, *ctx.err, terminal_confirm(*ctx.out)).ok();
    });
  });
}

void add_diff(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<DiffCommandOptions>();
  CLI::App* cmd = add_subcommand(cli, "diff", "Compare the synthesized templates with the deployed stacks",
                                 [o](CLI::App& c) {
    add_target_options(c, o->diff.target, true);
    c.add_flag("--fail", o->fail_on_diff, "Exit with status 1 when there are differences");
    c.add_flag("--fail-on-replace", o->fail_on_replace,
               "Exit with status 1 when a resource would be replaced (always or conditionally)");
    c.add_option("--template", o->diff.template_file,
                 "Compare one stack with this template (JSON or YAML, e.g. aws-cdk-lib's) instead of the deployed "
                 "stack, and print what its first deploy would delete, create and replace");
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      DiffOutcome outcome = diff_stacks(dir, o->diff, *ctx.out);
      return !(outcome.differing > 0 && o->fail_on_diff) && !(outcome.replacing > 0 && o->fail_on_replace);
    });
  });
}

void add_drift(CLI::App& cli, CommandContext& ctx) {
  auto target = std::make_shared<TargetOptions>();
  auto fail_on_drift = std::make_shared<bool>(false);
  CLI::App* cmd = add_subcommand(cli, "drift", "Detect resources changed outside CloudFormation (drift detection)",
                                 [target, fail_on_drift](CLI::App& c) {
    add_target_options(c, *target, true);
    c.add_flag("--fail", *fail_on_drift, "Exit with status 1 when a stack has drifted");
  });
  cmd->callback([&ctx, target, fail_on_drift] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      DriftOutcome outcome = drift_stacks(dir, *target, *ctx.out);
      return !(outcome.drifted > 0 && *fail_on_drift);
    });
  });
}

void add_destroy(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<DestroyCommandOptions>();
  CLI::App* cmd = add_subcommand(cli, "destroy", "Delete deployed stacks (dependents first)", [o](CLI::App& c) {
    add_target_options(c, o->target, true);
    c.add_flag("-f,--force", o->force, "Do not ask for confirmation");
    add_concurrency_option(c, o->target, "Independent stacks deleted at once");
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      DestroyStacksOptions options{.target = o->target, .force = o->force};
      return destroy_stacks(dir, options, *ctx.out, *ctx.err, terminal_confirm(*ctx.out)).ok();
    });
  });
}

void add_rollback(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<RollbackStacksOptions>();
  CLI::App* cmd = add_subcommand(cli, "rollback",
                                 "Roll stacks back from a failed update (UPDATE_ROLLBACK_FAILED, UPDATE_FAILED, "
                                 "CREATE_FAILED)",
                                 [o](CLI::App& c) {
    add_target_options(c, o->target, true);
    c.add_option("--skip", o->skip,
                 "Resource (construct path or logical id) to leave as it is when continuing a failed rollback");
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] { return rollback_stacks(dir, *o, *ctx.out, *ctx.err).ok(); });
  });
}

void add_import(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<ImportStackOptions>();
  CLI::App* cmd = add_subcommand(cli, "import",
                                 "Bring existing resources under a stack (an IMPORT change set), as 'cdk import'",
                                 [o](CLI::App& c) {
    add_target_options(c, o->target, true);
    c.add_option("--resource-mapping,-m", o->resource_mapping,
                 "JSON file: {\"LogicalIdOrPath\": {\"IdentifierName\": \"value\"}} for each resource to import")
        ->required();
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] { return import_stack(dir, *o, *ctx.out, *ctx.err).ok(); });
  });
}

void add_publish_assets(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<PublishAssetsCommandOptions>();
  CLI::App* cmd = add_subcommand(cli, "publish-assets",
                                 "Upload the stacks' file assets to S3 and push their images to ECR; deploy nothing",
                                 [o](CLI::App& c) {
    add_target_options(c, o->target, true);
    add_asset_concurrency_option(c, o->asset_concurrency);
  });
  cmd->callback([&ctx, o] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      PublishAssetsOptions options{.target = o->target};
      options.assets.concurrency = o->asset_concurrency;
      return publish_assets(dir, options, *ctx.out, *ctx.err);
    });
  });
}

void add_bootstrap(CLI::App& cli, CommandContext& ctx) {
  auto o = std::make_shared<BootstrapCommandOptions>();
  CLI::App* cmd = add_subcommand(cli, "bootstrap",
                                 "Create the asset bucket, image repository and roles that deploys need, as "
                                 "'cdk bootstrap' does",
                                 [o](CLI::App& c) {
    add_target_options(c, o->target, false);
    c.add_option("--toolkit-stack-name", o->toolkit_stack, "Stack that holds the bootstrap resources")
        ->capture_default_str();
    c.add_option("--qualifier", o->qualifier, "Distinguishes bootstraps in one account and region (as the app's)")
        ->capture_default_str();
    c.add_option("--method", o->method, "change-set or direct")
        ->check(CLI::IsMember({"change-set", "direct"}))
        ->capture_default_str();
    c.add_option("--trust", o->trust,
                 "Account whose pipelines may publish and deploy here (repeatable; default: the ones trusted before)");
  });
  cmd->callback([&ctx, o] {
    guarded(ctx, [&] {
      BootstrapOptions options{.target = o->target, .toolkit_stack = o->toolkit_stack, .qualifier = o->qualifier,
                               .method = method_named(o->method), .trusted_accounts = o->trust};
      return bootstrap_toolkit(options, *ctx.out, *ctx.err).ok();
    });
  });
}

}  // namespace

void add_deploy_commands(CLI::App& cli, CommandContext& ctx) {
  add_deploy(cli, ctx);
  add_diff(cli, ctx);
  add_drift(cli, ctx);
  add_destroy(cli, ctx);
  add_rollback(cli, ctx);
  add_import(cli, ctx);
  add_publish_assets(cli, ctx);
  add_bootstrap(cli, ctx);
}

}  // namespace cdk::detail
