#pragma once
// Checks every sample gets: golden template, determinism, security properties.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace samples {

using Json = nlohmann::ordered_json;

/// The stack's template text as synthesis writes it.
std::string template_text(cdk::Stack& stack);

/// Compares with golden/<sample>/<Stack>.template.json; with
/// CDKPP_UPDATE_GOLDENS=1 in the environment, rewrites the golden instead.
void expect_matches_golden(const std::string& sample, cdk::Stack& stack);

/// Logical ids of subnets that give instances public addresses.
std::set<std::string> public_subnets(const Json& t);

/// Every ingress rule in the template (inline or separate) as
/// {group logical id, cidr or "" , from port, to port}.
struct Ingress {
  std::string group;
  std::string cidr;
  long from = -1;
  long to = -1;
};
std::vector<Ingress> ingress_rules(const Json& t);

/// The security findings synthesis reports and nobody suppressed, as
/// "<path> [<rule>]"; a sample keeps this empty.
std::vector<std::string> security_findings(cdk::App& app);

/// Logical ids a JSON value refers to with Ref.
std::set<std::string> refs_in(const Json& j);

}  // namespace samples
