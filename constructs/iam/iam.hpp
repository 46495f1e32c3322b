#pragma once
/// Everything of cdk::iam.
#include <cdk/iam/grant.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/iam/instance_profile.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/iam/managed_policy.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/iam/principal.hpp>
#include <cdk/iam/role.hpp>
