#include <cdk/iam/policy.hpp>
#include <cdk/iam/role.hpp>

#include <cdk/annotations.hpp>
#include <cdk/iam/cfn_policy.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <string>

namespace cdk::iam {

namespace {

bool is_star(const Value& v) { return v.kind() == Value::Kind::String && v.as_string() == "*"; }

}  // namespace

void check_identity_statement(Construct& owner, const PolicyStatement& s, bool allow_full_access) {
  const auto path = owner.node().path();
  if (s.actions.empty())
    throw Error(path, "a policy statement has no actions", "list the actions it allows, e.g. \"s3:GetObject\"");
  for (const auto& a : s.actions) {
    if (a != "*" && a.find(':') == std::string::npos)
      throw Error(path, "policy action \"" + a + "\" is not of the form service:Action",
                  "write it like \"s3:GetObject\" or \"s3:Get*\"");
  }
  if (s.resources.empty())
    throw Error(path, "a policy statement for an identity policy has no resources",
                "name the ARNs it applies to (\"*\" only when the action has no resource)");
  if (!s.principals.is_null())
    throw Error(path, "an identity policy statement cannot name a principal",
                "principals belong in resource policies; the identity is who the policy is attached to");
  const bool any_action = std::any_of(s.actions.begin(), s.actions.end(), [](const auto& a) { return a == "*"; });
  const bool any_resource = std::any_of(s.resources.begin(), s.resources.end(), is_star);
  if (s.effect == Effect::Allow && any_action && any_resource) {
    if (!allow_full_access)
      throw Error(path, "a policy statement allows every action (\"*\") on every resource (\"*\")",
                  "grant the actions and resources that are needed, or set allow_full_access = true");
    Annotations::of(owner).add_warning(
        "a policy statement allows every action (\"*\") on every resource (\"*\"): this is full administrator access");
  }
}

Policy::Policy(Construct& scope, std::string_view id, const PolicyProps& props)
    : Construct(scope, id), allow_full_access_(props.allow_full_access) {
  if (props.policy_name.size() > max_name_length)
    throw Error(node().path(), "policy name \"" + props.policy_name + "\" is longer than 128 characters",
                "use a shorter name or leave it empty for a generated one");
  resource_ = &add<CfnPolicy>("Resource", CfnPolicy::Props{});
  auto name = props.policy_name.empty() ? Stack::of(*this).logical_id(*resource_) : props.policy_name;
  if (name.size() > max_name_length) name.resize(max_name_length);
  resource_->props().policy_name = name;
  for (const auto& s : props.statements) add_statements(s);
  for (const auto& r : props.roles)
    if (r) attach_to_role(*r);
  refresh();
}

void Policy::add_statements(const PolicyStatement& statement) {
  check_identity_statement(*this, statement, allow_full_access_);
  statements_.push_back(statement);
  refresh();
}

void Policy::attach_to_role(const IRole& role) {
  auto name = role.role_name();
  if (std::find(roles_.begin(), roles_.end(), name) == roles_.end()) roles_.push_back(name);
  refresh();
}

Value Policy::policy_ref() const { return resource_->ref(); }

void Policy::refresh() {
  resource_->props().policy_document = policy_document(statements_);
  resource_->props().roles = roles_.empty() ? Value() : Value(roles_);
}

std::vector<Diagnostic> Policy::validate() const {
  std::vector<Diagnostic> out;
  if (statements_.empty())
    out.push_back({Diagnostic::Level::Error, {}, "the policy has no statements", "add one with add_statements"});
  if (roles_.empty())
    out.push_back({Diagnostic::Level::Error, {}, "the policy is not attached to any role",
                   "pass .roles or call attach_to_role"});
  return out;
}

}  // namespace cdk::iam
