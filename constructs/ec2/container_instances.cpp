// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/ec2/block_device.hpp>
#include <cdk/ec2/peer.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ec2/vpc.hpp>

CDKPP_VECTOR_INSTANCE(cdk::ec2::BlockDevice);
CDKPP_VECTOR_INSTANCE(cdk::ec2::SubnetSelection);
CDKPP_VECTOR_INSTANCE(cdk::ec2::Subnet*);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::ec2::SecurityGroup>);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::ec2::Subnet>);
CDKPP_VECTOR_INSTANCE(cdk::ec2::SubnetConfiguration);
CDKPP_VECTOR_INSTANCE(cdk::ec2::Peer);
CDKPP_MAP_INSTANCE(cdk::ec2::GatewayVpcEndpointOptions);
CDKPP_MAP_INSTANCE(cdk::ec2::FlowLogOptions);
