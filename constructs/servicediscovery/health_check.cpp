#include <cdk/servicediscovery/health_check.hpp>

namespace cdk::servicediscovery {

std::string_view health_check_type_name(HealthCheckType type) {
  switch (type) {
    case HealthCheckType::Http: return "HTTP";
    case HealthCheckType::Https: return "HTTPS";
    case HealthCheckType::Tcp: return "TCP";
  }
  return "";
}

}  // namespace cdk::servicediscovery
