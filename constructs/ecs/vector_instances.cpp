// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/container_definition.hpp>

CDKPP_VECTOR_INSTANCE(cdk::ecs::CapacityProviderStrategy);
CDKPP_VECTOR_INSTANCE(cdk::ecs::PortMapping);
CDKPP_VECTOR_INSTANCE(cdk::ecs::MountPoint);
