#pragma once
// SHA-256 in lowercase hex: asset hashes and request signatures. Internal.
#include <string>
#include <string_view>

namespace cdk::detail {

std::string sha256_hex(std::string_view data);

}  // namespace cdk::detail
