// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/pipelines/step.hpp>

CDKPP_VECTOR_INSTANCE(cdk::pipelines::Step);
CDKPP_MAP_INSTANCE(cdk::Ptr<cdk::CfnOutput>);
