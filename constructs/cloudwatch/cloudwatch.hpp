#pragma once
/// Everything of cdk::cloudwatch.
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/dashboard.hpp>
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/cloudwatch/widget.hpp>
