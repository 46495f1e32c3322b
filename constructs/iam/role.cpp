#include <cdk/iam/role.hpp>

#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/policy.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace cdk::iam {

namespace {

bool valid_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("_+=,.@-").find(c) != std::string_view::npos;
}

}  // namespace

Role::Role(Construct& scope, std::string_view id, const RoleProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  if (props_.assumed_by.empty())
    throw Error(path, "the role has no principal that may assume it",
                "set .assumed_by, e.g. cdk::iam::ServicePrincipal{\"ec2.amazonaws.com\"}");
  const auto& name = props_.role_name;
  if (name.size() > max_name_length)
    throw Error(path, "role name \"" + name + "\" is " + std::to_string(name.size()) + " characters long; IAM allows 64",
                "use a shorter name or leave role_name empty for a generated one");
  if (!std::all_of(name.begin(), name.end(), valid_name_char))
    throw Error(path, "role name \"" + name + "\" has characters IAM does not allow",
                "use letters, digits and _+=,.@- only");
  const auto& p = props_.path;
  if (!p.empty() && (p.size() > 512 || p.front() != '/' || p.back() != '/'))
    throw Error(path, "role path \"" + p + "\" must begin and end with '/' and have at most 512 characters",
                "e.g. \"/app/\"");
  const auto msd = props_.max_session_duration;
  if (msd != 0 && (msd < 3600 || msd > 43200))
    throw Error(path, "max_session_duration " + std::to_string(msd) + " is outside 3600-43200 seconds",
                "pick between one and twelve hours");

  CfnRole::Props l1;
  l1.assume_role_policy_document = policy_document({PolicyStatement{
      .actions = {"sts:AssumeRole"}, .principals = props_.assumed_by.policy_fragment()}});
  if (!props_.description.empty()) l1.description = props_.description;
  if (msd != 0) l1.max_session_duration = msd;
  if (!p.empty()) l1.path = p;
  if (props_.permissions_boundary) l1.permissions_boundary = props_.permissions_boundary->managed_policy_arn();
  if (!name.empty()) l1.role_name = name;
  for (const auto& [policy_name, statements] : props_.inline_policies) {
    if (statements.empty())
      throw Error(path, "inline policy \"" + policy_name + "\" has no statements", "add statements or drop it");
    for (const auto& s : statements) check_identity_statement(*this, s, props_.allow_full_access);
    l1.policies.push_back({.policy_document = policy_document(statements), .policy_name = policy_name});
  }
  resource_ = &add<CfnRole>("Resource", std::move(l1));
  auto managed = std::move(props_.managed_policies);
  props_.managed_policies.clear();
  for (const auto& m : managed) add_managed_policy(m);
}

namespace {

class ImportedRole : public Construct, public IRole {
 public:
  ImportedRole(Construct& scope, std::string_view id, std::string arn) : Construct(scope, id), arn_(std::move(arn)) {
    // arn:<partition>:iam::<account>:role/<optional path/>name
    const auto parts_ok = arn_.rfind("arn:", 0) == 0 && arn_.find(":iam::") != std::string::npos;
    const auto res = arn_.find(":role/");
    if (!parts_ok || res == std::string::npos || arn_.back() == '/')
      throw Error(node().path(), "\"" + arn_ + "\" is not an IAM role ARN",
                  "write it like arn:aws:iam::123456789012:role/name");
    name_ = arn_.substr(arn_.rfind('/') + 1);
  }
  [[nodiscard]] Value role_arn() const override { return Value(arn_); }
  [[nodiscard]] Value role_name() const override { return Value(name_); }
  void add_to_principal_policy(const PolicyStatement& statement) override {
    if (policy_ == nullptr) {
      check_identity_statement(*this, statement, false);
      policy_ = &add<Policy>("Policy");
      policy_->attach_to_role(*this);
    }
    policy_->add_statements(statement);
  }

 private:
  std::string arn_;
  std::string name_;
  Policy* policy_ = nullptr;
};

}  // namespace

IRole& Role::from_role_arn(Construct& scope, std::string_view id, std::string_view role_arn) {
  return scope.add<ImportedRole>(id, std::string(role_arn));
}

Value Role::role_arn() const { return resource_->attr_arn(); }
Value Role::role_name() const { return resource_->ref(); }
Value Role::role_id() const { return resource_->attr_role_id(); }

void Role::add_to_policy(const PolicyStatement& statement) {
  if (default_policy_ == nullptr) {
    // Checked before the policy exists so that a refused statement leaves no empty policy behind.
    check_identity_statement(*this, statement, props_.allow_full_access);
    default_policy_ = &add<Policy>("DefaultPolicy", PolicyProps{.allow_full_access = props_.allow_full_access});
    default_policy_->attach_to_role(*this);
  }
  default_policy_->add_statements(statement);
}

void Role::add_managed_policy(const ManagedPolicy& policy) {
  auto& arns = props_.managed_policies;
  auto same = [&](const ManagedPolicy& m) { return m.managed_policy_arn() == policy.managed_policy_arn(); };
  if (std::any_of(arns.begin(), arns.end(), same)) return;
  arns.push_back(policy);
  Value::List list;
  for (const auto& m : arns) list.push_back(m.managed_policy_arn());
  resource_->props().managed_policy_arns = Value(std::move(list));
}

void Role::grant_pass_role(IGrantable& grantee) const {
  Grant::add_to_principal({.grantee = grantee, .actions = {"iam:PassRole"}, .resource_arns = {role_arn()}});
}

}  // namespace cdk::iam
