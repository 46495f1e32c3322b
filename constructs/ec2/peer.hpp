#pragma once
/// cdk::ec2::Peer: the other end of a security group rule.
///
///   cdk::ec2::Peer::ipv4("10.0.0.0/8")        // a CIDR block (validated)
///   cdk::ec2::Peer::ipv4(vpc.vpc_cidr_block()) // or a token
///   cdk::ec2::Peer::any_ipv4()                // 0.0.0.0/0: the only way to open to the world
///   cdk::ec2::Peer::prefix_list("pl-6ea54007")
///   cdk::ec2::Peer::security_group(other_sg)
///
/// A malformed CIDR is recorded as a problem and reported, with the construct
/// path, by the security group it is given to.
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::ec2 {

class SecurityGroup;

class Peer {
 public:
  enum class Kind : std::uint8_t { Ipv4, Ipv6, PrefixList, SecurityGroup };

  /// An IPv4 CIDR block "a.b.c.d/n" (a literal is checked; a token is taken as is).
  static Peer ipv4(Value cidr);
  /// 0.0.0.0/0. Say it explicitly: nothing in cdkpp opens to the world by default.
  static Peer any_ipv4();
  /// An IPv6 CIDR block.
  static Peer ipv6(Value cidr);
  /// ::/0.
  static Peer any_ipv6();
  /// A managed prefix list ("pl-..."); rules with it are separate resources, like the CDK.
  static Peer prefix_list(Value prefix_list_id);
  /// The members of a security group.
  static Peer security_group(SecurityGroup& group);

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  /// The CIDR block or prefix list id (null for a security group).
  [[nodiscard]] const Value& value() const noexcept { return value_; }
  /// The security group of a Kind::SecurityGroup peer, else nullptr.
  [[nodiscard]] SecurityGroup* group() const noexcept { return group_; }
  /// CIDR peers go inline into the security group; others become separate rule resources.
  [[nodiscard]] bool can_inline_rule() const noexcept { return kind_ == Kind::Ipv4 || kind_ == Kind::Ipv6; }
  /// How the AWS CDK names the peer in rule descriptions and ids: the CIDR,
  /// the prefix list id, or the security group's unique id; "" for a token.
  [[nodiscard]] std::string unique_id() const;
  /// Why the peer is invalid; empty when it is valid.
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

 private:
  Peer(Kind kind, Value value, SecurityGroup* group) : kind_(kind), value_(std::move(value)), group_(group) {}

  Kind kind_;
  Value value_;
  SecurityGroup* group_ = nullptr;
  std::string problem_;
};

}  // namespace cdk::ec2

CDKPP_EXTERN_VECTOR(cdk::ec2::Peer);
