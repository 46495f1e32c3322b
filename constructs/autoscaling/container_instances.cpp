// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/autoscaling/scaling_interval.hpp>

CDKPP_VECTOR_INSTANCE(cdk::autoscaling::ScalingInterval);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::autoscaling::AutoScalingGroup>);
