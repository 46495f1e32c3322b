#include "artifacts_key_policy.hpp"

#include <cdk/fn.hpp>
#include <cdk/iam/policy_statement.hpp>

namespace cdk::codepipeline::detail {

Value artifacts_key_policy(const std::vector<Value>& readers) {
  const Value root = Value("arn:") + Aws::partition() + Value(":iam::") + Aws::account_id() + Value(":root");
  std::vector<iam::PolicyStatement> statements = {
      {.actions = {"kms:*"}, .resources = {Value("*")}, .principals = Value::map({{"AWS", root}})}};
  for (const auto& reader : readers)
    statements.push_back({.actions = {"kms:Decrypt", "kms:DescribeKey"}, .resources = {Value("*")},
                          .principals = Value::map({{"AWS", reader}})});
  return iam::policy_document(statements);
}

}  // namespace cdk::codepipeline::detail
