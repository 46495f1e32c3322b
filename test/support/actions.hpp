#pragma once
// A pattern for exactly this list of IAM actions, in this order, e.g. the
// lists cdk::s3::actions gives: actions_are(cdk::s3::actions::read()).
#include <cdk/assertions.hpp>

#include <string>
#include <vector>

namespace cdk::testing {

inline cdk::assertions::Match actions_are(const std::vector<std::string>& names) {
  std::vector<cdk::assertions::Match> items;
  items.reserve(names.size());
  for (const auto& n : names) items.emplace_back(n);
  return cdk::assertions::Match::array_equals(std::move(items));
}

}  // namespace cdk::testing
