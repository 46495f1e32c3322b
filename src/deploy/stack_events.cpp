#include "deploy/stack_events.hpp"

#include <fmt/format.h>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {
constexpr std::string_view nested_stack_type = "AWS::CloudFormation::Stack";
}  // namespace

size_t resource_count(const nlohmann::json& tpl) {
  auto it = tpl.find("Resources");
  return it != tpl.end() && it->is_object() ? it->size() : 0;
}

std::string newest_event_id(const CloudFormation& cfn, const std::string& stack) {
  try {
    auto events = cfn.describe_stack_events(stack, "", 1);
    return events.empty() ? std::string() : events.front().event_id;
  } catch (const AwsError& e) {
    if (is_missing_stack(e)) return {};
    throw;
  }
}

// The ones after the cause are usually "Resource creation cancelled".
const StackEvent* first_cause(const std::vector<StackEvent>& failures) {
  for (const auto& e : failures) {
    if (e.resource_type != nested_stack_type && e.status_reason.find("cancelled") == std::string::npos) return &e;
  }
  for (const auto& e : failures) {
    if (e.resource_type != nested_stack_type) return &e;
  }
  return failures.empty() ? nullptr : &failures.front();
}

std::string failure_line(const std::string& label, const std::vector<StackEvent>& failures,
                         const StackDescription& final) {
  if (const StackEvent* cause = first_cause(failures)) {
    return fmt::format("{}: {} ({}) {}: {}; the stack is now {}", label, cause->logical_id, cause->resource_type,
                       cause->status, cause->status_reason.empty() ? "no reason given" : cause->status_reason,
                       final.status);
  }
  return fmt::format("{}: the stack is now {}{}", label, final.status,
                     final.status_reason.empty() ? "" : " (" + final.status_reason + ")");
}

bool names_resource(const std::string& name, const std::string& logical_id, const nlohmann::json& resource) {
  if (name == logical_id) return true;
  if (!resource.is_object()) return false;
  const auto metadata = resource.value("Metadata", nlohmann::json::object());
  const auto path = metadata.is_object() ? metadata.value("aws:cdk:path", std::string()) : std::string();
  return !path.empty() && (path == name || path == name + "/Resource");
}

}  // namespace cdk::deploy
