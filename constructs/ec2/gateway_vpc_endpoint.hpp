#pragma once
/// cdk::ec2::GatewayVpcEndpoint: an S3 or DynamoDB gateway endpoint on the
/// route tables of a VPC's subnets (free traffic to the service without NAT).
///
///   vpc.add_gateway_endpoint("S3", {.service = cdk::ec2::GatewayVpcEndpointService::S3});
#include <cdk/construct.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/list.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <vector>

namespace cdk::ec2 {

class CfnVPCEndpoint;

enum class GatewayVpcEndpointService : std::uint8_t { S3, DynamoDb };

struct GatewayVpcEndpointOptions {
  GatewayVpcEndpointService service = GatewayVpcEndpointService::S3;  ///< default S3
  /// Subnets whose route tables get the endpoint; default: every subnet
  /// (private, then public, then isolated, like the CDK).
  List<SubnetSelection> subnets{};
};

struct GatewayVpcEndpointProps {
  Ptr<IVpc> vpc{};                                                    ///< required
  GatewayVpcEndpointService service = GatewayVpcEndpointService::S3;  ///< default S3
  List<SubnetSelection> subnets{};                                    ///< default: every subnet
};

class GatewayVpcEndpoint : public Construct {
 public:
  using Props = GatewayVpcEndpointProps;
  GatewayVpcEndpoint(Construct& scope, std::string_view id, const GatewayVpcEndpointProps& props);

  /// {"Ref": endpoint}.
  [[nodiscard]] Value vpc_endpoint_id() const;
  [[nodiscard]] CfnVPCEndpoint& resource() const noexcept { return *resource_; }

 private:
  CfnVPCEndpoint* resource_ = nullptr;
};

}  // namespace cdk::ec2
