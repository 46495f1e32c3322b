#include <cdk/ec2/peer.hpp>

#include <cdk/ec2/security_group.hpp>

#include "detail/cidr.hpp"

namespace cdk::ec2 {

namespace {
bool is_literal_string(const Value& v) { return v.kind() == Value::Kind::String; }
}  // namespace

Peer Peer::ipv4(Value cidr) {
  Peer p(Kind::Ipv4, cidr, nullptr);
  if (is_literal_string(cidr)) {
    std::string problem;
    if (!detail::parse_ipv4_cidr(cidr.as_string(), problem)) p.problem_ = problem;
  } else if (!cidr.is_token()) {
    p.problem_ = "an IPv4 peer needs a CIDR string or a token, got " + cidr.to_string();
  }
  return p;
}

Peer Peer::any_ipv4() { return ipv4("0.0.0.0/0"); }

Peer Peer::ipv6(Value cidr) {
  Peer p(Kind::Ipv6, cidr, nullptr);
  if (is_literal_string(cidr))
    p.problem_ = detail::ipv6_cidr_problem(cidr.as_string());
  else if (!cidr.is_token())
    p.problem_ = "an IPv6 peer needs a CIDR string or a token, got " + cidr.to_string();
  return p;
}

Peer Peer::any_ipv6() { return ipv6("::/0"); }

Peer Peer::prefix_list(Value prefix_list_id) {
  Peer p(Kind::PrefixList, prefix_list_id, nullptr);
  if (is_literal_string(prefix_list_id)) {
    if (!prefix_list_id.as_string().starts_with("pl-"))
      p.problem_ = "prefix list id \"" + prefix_list_id.as_string() + "\" does not start with \"pl-\"";
  } else if (!prefix_list_id.is_token()) {
    p.problem_ = "a prefix list peer needs an id string or a token, got " + prefix_list_id.to_string();
  }
  return p;
}

Peer Peer::security_group(SecurityGroup& group) { return Peer(Kind::SecurityGroup, {}, &group); }

std::string Peer::unique_id() const {
  if (group_) return group_->unique_id();
  if (is_literal_string(value_)) return value_.as_string();
  return {};
}

}  // namespace cdk::ec2
