#include <cdk/elbv2/base_listener.hpp>

#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/cfn_listener.hpp>
#include <cdk/elbv2/cfn_listener_certificate.hpp>
#include <cdk/elbv2/detail/action_check.hpp>
#include <cdk/elbv2/detail/render_action.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>

namespace cdk::elbv2 {

BaseListener::BaseListener(Construct& scope, std::string_view id, BaseLoadBalancer& load_balancer, Config config)
    : Construct(scope, id), load_balancer_(load_balancer), port_(config.port), protocol_(config.protocol) {
  const std::string path = node().path();
  if (port_ < 1 || port_ > 65535) {
    throw Error(path, "listener port " + std::to_string(port_) + " is out of range", "use a port in 1-65535");
  }
  const bool secure = protocol_ == Protocol::Https || protocol_ == Protocol::Tls;
  const std::string proto(to_string(protocol_));
  if (secure && config.certificates.empty()) {
    throw Error(path, "a " + proto + " listener needs a certificate", "set .certificates (a certificate ARN)");
  }
  if (!secure && !config.certificates.empty()) {
    throw Error(path, "certificates were given to a " + proto + " listener",
                "use protocol " + std::string(is_application_protocol(protocol_) ? "HTTPS" : "TLS") +
                    ", or remove .certificates");
  }
  if (!secure && !config.ssl_policy.empty()) {
    throw Error(path, "an SSL policy was given to a " + proto + " listener", "remove .ssl_policy");
  }

  CfnListener::Props l1;
  l1.load_balancer_arn = load_balancer_.load_balancer_arn();
  l1.port = port_;
  l1.protocol = proto;
  if (secure) {
    l1.certificates.push_back({.certificate_arn = config.certificates.front()});
    l1.ssl_policy = config.ssl_policy.empty() ? std::string(SslPolicy::recommended_tls) : config.ssl_policy;
  }
  resource_ = &add<CfnListener>("Resource", std::move(l1));
  // The pinned spec marks listeners taggable, but CloudFormation's schema as
  // cfn-lint knows it has no Tags on listeners: inherited tags stay off them.
  resource_->tags() = TagManager();
  if (config.certificates.size() > 1) {
    // CloudFormation takes one certificate on the listener; the others are a
    // ListenerCertificate, at the AWS CDK's path (<listener>/DefaultCertificates).
    auto& holder = add<Construct>("DefaultCertificates");
    std::vector<CfnListenerCertificate::CertificateProperty> extra;
    for (std::size_t i = 1; i < config.certificates.size(); ++i) extra.push_back({.certificate_arn = config.certificates[i]});
    holder.add<CfnListenerCertificate>(
        "Resource", CfnListenerCertificate::Props{.certificates = std::move(extra), .listener_arn = listener_arn()});
  }

  if (config.open) {
    if (config.allow_from.empty()) {
      allow_from(load_balancer_.default_peer());
    } else {
      for (const ec2::Peer& p : config.allow_from) allow_from(p);
    }
  }
}

Value BaseListener::listener_arn() const { return resource_->ref(); }

void BaseListener::allow_from(const ec2::Peer& peer, std::string description) {
  auto& conns = load_balancer_.connections();
  if (protocol_ != Protocol::Udp) conns.allow_from(peer, ec2::Port::tcp(port_), description);
  if (protocol_ == Protocol::Udp || protocol_ == Protocol::TcpUdp) conns.allow_from(peer, ec2::Port::udp(port_), description);
}

void BaseListener::set_default_action(const ListenerAction& action) {
  const std::string path = node().path();
  if (has_default_action_) {
    throw Error(path, "the listener has a default action already",
                "give the other targets a priority and conditions (a rule), or put them in one add_targets call");
  }
  if (std::string problem = detail::action_problem(action); !problem.empty()) {
    throw Error(path, problem, "fix the listener's default action");
  }
  if (action.kind() != ListenerAction::Kind::Forward && !is_application_protocol(protocol_)) {
    throw Error(path, "a Network Load Balancer listener can only forward", "use ListenerAction::forward");
  }
  using L = CfnListener;
  resource_->props().default_actions.push_back(
      detail::render_action<L::ActionProperty, L::ForwardConfigProperty, L::TargetGroupTupleProperty,
                            L::RedirectConfigProperty, L::FixedResponseConfigProperty>(action));
  has_default_action_ = true;
  for (const auto& g : action.target_groups()) g->register_listener(load_balancer_, *resource_);
}

void BaseListener::add_target_groups(std::vector<Ptr<TargetGroup>> target_groups) {
  set_default_action(ListenerAction::forward(std::move(target_groups)));
}

TargetGroup& BaseListener::add_targets(std::string_view id, AddTargetsProps props) {
  const std::string path = node().path();
  if (props.priority.has_value() != !props.conditions.empty()) {
    throw Error(path, "add_targets('" + std::string(id) + "'): priority and conditions go together",
                "set both .priority and .conditions for a rule, or neither for the default action");
  }
  if (!props.priority && has_default_action_) {
    throw Error(path, "the listener has a default action already",
                "give the targets of add_targets('" + std::string(id) + "') a priority and conditions (a rule)");
  }
  const Protocol target_protocol = props.protocol.value_or(default_target_protocol());
  // HTTP(S) targets listen on 80/443 unless told otherwise (TLS ends at the load balancer);
  // NLB targets on the listener's port.
  const int default_port = target_protocol == Protocol::Http ? 80 : target_protocol == Protocol::Https ? 443 : port_;
  auto& group = add<TargetGroup>(std::string(id) + "Group",
                                 TargetGroupProps{.protocol = target_protocol,
                                                  .port = props.port.value_or(default_port),
                                                  .vpc = Ptr<ec2::IVpc>(load_balancer_.vpc()),
                                                  .target_type = props.target_type,
                                                  .target_group_name = props.target_group_name,
                                                  .health_check = props.health_check,
                                                  .deregistration_delay_seconds = props.deregistration_delay_seconds});
  // Attach first so targets that register connectables reach the load balancer at once.
  if (props.priority) {
    add_conditional_targets(id, *props.priority, props.conditions, group);
  } else {
    add_target_groups({group});
  }
  for (const Target& t : props.targets) group.add_target(t);
  return group;
}

std::vector<Diagnostic> BaseListener::validate() const {
  if (has_default_action_) return {};
  return {{.level = Diagnostic::Level::Error, .path = node().path(),
           .message = "the listener has no default action",
           .hint = "call add_targets or add_target_groups without conditions, or set a default action"}};
}

}  // namespace cdk::elbv2
