#pragma once
/// cdk::elbv2::NetworkListener: a TCP, TLS, UDP or TCP_UDP listener of a
/// NetworkLoadBalancer, usually made with `nlb.add_listener(...)`.
///
///   // TLS terminated at the load balancer, plain TCP to the instances on 80:
///   nlb.add_listener("Https", {.port = 443, .certificates = {cert_arn}})
///      .add_targets("Web", {.port = 80, .targets = {asg}});
///   // SSH only from the office:
///   nlb.add_listener("Ssh", {.port = 22, .allow_from = {cdk::ec2::Peer::ipv4("203.0.113.0/24")}})
///      .add_targets("Ssh", {.port = 22, .targets = {asg}});
///
/// Who may connect is decided by the load balancer's security groups: by
/// default the listener port is opened to anyone for an internet-facing load
/// balancer and to the VPC's CIDR block for an internal one; `allow_from`
/// narrows it, `open = false` leaves it to you (`nlb.connections()`).
/// Target groups made by add_targets use TCP (UDP / TCP_UDP for UDP / TCP_UDP
/// listeners): TLS is terminated at the load balancer.
#include <cdk/elbv2/base_listener.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

namespace cdk::elbv2 {

class NetworkLoadBalancer;

/// A listener's props (NetworkLoadBalancer::add_listener). The load balancer is
/// the listener's scope, not a field: `nlb.add_listener(id, props)`.
struct BaseNetworkListenerProps {
  int port = 0;                              ///< 1-65535; required
  Optional<Protocol> protocol{};             ///< TCP, TLS, UDP or TCP_UDP; default TLS with certificates, else TCP
  List<Value> certificates{};                ///< certificate ARNs, TLS only; the first is the default; default none
  std::string ssl_policy{};                  ///< TLS only; default SslPolicy::recommended_tls
  bool open = true;                          ///< open the port in the load balancer's security groups; default true
  List<ec2::Peer> allow_from{};              ///< who may connect; default anyone (internet-facing) or the VPC CIDR (internal)
  List<Ptr<TargetGroup>> default_target_groups{};         ///< forward to these; default none (use add_targets)
};

class NetworkListener : public BaseListener {
 public:
  using Props = BaseNetworkListenerProps;
  /// `scope` is the listener's load balancer (anything else is an error).
  NetworkListener(Construct& scope, std::string_view id, const BaseNetworkListenerProps& props);

 protected:
  [[nodiscard]] Protocol default_target_protocol() const noexcept override;
  void add_conditional_targets(std::string_view id, int priority, const std::vector<ListenerCondition>& conditions,
                               TargetGroup& group) override;
};

}  // namespace cdk::elbv2
