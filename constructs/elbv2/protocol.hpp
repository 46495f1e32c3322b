#pragma once
/// Protocols, target types and TLS policies shared by the Elastic Load
/// Balancing v2 constructs (ApplicationLoadBalancer, NetworkLoadBalancer).
///
///   nlb.add_listener("Https", {.port = 443, .protocol = cdk::elbv2::Protocol::Tls,
///                              .certificates = {cert_arn}});
#include <cstdint>
#include <string_view>

namespace cdk::elbv2 {

/// Listener and target group protocols. HTTP/HTTPS belong to Application Load
/// Balancers, the others to Network Load Balancers.
enum class Protocol : std::uint8_t { Http, Https, Tcp, Tls, Udp, TcpUdp };

/// What a target group routes to. Instance for EC2 instances and Auto Scaling
/// groups, Ip for IP addresses (ECS tasks in awsvpc mode, on-premises hosts).
enum class TargetType : std::uint8_t { Instance, Ip };

/// The CloudFormation spelling: "HTTP", "TCP_UDP", ...
[[nodiscard]] std::string_view to_string(Protocol protocol) noexcept;
/// "instance" or "ip".
[[nodiscard]] std::string_view to_string(TargetType type) noexcept;
/// True for HTTP and HTTPS.
[[nodiscard]] constexpr bool is_application_protocol(Protocol p) noexcept {
  return p == Protocol::Http || p == Protocol::Https;
}

/// Security policies for HTTPS and TLS listeners
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html).
namespace SslPolicy {
/// TLS 1.3 and 1.2 with forward secrecy only: what AWS recommends, and cdkpp's default.
inline constexpr std::string_view recommended_tls = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/// TLS 1.3 only.
inline constexpr std::string_view tls13 = "ELBSecurityPolicy-TLS13-1-3-2021-06";
/// TLS 1.2 and 1.3 with FIPS 140-3 validated cryptography.
inline constexpr std::string_view fips_tls13_12 = "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04";
/// The historical AWS default (TLS 1.0+); only for clients that cannot do better.
inline constexpr std::string_view legacy_2016_08 = "ELBSecurityPolicy-2016-08";
}  // namespace SslPolicy

}  // namespace cdk::elbv2
