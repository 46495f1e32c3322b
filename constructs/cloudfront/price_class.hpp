#pragma once
/// cdk::cloudfront::PriceClass: which edge locations serve a distribution.
#include <cstdint>

namespace cdk::cloudfront {

/// Which edge locations serve the distribution (and what they cost).
enum class PriceClass : std::uint8_t {
  PriceClassAll,  ///< every edge location
  PriceClass200,  ///< North America, Europe, Israel, Africa, Middle East, most of Asia
  PriceClass100,  ///< North America, Europe and Israel only (cheapest)
};

constexpr const char* price_class_name(PriceClass c) noexcept {
  switch (c) {
    case PriceClass::PriceClass200: return "PriceClass_200";
    case PriceClass::PriceClass100: return "PriceClass_100";
    case PriceClass::PriceClassAll: break;
  }
  return "PriceClass_All";
}

}  // namespace cdk::cloudfront
