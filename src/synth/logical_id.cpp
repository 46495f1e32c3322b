#include "synth/logical_id.hpp"

#include "synth/md5.hpp"

#include <cdk/error.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::detail {

namespace {
std::string alphanumeric(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s)
    if (std::isalnum(c)) out += static_cast<char>(c);
  return out;
}
}  // namespace

std::string md5_hex_prefix(std::string_view text, std::size_t length) {
  const auto digest = md5(text);
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < digest.size() && out.size() < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  out.resize(std::min(length, out.size()));
  return out;
}

std::string make_logical_id(const std::vector<std::string_view>& components) {
  std::vector<std::string_view> parts;
  parts.reserve(components.size());
  for (auto c : components)
    if (c != kHiddenId) parts.push_back(c);
  if (parts.empty())
    throw Error("", "cannot make a logical id from an empty path", "do not name every level \"Default\"");

  if (parts.size() == 1) {
    std::string id = alphanumeric(parts[0]);
    if (id.size() <= kMaxIdLength) return id;
  }

  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) joined += '/';
    joined += parts[i];
  }
  const std::string hash = md5_hex_prefix(joined, kHashLength);

  // Readable part: a component that the previous kept one ends with adds
  // nothing ("Vpc/Vpc" reads "Vpc"), and "Resource" is left out.
  std::vector<std::string_view> kept;
  for (auto c : parts) {
    if (!kept.empty() && kept.back().ends_with(c)) continue;
    kept.push_back(c);
  }
  std::string human;
  for (auto c : kept)
    if (c != kHiddenFromHumanId) human += alphanumeric(c);
  if (human.size() > kMaxHumanLength) human.resize(kMaxHumanLength);
  return human + hash;
}

}  // namespace cdk::detail
