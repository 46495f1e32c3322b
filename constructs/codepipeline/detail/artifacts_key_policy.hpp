#pragma once
// The key policy of a pipeline's artifacts key, in its own region or in a
// cross-region support stack. Internal: not included by public headers.
#include <cdk/value.hpp>

#include <vector>

namespace cdk::codepipeline::detail {

/// The account's root may do anything with the key; each of `readers` (role
/// ARNs) may decrypt and describe it.
Value artifacts_key_policy(const std::vector<Value>& readers);

}  // namespace cdk::codepipeline::detail
