#pragma once
/// Everything of cdk::codedeploy (the L2s; the L1s are in <cdk/codedeploy/cfn.hpp>).
#include <cdk/codedeploy/application.hpp>
#include <cdk/codedeploy/auto_rollback_config.hpp>
#include <cdk/codedeploy/base_deployment_group.hpp>
#include <cdk/codedeploy/compute_platform.hpp>
#include <cdk/codedeploy/deployment_config.hpp>
#include <cdk/codedeploy/ecs_deployment_config.hpp>
#include <cdk/codedeploy/ecs_deployment_group.hpp>
#include <cdk/codedeploy/lambda_deployment_config.hpp>
#include <cdk/codedeploy/lambda_deployment_group.hpp>
#include <cdk/codedeploy/load_balancer.hpp>
#include <cdk/codedeploy/server_deployment_config.hpp>
#include <cdk/codedeploy/server_deployment_group.hpp>
#include <cdk/codedeploy/traffic_routing.hpp>
#include <cdk/codedeploy/trigger.hpp>
