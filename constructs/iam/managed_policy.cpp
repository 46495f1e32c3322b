#include <cdk/fn.hpp>
#include <cdk/iam/managed_policy.hpp>

#include <string>

namespace cdk::iam {

ManagedPolicy ManagedPolicy::aws_managed(std::string_view name) {
  return ManagedPolicy(Value("arn:") + Aws::partition() + Value(":iam::aws:policy/" + std::string(name)));
}

ManagedPolicy ManagedPolicy::from_name(std::string_view name) {
  return ManagedPolicy(Value("arn:") + Aws::partition() + Value(":iam::") + Aws::account_id() +
                       Value(":policy/" + std::string(name)));
}

}  // namespace cdk::iam
