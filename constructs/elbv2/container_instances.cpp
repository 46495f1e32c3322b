// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/elbv2/listener_action.hpp>
#include <cdk/elbv2/load_balancer_target.hpp>
#include <cdk/elbv2/target_group.hpp>

CDKPP_VECTOR_INSTANCE(cdk::elbv2::ListenerCondition);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::elbv2::TargetGroup>);
CDKPP_VECTOR_INSTANCE(cdk::elbv2::Target);
