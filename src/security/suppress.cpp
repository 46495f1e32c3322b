#include "security/other_tools.hpp"
#include "security/rules.hpp"

#include <cdk/security.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace cdk::security {

namespace {

constexpr std::size_t kMinReasonLength = 10;  // cdk-nag's minimum too

void check_rule_id(const Construct& scope, std::string_view rule_id) {
  namespace sec = detail::security;
  if (sec::find_rule(rule_id) != nullptr || sec::tool_of(rule_id)) return;
  std::vector<std::string_view> ids;
  for (const auto& r : sec::rules()) ids.push_back(r.id);
  throw Error(scope.node().path(), fmt::format("no security rule is called \"{}\"", rule_id),
              fmt::format("use one of {}, or another tool's id (AwsSolutions-IAM5, W9, CKV_AWS_20, "
                          "S3_BUCKET_SSL_REQUESTS_ONLY)",
                          fmt::join(ids, ", ")));
}

void check_applies_to(const Construct& scope, std::string_view rule_id, const SuppressOptions& options) {
  if (options.applies_to.empty()) return;
  if (detail::security::tool_of(rule_id) != detail::security::Tool::CdkNag)
    throw Error(scope.node().path(), fmt::format("applies_to narrows cdk-nag rules only, not \"{}\"", rule_id),
                "drop applies_to, or suppress the cdk-nag rule it belongs to (e.g. AwsSolutions-IAM5)");
  for (const auto& finding : options.applies_to)
    if (finding.empty() || finding.find_first_of("[]") != std::string::npos)
      throw Error(scope.node().path(), fmt::format("applies_to entry \"{}\" of {} is not a finding", finding, rule_id),
                  "give cdk-nag's finding as it reports it, e.g. \"Action::s3:GetObject*\" or \"Resource::*\"");
}

void check_reason(const Construct& scope, std::string_view what, std::string_view reason) {
  const auto meaningful = std::count_if(reason.begin(), reason.end(), [](unsigned char c) { return !std::isspace(c); });
  if (static_cast<std::size_t>(meaningful) < kMinReasonLength)
    throw Error(scope.node().path(), fmt::format("{} needs a reason", what),
                "say why the finding is acceptable here, e.g. \"public website assets, no private data\"");
}

bool is_action(std::string_view a) {
  const auto colon = a.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < a.size() && a.find(' ') == std::string_view::npos;
}

}  // namespace

void suppress(Construct& scope, std::string_view rule_id, std::string_view reason, const SuppressOptions& options) {
  check_rule_id(scope, rule_id);
  check_applies_to(scope, rule_id, options);
  check_reason(scope, fmt::format("suppressing {}", rule_id), reason);
  const std::string type(detail::security::kSuppressionType);
  if (options.applies_to.empty()) {
    scope.node().add_metadata(type, fmt::format("{}: {}", rule_id, reason));
    return;
  }
  // One entry per finding, in cdk-nag's own "Rule[finding]" form.
  for (const auto& finding : options.applies_to)
    scope.node().add_metadata(type, fmt::format("{}[{}]: {}", rule_id, finding, reason));
}

void explain_wildcard_resources(Construct& scope, const std::vector<std::string>& actions, std::string_view reason) {
  if (actions.empty())
    throw Error(scope.node().path(), "explaining wildcard resources needs the actions whose statements they are in",
                "name the actions, e.g. {\"ecr:GetAuthorizationToken\"}");
  for (const auto& action : actions)
    if (!is_action(action))
      throw Error(scope.node().path(), fmt::format("\"{}\" is not an IAM action", action),
                  "give actions as service:Action, e.g. \"logs:PutLogEvents\"");
  check_reason(scope, "explaining wildcard resources", reason);
  scope.node().add_metadata(std::string(detail::security::kWildcardResourcesType),
                            fmt::format("{}: {}", fmt::join(actions, " "), reason));
}

}  // namespace cdk::security
