#pragma once
// Deploys, destroys and bootstraps stacks of a cloud assembly through
// CloudFormation: change sets or direct create/update, live progress from stack
// events, failure reasons, outputs, parallel waves.
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "deploy/assembly.hpp"
#include "deploy/bootstrap_template.hpp"
#include "deploy/cloudformation.hpp"
#include "deploy/credentials.hpp"
#include "deploy/resource_import.hpp"
#include "deploy/retained_resources.hpp"

namespace cdk::deploy {

struct TemplateDiff;  // template_diff.hpp

/// ChangeSet: create one and execute it; PrepareChangeSet: create it and stop (review it);
/// ExecuteChangeSet: execute one prepared earlier, by name; Direct: CreateStack/UpdateStack.
enum class DeployMethod { ChangeSet, Direct, PrepareChangeSet, ExecuteChangeSet };

/// The change set name prepare-change-set and execute-change-set use when none is given.
inline constexpr const char* default_change_set_name = "cdkpp-deploy-change-set";
/// A change set name CloudFormation accepts: a letter, then letters, digits and '-', at most 128.
bool is_valid_change_set_name(std::string_view name);
enum class Approval { Never, Broadening, AnyChange };
/// Events: one line per stack event. Bar: a progress bar line when a resource
/// finishes or the stack's status changes, failures as event lines.
enum class Progress { Events, Bar };

/// Templates larger than this go through the staging bucket (CloudFormation's TemplateBody limit).
inline constexpr size_t max_inline_template_bytes = 51'200;

struct DeployOptions {
  DeployMethod method = DeployMethod::ChangeSet;
  Approval approval = Approval::Broadening;
  /// The change set to create or execute; empty: a fresh name for ChangeSet, else default_change_set_name.
  std::string change_set_name;
  /// `Key=Value` for every stack that declares Key, `Stack:Key=Value` for one stack.
  std::vector<std::string> parameters;
  bool force = false;  ///< deploy even when the template and parameters are unchanged
  Progress progress = Progress::Events;
  int concurrency = 1;
  /// One stack's deadline, counted from its start: bounds every request, retry and wait for it.
  std::chrono::seconds timeout{3600};
  std::chrono::milliseconds poll_interval{2000};  ///< between DescribeStacks calls while waiting
  std::string toolkit_stack = default_toolkit_stack;  ///< where large templates are staged; default CDKToolkit
  std::string qualifier = default_qualifier;          ///< for bootstrap; default hnb659fds
  /// For bootstrap: accounts whose roles may assume the deploy and publishing roles. Empty: the
  /// stack's earlier value (none for a new one), as `cdk bootstrap` does without --trust.
  std::vector<std::string> trusted_accounts{};
  /// Stateful resources the deploy may replace or delete (construct paths or
  /// logical ids, * wildcards); any other is refused before the stack changes.
  std::vector<std::string> allow_replace{};
};

/// Where output goes; safe to use from several deploying threads.
class Printer {
 public:
  Printer(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}
  void out(const std::string& line);
  void err(const std::string& line);

 private:
  std::mutex mutex_;
  std::ostream& out_;
  std::ostream& err_;
};

/// Asks the user yes/no; returns false when no answer can be read.
using Confirm = std::function<bool(const std::string& question)>;

/// A connection to AWS (or an emulator) for one command.
struct Session {
  AwsSettings settings;
  std::shared_ptr<Transport> transport;
  RetryPolicy retry;
  Sleeper sleep;  ///< empty = real sleeping; tests make waiting instant
  Clock clock;

  /// The region a stack deploys to: its own, the chain's, else us-east-1.
  [[nodiscard]] std::string region_for(const StackArtifact* stack) const;
  /// A client's settings; `deadline` bounds its every request (DeadlineError when it passes).
  [[nodiscard]] ClientConfig config(const std::string& service, const std::string& region,
                                    Deadline deadline = std::nullopt) const;
  /// Now by the session's clock (the system clock unless a test sets one).
  [[nodiscard]] std::chrono::system_clock::time_point now() const;
};

struct StackResult {
  /// Prepared: a change set was created and left for review; the stack is as it was.
  /// RolledBack: `rollback` brought a failed stack back to its last stable state.
  /// Imported: `import` brought existing resources under the stack.
  enum class Status {
    Created, Updated, NoChanges, Deleted, Missing, Failed, Cancelled, Skipped, Prepared, RolledBack, Imported
  };
  std::string stack;  ///< CloudFormation stack name
  Status status = Status::Failed;
  std::vector<StackOutput> outputs;
  std::string stack_id;
  std::string error;  ///< for Failed: one line, first failing resource and reason
  std::vector<RetainedResource> retained{};  ///< for Deleted: what the removal policies kept

  [[nodiscard]] bool ok() const noexcept {
    return status != Status::Failed && status != Status::Cancelled && status != Status::Skipped;
  }
};

/// The toolkit stack's staging bucket: its BucketName output when it has one (moto
/// gives stacks made by change sets none), else the bucket resource's physical id.
std::string staging_bucket_name(const CloudFormation& cfn, const std::string& toolkit_stack,
                                const std::vector<StackOutput>& outputs);

class Deployer {
 public:
  Deployer(Session& session, Printer& printer, DeployOptions options, Confirm confirm);

  /// Deploys one stack from its template text. Never throws for AWS or network
  /// trouble: the result says Failed with the reason.
  StackResult deploy(const StackArtifact& stack, const std::string& template_body);
  /// Deploys `stacks` in dependency waves, `concurrency` at a time; stacks whose
  /// dependencies failed are Skipped.
  std::vector<StackResult> deploy_all(const std::vector<const StackArtifact*>& stacks);
  /// Deletes one stack and waits for it to be gone.
  StackResult destroy(const StackArtifact& stack);
  /// Deletes in reverse dependency order.
  std::vector<StackResult> destroy_all(const std::vector<const StackArtifact*>& stacks);
  /// Rolls failed stacks back (stack_rollback.cpp): ContinueUpdateRollback for
  /// UPDATE_ROLLBACK_FAILED, leaving the resources named by `skip` (construct
  /// paths or logical ids) as they are; RollbackStack for CREATE_FAILED and
  /// UPDATE_FAILED. Other stacks have nothing to roll back. Every `skip` is
  /// resolved before any stack is touched; DeployError names one that matches nothing.
  std::vector<StackResult> rollback_all(const std::vector<const StackArtifact*>& stacks,
                                        const std::vector<std::string>& skip);
  /// Imports existing resources into the stack with an IMPORT change set
  /// (resource_import.cpp). Throws DeployError for a mapping that does not fit,
  /// before anything changes; a failing import is a Failed result.
  StackResult import_resources(const StackArtifact& stack, const std::string& body, const ResourceMapping& mapping);
  /// Creates or updates the toolkit stack (bootstrap_template.hpp).
  StackResult bootstrap(const std::string& region);

 private:
  struct Attempt;       // one stack's deploy while it runs (deployer.cpp)
  struct RollbackPlan;  // one stack's rollback, resolved before any is started (stack_rollback.cpp)
  RollbackPlan plan_rollback(const StackArtifact& stack, const std::vector<std::string>& skip,
                             std::vector<bool>& used);
  StackResult roll_back(RollbackPlan& plan);

  StackResult deploy_unchecked(const StackArtifact& stack, const std::string& body, Deadline deadline);
  // The steps of deploy_unchecked, in order.
  /// Waits out an operation in progress; deletes what an earlier failed create left.
  void settle_leftovers(Attempt& a);
  void delete_leftover(Attempt& a);
  /// Parameters, tags and the deployed template to compare with.
  void prepare_request(Attempt& a) const;
  [[nodiscard]] bool is_up_to_date(const Attempt& a) const;
  StackResult keep_up_to_date(Attempt& a);
  /// Start the operation; a result when it ends before starting (no changes, cancelled).
  std::optional<StackResult> start_change_set(Attempt& a);
  /// Deletes a change set of the same name left by an earlier prepare.
  void replace_prepared(Attempt& a, const std::string& cs_name);
  StackResult stop_prepared(const Attempt& a, const std::string& cs_name, const ChangeSetDescription& cs);
  /// --method execute-change-set: runs the named change set as it was prepared.
  StackResult execute_prepared(Attempt& a);
  [[nodiscard]] std::string change_set_name() const;
  ChangeSetDescription wait_for_change_set(const Attempt& a, const std::string& cs_name);
  void wait_until_executing(const Attempt& a, const std::string& cs_name);
  std::optional<StackResult> start_direct(Attempt& a);
  /// Waits for the started operation and says how it ended.
  StackResult finish(Attempt& a);

  /// Waits for the stack to reach a terminal status, printing its events, until `deadline`.
  StackDescription wait_for_stack(const CloudFormation& cfn, const std::string& label, const std::string& stack_id,
                                  const std::string& last_event_id, size_t total_resources,
                                  std::vector<StackEvent>* failures, bool deleting);
  /// Sleeps one poll interval; DeployError `what_then` when the deadline would pass first.
  void poll_pause(const CloudFormation& cfn, const std::string& what_then);
  std::string stage_template(const Attempt& a, const std::string& body);
  /// The staging bucket's name: the toolkit stack's BucketName output (cdkpp's or
  /// `cdk bootstrap`'s), else the old CdkppToolkit's bucket. Empty when neither exists.
  std::string find_staging_bucket(const Attempt& a);
  std::map<std::string, std::string> parameters_for(const StackArtifact& stack, const nlohmann::json& tpl) const;
  /// Asks for approval of `diff` (deployed -> proposed) when options_.approval says so.
  bool approve(const StackArtifact& stack, const TemplateDiff& diff);
  /// DeployError, one line per refused resource, when the update would replace
  /// or delete a stateful resource that allow_replace does not name.
  void guard_replacements(const TemplateDiff& diff, const nlohmann::json& deployed, const nlohmann::json& proposed,
                          const ChangeSetDescription* cs) const;
  void print_outputs(const StackResult& result);
  /// Stops a deploy whose stack names an account other than the credentials' (STS GetCallerIdentity).
  void check_account(const StackArtifact& stack, const std::string& region, Deadline deadline);
  [[nodiscard]] Deadline deadline_from_now() const;
  /// What deleting the stack keeps: its template's Retain/Snapshot resources with their physical ids.
  std::vector<RetainedResource> find_retained(const CloudFormation& cfn, const std::string& stack_id,
                                              const nlohmann::json& deployed);

  Session& session_;
  Printer& printer_;
  DeployOptions options_;
  Confirm confirm_;
  std::mutex confirm_mutex_;
  std::mutex account_mutex_;
  std::optional<std::string> caller_account_;
};

}  // namespace cdk::deploy
