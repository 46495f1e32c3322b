// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/iam/managed_policy.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/iam/principal.hpp>
#include <cdk/iam/role.hpp>

CDKPP_VECTOR_INSTANCE(cdk::iam::PolicyStatement);
CDKPP_VECTOR_INSTANCE(cdk::iam::ManagedPolicy);
CDKPP_VECTOR_INSTANCE(cdk::iam::Principal);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::iam::Role>);
CDKPP_MAP_INSTANCE(std::vector<cdk::iam::PolicyStatement>);
