#pragma once
/// Who may talk to whom: the AWS CDK's connection model.
///
/// Anything with security groups implements IConnectable and exposes a
/// Connections object. Opening traffic between two of them adds the ingress
/// rule to the receiver's groups and the matching egress rule to the sender's
/// (unless the sender allows all outbound traffic):
///
///   db.connections().allow_default_port_from(web);           // web -> db:3306
///   lb.connections().allow_from(cdk::ec2::Peer::any_ipv4(), cdk::ec2::Port::tcp(443));
///   cluster.connections().allow_internally(cdk::ec2::Port::all_tcp());
///
/// Rules between two security groups are separate AWS::EC2::SecurityGroupIngress
/// / Egress resources (in the construct of the group they belong to), so two
/// groups that refer to each other never form a dependency cycle. Nothing is
/// opened to 0.0.0.0/0 unless Peer::any_ipv4() or *_any_ipv4 is asked for.
/// Security groups added later also get the rules allowed before (as in the CDK),
/// so the Connections passed to allow_from/allow_to must live as long as the
/// App does, as the connections of constructs in the tree do.
#include <cdk/ec2/construct_lists.hpp>
#include <cdk/ec2/peer.hpp>
#include <cdk/ec2/port.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cdk::ec2 {

class Connections;
class SecurityGroup;

/// Something with security groups that others can be allowed to reach.
class IConnectable {
 public:
  virtual ~IConnectable() = default;
  [[nodiscard]] virtual Connections& connections() = 0;
};

struct ConnectionsProps {
  List<Ptr<SecurityGroup>> security_groups{};         ///< default: none (add_security_group later)
  Optional<Port> default_port{};                      ///< the port the service listens on; default none
};

class Connections : public IConnectable {
 public:
  explicit Connections(ConnectionsProps props = {});
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  Connections& connections() override { return *this; }

  [[nodiscard]] const std::vector<SecurityGroup*>& security_groups() const noexcept { return groups_; }
  /// Adds a group; rules allowed earlier through these connections apply to it too.
  void add_security_group(SecurityGroup& group);

  [[nodiscard]] const std::optional<Port>& default_port() const noexcept { return default_port_; }
  void set_default_port(Port port) { default_port_ = std::move(port); }

  /// Traffic from `other` to these groups on `port`.
  void allow_from(IConnectable& other, const Port& port, std::string description = {});
  void allow_from(const Peer& peer, const Port& port, std::string description = {});
  /// Traffic from these groups to `other` on `port`.
  void allow_to(IConnectable& other, const Port& port, std::string description = {});
  void allow_to(const Peer& peer, const Port& port, std::string description = {});
  /// From 0.0.0.0/0: explicit, the only way to open to the world.
  void allow_from_any_ipv4(const Port& port, std::string description = {});
  void allow_to_any_ipv4(const Port& port, std::string description = {});
  /// Traffic between members of these groups.
  void allow_internally(const Port& port, std::string description = {});

  /// allow_from(other, default_port()); throws cdk::Error without a default port.
  void allow_default_port_from(IConnectable& other, std::string description = {});
  void allow_default_port_from(const Peer& peer, std::string description = {});
  /// allow_from(Peer::any_ipv4(), default_port()): explicit.
  void allow_default_port_from_any_ipv4(std::string description = {});
  void allow_default_port_internally(std::string description = {});
  /// allow_to(other, other's default port).
  void allow_to_default_port(IConnectable& other, std::string description = {});

 private:
  using GroupFn = std::function<void(SecurityGroup&)>;
  /// Calls f for every group now and for every group added later.
  void for_each_group_forever(GroupFn f);
  const Port& require_default_port(const char* operation) const;

  std::vector<SecurityGroup*> groups_;
  std::vector<GroupFn> listeners_;
  std::optional<Port> default_port_;
  bool skip_ = false;         // set while the reverse rule of allow_from/allow_to is added
  bool remote_rule_ = false;  // the rule being added is the other side's mirror
};

}  // namespace cdk::ec2
