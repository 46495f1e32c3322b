#pragma once
// Drift: how the deployed resources differ from what their stack's template
// says, as CloudFormation's drift detection finds it (DetectStackDrift, then
// DescribeStackResourceDrifts), printed the way `diff` prints templates.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html
#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

#include "deploy/cloudformation.hpp"

namespace cdk::deploy {

struct StackDrift {
  std::string stack;
  DriftDetectionStatus detection;
  std::vector<ResourceDrift> drifted;  ///< MODIFIED and DELETED, in the order CloudFormation lists them
  int not_checked = 0;                 ///< resources whose type drift detection does not support

  [[nodiscard]] bool has_drift() const noexcept { return !drifted.empty(); }
};

/// Runs drift detection on `stack` and waits for it (polling every `poll`,
/// within the client's deadline). A detection that fails part-way still
/// reports what it checked; its reason is in `detection.reason`.
StackDrift detect_stack_drift(const CloudFormation& cfn, const std::string& stack,
                              std::chrono::milliseconds poll = std::chrono::seconds(2));

/// "Stack Hello", then "Modified Resources" / "Deleted Resources" with [~]/[-]
/// lines and one ├─/└─ line per property, then a one-line summary.
void print_drift(std::ostream& out, const std::string& label, const StackDrift& drift);

}  // namespace cdk::deploy
