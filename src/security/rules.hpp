#pragma once
// The built-in security rule pack: a catalogue of rules and the checks that
// run over each rendered template during synthesis. Internal.
#include "synth/resolve.hpp"
#include "synth/stack_view.hpp"

#include <cdk/error.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cdk {
class Construct;
class Stack;
}  // namespace cdk

namespace cdk::detail::security {

/// Advice: a choice an app should be able to justify (cdk-nag asks for a reason for each), not a
/// flaw; reported by `validate` only, never an error under --strict.
enum class Severity { High, Medium, Low, Advice };
std::string_view to_string(Severity s);

struct Rule {
  std::string_view id;           // e.g. "SG-WORLD-ADMIN"
  Severity severity;
  std::string_view title;        // one line: what the rule looks for
  std::string_view explanation;  // why it matters
  std::string_view fix;          // what to do
};

/// Every rule, in the order reports list them.
std::span<const Rule> rules();
/// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

/// Metadata type of a suppression on a construct; data is "<rule id>: <reason>".
inline constexpr std::string_view kSuppressionType = "cdkpp:security:suppress";
/// Metadata type of an explanation of wildcard resources; data is
/// "<action> <action>...: <reason>" (security::explain_wildcard_resources).
inline constexpr std::string_view kWildcardResourcesType = "cdkpp:security:wildcard-resources";

/// One finding of one rule on one resource of a stack's template.
struct Result {
  const Rule* rule = nullptr;
  std::string logical_id;                // the resource in the template
  std::string path;                      // the construct path users know (an L2's, not its "Resource")
  std::string detail;                    // what exactly was found, e.g. "port 22 from 0.0.0.0/0"
  std::optional<std::string> suppressed;  // the reason, when the construct or a scope above suppresses it
  std::string cdk_nag{};                 // cdk-nag's AwsSolutions id(s) of the same finding, space-separated; "" if none
};

/// Every finding of every rule in one stack, suppressed ones included. A
/// suppression answers a finding under cdkpp's rule id or under any id another
/// tool reports the same finding under (other_tools.hpp), e.g. AwsSolutions-RDS3.
std::vector<Result> find_all(const Stack& stack, const StackView& view,
                             const std::unordered_map<std::string, const Construct*>& constructs);

/// Runs every rule over one stack's rendered template. `constructs` maps the
/// template's logical ids to the constructs that made them (for paths and
/// suppressions). Findings are warnings; suppressed ones are infos that carry
/// the reason. Each diagnostic's `rule` names its rule.
std::vector<Diagnostic> check_stack(const Stack& stack, const StackView& view,
                                    const std::unordered_map<std::string, const Construct*>& constructs);

}  // namespace cdk::detail::security
