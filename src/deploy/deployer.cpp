#include "deploy/deployer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "deploy/deploy_attempt.hpp"
#include "deploy/endpoint.hpp"
#include "deploy/errors.hpp"
#include "deploy/parallel.hpp"
#include "deploy/replacement_guard.hpp"
#include "deploy/s3_bucket.hpp"
#include "deploy/stack_events.hpp"
#include "deploy/template_diff.hpp"
#include "core/template_text.hpp"

namespace cdk::deploy {
namespace {

using Status = StackResult::Status;
using wall = std::chrono::system_clock;

constexpr const char* stack_resource_type = "AWS::CloudFormation::Stack";
constexpr const char* fallback_region = "us-east-1";

std::string event_time(const std::string& iso) {
  // 2026-11-23T17:22:37.049Z -> 17:22:37
  return iso.size() >= 19 ? iso.substr(11, 8) : iso;
}

nlohmann::json parse_template(const std::string& label, const std::string& body) {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw DeployError(fmt::format("{}: the template is not valid JSON: {}", label, e.what()));
  }
}

/// The stack's own events (not a nested stack's): logical id = stack name, physical id = stack ARN.
bool is_own_stack_event(const StackEvent& e, const std::string& stack_ref) {
  return e.resource_type == stack_resource_type &&
         (e.physical_id == stack_ref || e.logical_id == stack_ref ||
          stack_ref.find(":stack/" + e.logical_id + "/") != std::string::npos);
}

const char* verb(Status s) {
  switch (s) {
    case Status::Created: return "created";
    case Status::Updated: return "updated";
    case Status::NoChanges: return "no changes";
    case Status::Deleted: return "destroyed";
    case Status::Missing: return "does not exist";
    case Status::Failed: return "failed";
    case Status::Cancelled: return "cancelled";
    case Status::Skipped: return "skipped";
    case Status::Prepared: return "change set prepared";
    case Status::RolledBack: return "rolled back";
    case Status::Imported: return "resources imported";
  }
  return "";
}

const char* method_label(DeployMethod m) {
  switch (m) {
    case DeployMethod::ChangeSet: return "change set";
    case DeployMethod::Direct: return "direct";
    case DeployMethod::PrepareChangeSet: return "prepare change set";
    case DeployMethod::ExecuteChangeSet: return "execute change set";
  }
  return "";
}

/// "[########------------]": `done` of `total` in 20 cells.
std::string progress_bar(size_t done, size_t total) {
  constexpr size_t cells = 20;
  const size_t filled = total == 0 ? 0 : std::min(cells, done * cells / total);
  return "[" + std::string(filled, '#') + std::string(cells - filled, '-') + "]";
}

}  // namespace

/// "Hello: change set cdkpp-deploy-1 ready: 2 to add, 1 to modify (0 replaced), 0 to remove"
std::string change_set_summary(const std::string& label, const std::string& cs_name, const ChangeSetDescription& cs) {
  int add = 0, modify = 0, remove = 0, replace = 0;
  for (const auto& c : cs.changes) {
    add += c.action == "Add";
    modify += c.action == "Modify";
    remove += c.action == "Remove";
    replace += c.replacement == "True";
  }
  return fmt::format("{}: change set {} ready: {} to add, {} to modify ({} replaced), {} to remove", label, cs_name,
                     add, modify, replace, remove);
}

/// One line per resource change: "  [+] Queue AWS::SQS::Queue", "  [~] Db AWS::RDS::DBCluster (replacement: True)".
std::string change_lines(const ChangeSetDescription& cs) {
  std::string text;
  for (const auto& c : cs.changes) {
    const char* mark = c.action == "Add" ? "+" : c.action == "Remove" ? "-" : c.action == "Import" ? "<" : "~";
    std::string replacement;
    if (!c.replacement.empty() && c.replacement != "False") {
      replacement = " (replacement: " + c.replacement;
      for (size_t i = 0; i < c.recreating.size(); ++i) replacement += (i == 0 ? ": " : ", ") + c.recreating[i];
      replacement += ")";
    }
    text += fmt::format("\n  [{}] {} {}{}", mark, c.logical_id, c.resource_type, replacement);
  }
  return text;
}

std::string staging_bucket_name(const CloudFormation& cfn, const std::string& toolkit_stack,
                                const std::vector<StackOutput>& outputs) {
  std::string name = output_value(outputs, bucket_name_output);
  return name.empty() ? cfn.physical_resource_id(toolkit_stack, staging_bucket_logical_id) : name;
}

bool is_valid_change_set_name(std::string_view name) {
  if (name.empty() || name.size() > 128 || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; });
}

void Printer::out(const std::string& line) {
  std::lock_guard lock(mutex_);
  out_ << line << '\n' << std::flush;
}

void Printer::err(const std::string& line) {
  std::lock_guard lock(mutex_);
  err_ << line << '\n' << std::flush;
}

std::string Session::region_for(const StackArtifact* stack) const {
  if (stack && !stack->region.empty()) return stack->region;
  if (!settings.region.empty()) return settings.region;
  return fallback_region;
}

ClientConfig Session::config(const std::string& service, const std::string& region, Deadline deadline) const {
  return ClientConfig{transport, settings.credentials, region, settings.endpoint_for(service, region),
                      retry, sleep, clock, deadline};
}

wall::time_point Session::now() const { return clock ? clock() : wall::now(); }

Deadline Deployer::deadline_from_now() const { return session_.now() + options_.timeout; }

void Deployer::poll_pause(const CloudFormation& cfn, const std::string& what_then) {
  const Deadline& deadline = cfn.client().config().deadline;
  if (deadline && session_.now() + options_.poll_interval >= *deadline) throw DeployError(what_then);
  session_.sleep(options_.poll_interval);
}

Deployer::Deployer(Session& session, Printer& printer, DeployOptions options, Confirm confirm)
    : session_(session), printer_(printer), options_(std::move(options)), confirm_(std::move(confirm)) {
  if (!session_.sleep) session_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  // Bad input is reported before anything is sent.
  for (const auto& spec : options_.parameters) {
    auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || spec[eq - 1] == ':') {
      throw DeployError(fmt::format("--parameters '{}': expected Key=Value or Stack:Key=Value", spec));
    }
  }
  const std::string& cs = options_.change_set_name;
  if (!cs.empty() && options_.method == DeployMethod::Direct) {
    throw DeployError("--change-set-name needs --method change-set, prepare-change-set or execute-change-set");
  }
  if (!cs.empty() && !is_valid_change_set_name(cs)) {
    throw DeployError(fmt::format("--change-set-name '{}': expected a letter, then letters, digits or '-' (at most "
                                  "128 characters)",
                                  cs));
  }
}

std::string Deployer::change_set_name() const {
  if (!options_.change_set_name.empty()) return options_.change_set_name;
  if (options_.method != DeployMethod::ChangeSet) return default_change_set_name;
  return fmt::format("cdkpp-deploy-{}", std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch()).count());
}

std::map<std::string, std::string> Deployer::parameters_for(const StackArtifact& stack,
                                                            const nlohmann::json& tpl) const {
  std::map<std::string, std::string> out = stack.parameters;
  const auto declared = tpl.value("Parameters", nlohmann::json::object());
  for (const auto& spec : options_.parameters) {
    auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw DeployError(fmt::format("--parameters '{}': expected Key=Value or Stack:Key=Value", spec));
    }
    std::string key = spec.substr(0, eq);
    std::string value = spec.substr(eq + 1);
    auto colon = key.find(':');
    if (colon != std::string::npos) {
      std::string target = key.substr(0, colon);
      if (target != stack.stack_name && target != stack.id && target != stack.display_name) continue;
      out[key.substr(colon + 1)] = value;
    } else if (declared.contains(key)) {
      out[key] = value;
    }
  }
  return out;
}

bool Deployer::approve(const StackArtifact& stack, const TemplateDiff& diff) {
  if (options_.approval == Approval::Never) return true;
  bool needed = options_.approval == Approval::AnyChange ? !diff.empty() : !diff.security_changes().empty();
  if (!needed) return true;
  std::lock_guard lock(confirm_mutex_);  // one question at a time, even in parallel waves
  std::ostringstream text;
  print_diff(text, stack.display_name, diff);
  printer_.out(text.str());
  const char* mode = options_.approval == Approval::AnyChange ? "any-change" : "broadening";
  if (!confirm_) {
    throw DeployError(fmt::format(
        "{}: the changes need approval (--require-approval {}) but there is no terminal to ask; re-run with "
        "--require-approval never to deploy without asking",
        stack.display_name, mode));
  }
  return confirm_(fmt::format("Do you wish to deploy these changes to {} (y/n)?", stack.display_name));
}

void Deployer::guard_replacements(const TemplateDiff& diff, const nlohmann::json& deployed,
                                  const nlohmann::json& proposed, const ChangeSetDescription* cs) const {
  if (!deployed.is_object() || deployed.empty()) return;  // a new stack replaces nothing
  GuardFindings found = deploy::guard_replacements(
      {.diff = diff, .deployed = deployed, .local = proposed, .change_set = cs ? &cs->changes : nullptr,
       .allowed = options_.allow_replace});
  for (const auto& line : found.warned) printer_.err("warning: " + line);
  if (found.empty()) return;
  std::string text;
  for (const auto& line : found.refused) text += (text.empty() ? "" : "\n") + line;
  throw DeployError(text);
}

StackDescription Deployer::wait_for_stack(const CloudFormation& cfn, const std::string& label,
                                          const std::string& stack_id, const std::string& last_event_id,
                                          size_t total_resources, std::vector<StackEvent>* failures,
                                          bool deleting) {
  auto start = session_.now();
  std::set<std::string> seen;
  size_t done = 0;
  size_t bar_at = 0;  // --progress bar: the count last drawn
  auto pump_events = [&] {
    std::vector<StackEvent> events;
    try {
      events = cfn.describe_stack_events(stack_id, last_event_id);
    } catch (const AwsError& e) {
      if (is_missing_stack(e)) return;
      throw;
    }
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      const StackEvent& e = *it;
      if (!seen.insert(e.event_id).second) continue;
      bool is_stack = e.resource_type == stack_resource_type;
      if (!is_stack && is_complete_event(e.status)) ++done;
      // The stack's own success event means every resource is done, also where an
      // emulator (moto) sends no per-resource events.
      if (is_own_stack_event(e, stack_id) && is_success(e.status)) done = total_resources;
      if (failures && is_failed_event(e.status)) failures->push_back(e);
      const size_t shown = std::min(done, total_resources);
      if (options_.progress == Progress::Bar && !is_failed_event(e.status)) {
        // Only what moves the bar: a finished resource or the stack's own status.
        if (shown == bar_at && !is_own_stack_event(e, stack_id)) continue;
        bar_at = shown;
        printer_.out(fmt::format("{} | {} {}/{} | {} | {} | {} {}", label, progress_bar(shown, total_resources), shown,
                                 total_resources, event_time(e.timestamp), e.status, e.resource_type, e.logical_id));
        continue;
      }
      std::string reason = e.status_reason.empty() ? "" : " (" + e.status_reason + ")";
      printer_.out(fmt::format("{} | {}/{} | {} | {:<20} | {} | {}{}", label, shown, total_resources,
                               event_time(e.timestamp), e.status, e.resource_type, e.logical_id, reason));
    }
  };
  for (;;) {
    auto d = cfn.describe_stack(stack_id);
    pump_events();
    if (!d) {
      if (deleting) {
        return StackDescription{stack_id, label, std::string(stack_status::delete_complete), "", {}, {}, {}};
      }
      throw DeployError(fmt::format("{}: the stack disappeared while waiting for it", label));
    }
    if (is_terminal(d->status)) return *d;
    auto waited = std::chrono::duration_cast<std::chrono::seconds>(session_.now() - start);
    poll_pause(cfn, fmt::format("{}: still {} after {}s, stopped waiting (--timeout). The operation may be stuck; "
                                "moto, for one, leaves a stack in {} when a resource fails",
                                label, d->status, waited.count(), stack_status::create_in_progress));
  }
}

std::string Deployer::find_staging_bucket(const Attempt& a) {
  const StackArtifact& stack = a.stack;
  const CloudFormation& cfn = a.cfn;
  auto toolkit = cfn.describe_stack(options_.toolkit_stack);
  if (!toolkit && options_.toolkit_stack == default_toolkit_stack) {
    toolkit = cfn.describe_stack(legacy_toolkit_stack);
    if (toolkit) {
      printer_.out(fmt::format("{}: using the staging bucket of the old {} stack; run 'bootstrap' to create {} (then "
                               "{} can be deleted)",
                               stack.display_name, legacy_toolkit_stack, default_toolkit_stack,
                               legacy_toolkit_stack));
    }
  }
  if (!toolkit || !is_success(toolkit->status)) return {};
  return staging_bucket_name(cfn, toolkit->id, toolkit->outputs);
}

std::string Deployer::stage_template(const Attempt& a, const std::string& body) {
  const StackArtifact& stack = a.stack;
  const std::string& region = a.region;
  std::string bucket_name = find_staging_bucket(a);
  if (bucket_name.empty()) {
    throw DeployError(fmt::format(
        "{}: the template is {} bytes, over the {}-byte limit for inline templates; run 'bootstrap' to create the "
        "staging bucket (stack {}) in {} first",
        stack.display_name, body.size(), max_inline_template_bytes, options_.toolkit_stack, region));
  }
  std::string key = fmt::format("cdkpp/templates/{}.json", sha256_hex(body));
  S3Bucket bucket(session_.config("s3", region, a.cfn.client().config().deadline), bucket_name,
                  session_.settings.custom_endpoint("s3"));
  bucket.put_object(key, body, "application/json");
  printer_.out(fmt::format("{}: template is {} bytes, uploaded to s3://{}/{}", stack.display_name, body.size(),
                           bucket_name, key));
  return bucket.object_url(key);
}

void Deployer::check_account(const StackArtifact& stack, const std::string& region, Deadline deadline) {
  if (stack.account.empty()) return;
  std::string account;
  {
    std::lock_guard lock(account_mutex_);
    if (!caller_account_) {
      AwsClient sts(session_.config("sts", region, deadline), "sts", "2011-06-15");
      auto doc = sts.call("GetCallerIdentity");
      caller_account_ = doc->child("GetCallerIdentityResponse").child("GetCallerIdentityResult").child_value("Account");
    }
    account = *caller_account_;
  }
  if (!account.empty() && account != stack.account) {
    throw DeployError(fmt::format(
        "{}: the stack is for account {} but the credentials ({}) are for account {}; use credentials or a "
        "profile for {}",
        stack.display_name, stack.account, session_.settings.credentials.source, account, stack.account));
  }
}

void Deployer::print_outputs(const StackResult& result) {
  if (result.outputs.empty()) return;
  std::string text = "Outputs:";
  for (const auto& o : result.outputs) text += fmt::format("\n{}.{} = {}", result.stack, o.key, o.value);
  printer_.out(text);
}

StackResult Deployer::deploy(const StackArtifact& stack, const std::string& template_body) {
  StackResult result;
  result.stack = stack.stack_name;
  const Deadline deadline = deadline_from_now();
  try {
    result = deploy_unchecked(stack, template_body, deadline);
  } catch (const AwsError& e) {
    result.status = Status::Failed;
    result.error = fmt::format("{}: {}", stack.display_name, e.what());
    // moto answers a failing resource with an error from CreateStack itself and leaves
    // the stack in progress; say so, since no rollback will follow.
    if (e.action() == "CreateStack" || e.action() == "UpdateStack" || e.action() == "ExecuteChangeSet") {
      try {
        CloudFormation cfn(session_.config("cloudformation", session_.region_for(&stack), deadline));
        if (auto d = cfn.describe_stack(stack.stack_name); d && is_in_progress(d->status)) {
          result.error += fmt::format(" (the stack was left in {} with no rollback running; 'destroy' removes it)",
                                      d->status);
        }
      } catch (const std::exception&) {
      }
    }
  } catch (const std::exception& e) {
    result.status = Status::Failed;
    result.error = e.what();
    if (result.error.rfind(stack.display_name, 0) != 0) result.error = stack.display_name + ": " + result.error;
  }
  if (result.status == Status::Failed) {
    printer_.err(fmt::format("❌ {} failed: {}", stack.display_name, result.error));
  } else if (result.status == Status::Cancelled) {
    printer_.err(fmt::format("{}: deployment cancelled", stack.display_name));
  } else {
    printer_.out(fmt::format("✅ {} ({})", stack.display_name, verb(result.status)));
    if (result.status == Status::Prepared) {
      printer_.out(fmt::format("{}: review it, then run 'deploy --method execute-change-set --change-set-name {}'",
                               stack.display_name, change_set_name()));
    }
    print_outputs(result);
    if (!result.stack_id.empty()) printer_.out(fmt::format("Stack ARN:\n{}", result.stack_id));
  }
  return result;
}

StackResult Deployer::deploy_unchecked(const StackArtifact& stack, const std::string& body, Deadline deadline) {
  const std::string region = session_.region_for(&stack);
  Attempt a{.stack = stack,
            .label = stack.display_name,
            .region = region,
            .cfn = CloudFormation(session_.config("cloudformation", region, deadline)),
            .local = parse_template(stack.display_name, body)};
  a.total = resource_count(a.local);
  check_account(stack, region, deadline);
  printer_.out(fmt::format("{}: deploying... ({} resources, {}, {})", a.label, a.total, region,
                           method_label(options_.method)));
  a.existing = a.cfn.describe_stack(stack.stack_name);
  if (options_.method == DeployMethod::ExecuteChangeSet) return execute_prepared(a);
  settle_leftovers(a);
  prepare_request(a);
  if (is_up_to_date(a)) return keep_up_to_date(a);
  if (body.size() > max_inline_template_bytes) {
    a.request.template_url = stage_template(a, body);
  } else {
    a.request.template_body = body;
  }
  auto ended = options_.method == DeployMethod::Direct ? start_direct(a) : start_change_set(a);
  if (ended) return *ended;
  return finish(a);
}

void Deployer::settle_leftovers(Attempt& a) {
  auto& existing = a.existing;
  if (existing && is_in_progress(existing->status) && existing->status != stack_status::review_in_progress) {
    printer_.out(fmt::format("{}: waiting for the operation in progress ({}) to finish", a.label, existing->status));
    existing = wait_for_stack(a.cfn, a.label, existing->id, newest_event_id(a.cfn, existing->id), a.total, nullptr,
                              false);
  }
  if (existing && is_failed_create(existing->status)) {
    // Nothing usable was ever created; CloudFormation cannot update such a stack.
    printer_.out(fmt::format("{}: stack is {} after an earlier failed create; deleting it first", a.label,
                             existing->status));
    delete_leftover(a);
  }
  if (existing && existing->status == stack_status::review_in_progress) {
    // A change set was created but never executed: nothing is deployed. Start
    // afresh (moto would otherwise make a second stack of the same name).
    printer_.out(fmt::format("{}: removing the stack left in {} by an unexecuted change set", a.label,
                             stack_status::review_in_progress));
    delete_leftover(a);
  }
}

void Deployer::delete_leftover(Attempt& a) {
  const std::string id = a.existing->id;
  std::string last = newest_event_id(a.cfn, id);
  a.cfn.delete_stack(id);
  wait_for_stack(a.cfn, a.label, id, last, a.total, nullptr, true);
  a.existing.reset();
}

void Deployer::prepare_request(Attempt& a) const {
  StackRequest& request = a.request;
  request.stack_name = a.stack.stack_name;
  request.parameters = parameters_for(a.stack, a.local);
  request.tags = a.stack.tags;
  request.termination_protection = a.stack.termination_protection;
  if (!a.exists()) return;
  const nlohmann::json declared = a.local.value("Parameters", nlohmann::json::object());
  for (const auto& [key, _] : declared.items()) {
    if (!request.parameters.count(key) && a.existing->parameters.count(key)) {
      request.use_previous_parameters.push_back(key);
    }
  }
  if (auto text = a.cfn.get_template(a.existing->id)) {
    // JSON from cdkpp, YAML from the AWS CDK CLI; unreadable counts as changed.
    auto parsed = cdk::detail::parse_template_text(*text);
    a.deployed = parsed ? *parsed : nlohmann::json(nullptr);
  }
}

bool Deployer::is_up_to_date(const Attempt& a) const {
  if (options_.force || !a.exists()) return false;
  const StackDescription& existing = *a.existing;
  bool same_parameters = std::all_of(a.request.parameters.begin(), a.request.parameters.end(), [&](const auto& p) {
    auto it = existing.parameters.find(p.first);
    return it != existing.parameters.end() && it->second == p.second;
  });
  bool same_tags = existing.tags == a.stack.tags;
  return a.deployed == a.local && same_parameters && same_tags && is_success(existing.status);
}

StackResult Deployer::keep_up_to_date(Attempt& a) {
  if (a.existing->termination_protection != a.stack.termination_protection) {
    a.cfn.set_termination_protection(a.stack.stack_name, a.stack.termination_protection);
    printer_.out(fmt::format("{}: termination protection {}", a.label,
                             a.stack.termination_protection ? "enabled" : "disabled"));
  }
  return a.unchanged();
}

std::optional<StackResult> Deployer::start_change_set(Attempt& a) {
  const std::string cs_name = change_set_name();
  replace_prepared(a, cs_name);
  const std::string created_id =
      a.cfn.create_change_set(a.request, cs_name, a.exists() ? "UPDATE" : "CREATE").stack_id;
  ChangeSetDescription cs = wait_for_change_set(a, cs_name);
  if (cs.status != change_set_status::create_complete) {
    try {
      a.cfn.delete_change_set(a.stack.stack_name, cs_name);
    } catch (const AwsError&) {
    }
    if (is_no_changes_message(cs.status_reason)) return a.unchanged();
    throw DeployError(fmt::format("{}: change set {} {}: {}", a.label, cs_name, cs.status, cs.status_reason));
  }
  if (options_.method == DeployMethod::PrepareChangeSet) return stop_prepared(a, cs_name, cs);
  printer_.out(change_set_summary(a.label, cs_name, cs));
  const TemplateDiff diff = diff_templates(a.deployed, a.local);
  try {
    guard_replacements(diff, a.deployed, a.local, &cs);
  } catch (const DeployError&) {
    printer_.out(fmt::format("{}: the change set's changes (deleted unexecuted):{}", a.label, change_lines(cs)));
    a.cfn.delete_change_set(a.stack.stack_name, cs_name);
    throw;
  }
  if (!approve(a.stack, diff)) {
    a.cfn.delete_change_set(a.stack.stack_name, cs_name);
    if (!a.exists()) a.cfn.delete_stack(created_id.empty() ? a.stack.stack_name : created_id);
    return a.result(Status::Cancelled);
  }
  a.stack_ref = created_id.empty() ? a.stack.stack_name : created_id;
  a.last_event = newest_event_id(a.cfn, a.stack_ref);
  a.cfn.execute_change_set(a.stack.stack_name, cs_name);
  wait_until_executing(a, cs_name);
  return std::nullopt;
}

void Deployer::replace_prepared(Attempt& a, const std::string& cs_name) {
  // Only a name given (or the fixed default of prepare) can collide with an earlier change set.
  if (!a.exists() || (options_.change_set_name.empty() && options_.method == DeployMethod::ChangeSet)) return;
  try {
    a.cfn.describe_change_set(a.existing->id, cs_name);
  } catch (const AwsError& e) {
    if (is_missing_change_set(e)) return;
    throw;
  }
  printer_.out(fmt::format("{}: replacing the change set {} prepared earlier", a.label, cs_name));
  a.cfn.delete_change_set(a.existing->id, cs_name);
}

StackResult Deployer::stop_prepared(const Attempt& a, const std::string& cs_name, const ChangeSetDescription& cs) {
  printer_.out(change_set_summary(a.label, cs_name, cs) + change_lines(cs));
  StackResult r = a.unchanged();
  r.status = Status::Prepared;
  r.outputs.clear();  // nothing was deployed; the outputs file keeps what it had
  return r;
}

StackResult Deployer::execute_prepared(Attempt& a) {
  const std::string cs_name = change_set_name();
  const std::string prepare_hint = fmt::format(
      "prepare one with 'deploy --method prepare-change-set --change-set-name {}'", cs_name);
  if (!a.exists()) {
    throw DeployError(fmt::format("{}: the stack does not exist, so it has no change set {}; {}", a.label, cs_name,
                                  prepare_hint));
  }
  ChangeSetDescription cs;
  try {
    cs = a.cfn.describe_change_set(a.existing->id, cs_name);
  } catch (const AwsError& e) {
    if (!is_missing_change_set(e)) throw;
    throw DeployError(fmt::format("{}: the stack has no change set {}; {}", a.label, cs_name, prepare_hint));
  }
  if (cs.status != change_set_status::create_complete || cs.execution_status != change_set_status::available) {
    throw DeployError(fmt::format("{}: change set {} cannot be executed: it is {}, execution {}{}; {}", a.label,
                                  cs_name, cs.status, cs.execution_status,
                                  cs.status_reason.empty() ? "" : " (" + cs.status_reason + ")", prepare_hint));
  }
  printer_.out(change_set_summary(a.label, cs_name, cs) + change_lines(cs));
  const bool creates = a.existing->status == stack_status::review_in_progress;
  // Approval judges the change set's own template against the deployed one.
  nlohmann::json deployed = nlohmann::json::object();
  if (auto text = creates ? std::nullopt : a.cfn.get_template(a.existing->id)) {
    deployed = cdk::detail::parse_template_text(*text).value_or(nullptr);
  }
  nlohmann::json proposed = a.local;
  if (auto text = a.cfn.get_template(a.existing->id, cs_name)) {
    proposed = cdk::detail::parse_template_text(*text).value_or(a.local);
  }
  const TemplateDiff diff = diff_templates(deployed, proposed);
  guard_replacements(diff, deployed, proposed, &cs);  // the change set stays for a later --allow-replace
  if (!approve(a.stack, diff)) return a.result(Status::Cancelled);  // the change set stays for later
  a.stack_ref = a.existing->id;
  a.last_event = newest_event_id(a.cfn, a.stack_ref);
  a.cfn.execute_change_set(a.existing->id, cs_name);
  wait_until_executing(a, cs_name);
  if (creates) a.existing.reset();  // reported as created
  return finish(a);
}

ChangeSetDescription Deployer::wait_for_change_set(const Attempt& a, const std::string& cs_name) {
  for (;;) {
    ChangeSetDescription cs = a.cfn.describe_change_set(a.stack.stack_name, cs_name);
    if (is_change_set_settled(cs.status)) return cs;
    poll_pause(a.cfn, fmt::format("{}: change set {} still {}, stopped waiting (--timeout {}s)", a.label, cs_name,
                                  cs.status, options_.timeout.count()));
  }
}

void Deployer::wait_until_executing(const Attempt& a, const std::string& cs_name) {
  // ExecuteChangeSet returns before the stack leaves its previous (terminal)
  // status; wait until the execution has started so an update is not taken
  // for finished.
  for (;;) {
    ChangeSetDescription now;
    try {
      now = a.cfn.describe_change_set(a.stack.stack_name, cs_name);
    } catch (const AwsError& e) {
      if (e.code() == "ChangeSetNotFound" || e.code() == "ChangeSetNotFoundException") return;
      throw;
    }
    if (now.execution_status != change_set_status::available) return;
    poll_pause(a.cfn, fmt::format("{}: change set {} was not executed within --timeout {}s", a.label, cs_name,
                                  options_.timeout.count()));
  }
}

std::optional<StackResult> Deployer::start_direct(Attempt& a) {
  const TemplateDiff diff = diff_templates(a.deployed, a.local);
  guard_replacements(diff, a.deployed, a.local, nullptr);
  if (!approve(a.stack, diff)) return a.result(Status::Cancelled);
  if (!a.exists()) {
    a.stack_ref = a.cfn.create_stack(a.request);
    if (a.stack_ref.empty()) a.stack_ref = a.stack.stack_name;
    return std::nullopt;
  }
  a.last_event = newest_event_id(a.cfn, a.existing->id);
  try {
    a.stack_ref = a.cfn.update_stack(a.request);
  } catch (const AwsError& e) {
    if (!is_no_changes_message(e.message())) throw;
    return a.unchanged();
  }
  if (a.stack_ref.empty()) a.stack_ref = a.existing->id;
  return std::nullopt;
}

StackResult Deployer::finish(Attempt& a) {
  std::vector<StackEvent> failures;
  StackDescription final = wait_for_stack(a.cfn, a.label, a.stack_ref, a.last_event, a.total, &failures, false);
  StackResult result = a.result(Status::Failed);
  result.stack_id = final.id;
  if (is_success(final.status)) {
    result.status = a.exists() ? Status::Updated : Status::Created;
    result.outputs = final.outputs;
    // CreateStack sets protection; updates and change sets need the separate call.
    if (final.termination_protection != a.stack.termination_protection) {
      a.cfn.set_termination_protection(a.stack.stack_name, a.stack.termination_protection);
    }
    return result;
  }
  result.error = failure_line(a.label, failures, final);
  return result;
}

std::vector<StackResult> Deployer::deploy_all(const std::vector<const StackArtifact*>& stacks) {
  std::vector<StackResult> results;
  std::set<std::string> failed;
  for (const auto& wave : Assembly::waves(stacks)) {
    std::vector<StackResult> wave_results(wave.size());
    run_parallel(wave.size(), options_.concurrency, [&](size_t i) {
      const StackArtifact& s = *wave[i];
      for (const auto& d : s.dependencies) {
        if (failed.count(d)) {
          wave_results[i] = {s.stack_name, Status::Skipped, {}, {},
                             fmt::format("{}: not deployed because {} failed", s.display_name, d)};
          printer_.err(wave_results[i].error);
          return;
        }
      }
      std::string body;
      try {
        body = s.read_template();
      } catch (const std::exception& e) {
        wave_results[i] = {s.stack_name, Status::Failed, {}, {}, e.what()};
        printer_.err(fmt::format("❌ {} failed: {}", s.display_name, e.what()));
        return;
      }
      wave_results[i] = deploy(s, body);
    });
    for (size_t i = 0; i < wave.size(); ++i) {
      if (!wave_results[i].ok()) failed.insert(wave[i]->id);
      results.push_back(std::move(wave_results[i]));
    }
  }
  return results;
}

StackResult Deployer::destroy(const StackArtifact& stack) {
  StackResult result;
  result.stack = stack.stack_name;
  const std::string& label = stack.display_name;
  try {
    const std::string region = session_.region_for(&stack);
    const Deadline deadline = deadline_from_now();
    check_account(stack, region, deadline);  // else "does not exist" would be said of another account's stack
    CloudFormation cfn(session_.config("cloudformation", region, deadline));
    auto existing = cfn.describe_stack(stack.stack_name);
    if (!existing) {
      result.status = Status::Missing;
      printer_.out(fmt::format("{}: stack does not exist, nothing to destroy", label));
      return result;
    }
    nlohmann::json deployed = nlohmann::json::object();
    if (auto text = cfn.get_template(existing->id))
      deployed = cdk::detail::parse_template_text(*text).value_or(deployed);
    const size_t total = resource_count(deployed);
    result.retained = find_retained(cfn, existing->id, deployed);  // before the resources are gone
    printer_.out(fmt::format("{}: destroying... ({})", label, existing->status));
    std::string last = newest_event_id(cfn, existing->id);
    cfn.delete_stack(existing->id);
    std::vector<StackEvent> failures;
    StackDescription final = wait_for_stack(cfn, label, existing->id, last, total, &failures, true);
    result.stack_id = existing->id;
    if (final.status == stack_status::delete_complete) {
      result.status = Status::Deleted;
      printer_.out(fmt::format("✅ {}: destroyed", label));
      if (!result.retained.empty()) printer_.out(describe_retained(label, result.retained));
      return result;
    }
    result.status = Status::Failed;
    result.error = failure_line(label, failures, final);
  } catch (const std::exception& e) {
    result.status = Status::Failed;
    result.error = fmt::format("{}: {}", label, e.what());
  }
  printer_.err(fmt::format("❌ {} failed to destroy: {}", label, result.error));
  return result;
}

std::vector<RetainedResource> Deployer::find_retained(const CloudFormation& cfn, const std::string& stack_id,
                                                     const nlohmann::json& deployed) {
  if (retained_resources(deployed, std::nullopt).empty()) return {};
  std::optional<std::map<std::string, std::string>> physical;
  try {
    physical.emplace();
    for (const auto& r : cfn.list_stack_resources(stack_id)) (*physical)[r.logical_id] = r.physical_id;
  } catch (const AwsError&) {
    physical.reset();  // still worth listing, without physical ids
  }
  return retained_resources(deployed, physical);
}

std::vector<StackResult> Deployer::destroy_all(const std::vector<const StackArtifact*>& stacks) {
  auto waves = Assembly::waves(stacks);
  std::vector<StackResult> results;
  bool stop = false;
  for (auto it = waves.rbegin(); it != waves.rend(); ++it) {
    const auto& wave = *it;
    std::vector<StackResult> wave_results(wave.size());
    if (stop) {
      for (size_t i = 0; i < wave.size(); ++i) {
        wave_results[i] = {wave[i]->stack_name, Status::Skipped, {}, {},
                           fmt::format("{}: not destroyed because a stack depending on it failed to delete",
                                       wave[i]->display_name)};
      }
    } else {
      run_parallel(wave.size(), options_.concurrency, [&](size_t i) { wave_results[i] = destroy(*wave[i]); });
    }
    for (auto& r : wave_results) {
      stop = stop || !r.ok();
      results.push_back(std::move(r));
    }
  }
  return results;
}

StackResult Deployer::bootstrap(const std::string& region) {
  StackArtifact toolkit;
  toolkit.id = options_.toolkit_stack;
  toolkit.stack_name = options_.toolkit_stack;
  toolkit.display_name = options_.toolkit_stack;
  toolkit.region = region;
  toolkit.parameters["Qualifier"] = options_.qualifier;
  std::string trusted;
  for (const auto& account : options_.trusted_accounts) trusted += (trusted.empty() ? "" : ",") + account;
  if (!trusted.empty()) toolkit.parameters["TrustedAccounts"] = trusted;
  return deploy(toolkit, toolkit_template(options_.qualifier));
}

}  // namespace cdk::deploy
