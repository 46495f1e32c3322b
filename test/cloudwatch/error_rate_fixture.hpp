#pragma once
// A load balancer's 5XX errors, its requests and their error rate as a math
// expression: what the alarm and dashboard math tests share.
#include <cdk/app.hpp>
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

namespace cdk::testing {

class ErrorRateFixture : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cloudwatch::Metric errors{.namespace_ = "AWS/ApplicationELB", .metric_name = "HTTPCode_Target_5XX_Count",
                            .dimensions = {{"LoadBalancer", "app/web/123"}}, .statistic = "Sum"};
  cloudwatch::Metric requests{.namespace_ = "AWS/ApplicationELB", .metric_name = "RequestCount",
                              .dimensions = {{"LoadBalancer", "app/web/123"}}, .statistic = "Sum",
                              .period_seconds = 60};
  cloudwatch::MathExpression rate{.expression = "100 * errors / requests",
                                  .using_metrics = {{"errors", errors}, {"requests", requests}},
                                  .label = "Error rate",
                                  .period_seconds = 60};
};

}  // namespace cdk::testing
