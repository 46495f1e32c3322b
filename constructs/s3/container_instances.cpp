// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/s3/bucket.hpp>

CDKPP_VECTOR_INSTANCE(cdk::s3::Transition);
CDKPP_VECTOR_INSTANCE(cdk::s3::LifecycleRule);
CDKPP_VECTOR_INSTANCE(cdk::s3::CorsRule);
