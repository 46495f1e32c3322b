#include "deploy/port_check.hpp"

#include "deploy/replacement_guard.hpp"

#include <fmt/format.h>

#include <ostream>
#include <set>
#include <string_view>

namespace cdk::deploy {
namespace {

/// What aws-cdk-lib adds to every template and cdkpp does not: losing them changes nothing deployed.
bool is_aws_cdk_own(const TemplateChange& c) {
  static const std::set<std::string_view> ids = {"CDKMetadata", "BootstrapVersion", "CheckBootstrapVersion",
                                                 "CDKMetadataAvailable"};
  return c.kind == TemplateChange::Kind::Removed && (c.type == "AWS::CDK::Metadata" || ids.count(c.logical_id) > 0);
}

std::string data_mark(const TemplateChange& c) { return is_stateful_type(c.type) ? "  (holds data)" : ""; }

std::string resource_line(const TemplateChange& c) {
  std::string why;
  if (c.replaces()) {
    why = fmt::format(" ({}: {})", c.replacement == l1::Replacement::Always ? "replace" : "may replace",
                      fmt::join(c.replacing, ", "));
  }
  return fmt::format("    {} {}{}{}\n", c.type, c.logical_id, why, data_mark(c));
}

}  // namespace

PortCheck print_port_check(std::ostream& out, const std::string& file, const TemplateDiff& diff,
                           const nlohmann::json& file_template, const nlohmann::json& app_template) {
  PortCheck check;
  std::string deleted, created, replaced, harmless;
  for (const auto& c : diff.changes) {
    if (is_aws_cdk_own(c)) {
      harmless += (harmless.empty() ? "" : ", ") + c.logical_id;
      continue;
    }
    if (c.section != "Resources") continue;
    if (c.kind == TemplateChange::Kind::Removed) {
      ++check.only_in_file;
      deleted += resource_line(c);
    } else if (c.kind == TemplateChange::Kind::Added) {
      ++check.only_in_app;
      created += resource_line(c);
    } else if (c.replaces()) {
      ++check.replaced;
      check.type_changes += c.replacing == std::vector<std::string>{"Type"} ? 1 : 0;
      replaced += resource_line(c);
    }
  }
  out << fmt::format("Port check against {}\n", file);
  out << fmt::format("  only in the file, deleted by the first deploy: {}\n{}", check.only_in_file, deleted);
  out << fmt::format("  only in the app, created: {}\n{}", check.only_in_app, created);
  out << fmt::format("  replaced: {} ({} by a type change)\n{}", check.replaced, check.type_changes, replaced);
  if (!harmless.empty()) out << fmt::format("  aws-cdk-lib's own, not written by cdkpp (harmless): {}\n", harmless);
  const std::vector<std::string> no_allowance;
  const GuardFindings guard = guard_replacements(
      {.diff = diff, .deployed = file_template, .local = app_template, .allowed = no_allowance});
  check.refused = static_cast<int>(guard.refused.size());
  if (guard.empty()) out << "  deploy would delete or replace no resource that holds data\n";
  for (const auto& line : guard.refused) out << "  refused by deploy: " << line << "\n";
  for (const auto& line : guard.warned) out << "  warned by deploy: " << line << "\n";
  return check;
}

}  // namespace cdk::deploy
