#include "core/logical_id.hpp"

#include "core/md5.hpp"

#include <cdk/error.hpp>

#include <algorithm>

namespace cdk::detail {

namespace {
bool is_alphanumeric(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

void append_alphanumeric(std::string& out, std::string_view s, std::string_view allowed = {}) {
  for (char c : s)
    if (is_alphanumeric(c) || allowed.find(c) != std::string_view::npos) out += c;
}

std::vector<std::string_view> without_hidden(const std::vector<std::string_view>& components) {
  std::vector<std::string_view> parts;
  parts.reserve(components.size());
  for (auto c : components)
    if (c != kHiddenId) parts.push_back(c);
  if (parts.empty())
    throw Error("", "cannot make a logical id from an empty path", "do not name every level \"Default\"");
  return parts;
}

std::string path_hash(const std::vector<std::string_view>& parts) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) joined += '/';
    joined += parts[i];
  }
  return md5_hex_prefix(joined, kHashLength);
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
  const auto parts = without_hidden(components);

  if (parts.size() == 1) {
    std::string id;
    append_alphanumeric(id, parts[0]);
    if (id.size() <= kMaxIdLength) return id;
  }

  std::size_t length = parts.size();
  for (auto c : parts) length += c.size();
  std::string joined;
  joined.reserve(length);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) joined += '/';
    joined += parts[i];
  }

  // Readable part: a component that the previous kept one ends with adds
  // nothing ("Vpc/Vpc" reads "Vpc"), and "Resource" is left out.
  std::string id;
  id.reserve(length + kHashLength);
  std::string_view last_kept;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && last_kept.ends_with(parts[i])) continue;
    last_kept = parts[i];
    if (parts[i] != kHiddenFromHumanId) append_alphanumeric(id, parts[i]);
  }
  if (id.size() > kMaxHumanLength) id.resize(kMaxHumanLength);
  id += md5_hex_prefix(joined, kHashLength);
  return id;
}

std::string make_unique_resource_name(const std::vector<std::string_view>& components, std::size_t max_length,
                                      std::string_view separator, std::string_view allowed) {
  const auto parts = without_hidden(components);
  if (parts.size() == 1) {
    std::string name;
    append_alphanumeric(name, parts[0], allowed);
    if (name.size() <= max_length) return name;
  }
  // Readable part as for logical ids, but joined by the separator (which ends it too).
  std::string human;
  std::string_view last_kept;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && last_kept.ends_with(parts[i])) continue;
    last_kept = parts[i];
    if (parts[i] == kHiddenFromHumanId) continue;
    std::string clean;
    append_alphanumeric(clean, parts[i], allowed);
    if (clean.empty()) continue;
    if (!human.empty()) human += separator;
    human += clean;
  }
  human += separator;
  const std::size_t max_human = max_length - kHashLength;
  if (human.size() > max_human) {
    const std::size_t half = max_human / 2;
    human = human.substr(0, half) + human.substr(human.size() - half);
  }
  return human + path_hash(parts);
}

}  // namespace cdk::detail
