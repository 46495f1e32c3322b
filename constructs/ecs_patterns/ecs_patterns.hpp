#pragma once
/// The AWS CDK's aws-ecs-patterns: whole Fargate applications in one construct.
#include <cdk/ecs_patterns/application_load_balanced_fargate_service.hpp>
#include <cdk/ecs_patterns/network_load_balanced_fargate_service.hpp>
#include <cdk/ecs_patterns/queue_processing_fargate_service.hpp>
#include <cdk/ecs_patterns/scheduled_fargate_task.hpp>
#include <cdk/ecs_patterns/task_image_options.hpp>
