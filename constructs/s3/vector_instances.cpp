// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/s3/bucket.hpp>

CDKPP_VECTOR_INSTANCE(cdk::s3::Transition);
CDKPP_VECTOR_INSTANCE(cdk::s3::LifecycleRule);
CDKPP_VECTOR_INSTANCE(cdk::s3::CorsRule);
