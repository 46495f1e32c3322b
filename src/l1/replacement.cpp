#include "l1/replacement.hpp"

#include <algorithm>
#include <tuple>

namespace cdk::l1 {

Replacement replacement_of(std::string_view type, std::string_view property) {
  const auto table = replacing_properties();
  auto key = [](const ReplacingProperty& p) { return std::tie(p.type, p.property); };
  auto it = std::lower_bound(table.begin(), table.end(), std::tie(type, property),
                             [&](const ReplacingProperty& p, const auto& k) { return key(p) < k; });
  if (it == table.end() || it->type != type || it->property != property) return Replacement::Never;
  return it->replacement;
}

}  // namespace cdk::l1
