#pragma once
/// cdk::ec2::Subnet: one subnet of a Vpc with its own route table, the AWS
/// CDK's Subnet/PublicSubnet/PrivateSubnet (same construct ids: Subnet,
/// RouteTable, RouteTableAssociation, DefaultRoute, EIP, NATGateway).
///
/// Vpc creates these; use them through vpc.public_subnets() or select_subnets():
///
///   for (auto* s : vpc.private_subnets())
///     s->add_route("ToOnPrem", {.destination_cidr_block = "192.168.0.0/16",
///                               .router_type = cdk::ec2::RouterType::TransitGateway, .router_id = tgw});
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk {
class CfnResource;
}

namespace cdk::ec2 {

class CfnSubnet;
class CfnRouteTable;
class CfnRoute;
class CfnSubnetRouteTableAssociation;
class CfnNatGateway;

/// What a route sends traffic to.
enum class RouterType : std::uint8_t {
  Gateway,           ///< internet or virtual private gateway (GatewayId)
  NatGateway,        ///< NatGatewayId
  Instance,          ///< a NAT instance (InstanceId)
  TransitGateway,    ///< TransitGatewayId
  VpcPeeringConnection,
  NetworkInterface,
  EgressOnlyInternetGateway,
};

struct RouteOptions {
  std::string destination_cidr_block = "0.0.0.0/0";  ///< default: everywhere
  RouterType router_type = RouterType::Gateway;      ///< default Gateway
  Value router_id{};                                  ///< required: {"Ref": gateway} and the like
  bool enables_internet_connectivity = false;        ///< counts as this subnet's way out; default false
};

struct SubnetProps {
  Value vpc_id{};                        ///< required
  Value availability_zone{};             ///< required: a name or an Fn::Select token
  std::string cidr_block{};              ///< required, e.g. "10.0.0.0/24"
  bool map_public_ip_on_launch = false;  ///< default false
  SubnetType type = SubnetType::PrivateIsolated;  ///< what the Vpc made it for; default PrivateIsolated
  std::string group_name{};              ///< its subnet group; default none
};

class Subnet : public Construct {
 public:
  using Props = SubnetProps;
  Subnet(Construct& scope, std::string_view id, const SubnetProps& props);

  /// {"Ref": subnet}.
  [[nodiscard]] Value subnet_id() const;
  [[nodiscard]] const Value& availability_zone() const noexcept { return props_.availability_zone; }
  [[nodiscard]] const std::string& ipv4_cidr_block() const noexcept { return props_.cidr_block; }
  [[nodiscard]] SubnetType type() const noexcept { return props_.type; }
  [[nodiscard]] const std::string& group_name() const noexcept { return props_.group_name; }
  /// {"Ref": route table}.
  [[nodiscard]] Value route_table_id() const;

  [[nodiscard]] CfnSubnet& resource() const noexcept { return *subnet_; }
  [[nodiscard]] CfnRouteTable& route_table() const noexcept { return *route_table_; }
  [[nodiscard]] CfnSubnetRouteTableAssociation& route_table_association() const noexcept { return *association_; }

  /// Adds a route to this subnet's route table, as construct `id`.
  CfnRoute& add_route(std::string_view id, RouteOptions options);
  /// "DefaultRoute" to an internet gateway, created after its attachment.
  CfnRoute& add_default_internet_route(Value gateway_id, CfnResource& gateway_attachment);
  /// "DefaultRoute" to a NAT gateway.
  CfnRoute& add_default_nat_route(Value nat_gateway_id);
  /// An Elastic IP ("EIP") and a NAT gateway ("NATGateway") in this (public) subnet.
  CfnNatGateway& add_nat_gateway();

  /// The routes that give this subnet its way out (what internet-facing resources wait for).
  [[nodiscard]] const std::vector<Construct*>& internet_connectivity_established() const noexcept {
    return connectivity_;
  }

 private:
  SubnetProps props_;
  CfnSubnet* subnet_ = nullptr;
  CfnRouteTable* route_table_ = nullptr;
  CfnSubnetRouteTableAssociation* association_ = nullptr;
  std::vector<Construct*> connectivity_;
};

}  // namespace cdk::ec2

