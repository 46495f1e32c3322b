// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/events/targets.hpp>

CDKPP_VECTOR_INSTANCE(cdk::events::ContainerOverride);
