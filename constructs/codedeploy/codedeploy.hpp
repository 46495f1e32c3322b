#pragma once
/// Everything of cdk::codedeploy (the L2s; the L1s are in <cdk/codedeploy/cfn.hpp>).
#include <cdk/codedeploy/compute_platform.hpp>
#include <cdk/codedeploy/deployment_config.hpp>
#include <cdk/codedeploy/ecs_deployment_config.hpp>
#include <cdk/codedeploy/server_deployment_config.hpp>
#include <cdk/codedeploy/traffic_routing.hpp>
