#pragma once
/// cdk::elbv2::ApplicationListener: an HTTP or HTTPS listener of an
/// ApplicationLoadBalancer, usually made with `alb.add_listener(...)`.
///
///   auto& https = alb.add_listener("Https", {.certificates = {cert_arn}});   // HTTPS on 443
///   https.add_targets("Web", {.port = 80, .targets = {asg}, .health_check = {.path = "/health"}});
///   https.add_targets("Api", {.port = 8080, .targets = {api}, .priority = 10,
///       .conditions = {cdk::elbv2::ListenerCondition::path_patterns({"/api/*"})}});
///   alb.add_redirect();   // HTTP 80 -> HTTPS 443
///
/// `open` (default true) lets clients in on the listener port through the
/// load balancer's security groups: from anywhere for an internet-facing load
/// balancer, from the VPC's CIDR block for an internal one (the AWS CDK opens
/// to 0.0.0.0/0 in both cases); `allow_from` narrows it.
#include <cdk/elbv2/application_listener_rule.hpp>
#include <cdk/elbv2/base_listener.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <set>

namespace cdk::elbv2 {

class ApplicationLoadBalancer;

/// A listener's props (ApplicationLoadBalancer::add_listener). The load balancer
/// is the listener's scope, not a field: `alb.add_listener(id, props)`.
struct BaseApplicationListenerProps {
  Optional<int> port{};                          ///< default 443 for HTTPS, 80 for HTTP
  Optional<Protocol> protocol{};                 ///< HTTP or HTTPS; default HTTPS with certificates or port 443, else HTTP
  List<Value> certificates{};                    ///< certificate ARNs, HTTPS only; the first is the default; default none
  std::string ssl_policy{};                      ///< HTTPS only; default SslPolicy::recommended_tls
  bool open = true;                              ///< open the port in the security groups; default true
  List<ec2::Peer> allow_from{};                  ///< who may connect; default anyone (internet-facing) or the VPC CIDR (internal)
  List<Ptr<TargetGroup>> default_target_groups{};         ///< forward to these; default none
  Optional<ListenerAction> default_action{};              ///< default none (use add_targets)
};

/// add_action's props.
struct AddActionProps {
  Optional<int> priority{};                      ///< with conditions: a rule; default: the default action
  List<ListenerCondition> conditions{};          ///< default none
  Optional<ListenerAction> action{};             ///< required
};

class ApplicationListener : public BaseListener {
 public:
  using Props = BaseApplicationListenerProps;
  /// `scope` is the listener's load balancer (anything else is an error).
  ApplicationListener(Construct& scope, std::string_view id, const BaseApplicationListenerProps& props);

  /// With priority and conditions: a rule "<id>Rule"; without: the default action.
  void add_action(std::string_view id, AddActionProps props);
  /// Used by ApplicationListenerRule: throws if another rule has the priority.
  void reserve_priority(const std::string& rule_path, int priority);

 protected:
  [[nodiscard]] Protocol default_target_protocol() const noexcept override { return Protocol::Http; }
  void add_conditional_targets(std::string_view id, int priority, const std::vector<ListenerCondition>& conditions,
                               TargetGroup& group) override;

 private:
  std::set<int> priorities_;
};

}  // namespace cdk::elbv2
