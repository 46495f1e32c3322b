#pragma once
// Internal: checks of listener actions and conditions (messages, empty when fine).
#include <cdk/elbv2/listener_action.hpp>

#include <string>

namespace cdk::elbv2::detail {
std::string action_problem(const ListenerAction& action);
std::string condition_problem(const ListenerCondition& condition);
}  // namespace cdk::elbv2::detail
