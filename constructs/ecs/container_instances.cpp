// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/secret.hpp>

CDKPP_VECTOR_INSTANCE(cdk::ecs::CapacityProviderStrategy);
CDKPP_VECTOR_INSTANCE(cdk::ecs::PortMapping);
CDKPP_VECTOR_INSTANCE(cdk::ecs::MountPoint);
CDKPP_MAP_INSTANCE(cdk::ecs::Secret);
