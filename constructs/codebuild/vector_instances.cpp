// The list members this module's headers declare with CDKPP_EXTERN_VECTOR,
// compiled here once (cdk/vector_instances.hpp).
#include <cdk/codebuild/build_spec.hpp>
#include <cdk/codebuild/cache.hpp>

CDKPP_VECTOR_INSTANCE(std::pair<cdk::Value, cdk::codebuild::BuildSpecReport>);
CDKPP_VECTOR_INSTANCE(cdk::codebuild::LocalCacheMode);
