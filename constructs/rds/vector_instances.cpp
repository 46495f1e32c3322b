// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/rds/cluster_instance.hpp>

CDKPP_VECTOR_INSTANCE(cdk::rds::ClusterInstance);
