// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/codepipeline_actions/cloudformation_actions.hpp>
#include <cdk/codepipeline_actions/codedeploy_ecs_deploy_action.hpp>

CDKPP_VECTOR_INSTANCE(cdk::codepipeline_actions::CfnCapability);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline_actions::CodeDeployEcsContainerImageInput);
