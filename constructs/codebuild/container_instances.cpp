// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/codebuild/build_spec.hpp>
#include <cdk/codebuild/cache.hpp>
#include <cdk/codebuild/environment_variable.hpp>

CDKPP_VECTOR_INSTANCE(std::pair<cdk::Value, cdk::codebuild::BuildSpecReport>);
CDKPP_VECTOR_INSTANCE(cdk::codebuild::LocalCacheMode);
CDKPP_MAP_INSTANCE(cdk::codebuild::BuildEnvironmentVariable);
