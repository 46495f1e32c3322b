// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/codedeploy/load_balancer.hpp>
#include <cdk/codedeploy/server_deployment_group.hpp>
#include <cdk/codedeploy/trigger.hpp>

CDKPP_VECTOR_INSTANCE(cdk::codedeploy::TriggerEvent);
CDKPP_VECTOR_INSTANCE(cdk::codedeploy::TriggerProps);
CDKPP_VECTOR_INSTANCE(cdk::codedeploy::LoadBalancer);
CDKPP_VECTOR_INSTANCE(cdk::codedeploy::InstanceTagGroup);
