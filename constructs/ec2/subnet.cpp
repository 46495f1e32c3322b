#include <cdk/ec2/subnet.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/cfn_eip.hpp>
#include <cdk/ec2/cfn_nat_gateway.hpp>
#include <cdk/ec2/cfn_route.hpp>
#include <cdk/ec2/cfn_route_table.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_subnet_route_table_association.hpp>
#include <cdk/error.hpp>
#include <cdk/tags.hpp>

namespace cdk::ec2 {

Subnet::Subnet(Construct& scope, std::string_view id, const SubnetProps& props) : Construct(scope, id), props_(std::move(props)) {
  if (props_.vpc_id.is_null()) throw Error(node().path(), "a subnet needs a VPC id", "set .vpc_id");
  if (props_.availability_zone.is_null())
    throw Error(node().path(), "a subnet needs an availability zone", "set .availability_zone");
  Tags::of(*this).add("Name", node().path());
  subnet_ = &add<CfnSubnet>("Subnet", {.availability_zone = props_.availability_zone,
                                        .cidr_block = props_.cidr_block,
                                        .map_public_ip_on_launch = props_.map_public_ip_on_launch,
                                        .vpc_id = props_.vpc_id});
  route_table_ = &add<CfnRouteTable>("RouteTable", {.vpc_id = props_.vpc_id});
  association_ = &add<CfnSubnetRouteTableAssociation>(
      "RouteTableAssociation", {.route_table_id = route_table_->ref(), .subnet_id = subnet_->ref()});
}

Value Subnet::subnet_id() const { return subnet_->ref(); }

Value Subnet::route_table_id() const { return route_table_->ref(); }

CfnRoute& Subnet::add_route(std::string_view id, RouteOptions options) {
  if (options.router_id.is_null())
    throw Error(node().path(), "route \"" + std::string(id) + "\" has no router id", "set .router_id");
  CfnRoute::Props p{.destination_cidr_block = options.destination_cidr_block, .route_table_id = route_table_->ref()};
  switch (options.router_type) {
    case RouterType::Gateway: p.gateway_id = options.router_id; break;
    case RouterType::NatGateway: p.nat_gateway_id = options.router_id; break;
    case RouterType::Instance: p.instance_id = options.router_id; break;
    case RouterType::TransitGateway: p.transit_gateway_id = options.router_id; break;
    case RouterType::VpcPeeringConnection: p.vpc_peering_connection_id = options.router_id; break;
    case RouterType::NetworkInterface: p.network_interface_id = options.router_id; break;
    case RouterType::EgressOnlyInternetGateway:
      p.destination_cidr_block = Prop<std::string>();
      p.destination_ipv6_cidr_block = options.destination_cidr_block == "0.0.0.0/0" ? "::/0" : options.destination_cidr_block;
      p.egress_only_internet_gateway_id = options.router_id;
      break;
  }
  auto& route = add<CfnRoute>(id, std::move(p));
  if (options.enables_internet_connectivity) connectivity_.push_back(&route);
  return route;
}

CfnRoute& Subnet::add_default_internet_route(Value gateway_id, CfnResource& gateway_attachment) {
  auto& route = add_route("DefaultRoute", {.router_type = RouterType::Gateway,
                                           .router_id = std::move(gateway_id),
                                           .enables_internet_connectivity = true});
  route.add_depends_on(gateway_attachment);
  return route;
}

CfnRoute& Subnet::add_default_nat_route(Value nat_gateway_id) {
  return add_route("DefaultRoute", {.router_type = RouterType::NatGateway,
                                    .router_id = std::move(nat_gateway_id),
                                    .enables_internet_connectivity = true});
}

CfnNatGateway& Subnet::add_nat_gateway() {
  if (props_.type != SubnetType::Public)
    throw Error(node().path(), "a NAT gateway needs a public subnet", "put NAT gateways in Public subnets");
  auto& eip = add<CfnEIP>("EIP", {.domain = "vpc"});
  auto& nat = add<CfnNatGateway>("NATGateway", {.allocation_id = eip.attr_allocation_id(), .subnet_id = subnet_->ref()});
  // The gateway only works once the subnet routes to the internet (the CDK's order).
  for (auto* c : connectivity_)
    if (auto* r = dynamic_cast<CfnResource*>(c)) nat.add_depends_on(*r);
  nat.add_depends_on(*association_);
  return nat;
}

}  // namespace cdk::ec2
