#pragma once
// MD5, for logical ids only: aws-cdk-lib hashes construct paths
// with it. Not for anything that needs a secure hash. Internal.
#include <array>
#include <string_view>

namespace cdk::detail {

/// The 16-byte MD5 digest of `data`.
std::array<unsigned char, 16> md5(std::string_view data);

}  // namespace cdk::detail
