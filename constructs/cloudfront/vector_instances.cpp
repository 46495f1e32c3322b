// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/cloudfront/error_response.hpp>

CDKPP_VECTOR_INSTANCE(cdk::cloudfront::ErrorResponse);
