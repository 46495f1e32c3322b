// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline/stage.hpp>

CDKPP_VECTOR_INSTANCE(cdk::codepipeline::Artifact);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::GitPullRequestEvent);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::GitPushFilter);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::GitPullRequestFilter);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::Variable);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::Trigger);
CDKPP_VECTOR_INSTANCE(cdk::codepipeline::StageAction);
CDKPP_MAP_INSTANCE(cdk::codepipeline::ReplicationBucket);
