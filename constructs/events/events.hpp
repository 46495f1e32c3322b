#pragma once
/// Everything of cdk::events.
#include <cdk/events/event_pattern.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/events/schedule.hpp>
#include <cdk/events/targets.hpp>
