#include <cdk/ec2/connections.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/security_group.hpp>
#include <cdk/error.hpp>

#include <algorithm>
#include <utility>

namespace cdk::ec2 {

Connections::Connections(ConnectionsProps props) : default_port_(std::move(props.default_port)) {
  for (const auto& g : props.security_groups)
    if (g) add_security_group(*g);
}

void Connections::add_security_group(SecurityGroup& group) {
  if (std::find(groups_.begin(), groups_.end(), &group) != groups_.end()) return;
  groups_.push_back(&group);
  // Listeners registered while these run have seen the new group already.
  const std::size_t n = listeners_.size();
  for (std::size_t i = 0; i < n; ++i) {
    GroupFn f = listeners_[i];
    f(group);
  }
}

void Connections::for_each_group_forever(GroupFn f) {
  for (std::size_t i = 0; i < groups_.size(); ++i) f(*groups_[i]);
  listeners_.push_back(std::move(f));
}

namespace {
// Runs the mirror side of a rule on `other` with the re-entry guards set.
template <class F>
void mirrored(bool& skip, bool& other_remote, F&& f) {
  skip = true;
  other_remote = true;
  try {
    f();
  } catch (...) {
    skip = false;
    other_remote = false;
    throw;
  }
  skip = false;
  other_remote = false;
}
}  // namespace

void Connections::allow_from(IConnectable& other_connectable, const Port& port, std::string description) {
  if (skip_) return;
  Connections& other = other_connectable.connections();
  const bool remote = remote_rule_;
  for_each_group_forever([&other, port, description, remote](SecurityGroup& group) {
    other.for_each_group_forever([&group, port, description, remote](SecurityGroup& source) {
      group.add_ingress_rule(Peer::security_group(source), port, description, remote);
    });
  });
  mirrored(skip_, other.remote_rule_, [&] { other.allow_to(*this, port, description); });
}

void Connections::allow_to(IConnectable& other_connectable, const Port& port, std::string description) {
  if (skip_) return;
  Connections& other = other_connectable.connections();
  const bool remote = remote_rule_;
  for_each_group_forever([&other, port, description, remote](SecurityGroup& group) {
    other.for_each_group_forever([&group, port, description, remote](SecurityGroup& target) {
      group.add_egress_rule(Peer::security_group(target), port, description, remote);
    });
  });
  mirrored(skip_, other.remote_rule_, [&] { other.allow_from(*this, port, description); });
}

void Connections::allow_from(const Peer& peer, const Port& port, std::string description) {
  if (peer.group()) return allow_from(static_cast<IConnectable&>(*peer.group()), port, std::move(description));
  if (skip_) return;
  const bool remote = remote_rule_;
  for_each_group_forever([peer, port, description, remote](SecurityGroup& group) {
    group.add_ingress_rule(peer, port, description, remote);
  });
}

void Connections::allow_to(const Peer& peer, const Port& port, std::string description) {
  if (peer.group()) return allow_to(static_cast<IConnectable&>(*peer.group()), port, std::move(description));
  if (skip_) return;
  const bool remote = remote_rule_;
  for_each_group_forever([peer, port, description, remote](SecurityGroup& group) {
    group.add_egress_rule(peer, port, description, remote);
  });
}

void Connections::allow_from_any_ipv4(const Port& port, std::string description) {
  allow_from(Peer::any_ipv4(), port, std::move(description));
}

void Connections::allow_to_any_ipv4(const Port& port, std::string description) {
  allow_to(Peer::any_ipv4(), port, std::move(description));
}

void Connections::allow_internally(const Port& port, std::string description) {
  for_each_group_forever([this, port, description](SecurityGroup& group) {
    for_each_group_forever([&group, port, description](SecurityGroup& other) {
      group.add_ingress_rule(Peer::security_group(other), port, description);
      group.add_egress_rule(Peer::security_group(other), port, description);
    });
  });
}

const Port& Connections::require_default_port(const char* operation) const {
  if (!default_port_)
    throw Error(groups_.empty() ? std::string() : groups_.front()->node().path(),
                std::string("cannot call ") + operation + "(): these connections have no default port",
                "give the construct a port, or call allow_from with an explicit cdk::ec2::Port");
  return *default_port_;
}

void Connections::allow_default_port_from(IConnectable& other, std::string description) {
  allow_from(other, require_default_port("allow_default_port_from"), std::move(description));
}

void Connections::allow_default_port_from(const Peer& peer, std::string description) {
  allow_from(peer, require_default_port("allow_default_port_from"), std::move(description));
}

void Connections::allow_default_port_from_any_ipv4(std::string description) {
  allow_from(Peer::any_ipv4(), require_default_port("allow_default_port_from_any_ipv4"), std::move(description));
}

void Connections::allow_default_port_internally(std::string description) {
  allow_internally(require_default_port("allow_default_port_internally"), std::move(description));
}

void Connections::allow_to_default_port(IConnectable& other, std::string description) {
  Connections& target = other.connections();
  if (!target.default_port_)
    throw Error(target.groups_.empty() ? std::string() : target.groups_.front()->node().path(),
                "cannot call allow_to_default_port(): the target has no default port",
                "call allow_to with an explicit cdk::ec2::Port");
  allow_to(other, *target.default_port_, std::move(description));
}

}  // namespace cdk::ec2
