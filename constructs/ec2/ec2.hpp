#pragma once
/// Everything of cdk::ec2's L2 layer.
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/peer.hpp>
#include <cdk/ec2/port.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ec2/subnet.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/ec2/gateway_vpc_endpoint.hpp>
#include <cdk/ec2/flow_log.hpp>
#include <cdk/ec2/nat_provider.hpp>
#include <cdk/ec2/block_device.hpp>
#include <cdk/ec2/user_data.hpp>
#include <cdk/ec2/machine_image.hpp>
#include <cdk/ec2/instance.hpp>
#include <cdk/ec2/bastion_host.hpp>
