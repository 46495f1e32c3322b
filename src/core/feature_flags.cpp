#include <cdk/construct.hpp>
#include <cdk/error.hpp>
#include <cdk/feature_flags.hpp>

#include <array>
#include <string>
#include <utility>

namespace cdk {

namespace {

struct KnownFlag {
  std::string_view name;
  bool cdk_init_default;
};

// Each flag with the value aws-cdk-lib's recommended-feature-flags.json gives
// it; cdkpp's own (@cdkpp/) default to aws-cdk-lib's behaviour.
constexpr std::array kKnownFlags{
    KnownFlag{flags::kEfsMountTargetOrderInsensitiveLogicalId, true},
    KnownFlag{flags::kEcsDisableExplicitDeploymentControllerForCircuitBreaker, true},
    KnownFlag{flags::kEc2RestrictDefaultSecurityGroup, true},
    KnownFlag{flags::kCdkppRdsInstanceSubnetGroupUnderSubnets, false},
    KnownFlag{flags::kCdkppAwsCdkDefaults, false},
    KnownFlag{flags::kCdkppWeakCrossStackReferences, false},
};

const KnownFlag* find_flag(std::string_view name) {
  for (const auto& f : kKnownFlags)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

bool FeatureFlags::is_enabled(std::string_view flag) const {
  const KnownFlag* known = find_flag(flag);
  if (!known)
    throw Error(scope_.node().path(), "feature flag " + std::string(flag) + " is not one cdkpp knows",
                "use a name from <cdk/feature_flags.hpp>");
  const auto text = scope_.node().try_get_context(flag);
  if (!text) return known->cdk_init_default;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw Error(scope_.node().path(), "feature flag " + std::string(flag) + " is '" + *text + "', neither true nor false",
              "set it to true or false in cdkpp.json or with -c " + std::string(flag) + "=false");
}

}  // namespace cdk
