#include <cdk/iam/policy_statement.hpp>

#include <algorithm>

namespace cdk::iam {

Value PolicyStatement::to_value() const {
  Value::Map m;
  if (!sid.empty()) m.emplace_back("Sid", sid);
  m.emplace_back("Effect", effect == Effect::Allow ? "Allow" : "Deny");
  if (!principals.is_null()) m.emplace_back("Principal", principals);
  m.emplace_back("Action", actions.size() == 1 ? Value(actions.front()) : Value(actions));
  if (!resources.empty()) m.emplace_back("Resource", resources.size() == 1 ? resources.front() : Value(resources));
  if (!conditions.is_null()) m.emplace_back("Condition", conditions);
  return Value(std::move(m));
}

Value policy_document(const std::vector<PolicyStatement>& statements) {
  Value::List list;
  list.reserve(statements.size());
  for (const auto& s : statements) {
    // Two grants of the same thing (ecr:GetAuthorizationToken for two
    // repositories) write one statement, as the AWS CDK does.
    Value v = s.to_value();
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(std::move(v));
  }
  return Value::map({{"Version", "2012-10-17"}, {"Statement", Value(std::move(list))}});
}

}  // namespace cdk::iam
