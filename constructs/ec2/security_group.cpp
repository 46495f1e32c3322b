#include <cdk/ec2/security_group.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/annotations.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/cfn_security_group_egress.hpp>
#include <cdk/ec2/cfn_security_group_ingress.hpp>
#include <cdk/error.hpp>
#include <cdk/names.hpp>
#include <cdk/stack.hpp>

#include <cctype>
#include <string_view>
#include <utility>

namespace cdk::ec2 {

namespace {

constexpr std::size_t kMaxDescription = 255;
constexpr std::size_t kMaxGroupName = 255;
constexpr const char* kAllowAllDescription = "Allow all outbound traffic by default";
constexpr const char* kAllowAllIpv6Description = "Allow all outbound ipv6 traffic by default";
// The CDK's placeholder egress rule that matches no traffic: with it in the
// group, CloudFormation does not add its default allow-all egress rule.
constexpr const char* kNoTrafficCidr = "255.255.255.255/32";
constexpr const char* kNoTrafficDescription = "Disallow all traffic";
constexpr int kNoTrafficFrom = 252;
constexpr int kNoTrafficTo = 86;

using Ingress = CfnSecurityGroup::IngressProperty;
using Egress = CfnSecurityGroup::EgressProperty;

Prop<std::int64_t> port_prop(std::optional<int> p) { return p ? Prop<std::int64_t>(*p) : Prop<std::int64_t>(); }

/// "from 10.0.0.0/8:443"; a token peer makes it a Fn::Join, as in the CDK.
Value default_description(const char* from_to, const Peer& peer, const Port& port) {
  const std::string unique = peer.unique_id();
  if (!unique.empty()) return std::string(from_to) + " " + unique + ":" + port.to_string();
  return Value(std::string(from_to) + " ") + peer.value() + Value(":" + port.to_string());
}

template <class Rule>
bool same_rule(const Rule& a, const Rule& b) {
  return a.cidr_ip.value() == b.cidr_ip.value() && a.cidr_ipv6.value() == b.cidr_ipv6.value() &&
         a.from_port.value() == b.from_port.value() && a.to_port.value() == b.to_port.value() &&
         a.ip_protocol.value() == b.ip_protocol.value();
}

bool is_no_traffic(const Egress& e) {
  return e.cidr_ip.value() == Value(kNoTrafficCidr) && e.ip_protocol.value() == Value("icmp") &&
         e.from_port.value() == Value(kNoTrafficFrom) && e.to_port.value() == Value(kNoTrafficTo);
}

/// "sg-" and 8 or 17 hex digits, as EC2 issues them.
bool is_security_group_id(std::string_view id) {
  if (!id.starts_with("sg-")) return false;
  id.remove_prefix(3);
  if (id.size() != 8 && id.size() != 17) return false;
  for (char c : id)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

SecurityGroup::SecurityGroup(Construct& scope, std::string_view id, const SecurityGroupProps& props)
    : Construct(scope, id),
      allow_all_outbound_(props.allow_all_outbound),
      allow_all_ipv6_outbound_(props.allow_all_ipv6_outbound),
      disable_inline_rules_(props.disable_inline_rules),
      connections_(ConnectionsProps{.security_groups = {*this}}) {
  const std::string path = node().path();
  if (!props.vpc) throw Error(path, "a security group needs a VPC", "set .vpc");
  std::string description = props.description.empty() ? path : props.description;
  if (description.size() > kMaxDescription)
    throw Error(path, "security group description is " + std::to_string(description.size()) +
                          " characters; the limit is 255", "set a shorter .description");
  if (props.security_group_name.size() > kMaxGroupName)
    throw Error(path, "security group name is longer than 255 characters", "set a shorter .security_group_name");
  if (props.security_group_name.starts_with("sg-"))
    throw Error(path, "security group name \"" + props.security_group_name + "\" starts with \"sg-\", which AWS reserves",
                "choose another .security_group_name");

  CfnSecurityGroup::Props l1{.group_description = description, .vpc_id = props.vpc->vpc_id()};
  if (!props.security_group_name.empty()) l1.group_name = props.security_group_name;
  if (!allow_all_outbound_) {
    // Kept inline even with disable_inline_rules: it must disappear when the
    // first real egress rule arrives, and separate resources cannot.
    l1.security_group_egress.push_back({.cidr_ip = kNoTrafficCidr,
                                        .description = kNoTrafficDescription,
                                        .from_port = kNoTrafficFrom,
                                        .ip_protocol = "icmp",
                                        .to_port = kNoTrafficTo});
  } else if (!disable_inline_rules_) {
    l1.security_group_egress.push_back({.cidr_ip = "0.0.0.0/0", .description = kAllowAllDescription, .ip_protocol = "-1"});
  }
  resource_ = &add<CfnSecurityGroup>("Resource", std::move(l1));
  if (allow_all_outbound_ && disable_inline_rules_)
    add_separate_rule(Peer::any_ipv4(), Port::all_traffic(), kAllowAllDescription, false, false);
  if (allow_all_ipv6_outbound_) {
    if (disable_inline_rules_)
      add_separate_rule(Peer::any_ipv6(), Port::all_traffic(), kAllowAllIpv6Description, false, false);
    else
      resource_->props().security_group_egress.push_back(
          {.cidr_ipv6 = "::/0", .description = kAllowAllIpv6Description, .ip_protocol = "-1"});
  }
}

SecurityGroup::SecurityGroup(Construct& scope, std::string_view id, ImportTag, Value security_group_id,
                             SecurityGroupImportOptions options)
    : Construct(scope, id),
      imported_id_(std::move(security_group_id)),
      allow_all_outbound_(options.allow_all_outbound),
      mutable_rules_(options.mutable_rules),
      connections_(ConnectionsProps{.security_groups = {*this}}) {
  if (imported_id_.is_null())
    throw Error(node().path(), "an imported security group needs its id", "pass \"sg-...\" or a token");
  if (imported_id_.kind() == Value::Kind::String && !is_security_group_id(imported_id_.as_string()))
    throw Error(node().path(), "\"" + imported_id_.as_string() + "\" is not a security group id",
                "security group ids are \"sg-\" and 8 or 17 hex digits");
}

SecurityGroup& SecurityGroup::from_security_group_id(Construct& scope, std::string_view id, Value security_group_id,
                                                     SecurityGroupImportOptions options) {
  return scope.add<SecurityGroup>(id, ImportTag{}, std::move(security_group_id), options);
}

Value SecurityGroup::security_group_id() const { return resource_ ? resource_->attr_group_id() : imported_id_; }

Value SecurityGroup::security_group_vpc_id() const { return resource_ ? resource_->attr_vpc_id() : Value(); }

std::string SecurityGroup::unique_id() const { return Names::unique_id(*this); }

void SecurityGroup::check(const Peer& peer, const Port& port, const std::string& description) const {
  if (!peer.problem().empty())
    throw Error(node().path(), peer.problem(), "give the peer a valid CIDR block such as \"10.0.0.0/16\"");
  if (!port.problem().empty()) throw Error(node().path(), port.problem(), "use ports 0-65535, from <= to");
  if (description.size() > kMaxDescription)
    throw Error(node().path(), "rule description is longer than 255 characters", "shorten the description");
}

std::string SecurityGroup::render_peer(const Peer& peer) {
  std::string unique = peer.unique_id();
  if (!unique.empty()) return unique;
  // Token peers: each rule gets its own id (the CDK's naming, quirks included).
  if (peer_token_count_++ == 0) return "{IndirectPeer}";
  return "'{IndirectPeer" + std::to_string(peer_token_count_) + "}'";
}

void SecurityGroup::add_separate_rule(const Peer& peer, const Port& port, const std::string& description,
                                      bool remote_rule, bool ingress) {
  const char* from_to = ingress ? "from" : "to";
  Construct* scope = this;
  std::string id;
  if (remote_rule && peer.group() && &Stack::of(*this) != &Stack::of(*peer.group())) {
    // The mirror rule of a cross-stack pair lives with the peer, so the stack
    // that depends on the other holds it (the CDK's choice).
    scope = peer.group();
    id = unique_id() + ":" + port.to_string() + (ingress ? " to" : " from");
  } else {
    if (peer.unique_id().empty()) {
      // A token peer has no name to dedupe by: compare the token itself.
      const std::string key = std::string(from_to) + ":" + port.to_string();
      for (const auto& [k, v] : token_rules_)
        if (k == key && v == peer.value()) return;
      token_rules_.emplace_back(key, peer.value());
    }
    id = std::string(from_to) + " " + render_peer(peer) + ":" + port.to_string();
    for (auto& c : id)
      if (c == '/') c = '_';  // the CDK replaces the one '/' a CIDR has; construct ids cannot hold any
  }
  if (scope->node().try_find_child(id)) return;
  const Value desc = description.empty() ? default_description(from_to, peer, port) : Value(description);
  if (ingress) {
    CfnSecurityGroupIngress::Props p{.description = desc,
                                     .from_port = port_prop(port.from_port()),
                                     .group_id = security_group_id(),
                                     .ip_protocol = port.protocol(),
                                     .to_port = port_prop(port.to_port())};
    switch (peer.kind()) {
      case Peer::Kind::Ipv4: p.cidr_ip = peer.value(); break;
      case Peer::Kind::Ipv6: p.cidr_ipv6 = peer.value(); break;
      case Peer::Kind::PrefixList: p.source_prefix_list_id = peer.value(); break;
      case Peer::Kind::SecurityGroup: p.source_security_group_id = peer.group()->security_group_id(); break;
    }
    scope->add<CfnSecurityGroupIngress>(id, std::move(p));
  } else {
    CfnSecurityGroupEgress::Props p{.description = desc,
                                    .from_port = port_prop(port.from_port()),
                                    .group_id = security_group_id(),
                                    .ip_protocol = port.protocol(),
                                    .to_port = port_prop(port.to_port())};
    switch (peer.kind()) {
      case Peer::Kind::Ipv4: p.cidr_ip = peer.value(); break;
      case Peer::Kind::Ipv6: p.cidr_ipv6 = peer.value(); break;
      case Peer::Kind::PrefixList: p.destination_prefix_list_id = peer.value(); break;
      case Peer::Kind::SecurityGroup: p.destination_security_group_id = peer.group()->security_group_id(); break;
    }
    scope->add<CfnSecurityGroupEgress>(id, std::move(p));
  }
}

void SecurityGroup::add_ingress_rule(const Peer& peer, const Port& port, std::string description, bool remote_rule) {
  check(peer, port, description);
  if (imported() && !mutable_rules_) return;
  if (imported() || !peer.can_inline_rule() || disable_inline_rules_) {
    add_separate_rule(peer, port, description, remote_rule, true);
    return;
  }
  Ingress rule{.description = description.empty() ? default_description("from", peer, port) : Value(description),
               .from_port = port_prop(port.from_port()),
               .ip_protocol = port.protocol(),
               .to_port = port_prop(port.to_port())};
  if (peer.kind() == Peer::Kind::Ipv4)
    rule.cidr_ip = peer.value();
  else
    rule.cidr_ipv6 = peer.value();
  auto& rules = resource_->props().security_group_ingress;
  for (const auto& r : rules)
    if (same_rule(r, rule)) return;
  rules.push_back(std::move(rule));
}

void SecurityGroup::remove_no_traffic_rule() {
  if (!resource_) return;
  auto& rules = resource_->props().security_group_egress;
  std::erase_if(rules, is_no_traffic);
}

void SecurityGroup::add_egress_rule(const Peer& peer, const Port& port, std::string description, bool remote_rule) {
  check(peer, port, description);
  if (imported()) {
    // An imported group that allows all outbound traffic needs no egress rules.
    if (mutable_rules_ && !allow_all_outbound_) add_separate_rule(peer, port, description, remote_rule, false);
    return;
  }
  const bool ipv6 = peer.kind() == Peer::Kind::Ipv6;
  if (!ipv6 && allow_all_outbound_) {
    if (!remote_rule)
      Annotations::of(*this).add_warning(
          "Ignoring Egress rule since 'allow_all_outbound' is set to true; to add customized rules, set "
          "allow_all_outbound = false on the SecurityGroup");
    return;
  }
  if (!ipv6) remove_no_traffic_rule();
  if (ipv6 && allow_all_ipv6_outbound_) {
    if (!remote_rule)
      Annotations::of(*this).add_warning(
          "Ignoring Egress rule since 'allow_all_ipv6_outbound' is set to true; to add customized rules, set "
          "allow_all_ipv6_outbound = false on the SecurityGroup");
    return;
  }
  if (!peer.can_inline_rule() || disable_inline_rules_) {
    add_separate_rule(peer, port, description, remote_rule, false);
    return;
  }
  const bool world = peer.value() == Value("0.0.0.0/0") || peer.value() == Value("::/0");
  if (world && port.protocol() == "-1")
    throw Error(node().path(), "cannot add an \"all traffic\" egress rule to the world this way",
                "set allow_all_outbound (IPv4) or allow_all_ipv6_outbound (IPv6) on the SecurityGroup instead");
  Egress rule{.description = description.empty() ? default_description("to", peer, port) : Value(description),
              .from_port = port_prop(port.from_port()),
              .ip_protocol = port.protocol(),
              .to_port = port_prop(port.to_port())};
  if (ipv6)
    rule.cidr_ipv6 = peer.value();
  else
    rule.cidr_ip = peer.value();
  auto& rules = resource_->props().security_group_egress;
  for (const auto& r : rules)
    if (same_rule(r, rule)) return;
  rules.push_back(std::move(rule));
}

}  // namespace cdk::ec2
