// `rollback`: brings stacks whose update or create failed back to their last
// stable state. Members of Deployer, apart from deploying.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html
// and https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_RollbackStack.html
#include <fmt/format.h>

#include "deploy/deployer.hpp"
#include "deploy/errors.hpp"
#include "deploy/stack_events.hpp"
#include "core/template_text.hpp"

namespace cdk::deploy {
namespace detail {

// Not in an anonymous namespace: Deployer::RollbackPlan, which has external
// linkage, holds one.
enum class RollbackKind { None, Continue, Rollback };

RollbackKind rollback_kind(std::string_view status) {
  using namespace stack_status;
  if (status == update_rollback_failed) return RollbackKind::Continue;
  if (status == update_failed || status == create_failed) return RollbackKind::Rollback;
  return RollbackKind::None;
}

}  // namespace detail

using detail::RollbackKind;
namespace {
using Status = StackResult::Status;
}  // namespace

struct Deployer::RollbackPlan {
  const StackArtifact& stack;
  std::optional<CloudFormation> cfn;
  std::optional<StackDescription> existing;
  RollbackKind kind = RollbackKind::None;
  std::vector<std::string> skip;  ///< logical ids
  size_t total = 0;
};

Deployer::RollbackPlan Deployer::plan_rollback(const StackArtifact& stack, const std::vector<std::string>& skip,
                                               std::vector<bool>& used) {
  const std::string region = session_.region_for(&stack);
  const Deadline deadline = deadline_from_now();
  check_account(stack, region, deadline);
  RollbackPlan plan{.stack = stack, .cfn = CloudFormation(session_.config("cloudformation", region, deadline))};
  plan.existing = plan.cfn->describe_stack(stack.stack_name);
  if (!plan.existing) return plan;
  plan.kind = detail::rollback_kind(plan.existing->status);
  nlohmann::json deployed = nlohmann::json::object();
  if (auto text = plan.cfn->get_template(plan.existing->id))
    deployed = cdk::detail::parse_template_text(*text).value_or(deployed);
  plan.total = resource_count(deployed);
  const auto resources = deployed.value("Resources", nlohmann::json::object());
  for (size_t i = 0; i < skip.size(); ++i) {
    for (const auto& [logical_id, resource] : resources.items()) {
      if (!resource.is_object() || !names_resource(skip[i], logical_id, resource)) continue;
      if (plan.kind != RollbackKind::Continue) {
        throw DeployError(fmt::format("--skip {}: {} is {}; resources can be skipped only when continuing the "
                                      "rollback of a stack in {}",
                                      skip[i], stack.display_name, plan.existing->status,
                                      stack_status::update_rollback_failed));
      }
      plan.skip.push_back(logical_id);
      used[i] = true;
    }
  }
  return plan;
}

StackResult Deployer::roll_back(RollbackPlan& plan) {
  const std::string& label = plan.stack.display_name;
  StackResult result;
  result.stack = plan.stack.stack_name;
  if (!plan.existing || plan.kind == RollbackKind::None) {
    result.status = plan.existing ? Status::NoChanges : Status::Missing;
    printer_.out(plan.existing ? fmt::format("{}: nothing to roll back ({})", label, plan.existing->status)
                               : fmt::format("{}: stack does not exist, nothing to roll back", label));
    return result;
  }
  result.stack_id = plan.existing->id;
  const std::string last = newest_event_id(*plan.cfn, plan.existing->id);
  if (plan.kind == RollbackKind::Continue) {
    std::string skipping;
    for (const auto& id : plan.skip) skipping += (skipping.empty() ? ", skipping " : ", ") + id;
    printer_.out(fmt::format("{}: continuing the rollback ({}){}", label, plan.existing->status, skipping));
    plan.cfn->continue_update_rollback(plan.existing->id, plan.skip);
  } else {
    printer_.out(fmt::format("{}: rolling back to the last stable state ({})", label, plan.existing->status));
    plan.cfn->rollback_stack(plan.existing->id);
  }
  std::vector<StackEvent> failures;
  StackDescription final =
      wait_for_stack(*plan.cfn, label, plan.existing->id, last, plan.total, &failures, /*deleting=*/true);
  const bool back = final.status.ends_with("ROLLBACK_COMPLETE") || final.status == stack_status::delete_complete;
  result.status = back ? Status::RolledBack : Status::Failed;
  if (back) printer_.out(fmt::format("✅ {} (rolled back; the stack is now {})", label, final.status));
  if (!back) result.error = failure_line(label, failures, final);
  return result;
}

std::vector<StackResult> Deployer::rollback_all(const std::vector<const StackArtifact*>& stacks,
                                                const std::vector<std::string>& skip) {
  std::vector<bool> used(skip.size(), false);
  std::vector<RollbackPlan> plans;
  for (const auto* s : stacks) plans.push_back(plan_rollback(*s, skip, used));
  for (size_t i = 0; i < skip.size(); ++i) {
    if (!used[i]) {
      throw DeployError(fmt::format("--skip {}: no resource of the selected stacks has that construct path or logical "
                                    "id; nothing was rolled back",
                                    skip[i]));
    }
  }
  std::vector<StackResult> results;
  for (auto& plan : plans) {
    StackResult r;
    try {
      r = roll_back(plan);
    } catch (const std::exception& e) {
      r = {plan.stack.stack_name, Status::Failed, {}, {}, fmt::format("{}: {}", plan.stack.display_name, e.what())};
    }
    if (r.status == Status::Failed) {
      printer_.err(fmt::format("❌ {} failed to roll back: {}", plan.stack.display_name, r.error));
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace cdk::deploy
