#pragma once
/// EC2 Auto Scaling: AutoScalingGroup with scaling policies and scheduled actions.
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/autoscaling/scaling_policy.hpp>
#include <cdk/autoscaling/scaling_interval.hpp>
#include <cdk/autoscaling/schedule.hpp>
#include <cdk/autoscaling/step_scaling_policy.hpp>
