// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/rds/cluster_instance.hpp>

CDKPP_VECTOR_INSTANCE(cdk::rds::ClusterInstance);
