#pragma once
// Logical ids, computed exactly as aws-cdk-lib does so that an app ported from
// the AWS CDK keeps its logical ids (and CloudFormation keeps its resources).
// This is a compatibility contract: change nothing here without the test
// vectors in test/data/logical_id_vectors.json.
#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail {

/// Path components dropped entirely (from the id and from the hash input).
inline constexpr std::string_view kHiddenId = "Default";
/// Path components kept in the hash but left out of the readable part.
inline constexpr std::string_view kHiddenFromHumanId = "Resource";
/// Hex digits of the MD5 hash appended to the readable part.
inline constexpr std::size_t kHashLength = 8;
/// Longest readable part.
inline constexpr std::size_t kMaxHumanLength = 240;
/// Longest id used as is for a single path component.
inline constexpr std::size_t kMaxIdLength = 255;

/// The logical id of an element whose path below its stack is `components`.
/// Throws cdk::Error when nothing is left after dropping "Default".
std::string make_logical_id(const std::vector<std::string_view>& components);

/// A physical name from `components` (aws-cdk-lib's makeUniqueResourceName):
/// "Default" dropped; a single component that fits is used as is (letters,
/// digits and `allowed` only); otherwise the readable part joined by
/// `separator`, cut in the middle to fit, then the 8-digit hash of the path.
std::string make_unique_resource_name(const std::vector<std::string_view>& components, std::size_t max_length,
                                      std::string_view separator, std::string_view allowed);

/// First `length` uppercase hex digits of the MD5 of `text`.
std::string md5_hex_prefix(std::string_view text, std::size_t length);

}  // namespace cdk::detail
