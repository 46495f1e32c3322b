#include "deploy/stack_drift.hpp"

#include <fmt/format.h>

#include <ostream>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

constexpr std::string_view detection_in_progress = "DETECTION_IN_PROGRESS";
constexpr std::string_view detection_failed = "DETECTION_FAILED";
constexpr std::string_view drift_modified = "MODIFIED";
constexpr std::string_view drift_deleted = "DELETED";
constexpr std::string_view drift_not_checked = "NOT_CHECKED";

/// "VersioningConfiguration.Status: Enabled -> Suspended" from "/Properties/VersioningConfiguration/Status".
std::string difference_line(const PropertyDifference& d) {
  std::string path = d.path;
  if (path.rfind("/Properties/", 0) == 0) path = path.substr(12);
  for (auto& c : path) c = c == '/' ? '.' : c;
  if (d.difference_type == "ADD") return fmt::format("[+] {}: {}", path, d.actual);
  if (d.difference_type == "REMOVE") return fmt::format("[-] {}: {}", path, d.expected);
  return fmt::format("[~] {}: {} -> {}", path, d.expected, d.actual);
}

void print_section(std::ostream& out, const StackDrift& drift, std::string_view status, const char* title,
                   char mark) {
  bool header = false;
  for (const auto& r : drift.drifted) {
    if (r.status != status) continue;
    if (!header) out << title << '\n';
    header = true;
    out << fmt::format("[{}] {} {}{}\n", mark, r.resource_type, r.logical_id,
                       r.physical_id.empty() ? "" : " (" + r.physical_id + ")");
    for (size_t i = 0; i < r.differences.size(); ++i) {
      out << fmt::format(" {} {}\n", i + 1 == r.differences.size() ? "└─" : "├─", difference_line(r.differences[i]));
    }
  }
}

}  // namespace

StackDrift detect_stack_drift(const CloudFormation& cfn, const std::string& stack, std::chrono::milliseconds poll) {
  const ClientConfig& config = cfn.client().config();
  StackDrift drift;
  drift.stack = stack;
  const std::string id = cfn.detect_stack_drift(stack);
  for (;;) {
    drift.detection = cfn.drift_detection_status(id);
    if (drift.detection.detection_status != detection_in_progress) break;
    if (config.deadline && config.clock() + poll >= *config.deadline) {
      throw DeployError(fmt::format("{}: drift detection {} still in progress, stopped waiting (--timeout)", stack, id));
    }
    config.sleep(poll);
  }
  for (auto& r : cfn.describe_stack_resource_drifts(stack)) {
    if (r.status == drift_not_checked) ++drift.not_checked;
    if (r.status == drift_modified || r.status == drift_deleted) drift.drifted.push_back(std::move(r));
  }
  return drift;
}

void print_drift(std::ostream& out, const std::string& label, const StackDrift& drift) {
  out << "Stack " << label << '\n';
  print_section(out, drift, drift_modified, "Modified Resources", '~');
  print_section(out, drift, drift_deleted, "Deleted Resources", '-');
  if (drift.not_checked > 0) {
    out << fmt::format("{} resource{} not checked (drift detection does not support {} type)\n", drift.not_checked,
                       drift.not_checked == 1 ? "" : "s", drift.not_checked == 1 ? "its" : "their");
  }
  if (drift.detection.detection_status == detection_failed) {
    out << fmt::format("Drift detection did not finish: {}\n",
                       drift.detection.reason.empty() ? "no reason given" : drift.detection.reason);
  }
  out << (drift.has_drift() ? fmt::format("{} resource{} drifted from the template\n", drift.drifted.size(),
                                          drift.drifted.size() == 1 ? " has" : "s have")
                            : std::string("No drift detected\n"));
}

}  // namespace cdk::deploy
