#include <cdk/iam/grant.hpp>

#include <cdk/construct.hpp>
#include <cdk/error.hpp>
#include <cdk/security.hpp>

namespace cdk::iam {

PolicyStatement Grant::add_to_principal(const GrantOnPrincipalOptions& o) {
  if (!o.grantee) throw Error("", "a grant has no grantee", "pass the role or construct to grant to");
  const auto* c = dynamic_cast<const Construct*>(o.grantee.get());
  const auto path = c != nullptr ? c->node().path() : std::string();
  if (o.actions.empty()) throw Error(path, "a grant has no actions", "list the actions to grant");
  if (o.resource_arns.empty()) throw Error(path, "a grant has no resources", "list the resource ARNs to grant on");
  PolicyStatement s{.actions = o.actions, .resources = o.resource_arns, .conditions = o.conditions};
  o.grantee->add_to_principal_policy(s);
  return s;
}

void Grant::explain_wildcard_resources(IGrantable& grantee, const std::vector<std::string>& actions,
                                       std::string_view reason) {
  if (auto* scope = dynamic_cast<Construct*>(&grantee)) security::explain_wildcard_resources(*scope, actions, reason);
}

}  // namespace cdk::iam
