// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/ecr/repository.hpp>

CDKPP_VECTOR_INSTANCE(cdk::ecr::LifecycleRule);
