#include <cdk/cloudfront/detail/custom_origin.hpp>

#include <cdk/cloudfront/detail/origin_base.hpp>
#include <cdk/error.hpp>

namespace cdk::cloudfront::detail {

namespace {

// CloudFront accepts 80, 443 and 1024-65535 for custom origin ports.
void check_port(const std::string& path, const char* field, std::optional<std::int64_t> port) {
  if (!port || *port == 80 || *port == 443 || (*port >= 1024 && *port <= 65535)) return;
  throw Error(path, std::string(field) + " " + std::to_string(*port) + " is not a port CloudFront connects to",
              "use 80, 443 or 1024-65535");
}

}  // namespace

CfnDistribution::OriginProperty render_custom_origin(const OriginBindOptions& options, const Value& domain_name,
                                                     const HttpOriginProps& props) {
  const std::string path = options.scope.node().path();
  check_port(path, "http_port", props.http_port);
  check_port(path, "https_port", props.https_port);
  check_range(path, "read_timeout_seconds", props.read_timeout_seconds, 1, 180, "s");
  check_range(path, "keepalive_timeout_seconds", props.keepalive_timeout_seconds, 1, 180, "s");
  if (props.origin_ssl_protocols.empty())
    throw Error(path, "origin_ssl_protocols is empty", "keep the default {OriginSslPolicy::TlsV1_2}");
  auto out = render_origin(options, {.domain_name = domain_name,
                                     .origin_path = props.origin_path,
                                     .origin_id = props.origin_id,
                                     .connection_attempts = props.connection_attempts,
                                     .connection_timeout_seconds = props.connection_timeout_seconds,
                                     .custom_headers = props.custom_headers});
  CfnDistribution::CustomOriginConfigProperty custom;
  custom.origin_protocol_policy = origin_protocol_policy_name(props.protocol_policy);
  std::vector<std::string> protocols;
  for (auto p : props.origin_ssl_protocols) protocols.emplace_back(origin_ssl_policy_name(p));
  custom.origin_ssl_protocols = protocols;
  if (props.http_port) custom.http_port = *props.http_port;
  if (props.https_port) custom.https_port = *props.https_port;
  if (props.read_timeout_seconds) custom.origin_read_timeout = *props.read_timeout_seconds;
  if (props.keepalive_timeout_seconds) custom.origin_keepalive_timeout = *props.keepalive_timeout_seconds;
  out.custom_origin_config = std::move(custom);
  return out;
}

}  // namespace cdk::cloudfront::detail
