#pragma once
/// Elastic Load Balancing v2: Application and Network Load Balancers.
#include <cdk/elbv2/application_listener.hpp>
#include <cdk/elbv2/application_listener_rule.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/base_listener.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/health_check.hpp>
#include <cdk/elbv2/http_code.hpp>
#include <cdk/elbv2/listener_action.hpp>
#include <cdk/elbv2/load_balancer_target.hpp>
#include <cdk/elbv2/names.hpp>
#include <cdk/elbv2/network_listener.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/protocol.hpp>
#include <cdk/elbv2/target_group.hpp>
