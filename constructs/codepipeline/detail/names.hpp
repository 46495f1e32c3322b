#pragma once
// Name rules CodePipeline applies to pipelines, stages, actions, artifacts
// and variables. Internal: not included by public headers.
#include <string>
#include <string_view>

namespace cdk::codepipeline::detail {

/// Throws cdk::Error naming `path` unless `name` is 1-`max` characters of
/// letters, digits and `extra`.
void check_name(const std::string& path, std::string_view what, const std::string& name, std::string_view extra,
                std::size_t max = 100);

}  // namespace cdk::codepipeline::detail
