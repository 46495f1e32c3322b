// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/iam/managed_policy.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/iam/principal.hpp>

CDKPP_VECTOR_INSTANCE(cdk::iam::PolicyStatement);
CDKPP_VECTOR_INSTANCE(cdk::iam::ManagedPolicy);
CDKPP_VECTOR_INSTANCE(cdk::iam::Principal);
