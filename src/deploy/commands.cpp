// deploy, diff, destroy and bootstrap: the subcommands every cdkpp program gets.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/commands.hpp"
#include "deploy/assembly.hpp"
#include "deploy/deployer.hpp"
#include "deploy/errors.hpp"
#include "deploy/template_diff.hpp"
#include "deploy/template_text.hpp"

namespace cdk::detail {
namespace {

using namespace cdk::deploy;

/// Options every deploy-related subcommand shares.
struct CommonOptions {
  AwsOptions aws;
  std::vector<std::string> stacks;
  bool exclusively = false;
  int timeout_seconds = 3600;
  int concurrency = 1;
};

struct DeployCommandOptions {
  std::string method = "change-set";
  std::string approval = "broadening";
  std::vector<std::string> parameters;
  std::string outputs_file;
  bool force = false;
};

void add_common(CLI::App* cmd, CommonOptions& o, bool with_stacks) {
  if (with_stacks) {
    cmd->add_option("stacks", o.stacks, "Stacks to work on (id or name, * wildcards); default all");
    cmd->add_flag("-e,--exclusively", o.exclusively, "Only the named stacks, not their dependencies/dependents");
  }
  cmd->add_option("--endpoint", o.aws.endpoint,
                  "Endpoint URL for every AWS service (e.g. a local emulator); default from AWS_ENDPOINT_URL");
  cmd->add_option("--profile", o.aws.profile, "Profile from ~/.aws/credentials and ~/.aws/config");
  cmd->add_option("--region", o.aws.region, "Region for stacks without one; default from the AWS chain");
  cmd->add_option("--timeout", o.timeout_seconds, "Seconds to wait for one stack operation")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

bool interactive() { return isatty(STDIN_FILENO) != 0; }

Confirm terminal_confirm(std::ostream& out) {
  if (!interactive()) return nullptr;
  return [&out](const std::string& question) {
    out << question << ' ' << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  };
}

Session make_session(const CommonOptions& o) {
  Session session;
  session.settings = resolve_settings(o.aws, process_environment());
  session.transport = make_curl_transport();
  return session;
}

DeployOptions deploy_options(const CommonOptions& o) {
  DeployOptions d;
  d.timeout = std::chrono::seconds(o.timeout_seconds);
  d.concurrency = o.concurrency;
  return d;
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

bool all_ok(const std::vector<StackResult>& results) {
  return std::all_of(results.begin(), results.end(), [](const StackResult& r) { return r.ok(); });
}

}  // namespace

void add_deploy_commands(CLI::App& cli, CommandContext& ctx) {
  auto common_deploy = std::make_shared<CommonOptions>();
  auto deploy_opts = std::make_shared<DeployCommandOptions>();
  CLI::App* deploy = add_subcommand(cli, "deploy", "Deploy stacks to AWS through CloudFormation",
                                    [common_deploy, deploy_opts](CLI::App& cmd) {
    add_common(&cmd, *common_deploy, true);
    cmd.add_option("--method", deploy_opts->method, "How to deploy: change-set or direct (create/update)")
        ->check(CLI::IsMember({"change-set", "direct"}))
        ->capture_default_str();
    cmd.add_option("--require-approval", deploy_opts->approval, "Ask first for: never, broadening, any-change")
        ->check(CLI::IsMember({"never", "broadening", "any-change"}))
        ->capture_default_str();
    cmd.add_option("--parameters", deploy_opts->parameters, "Template parameters: Key=Value or Stack:Key=Value")
        ->take_all();
    cmd.add_option("--outputs-file,-O", deploy_opts->outputs_file, "Write stack outputs to this JSON file");
    cmd.add_option("--concurrency", common_deploy->concurrency, "Independent stacks deployed at once")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd.add_flag("-f,--force", deploy_opts->force, "Deploy even if the templates are unchanged");
  });
  deploy->callback([&ctx, common_deploy, deploy_opts] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      Assembly assembly = read_assembly(dir);
      auto stacks = assembly.select(common_deploy->stacks, !common_deploy->exclusively, false);
      if (stacks.empty()) throw DeployError("the app has no stacks to deploy");
      Session session = make_session(*common_deploy);
      DeployOptions options = deploy_options(*common_deploy);
      options.method = deploy_opts->method == "direct" ? DeployMethod::Direct : DeployMethod::ChangeSet;
      options.approval = deploy_opts->approval == "never"        ? Approval::Never
                         : deploy_opts->approval == "any-change" ? Approval::AnyChange
                                                                  : Approval::Broadening;
      options.parameters = deploy_opts->parameters;
      options.force = deploy_opts->force;
      Printer printer(*ctx.out, *ctx.err);
      Deployer deployer(session, printer, options, terminal_confirm(*ctx.out));
      auto results = deployer.deploy_all(stacks);
      if (!deploy_opts->outputs_file.empty()) write_outputs_file(deploy_opts->outputs_file, results);
      return all_ok(results);
    });
  });

  auto common_diff = std::make_shared<CommonOptions>();
  auto fail_on_diff = std::make_shared<bool>(false);
  CLI::App* diff = add_subcommand(cli, "diff", "Compare the synthesized templates with the deployed stacks",
                                  [common_diff, fail_on_diff](CLI::App& cmd) {
    add_common(&cmd, *common_diff, true);
    cmd.add_flag("--fail", *fail_on_diff, "Exit with status 1 when there are differences");
  });
  diff->callback([&ctx, common_diff, fail_on_diff] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      Assembly assembly = read_assembly(dir);
      auto stacks = assembly.select(common_diff->stacks, false, false);
      Session session = make_session(*common_diff);
      int differing = 0;
      for (const auto* s : stacks) {
        CloudFormation cfn(session.config("cloudformation", session.region_for(s)));
        nlohmann::json deployed = nlohmann::json::object();
        if (auto text = cfn.get_template(s->stack_name)) {
          auto parsed = parse_template_text(*text);
          if (!parsed) {
            throw DeployError(fmt::format("{}: cannot read the deployed template (JSON or plain YAML expected)",
                                          s->display_name));
          }
          deployed = std::move(*parsed);
        }
        nlohmann::json local;
        try {
          local = nlohmann::json::parse(s->read_template());
        } catch (const nlohmann::json::parse_error& e) {
          throw DeployError(fmt::format("{}: the template is not valid JSON: {}", s->display_name, e.what()));
        }
        TemplateDiff d = diff_templates(deployed, local);
        differing += d.empty() ? 0 : 1;
        std::ostringstream text;
        print_diff(text, s->display_name, d);
        *ctx.out << text.str() << '\n';
      }
      *ctx.out << fmt::format("Number of stacks with differences: {}\n", differing);
      return !(differing > 0 && *fail_on_diff);
    });
  });

  auto common_destroy = std::make_shared<CommonOptions>();
  auto force_destroy = std::make_shared<bool>(false);
  CLI::App* destroy = add_subcommand(cli, "destroy", "Delete deployed stacks (dependents first)",
                                     [common_destroy, force_destroy](CLI::App& cmd) {
    add_common(&cmd, *common_destroy, true);
    cmd.add_flag("-f,--force", *force_destroy, "Do not ask for confirmation");
    cmd.add_option("--concurrency", common_destroy->concurrency, "Independent stacks deleted at once")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
  });
  destroy->callback([&ctx, common_destroy, force_destroy] {
    auto dir = ctx.synth();
    guarded(ctx, [&] {
      Assembly assembly = read_assembly(dir);
      auto stacks = assembly.select(common_destroy->stacks, false, !common_destroy->exclusively);
      if (stacks.empty()) throw DeployError("the app has no stacks to destroy");
      if (!*force_destroy) {
        std::string names;
        for (const auto* s : stacks) names += (names.empty() ? "" : ", ") + s->display_name;
        Confirm confirm = terminal_confirm(*ctx.out);
        if (!confirm) throw DeployError(fmt::format("destroy asks before deleting {}; there is no terminal to ask, "
                                                    "so re-run with --force", names));
        if (!confirm(fmt::format("Are you sure you want to delete: {} (y/n)?", names))) {
          *ctx.err << "destroy cancelled\n";
          return false;
        }
      }
      Session session = make_session(*common_destroy);
      Printer printer(*ctx.out, *ctx.err);
      Deployer deployer(session, printer, deploy_options(*common_destroy), nullptr);
      return all_ok(deployer.destroy_all(stacks));
    });
  });

  auto common_boot = std::make_shared<CommonOptions>();
  auto toolkit_name = std::make_shared<std::string>(default_toolkit_stack);
  auto boot_method = std::make_shared<std::string>("change-set");
  CLI::App* bootstrap = add_subcommand(cli, "bootstrap", "Create the staging bucket for templates over 51,200 bytes",
                                       [common_boot, toolkit_name, boot_method](CLI::App& cmd) {
    add_common(&cmd, *common_boot, false);
    cmd.add_option("--toolkit-stack-name", *toolkit_name, "Stack that holds the staging bucket")
        ->capture_default_str();
    cmd.add_option("--method", *boot_method, "change-set or direct")
        ->check(CLI::IsMember({"change-set", "direct"}))
        ->capture_default_str();
  });
  bootstrap->callback([&ctx, common_boot, toolkit_name, boot_method] {
    guarded(ctx, [&] {
      Session session = make_session(*common_boot);
      DeployOptions options = deploy_options(*common_boot);
      options.toolkit_stack = *toolkit_name;
      options.approval = Approval::Never;
      options.method = *boot_method == "direct" ? DeployMethod::Direct : DeployMethod::ChangeSet;
      Printer printer(*ctx.out, *ctx.err);
      Deployer deployer(session, printer, options, nullptr);
      std::string region = session.region_for(nullptr);
      StackResult r = deployer.bootstrap(region);
      if (!r.ok()) return false;
      CloudFormation cfn(session.config("cloudformation", region));
      *ctx.out << fmt::format("Staging bucket for {}: {}\n", region,
                              cfn.physical_resource_id(*toolkit_name, staging_bucket_logical_id));
      return true;
    });
  });
}

}  // namespace cdk::detail
