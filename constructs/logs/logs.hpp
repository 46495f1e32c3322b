#pragma once
/// Everything of cdk::logs.
#include <cdk/logs/log_group.hpp>
