#include "security/rules.hpp"

#include <cdk/security.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace cdk::security {

namespace {
constexpr std::size_t kMinReasonLength = 10;
}

void suppress(Construct& scope, std::string_view rule_id, std::string_view reason) {
  namespace sec = detail::security;
  if (sec::find_rule(rule_id) == nullptr) {
    std::vector<std::string_view> ids;
    for (const auto& r : sec::rules()) ids.push_back(r.id);
    throw Error(scope.node().path(), fmt::format("no security rule is called \"{}\"", rule_id),
                fmt::format("use one of {}", fmt::join(ids, ", ")));
  }
  const auto meaningful = std::count_if(reason.begin(), reason.end(), [](unsigned char c) { return !std::isspace(c); });
  if (static_cast<std::size_t>(meaningful) < kMinReasonLength)
    throw Error(scope.node().path(), fmt::format("suppressing {} needs a reason", rule_id),
                "say why the finding is acceptable here, e.g. \"public website assets, no private data\"");
  scope.node().add_metadata(std::string(sec::kSuppressionType), fmt::format("{}: {}", rule_id, reason));
}

}  // namespace cdk::security
