#pragma once
/// Everything of cdk::logs.
#include <cdk/logs/log_group.hpp>
#include <cdk/logs/metric_filter.hpp>
