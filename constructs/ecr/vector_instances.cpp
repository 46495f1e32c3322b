// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/ecr/repository.hpp>

CDKPP_VECTOR_INSTANCE(cdk::ecr::LifecycleRule);
