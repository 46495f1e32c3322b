#pragma once
/// Everything of cdk::ecs.
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs/container_image.hpp>
#include <cdk/ecs/ec2_service.hpp>
#include <cdk/ecs/ec2_task_definition.hpp>
#include <cdk/ecs/ecs_optimized_image.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/ecs/launch_type.hpp>
#include <cdk/ecs/log_driver.hpp>
#include <cdk/ecs/scalable_task_count.hpp>
#include <cdk/ecs/secret.hpp>
#include <cdk/ecs/task_definition.hpp>
