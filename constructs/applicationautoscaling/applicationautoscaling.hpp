#pragma once
/// Application Auto Scaling: step scaling policies on a scalable target (ECS services use them through ecs::ScalableTaskCount).
#include <cdk/applicationautoscaling/step_scaling_policy.hpp>
