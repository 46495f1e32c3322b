#include <cdk/elbv2/health_check.hpp>
#include <cdk/elbv2/protocol.hpp>

namespace cdk::elbv2 {

std::string_view to_string(Protocol protocol) noexcept {
  switch (protocol) {
    case Protocol::Http: return "HTTP";
    case Protocol::Https: return "HTTPS";
    case Protocol::Tcp: return "TCP";
    case Protocol::Tls: return "TLS";
    case Protocol::Udp: return "UDP";
    case Protocol::TcpUdp: return "TCP_UDP";
  }
  return "TCP";
}

std::string_view to_string(TargetType type) noexcept { return type == TargetType::Ip ? "ip" : "instance"; }

namespace detail {

std::vector<std::string> health_check_problems(const HealthCheck& hc, Protocol target_protocol) {
  std::vector<std::string> out;
  const bool application = is_application_protocol(target_protocol);
  const Protocol check = hc.protocol.value_or(
      application ? target_protocol : (target_protocol == Protocol::Udp || target_protocol == Protocol::TcpUdp ||
                                                target_protocol == Protocol::Tls
                                            ? Protocol::Tcp
                                            : target_protocol));
  if (application && !is_application_protocol(check)) {
    out.push_back("health check protocol " + std::string(to_string(check)) +
                  " is not supported by an Application Load Balancer target group (use HTTP or HTTPS)");
  }
  if (!application && check != Protocol::Tcp && check != Protocol::Http && check != Protocol::Https) {
    out.push_back("health check protocol " + std::string(to_string(check)) +
                  " is not supported by a Network Load Balancer target group (use TCP, HTTP or HTTPS)");
  }
  if (!is_application_protocol(check)) {
    if (!hc.path.empty()) out.push_back("a health check path needs an HTTP or HTTPS health check");
    if (!hc.healthy_http_codes.empty()) out.push_back("healthy HTTP codes need an HTTP or HTTPS health check");
  }
  if (!hc.path.empty() && hc.path.front() != '/') out.push_back("health check path '" + hc.path + "' must start with '/'");
  if (!hc.port.empty() && hc.port != "traffic-port") {
    bool digits = hc.port.size() <= 5;
    for (char c : hc.port) digits = digits && c >= '0' && c <= '9';
    if (!digits || std::stoi(hc.port) < 1 || std::stoi(hc.port) > 65535) {
      out.push_back("health check port '" + hc.port + "' must be 1-65535 or \"traffic-port\"");
    }
  }
  auto range = [&](const std::optional<int>& v, int lo, int hi, const char* what) {
    if (v && (*v < lo || *v > hi)) {
      out.push_back(std::string(what) + " is " + std::to_string(*v) + "; it must be " + std::to_string(lo) + "-" +
                    std::to_string(hi));
    }
  };
  range(hc.interval_seconds, 5, 300, "health check interval");
  range(hc.timeout_seconds, 2, 120, "health check timeout");
  range(hc.healthy_threshold_count, 2, 10, "healthy threshold count");
  range(hc.unhealthy_threshold_count, 2, 10, "unhealthy threshold count");
  if (hc.interval_seconds && hc.timeout_seconds && *hc.timeout_seconds >= *hc.interval_seconds) {
    out.push_back("health check timeout (" + std::to_string(*hc.timeout_seconds) +
                  "s) must be shorter than the interval (" + std::to_string(*hc.interval_seconds) + "s)");
  }
  return out;
}

}  // namespace detail
}  // namespace cdk::elbv2
