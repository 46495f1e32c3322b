// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/cloudfront/error_response.hpp>

CDKPP_VECTOR_INSTANCE(cdk::cloudfront::ErrorResponse);
