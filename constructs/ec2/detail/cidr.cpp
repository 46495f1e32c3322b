#include "cidr.hpp"

#include <charconv>

namespace cdk::ec2::detail {

namespace {
bool parse_int(std::string_view s, int max, int& out) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out <= max;
}
}  // namespace

std::string Ipv4Cidr::to_string() const {
  return std::to_string(network >> 24) + "." + std::to_string((network >> 16) & 0xFF) + "." +
         std::to_string((network >> 8) & 0xFF) + "." + std::to_string(network & 0xFF) + "/" + std::to_string(mask);
}

std::optional<Ipv4Cidr> parse_ipv4_cidr(std::string_view text, std::string& problem, bool strict) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  const auto slash = text.find('/');
  std::string_view addr = text.substr(0, slash);
  std::uint32_t value = 0;
  int octets = 0;
  while (true) {
    const auto dot = addr.find('.');
    int octet = 0;
    if (!parse_int(addr.substr(0, dot), 255, octet)) {
      problem = "invalid IPv4 CIDR " + quoted;
      return std::nullopt;
    }
    value = (value << 8) | static_cast<std::uint32_t>(octet);
    ++octets;
    if (dot == std::string_view::npos) break;
    addr.remove_prefix(dot + 1);
  }
  if (octets != 4) {
    problem = "invalid IPv4 CIDR " + quoted;
    return std::nullopt;
  }
  if (slash == std::string_view::npos) {
    problem = "CIDR mask is missing in IPv4 " + quoted + "; did you mean \"" + std::string(text) + "/32\"?";
    return std::nullopt;
  }
  int mask = 0;
  if (!parse_int(text.substr(slash + 1), 32, mask)) {
    problem = "invalid mask in IPv4 CIDR " + quoted + " (0-32)";
    return std::nullopt;
  }
  const std::uint32_t host_bits = mask == 0 ? 0xFFFFFFFFu : (mask == 32 ? 0u : (0xFFFFFFFFu >> mask));
  if (strict && (value & host_bits) != 0) {
    Ipv4Cidr fixed{value & ~host_bits, mask};
    problem = "IPv4 CIDR " + quoted + " has host bits set; did you mean \"" + fixed.to_string() + "\"?";
    return std::nullopt;
  }
  return Ipv4Cidr{value & ~host_bits, mask};
}

std::string ipv6_cidr_problem(std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return "CIDR mask is missing in IPv6 " + quoted;
  const auto addr = text.substr(0, slash);
  if (addr.find(':') == std::string_view::npos) return "invalid IPv6 CIDR " + quoted;
  for (char c : addr) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != ':') return "invalid IPv6 CIDR " + quoted;
  }
  int mask = 0;
  if (!parse_int(text.substr(slash + 1), 128, mask)) return "invalid mask in IPv6 CIDR " + quoted + " (0-128)";
  return {};
}

}  // namespace cdk::ec2::detail
