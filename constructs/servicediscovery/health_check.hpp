#pragma once
/// How a Cloud Map service decides that an instance is healthy: a Route 53
/// health check (public DNS namespaces only) or a custom one that the
/// registrar (ECS, say) reports through UpdateInstanceCustomHealthStatus.
#include <cstdint>
#include <string>
#include <string_view>

namespace cdk::servicediscovery {

enum class HealthCheckType : std::uint8_t { Http, Https, Tcp };
/// "HTTP", "HTTPS", "TCP".
std::string_view health_check_type_name(HealthCheckType type);

/// A Route 53 health check of every instance (charged per check by Route 53).
struct HealthCheckConfig {
  HealthCheckType type = HealthCheckType::Http;  ///< default Http
  std::string resource_path{};                   ///< at most 255 characters, not with Tcp; default "/" (Http, Https)
  std::int64_t failure_threshold = 1;            ///< checks before the status flips, 1-10; default 1
};

/// A health status the registrar reports itself.
struct HealthCheckCustomConfig {
  std::int64_t failure_threshold = 1;  ///< 1-10 (Cloud Map now always acts as if 1); default 1
};

}  // namespace cdk::servicediscovery
