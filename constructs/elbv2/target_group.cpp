#include <cdk/elbv2/target_group.hpp>

#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/elbv2/names.hpp>
#include <cdk/error.hpp>

#include <algorithm>

namespace cdk::elbv2 {

namespace {
void check_port(const std::string& path, std::optional<int> port, const char* what) {
  if (port && (*port < 1 || *port > 65535)) {
    throw Error(path, std::string(what) + " " + std::to_string(*port) + " is out of range", "use a port in 1-65535");
  }
}
}  // namespace

// ---- Target ----------------------------------------------------------------

Target Target::instance_id(Value id, std::optional<int> port) { return {Kind::Instance, std::move(id), port, {}}; }

Target Target::ip(Value address, std::optional<int> port, Value availability_zone) {
  return {Kind::Ip, std::move(address), port, std::move(availability_zone)};
}

void Target::attach(TargetGroup& group) const {
  switch (type_) {
    case Kind::Custom:
      custom_->attach_to_target_group(group);
      return;
    case Kind::Instance:
      group.set_target_type(TargetType::Instance);
      group.add_target_description(id_, port_);
      if (connectable_ != nullptr) group.register_connectable(*connectable_, port_);
      return;
    case Kind::Ip:
      group.set_target_type(TargetType::Ip);
      group.add_target_description(id_, port_, az_);
      if (id_.kind() == Value::Kind::String && id_.as_string().find(':') != std::string::npos) {
        group.register_peer(ec2::Peer::ipv6(id_ + "/128"), port_);
      } else {
        group.register_peer(ec2::Peer::ipv4(id_ + "/32"), port_);
      }
      return;
  }
}

// ---- TargetGroup -----------------------------------------------------------

TargetGroup::TargetGroup(Construct& scope, std::string_view id, const TargetGroupProps& props)
    : Construct(scope, id),
      protocol_(props.protocol),
      port_(props.port),
      target_type_(props.target_type),
      health_check_(props.health_check) {
  const std::string path = node().path();
  detail::check_name(path, "target group", props.target_group_name);
  if (!port_) throw Error(path, "a target group needs a port", "set .port (the port targets listen on)");
  check_port(path, port_, "target group port");
  Value vpc_id = !props.vpc_id.is_null() ? props.vpc_id : props.vpc ? props.vpc->vpc_id() : Value();
  if (vpc_id.is_null()) throw Error(path, "a target group needs the VPC of its targets", "set .vpc (or .vpc_id)");
  if (props.deregistration_delay_seconds &&
      (*props.deregistration_delay_seconds < 0 || *props.deregistration_delay_seconds > 3600)) {
    throw Error(path,
                "deregistration delay " + std::to_string(*props.deregistration_delay_seconds) +
                    "s is out of range",
                "use 0-3600 seconds");
  }

  CfnTargetGroup::Props l1;
  if (!props.target_group_name.empty()) l1.name = props.target_group_name;
  l1.port = *port_;
  l1.protocol = std::string(to_string(protocol_));
  l1.vpc_id = vpc_id;
  resource_ = &add<CfnTargetGroup>("Resource", std::move(l1));
  if (target_type_) resource_->props().target_type = std::string(to_string(*target_type_));
  if (props.deregistration_delay_seconds) {
    set_attribute("deregistration_delay.timeout_seconds", std::to_string(*props.deregistration_delay_seconds));
  }
  configure_health_check(health_check_);
  for (const Target& t : props.targets) add_target(t);
}

Value TargetGroup::target_group_arn() const { return resource_->ref(); }
Value TargetGroup::target_group_name() const { return resource_->attr_target_group_name(); }
Value TargetGroup::target_group_full_name() const { return resource_->attr_target_group_full_name(); }

void TargetGroup::add_target(const Target& target) { target.attach(*this); }

void TargetGroup::set_target_type(TargetType type) {
  if (target_type_ && *target_type_ != type) {
    throw Error(node().path(),
                "target group has target type '" + std::string(to_string(*target_type_)) +
                    "' and cannot take a target of type '" + std::string(to_string(type)) + "'",
                "put instance targets and IP targets in separate target groups");
  }
  target_type_ = type;
  resource_->props().target_type = std::string(to_string(type));
}

void TargetGroup::add_target_description(Value id, std::optional<int> port, Value availability_zone) {
  check_port(node().path(), port, "target port");
  CfnTargetGroup::TargetDescriptionProperty d;
  d.id = std::move(id);
  if (port) d.port = *port;
  if (!availability_zone.is_null()) d.availability_zone = std::move(availability_zone);
  resource_->props().targets.push_back(std::move(d));
}

void TargetGroup::configure_health_check(const HealthCheck& hc) {
  health_check_ = hc;
  auto& p = resource_->props();
  p.health_check_enabled = {};
  p.health_check_protocol = {};
  p.health_check_path = {};
  p.health_check_port = {};
  p.health_check_interval_seconds = {};
  p.health_check_timeout_seconds = {};
  p.healthy_threshold_count = {};
  p.unhealthy_threshold_count = {};
  p.matcher.reset();
  if (hc.protocol) p.health_check_protocol = std::string(to_string(*hc.protocol));
  if (!hc.path.empty()) p.health_check_path = hc.path;
  if (!hc.port.empty()) p.health_check_port = hc.port;
  if (hc.interval_seconds) p.health_check_interval_seconds = *hc.interval_seconds;
  if (hc.timeout_seconds) p.health_check_timeout_seconds = *hc.timeout_seconds;
  if (hc.healthy_threshold_count) p.healthy_threshold_count = *hc.healthy_threshold_count;
  if (hc.unhealthy_threshold_count) p.unhealthy_threshold_count = *hc.unhealthy_threshold_count;
  if (!hc.healthy_http_codes.empty()) p.matcher.emplace().http_code = hc.healthy_http_codes;
}

void TargetGroup::set_attribute(const std::string& key, Value value) {
  auto& attrs = resource_->props().target_group_attributes;
  for (auto& a : attrs) {
    if (a.key.value() == Value(key)) {
      a.value = std::move(value);
      return;
    }
  }
  attrs.push_back({.key = key, .value = std::move(value)});
}

void TargetGroup::allow(BaseLoadBalancer& lb, const Connectable& target) {
  auto to = [&](const ec2::Port& port, const std::string& desc) {
    if (target.target != nullptr) {
      lb.connections().allow_to(*target.target, port, desc);
    } else {
      lb.connections().allow_to(*target.peer, port, desc);
    }
  };
  const std::string desc = "Load balancer to target";
  // TCP also for UDP groups: their health checks default to TCP on the traffic port.
  to(ec2::Port::tcp(target.port), desc);
  if (protocol_ == Protocol::Udp || protocol_ == Protocol::TcpUdp) to(ec2::Port::udp(target.port), desc);
  const std::string& hc_port = health_check_.port;
  if (!hc_port.empty() && hc_port != "traffic-port") {
    // A malformed port is reported by validate(); only a number opens anything.
    const bool digits = hc_port.size() <= 5 && hc_port.find_first_not_of("0123456789") == std::string::npos;
    if (digits && std::stoi(hc_port) != target.port) to(ec2::Port::tcp(std::stoi(hc_port)), "Load balancer health check");
  }
}

void TargetGroup::register_connectable(ec2::IConnectable& target, std::optional<int> port) {
  connectables_.push_back({.target = &target, .peer = std::nullopt, .port = port.value_or(*port_)});
  for (BaseLoadBalancer* lb : load_balancers_) allow(*lb, connectables_.back());
}

void TargetGroup::register_peer(const ec2::Peer& peer, std::optional<int> port) {
  connectables_.push_back({.target = nullptr, .peer = peer, .port = port.value_or(*port_)});
  for (BaseLoadBalancer* lb : load_balancers_) allow(*lb, connectables_.back());
}

void TargetGroup::register_listener(BaseLoadBalancer& load_balancer, CfnResource& listener_or_rule) {
  if (load_balancer.is_application() != is_application()) {
    throw Error(node().path(),
                std::string(is_application() ? "an HTTP/HTTPS" : "a TCP/TLS/UDP") + " target group cannot serve " +
                    (load_balancer.is_application() ? "an Application" : "a Network") + " Load Balancer",
                load_balancer.is_application() ? "use protocol HTTP or HTTPS for the target group"
                                                : "use protocol TCP, TLS, UDP or TCP_UDP for the target group");
  }
  attached_by_.push_back(&listener_or_rule);
  if (std::find(load_balancers_.begin(), load_balancers_.end(), &load_balancer) != load_balancers_.end()) return;
  load_balancers_.push_back(&load_balancer);
  for (const Connectable& c : connectables_) allow(load_balancer, c);
}

std::vector<Diagnostic> TargetGroup::validate() const {
  std::vector<Diagnostic> out;
  for (std::string& m : detail::health_check_problems(health_check_, protocol_)) {
    out.push_back({.level = Diagnostic::Level::Error, .path = node().path(), .message = std::move(m),
                   .hint = "fix the target group's health_check"});
  }
  if (!target_type_) {
    out.push_back({.level = Diagnostic::Level::Error, .path = node().path(),
                   .message = "the target group's target type is unknown: it has no targets and no target_type",
                   .hint = "add a target or set .target_type"});
  }
  return out;
}

}  // namespace cdk::elbv2
