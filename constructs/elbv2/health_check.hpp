#pragma once
/// How a target group checks its targets. Unset fields keep the AWS defaults
/// (and stay out of the template), as in the AWS CDK. Health checks cannot be
/// turned off for instance and IP targets, so there is no switch for it.
///
///   .health_check = {.path = "/healthz", .interval_seconds = 15, .healthy_http_codes = "200-299"}
#include <cdk/elbv2/protocol.hpp>
#include <cdk/optional.hpp>

#include <string>
#include <vector>

namespace cdk::elbv2 {

struct HealthCheck {
  Optional<Protocol> protocol{};                  ///< HTTP/HTTPS (ALB) or TCP/HTTP/HTTPS (NLB); default: the target group's
  std::string path{};                             ///< HTTP(S) checks only; default "/"
  std::string port{};                             ///< a port number or "traffic-port"; default traffic-port
  Optional<int> interval_seconds{};               ///< 5-300; default 30
  Optional<int> timeout_seconds{};                ///< 2-120 and below the interval; default 5 (ALB), 10 (NLB)
  Optional<int> healthy_threshold_count{};        ///< 2-10; default 5
  Optional<int> unhealthy_threshold_count{};      ///< 2-10; default 2
  std::string healthy_http_codes{};               ///< HTTP(S) checks only, e.g. "200-299"; default "200"
};

namespace detail {
/// Problems with a health check for a target group of this protocol, as messages.
std::vector<std::string> health_check_problems(const HealthCheck& hc, Protocol target_protocol);
}  // namespace detail

}  // namespace cdk::elbv2
