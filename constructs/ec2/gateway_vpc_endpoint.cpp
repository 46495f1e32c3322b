#include <cdk/ec2/gateway_vpc_endpoint.hpp>

// Designated initializers leave the other L1 properties unset on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <cdk/ec2/cfn_vpc_endpoint.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>

#include <algorithm>

namespace cdk::ec2 {

GatewayVpcEndpoint::GatewayVpcEndpoint(Construct& scope, std::string_view id, const GatewayVpcEndpointProps& props)
    : Construct(scope, id) {
  if (!props.vpc) throw Error(node().path(), "a gateway endpoint needs a VPC", "set .vpc");
  std::vector<Subnet*> subnets;
  if (props.subnets.empty()) {
    for (auto type : {SubnetType::PrivateWithEgress, SubnetType::Public, SubnetType::PrivateIsolated}) {
      try {
        for (auto* s : props.vpc->select_subnets({.subnet_type = type}).subnets) subnets.push_back(s);
      } catch (const Error&) {
        // no subnets of this type
      }
    }
  } else {
    for (const auto& selection : props.subnets)
      for (auto* s : props.vpc->select_subnets(selection).subnets)
        if (std::find(subnets.begin(), subnets.end(), s) == subnets.end()) subnets.push_back(s);
  }
  if (subnets.empty())
    throw Error(node().path(), "the VPC has no subnets for the gateway endpoint", "give the VPC subnets or change .subnets");
  Value::List route_tables;
  for (auto* s : subnets) route_tables.push_back(s->route_table_id());
  const char* service = props.service == GatewayVpcEndpointService::S3 ? ".s3" : ".dynamodb";
  resource_ = &add<CfnVPCEndpoint>("Resource", {.route_table_ids = Value(std::move(route_tables)),
                                                .service_name = Fn::join("", {"com.amazonaws.", Aws::region(), service}),
                                                .vpc_endpoint_type = "Gateway",
                                                .vpc_id = props.vpc->vpc_id()});
}

Value GatewayVpcEndpoint::vpc_endpoint_id() const { return resource_->ref(); }

}  // namespace cdk::ec2
