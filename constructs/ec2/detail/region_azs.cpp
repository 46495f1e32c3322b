#include "region_azs.hpp"

#include <array>
#include <utility>

namespace cdk::ec2::detail {

namespace {
// Source: the AWS Regions and Availability Zones pages (docs.aws.amazon.com/global-infrastructure),
// counting the zones a new account can use. Update when AWS adds zones.
constexpr std::array<std::pair<std::string_view, int>, 38> kRegions{{
    {"af-south-1", 3},     {"ap-east-1", 3},      {"ap-east-2", 3},      {"ap-northeast-1", 3},
    {"ap-northeast-2", 4}, {"ap-northeast-3", 3}, {"ap-south-1", 3},     {"ap-south-2", 3},
    {"ap-southeast-1", 3}, {"ap-southeast-2", 3}, {"ap-southeast-3", 3}, {"ap-southeast-4", 3},
    {"ap-southeast-5", 3}, {"ap-southeast-7", 3}, {"ca-central-1", 3},   {"ca-west-1", 3},
    {"cn-north-1", 3},     {"cn-northwest-1", 3}, {"eu-central-1", 3},   {"eu-central-2", 3},
    {"eu-north-1", 3},     {"eu-south-1", 3},     {"eu-south-2", 3},     {"eu-west-1", 3},
    {"eu-west-2", 3},      {"eu-west-3", 3},      {"il-central-1", 3},   {"me-central-1", 3},
    {"me-south-1", 3},     {"mx-central-1", 3},   {"sa-east-1", 3},      {"us-east-1", 6},
    {"us-east-2", 3},      {"us-gov-east-1", 3},  {"us-gov-west-1", 3},  {"us-west-1", 2},
    {"us-west-2", 4},      {"ap-southeast-6", 3},
}};
}  // namespace

std::optional<int> region_az_count(std::string_view region) noexcept {
  for (const auto& [name, count] : kRegions)
    if (name == region) return count;
  return std::nullopt;
}

}  // namespace cdk::ec2::detail
