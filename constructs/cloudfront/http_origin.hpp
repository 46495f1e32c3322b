#pragma once
/// cdk::cloudfront::HttpOrigin: any HTTP(S) server by its DNS name (the AWS
/// CDK's HttpOrigin). CloudFront reaches it over HTTPS with TLS 1.2 only,
/// like the AWS CDK:
///
///   auto api = cdk::cloudfront::HttpOrigin::of("api.example.com", {.read_timeout_seconds = 60});
///
/// With HTTPS the origin's certificate must match the name CloudFront
/// connects to: this domain name, or the viewer's Host header when a behaviour
/// forwards it (OriginRequestPolicy::all_viewer()).
#include <cdk/cloudfront/origin.hpp>
#include <cdk/cloudfront/protocols.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::cloudfront {

struct HttpOriginProps {
  OriginProtocolPolicy protocol_policy = OriginProtocolPolicy::HttpsOnly;  ///< default HTTPS only
  List<OriginSslPolicy> origin_ssl_protocols{OriginSslPolicy::TlsV1_2};         ///< default TLS 1.2 only
  Optional<std::int64_t> http_port{};         ///< 80, 443 or 1024-65535; default not set (80)
  Optional<std::int64_t> https_port{};        ///< 80, 443 or 1024-65535; default not set (443)
  Optional<std::int64_t> read_timeout_seconds{};            ///< 1-180 (over 60 needs a quota increase); default not set (30)
  Optional<std::int64_t> keepalive_timeout_seconds{};       ///< 1-180 (over 60 needs a quota increase); default not set (5)
  std::string origin_path{};                   ///< a folder of the origin, "/app"; default none
  Optional<std::int64_t> connection_attempts{};              ///< 1-3; default not set (3)
  Optional<std::int64_t> connection_timeout_seconds{};       ///< 1-10; default not set (10)
  std::map<std::string, std::string> custom_headers{};      ///< at most 10 headers sent to the origin; default none
  std::string origin_id{};                     ///< default the unique id of Distribution/Origin<N>
};

class HttpOrigin : public IOrigin {
 public:
  /// An origin at `domain_name` (a literal or a token such as a DNS name attribute).
  static Origin of(Value domain_name, HttpOriginProps props = {});

  HttpOrigin(Value domain_name, HttpOriginProps props) : domain_name_(std::move(domain_name)), props_(std::move(props)) {}
  [[nodiscard]] CfnDistribution::OriginProperty bind(const OriginBindOptions& options) const override;
  [[nodiscard]] const HttpOriginProps& props() const noexcept { return props_; }

 private:
  Value domain_name_;
  HttpOriginProps props_;
};

}  // namespace cdk::cloudfront
