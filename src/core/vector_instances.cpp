// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/error.hpp>
#include <cdk/value.hpp>

CDKPP_VECTOR_INSTANCE(cdk::Value);
CDKPP_VECTOR_INSTANCE(cdk::Value::Entry);
CDKPP_VECTOR_INSTANCE(cdk::Diagnostic);
