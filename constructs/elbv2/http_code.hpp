#pragma once
/// The HTTP response-code counts of an Application Load Balancer, as CloudWatch
/// names them: what `metric_http_code_elb()` and `metric_http_code_target()` take.
///
///   alb.metric_http_code_elb(cdk::elbv2::HttpCodeElb::Elb5xxCount)        // HTTPCode_ELB_5XX_Count
///   alb.metric_http_code_target(cdk::elbv2::HttpCodeTarget::Target4xxCount)  // HTTPCode_Target_4XX_Count
#include <cstdint>

namespace cdk::elbv2 {

/// Responses the load balancer itself made.
enum class HttpCodeElb : std::uint8_t { Elb3xxCount, Elb4xxCount, Elb5xxCount };
/// Responses the targets made.
enum class HttpCodeTarget : std::uint8_t { Target2xxCount, Target3xxCount, Target4xxCount, Target5xxCount };

/// "HTTPCode_ELB_5XX_Count", ...
[[nodiscard]] const char* http_code_elb_name(HttpCodeElb code) noexcept;
/// "HTTPCode_Target_5XX_Count", ...
[[nodiscard]] const char* http_code_target_name(HttpCodeTarget code) noexcept;

}  // namespace cdk::elbv2
