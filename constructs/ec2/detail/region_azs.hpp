#pragma once
// How many availability zones each region offers to a new account (what
// Fn::GetAZs returns there), for regions of stacks with an explicit env.
#include <optional>
#include <string_view>

namespace cdk::ec2::detail {

/// The number of AZs of `region`, or nullopt for a region not in the table.
std::optional<int> region_az_count(std::string_view region) noexcept;

}  // namespace cdk::ec2::detail
