#pragma once
/// The path of a construct about to be made under `scope` with `id`: what an
/// error thrown before the construct exists names.
#include <cdk/construct.hpp>

#include <string>
#include <string_view>

namespace cdk::elbv2::detail {

inline std::string child_path(const Construct& scope, std::string_view id) {
  const std::string parent = scope.node().path();
  return parent.empty() ? std::string(id) : parent + Node::path_separator + std::string(id);
}

}  // namespace cdk::elbv2::detail
