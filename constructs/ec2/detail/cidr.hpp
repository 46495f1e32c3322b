#pragma once
// IPv4 CIDR arithmetic shared by Peer and Vpc (internal: not included by users).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cdk::ec2::detail {

struct Ipv4Cidr {
  std::uint32_t network = 0;  ///< address, host byte order
  int mask = 0;               ///< prefix length 0-32

  [[nodiscard]] std::uint64_t size() const noexcept { return std::uint64_t{1} << (32 - mask); }
  [[nodiscard]] std::uint64_t end() const noexcept { return std::uint64_t{network} + size(); }
  [[nodiscard]] bool contains(const Ipv4Cidr& o) const noexcept {
    return o.mask >= mask && o.network >= network && o.end() <= end();
  }
  [[nodiscard]] bool overlaps(const Ipv4Cidr& o) const noexcept {
    return network < o.end() && o.network < end();
  }
  [[nodiscard]] std::string to_string() const;
};

/// Parses "a.b.c.d/n". On failure returns nullopt and sets `problem`
/// (a missing mask, a bad octet, host bits set when `strict`).
std::optional<Ipv4Cidr> parse_ipv4_cidr(std::string_view text, std::string& problem, bool strict = false);

/// Checks the shape of an IPv6 CIDR ("2001:db8::/32"); returns the problem or "".
std::string ipv6_cidr_problem(std::string_view text);

}  // namespace cdk::ec2::detail
