#include "deploy/operations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "deploy/assembly.hpp"
#include "deploy/errors.hpp"
#include "deploy/nested_guard.hpp"
#include "deploy/nested_templates.hpp"
#include "deploy/outputs_file.hpp"
#include "deploy/port_check.hpp"
#include "deploy/replacement_guard.hpp"
#include "deploy/stack_drift.hpp"
#include "deploy/template_diff.hpp"
#include "deploy/template_files.hpp"
#include "deploy/transport.hpp"

namespace cdk::deploy {
namespace {

Session make_session(const TargetOptions& o) {
  Session session;
  session.settings = resolve_settings(o.aws, process_environment());
  session.transport = o.transport ? o.transport : make_curl_transport();
  session.sleep = o.sleep;
  return session;
}

DeployOptions deploy_options(const TargetOptions& o) {
  DeployOptions d;
  d.timeout = std::chrono::seconds(o.timeout_seconds);
  d.concurrency = o.concurrency;
  return d;
}

/// The deployed template, or an empty one when the stack does not exist.
nlohmann::json deployed_template(const CloudFormation& cfn, const StackArtifact& s) {
  return deployed_template(cfn, s.stack_name, s.display_name);
}

nlohmann::json local_template(const StackArtifact& s) {
  try {
    return nlohmann::json::parse(s.read_template());
  } catch (const nlohmann::json::parse_error& e) {
    throw DeployError(fmt::format("{}: the template is not valid JSON: {}", s.display_name, e.what()));
  }
}

/// diff --template: the one selected stack against a template file, with the port check.
DiffOutcome diff_with_file(const std::vector<const StackArtifact*>& stacks, const std::filesystem::path& file,
                           std::ostream& out) {
  if (stacks.size() != 1) {
    std::string names;
    for (const auto* s : stacks) names += (names.empty() ? "" : ", ") + s->display_name;
    throw DeployError(fmt::format("diff --template compares one stack with the file; {} selected ({}): name one",
                                  stacks.size(), names.empty() ? "none" : names));
  }
  const StackArtifact& s = *stacks.front();
  nlohmann::json theirs = read_template_file(file);
  nlohmann::json ours = local_template(s);
  TemplateDiff d = diff_templates(theirs, ours);
  std::ostringstream text;
  print_diff(text, s.display_name, d);
  text << '\n';
  PortCheck check = print_port_check(text, file.string(), d, theirs, ours);
  out << text.str();
  return DiffOutcome{.differing = d.empty() ? 0 : 1, .replacing = check.replaced};
}

/// Each deployed nested stack's differences, under "<stack> nested stack <id>";
/// the number of replacements among them.
int diff_nested_stacks(const CloudFormation& cfn, const StackArtifact& s, const nlohmann::json& local, std::ostream& out) {
  int replacing = 0;
  for_each_nested_stack(cfn, s.stack_name, local, s.template_file.parent_path(), [&](const NestedTemplates& t) {
    TemplateDiff d = diff_templates(t.deployed, t.local);
    if (d.empty()) return;
    replacing += static_cast<int>(d.replacements().size());
    std::ostringstream text;
    print_diff(text, fmt::format("{} nested stack {}", s.display_name, t.logical_id), d);
    out << text.str() << '\n';
  });
  return replacing;
}

/// Asks before deleting unless forced; false when the user says no.
bool confirm_destroy(const std::vector<const StackArtifact*>& stacks, const Confirm& confirm) {
  std::string names;
  for (const auto* s : stacks) names += (names.empty() ? "" : ", ") + s->display_name;
  if (!confirm) {
    throw DeployError(
        fmt::format("destroy asks before deleting {}; there is no terminal to ask, so re-run with --force", names));
  }
  return confirm(fmt::format("Are you sure you want to delete: {} (y/n)?", names));
}

/// The staging bucket bootstrap made; empty when the endpoint cannot say.
std::string bootstrapped_bucket(const Session& session, const std::string& stack, const std::string& region,
                                const StackResult& result) {
  try {
    return staging_bucket_name(CloudFormation(session.config("cloudformation", region)), stack, result.outputs);
  } catch (const AwsError&) {
    return {};
  }
}

/// The repository name the toolkit template gives, for when the stack has no
/// output: asking for the resource's physical id instead fails on endpoints that
/// cannot describe an ECR repository (moto answers 500, retried for two seconds).
std::string default_repository_name(const Session& session, const std::string& qualifier, const std::string& region) {
  AwsClient sts(session.config("sts", region), "sts", "2011-06-15");
  auto doc = sts.call("GetCallerIdentity");
  std::string account =
      doc->child("GetCallerIdentityResponse").child("GetCallerIdentityResult").child_value("Account");
  return fmt::format("cdk-{}-container-assets-{}-{}", qualifier, account, region);
}

/// Publishes the stacks' assets; a failure stops everything before any stack is touched.
void publish_or_stop(Session& session, Printer& printer, const AssetPublishOptions& options,
                     const std::vector<const StackArtifact*>& stacks) {
  AssetPublishOptions o = options;
  // Parts of 8 MiB need more than the 60 s an API call is given on slow links.
  if (!o.upload_transport) o.upload_transport = make_curl_transport(std::chrono::minutes(15));
  PublishOutcome outcome = AssetPublisher(session, printer, o).publish(stacks);
  if (outcome.ok()) return;
  for (size_t i = 0; i + 1 < outcome.failures.size(); ++i) printer.err("❌ " + outcome.failures[i]);
  throw DeployError(fmt::format("{}; no stack was deployed", outcome.failures.back()));
}

/// The replacement guard over every selected stack before anything is published or deployed, so a
/// refusal leaves every stack as it was. The deployer judges each stack again with its change set.
void guard_before_deploying(Session& session, const std::vector<const StackArtifact*>& stacks,
                            const DeployStacksOptions& options) {
  if (options.method == DeployMethod::PrepareChangeSet || options.method == DeployMethod::ExecuteChangeSet) return;
  const Deadline deadline = session.now() + std::chrono::seconds(options.target.timeout_seconds);
  std::string refused;
  for (const auto* s : stacks) {
    CloudFormation cfn(session.config("cloudformation", session.region_for(s), deadline));
    const nlohmann::json deployed = deployed_template(cfn, *s);
    if (deployed.empty()) continue;
    const nlohmann::json local = local_template(*s);
    const TemplateDiff diff = diff_templates(deployed, local);
    for (const auto& line :
         guard_replacements({.diff = diff, .deployed = deployed, .local = local, .allowed = options.allow_replace})
             .refused)
      refused += (refused.empty() ? "" : "\n") + line;
    const auto dir = s->template_file.parent_path();
    for (const auto& line : guard_nested_stacks({cfn, s->stack_name, local, dir, options.allow_replace}))
      refused += (refused.empty() ? "" : "\n") + line;
  }
  if (!refused.empty()) throw DeployError(refused + "\nno stack was deployed");
}

}  // namespace

bool StacksOutcome::ok() const {
  return !cancelled &&
         std::all_of(stacks.begin(), stacks.end(), [](const StackResult& r) { return r.ok(); });
}

StacksOutcome deploy_stacks(const std::filesystem::path& assembly_dir, const DeployStacksOptions& options,
                            std::ostream& out, std::ostream& err, const Confirm& confirm) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, !options.target.exclusively, false);
  if (stacks.empty()) throw DeployError("the app has no stacks to deploy");
  const auto previous_outputs = options.outputs_file.empty() ? nlohmann::ordered_json::object()
                                                             : read_outputs_file(options.outputs_file);
  Session session = make_session(options.target);
  DeployOptions deploy = deploy_options(options.target);
  deploy.method = options.method;
  deploy.change_set_name = options.change_set_name;
  deploy.approval = options.approval;
  deploy.parameters = options.parameters;
  deploy.force = options.force;
  deploy.progress = options.progress;
  deploy.toolkit_stack = options.toolkit_stack;
  deploy.allow_replace = options.allow_replace;
  Printer printer(out, err);
  Deployer deployer(session, printer, deploy, confirm);
  guard_before_deploying(session, stacks, options);
  publish_or_stop(session, printer, options.assets, stacks);
  StacksOutcome outcome{deployer.deploy_all(stacks)};
  if (!options.outputs_file.empty()) write_outputs_file(options.outputs_file, outcome.stacks, previous_outputs);
  return outcome;
}

DiffOutcome diff_stacks(const std::filesystem::path& assembly_dir, const DiffStacksOptions& options,
                        std::ostream& out) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, false, false);
  if (!options.template_file.empty()) return diff_with_file(stacks, options.template_file, out);
  Session session = make_session(options.target);
  DiffOutcome outcome;
  const Deadline deadline = session.now() + std::chrono::seconds(options.target.timeout_seconds);
  for (const auto* s : stacks) {
    CloudFormation cfn(session.config("cloudformation", session.region_for(s), deadline));
    nlohmann::json deployed = deployed_template(cfn, *s);
    const nlohmann::json local = local_template(*s);
    TemplateDiff d = diff_templates(deployed, local);
    outcome.differing += d.empty() ? 0 : 1;
    outcome.replacing += static_cast<int>(d.replacements().size());
    std::ostringstream text;
    print_diff(text, s->display_name, d);
    out << text.str() << '\n';
    if (!deployed.empty()) outcome.replacing += diff_nested_stacks(cfn, *s, local, out);
  }
  out << fmt::format("Number of stacks with differences: {}\n", outcome.differing);
  return outcome;
}

DriftOutcome drift_stacks(const std::filesystem::path& assembly_dir, const TargetOptions& options,
                          std::ostream& out) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.stacks, false, false);
  Session session = make_session(options);
  DriftOutcome outcome;
  for (const auto* s : stacks) {
    const Deadline deadline = session.now() + std::chrono::seconds(options.timeout_seconds);
    CloudFormation cfn(session.config("cloudformation", session.region_for(s), deadline));
    auto existing = cfn.describe_stack(s->stack_name);
    if (!existing) {
      out << fmt::format("Stack {}\n{}: stack does not exist, no drift to detect\n\n", s->display_name,
                         s->display_name);
      continue;
    }
    StackDrift drift = detect_stack_drift(cfn, existing->id);
    outcome.drifted += drift.has_drift() ? 1 : 0;
    std::ostringstream text;
    print_drift(text, s->display_name, drift);
    out << text.str() << '\n';
  }
  out << fmt::format("Number of stacks with drift: {}\n", outcome.drifted);
  return outcome;
}

StacksOutcome destroy_stacks(const std::filesystem::path& assembly_dir, const DestroyStacksOptions& options,
                             std::ostream& out, std::ostream& err, const Confirm& confirm) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, false, !options.target.exclusively);
  if (stacks.empty()) throw DeployError("the app has no stacks to destroy");
  if (!options.force && !confirm_destroy(stacks, confirm)) {
    err << "destroy cancelled\n";
    return StacksOutcome{.cancelled = true};
  }
  Session session = make_session(options.target);
  Printer printer(out, err);
  Deployer deployer(session, printer, deploy_options(options.target), nullptr);
  return StacksOutcome{deployer.destroy_all(stacks)};
}

StacksOutcome rollback_stacks(const std::filesystem::path& assembly_dir, const RollbackStacksOptions& options,
                              std::ostream& out, std::ostream& err) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, false, false);
  if (stacks.empty()) throw DeployError("the app has no stacks to roll back");
  Session session = make_session(options.target);
  Printer printer(out, err);
  Deployer deployer(session, printer, deploy_options(options.target), nullptr);
  return StacksOutcome{deployer.rollback_all(stacks, options.skip)};
}

StackResult import_stack(const std::filesystem::path& assembly_dir, const ImportStackOptions& options,
                         std::ostream& out, std::ostream& err) {
  if (options.resource_mapping.empty()) {
    throw DeployError("import needs --resource-mapping FILE: {\"LogicalIdOrPath\": {\"IdentifierName\": \"value\"}}");
  }
  const ResourceMapping mapping = read_resource_mapping(options.resource_mapping);
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, false, false);
  if (stacks.size() != 1) {
    std::string names;
    for (const auto* s : stacks) names += (names.empty() ? "" : ", ") + s->display_name;
    throw DeployError(fmt::format("import works on one stack at a time; name it (selected: {})",
                                  names.empty() ? "none" : names));
  }
  const StackArtifact& stack = *stacks.front();
  Session session = make_session(options.target);
  Printer printer(out, err);
  Deployer deployer(session, printer, deploy_options(options.target), nullptr);
  StackResult result;
  try {
    result = deployer.import_resources(stack, stack.read_template(), mapping);
  } catch (const std::exception& e) {
    const std::string what = e.what();
    throw DeployError(what.rfind(stack.display_name, 0) == 0 ? what : stack.display_name + ": " + what);
  }
  if (result.ok()) {
    printer.out(fmt::format("✅ {} (resources imported)", stack.display_name));
  } else {
    printer.err(fmt::format("❌ {} failed: {}", stack.display_name, result.error));
  }
  return result;
}

bool publish_assets(const std::filesystem::path& assembly_dir, const PublishAssetsOptions& options,
                    std::ostream& out, std::ostream& err) {
  Assembly assembly = read_assembly(assembly_dir);
  auto stacks = assembly.select(options.target.stacks, !options.target.exclusively, false);
  Session session = make_session(options.target);
  Printer printer(out, err);
  AssetPublishOptions o = options.assets;
  if (!o.upload_transport) o.upload_transport = make_curl_transport(std::chrono::minutes(15));
  PublishOutcome outcome = AssetPublisher(session, printer, o).publish(stacks);
  for (const auto& f : outcome.failures) printer.err("❌ " + f);
  printer.out(fmt::format("Assets: {} published, {} already there{}", outcome.published, outcome.existing,
                          outcome.ok() ? "" : fmt::format(", {} failed", outcome.failures.size())));
  return outcome.ok();
}

StackResult bootstrap_toolkit(const BootstrapOptions& options, std::ostream& out, std::ostream& err) {
  if (!is_valid_qualifier(options.qualifier)) {
    throw DeployError(fmt::format("--qualifier '{}': expected 1 to 10 lower-case letters or digits", options.qualifier));
  }
  for (const auto& account : options.trusted_accounts)
    if (account.size() != 12 || account.find_first_not_of("0123456789") != std::string::npos)
      throw DeployError(fmt::format("--trust '{}': expected a 12-digit AWS account id", account));
  Session session = make_session(options.target);
  DeployOptions deploy = deploy_options(options.target);
  deploy.toolkit_stack = options.toolkit_stack;
  deploy.qualifier = options.qualifier;
  deploy.trusted_accounts = options.trusted_accounts;
  deploy.approval = Approval::Never;
  deploy.method = options.method;
  Printer printer(out, err);
  Deployer deployer(session, printer, deploy, nullptr);
  std::string region = session.region_for(nullptr);
  StackResult result = deployer.bootstrap(region);
  if (!result.ok()) return result;
  out << fmt::format("Staging bucket for {}: {}\n", region,
                     bootstrapped_bucket(session, options.toolkit_stack, region, result));
  // Empty when the stack has no outputs (moto gives stacks made by change sets none).
  std::string repository = output_value(result.outputs, "ImageRepositoryName");
  if (repository.empty()) repository = default_repository_name(session, options.qualifier, region);
  out << fmt::format("Container repository for {}: {}\n", region, repository);
  out << fmt::format("Bootstrap version {} (qualifier {}), usable by cdkpp and the AWS CDK CLI\n", bootstrap_version,
                     options.qualifier);
  return result;
}

}  // namespace cdk::deploy
