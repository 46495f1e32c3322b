#include <cdk/elbv2/application_load_balancer.hpp>

#include <cdk/elbv2/cfn_listener_rule.hpp>
#include <cdk/elbv2/detail/action_check.hpp>
#include <cdk/elbv2/detail/child_path.hpp>
#include <cdk/elbv2/detail/render_action.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>
#include <cdk/wafv2/web_acl_association.hpp>
#include <cdk/wafv2/web_acl_scope.hpp>

namespace cdk::elbv2 {

// ---- ApplicationLoadBalancer ----------------------------------------------

ApplicationLoadBalancer::ApplicationLoadBalancer(Construct& scope, std::string_view id,
                                                 const ApplicationLoadBalancerProps& props)
    : BaseLoadBalancer(scope, id,
                       BaseLoadBalancerProps{.vpc = props.vpc,
                                             .internet_facing = props.internet_facing,
                                             .vpc_subnets = props.vpc_subnets,
                                             .security_groups = props.security_groups,
                                             .load_balancer_name = props.load_balancer_name,
                                             .deletion_protection = props.deletion_protection},
                       "application") {
  if (props.idle_timeout_seconds) {
    const int t = *props.idle_timeout_seconds;
    if (t < 1 || t > 4000) {
      throw Error(node().path(), "idle timeout " + std::to_string(t) + "s is out of range", "use 1-4000 seconds");
    }
    set_attribute("idle_timeout.timeout_seconds", std::to_string(t));
  }
  if (!props.http2_enabled) set_attribute("routing.http2.enabled", "false");
  set_attribute("routing.http.drop_invalid_header_fields.enabled", props.drop_invalid_header_fields ? "true" : "false");
  if (props.access_logs) log_access_logs(*props.access_logs);
}

ApplicationListener& ApplicationLoadBalancer::add_listener(std::string_view id, BaseApplicationListenerProps props) {
  return add<ApplicationListener>(id, std::move(props));
}

ApplicationListener& ApplicationLoadBalancer::add_redirect(ApplicationRedirectProps props) {
  const std::string id = "Redirect" + std::to_string(props.source_port) + "To" + std::to_string(props.target_port);
  if (props.target_protocol != Protocol::Http && props.target_protocol != Protocol::Https) {
    throw Error(detail::child_path(*this, id), "a redirect goes to HTTP or HTTPS", "set .target_protocol to Http or Https");
  }
  return add_listener(id, {.port = props.source_port,
                           .protocol = props.source_protocol,
                           .open = props.open,
                           .default_action = ListenerAction::redirect(
                               {.protocol = std::string(to_string(props.target_protocol)),
                                .port = std::to_string(props.target_port)})});
}

wafv2::WebAclAssociation& ApplicationLoadBalancer::associate_web_acl(const Value& web_acl_arn) {
  if (web_acl_association_ != nullptr)
    throw Error(node().path(), "the load balancer has a web ACL already", "a load balancer takes one web ACL: put the rules in it");
  wafv2::check_web_acl_scope(node().path(), web_acl_arn, wafv2::WebAclScope::Regional,
                             "load balancer " + node().path());
  web_acl_association_ =
      &add<wafv2::WebAclAssociation>("WebAclAssociation", {.resource_arn = load_balancer_arn(), .web_acl_arn = web_acl_arn});
  return *web_acl_association_;
}

wafv2::WebAclAssociation& ApplicationLoadBalancer::associate_web_acl(const wafv2::CfnWebACL& web_acl) {
  return associate_web_acl(web_acl.attr_arn());
}

// ---- ApplicationListener ----------------------------------------------------

namespace {
ApplicationLoadBalancer& require_alb(Construct& scope, std::string_view id) {
  auto* lb = dynamic_cast<ApplicationLoadBalancer*>(&scope);
  if (!lb) throw Error(detail::child_path(scope, id), "a listener needs a load balancer", "use alb.add_listener(...)");
  return *lb;
}

BaseListener::Config alb_config(const Construct& scope, std::string_view id, const BaseApplicationListenerProps& p) {
  const Protocol protocol = p.protocol.value_or(!p.certificates.empty() || p.port == 443 ? Protocol::Https : Protocol::Http);
  if (!is_application_protocol(protocol)) {
    throw Error(detail::child_path(scope, id),
                "an Application Load Balancer listener cannot use " + std::string(to_string(protocol)),
                "use HTTP or HTTPS (TCP/TLS/UDP need a NetworkLoadBalancer)");
  }
  return {.port = p.port.value_or(protocol == Protocol::Https ? 443 : 80),
          .protocol = protocol,
          .certificates = p.certificates,
          .ssl_policy = p.ssl_policy,
          .open = p.open,
          .allow_from = p.allow_from};
}
}  // namespace

ApplicationListener::ApplicationListener(Construct& scope, std::string_view id, const BaseApplicationListenerProps& props)
    : BaseListener(scope, id, require_alb(scope, id), alb_config(scope, id, props)) {
  if (props.default_action && !props.default_target_groups.empty()) {
    throw Error(node().path(), "both default_action and default_target_groups were given", "give one of them");
  }
  if (props.default_action) set_default_action(*props.default_action);
  if (!props.default_target_groups.empty()) add_target_groups(std::move(props.default_target_groups));
}

void ApplicationListener::add_action(std::string_view id, AddActionProps props) {
  if (!props.action) {
    throw Error(node().path(), "add_action('" + std::string(id) + "') needs an action", "set .action");
  }
  if (props.priority.has_value() != !props.conditions.empty()) {
    throw Error(node().path(), "add_action('" + std::string(id) + "'): priority and conditions go together",
                "set both .priority and .conditions for a rule, or neither for the default action");
  }
  if (!props.priority) {
    set_default_action(*props.action);
    return;
  }
  add<ApplicationListenerRule>(std::string(id) + "Rule", ApplicationListenerRuleProps{.listener = *this,
                                                                                    .priority = *props.priority,
                                                                                    .conditions = std::move(props.conditions),
                                                                                    .action = std::move(props.action)});
}

void ApplicationListener::add_conditional_targets(std::string_view id, int priority,
                                                  const std::vector<ListenerCondition>& conditions, TargetGroup& group) {
  add<ApplicationListenerRule>(std::string(id) + "Rule", ApplicationListenerRuleProps{.listener = *this,
                                                                                    .priority = priority,
                                                                                    .conditions = conditions,
                                                                                    .action = ListenerAction::forward({group})});
}

void ApplicationListener::reserve_priority(const std::string& rule_path, int priority) {
  if (!priorities_.insert(priority).second) {
    throw Error(rule_path, "priority " + std::to_string(priority) + " is used by another rule of " + node().path(),
                "give every rule of a listener its own priority");
  }
}

// ---- ApplicationListenerRule ---------------------------------------------------

ApplicationListenerRule::ApplicationListenerRule(Construct& scope, std::string_view id, const ApplicationListenerRuleProps& props)
    : Construct(scope, id), priority_(props.priority) {
  const std::string path = node().path();
  if (!props.listener) throw Error(path, "a listener rule needs a listener", "set .listener");
  if (priority_ < 1 || priority_ > 50000) {
    throw Error(path, "rule priority " + std::to_string(priority_) + " is out of range", "use 1-50000");
  }
  if (props.conditions.empty()) throw Error(path, "a listener rule needs at least one condition", "set .conditions");
  if (props.conditions.size() > 5) throw Error(path, "a listener rule can have at most 5 conditions", "split the rule");
  for (const auto& c : props.conditions) {
    if (std::string p = detail::condition_problem(c); !p.empty()) throw Error(path, p, "fix the rule's conditions");
  }
  if (!props.action) throw Error(path, "a listener rule needs an action", "set .action");
  if (std::string p = detail::action_problem(*props.action); !p.empty()) throw Error(path, p, "fix the rule's action");
  props.listener->reserve_priority(path, priority_);

  using R = CfnListenerRule;
  R::Props l1;
  l1.actions.push_back(detail::render_action<R::ActionProperty, R::ForwardConfigProperty, R::TargetGroupTupleProperty,
                                             R::RedirectConfigProperty, R::FixedResponseConfigProperty>(*props.action));
  for (const auto& c : props.conditions) {
    R::RuleConditionProperty rc;
    rc.field = c.field_name();
    switch (c.field()) {
      case ListenerCondition::Field::PathPattern:
        rc.path_pattern_config.emplace().values = c.values();
        break;
      case ListenerCondition::Field::HostHeader:
        rc.host_header_config.emplace().values = c.values();
        break;
      case ListenerCondition::Field::HttpRequestMethod:
        rc.http_request_method_config.emplace().values = c.values();
        break;
      case ListenerCondition::Field::SourceIp:
        rc.source_ip_config.emplace().values = c.values();
        break;
    }
    l1.conditions.push_back(std::move(rc));
  }
  l1.listener_arn = props.listener->listener_arn();
  l1.priority = priority_;
  resource_ = &add<CfnListenerRule>("Resource", std::move(l1));
  resource_->tags() = TagManager();  // as for listeners (base_listener.cpp)
  for (const auto& g : props.action->target_groups()) g->register_listener(props.listener->load_balancer(), *resource_);
}

Value ApplicationListenerRule::listener_rule_arn() const { return resource_->ref(); }

}  // namespace cdk::elbv2
