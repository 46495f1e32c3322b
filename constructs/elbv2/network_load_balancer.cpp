#include <cdk/elbv2/network_load_balancer.hpp>

#include <cdk/elbv2/detail/child_path.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>

namespace cdk::elbv2 {

NetworkLoadBalancer::NetworkLoadBalancer(Construct& scope, std::string_view id, const NetworkLoadBalancerProps& props)
    : BaseLoadBalancer(scope, id,
                       BaseLoadBalancerProps{.vpc = props.vpc,
                                             .internet_facing = props.internet_facing,
                                             .vpc_subnets = props.vpc_subnets,
                                             .security_groups = props.security_groups,
                                             .load_balancer_name = props.load_balancer_name,
                                             .deletion_protection = props.deletion_protection},
                       "network") {
  if (props.cross_zone_enabled) {
    set_attribute("load_balancing.cross_zone.enabled", *props.cross_zone_enabled ? "true" : "false");
  }
  if (props.access_logs) log_access_logs(*props.access_logs);
}

NetworkListener& NetworkLoadBalancer::add_listener(std::string_view id, BaseNetworkListenerProps props) {
  return add<NetworkListener>(id, std::move(props));
}

// ---- NetworkListener -------------------------------------------------------

namespace {
NetworkLoadBalancer& require_lb(Construct& scope, std::string_view id) {
  auto* lb = dynamic_cast<NetworkLoadBalancer*>(&scope);
  if (!lb) throw Error(detail::child_path(scope, id), "a listener needs a load balancer", "use nlb.add_listener(...)");
  return *lb;
}

// Checked before anything is created, so a bad listener leaves no rules behind.
Protocol pick_protocol(const Construct& scope, std::string_view id, const BaseNetworkListenerProps& p) {
  Protocol protocol = p.protocol.value_or(p.certificates.empty() ? Protocol::Tcp : Protocol::Tls);
  if (is_application_protocol(protocol)) {
    throw Error(detail::child_path(scope, id),
                "a Network Load Balancer listener cannot use " + std::string(to_string(protocol)),
                "use TCP, TLS, UDP or TCP_UDP (HTTP/HTTPS need an ApplicationLoadBalancer)");
  }
  return protocol;
}
}  // namespace

NetworkListener::NetworkListener(Construct& scope, std::string_view id, const BaseNetworkListenerProps& props)
    : BaseListener(scope, id, require_lb(scope, id),
                   Config{.port = props.port,
                          .protocol = pick_protocol(scope, id, props),
                          .certificates = props.certificates,
                          .ssl_policy = props.ssl_policy,
                          .open = props.open,
                          .allow_from = props.allow_from}) {
  if (!props.default_target_groups.empty()) add_target_groups(std::move(props.default_target_groups));
}

Protocol NetworkListener::default_target_protocol() const noexcept {
  switch (protocol()) {
    case Protocol::Udp: return Protocol::Udp;
    case Protocol::TcpUdp: return Protocol::TcpUdp;
    default: return Protocol::Tcp;
  }
}

void NetworkListener::add_conditional_targets(std::string_view id, int /*priority*/,
                                              const std::vector<ListenerCondition>& /*conditions*/,
                                              TargetGroup& /*group*/) {
  throw Error(node().path(), "add_targets('" + std::string(id) + "'): Network Load Balancer listeners have no rules",
              "remove .priority and .conditions (they are for Application Load Balancers)");
}

}  // namespace cdk::elbv2
