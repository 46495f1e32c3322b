#include <cdk/ecs_patterns/application_load_balanced_fargate_service.hpp>

#include <cdk/acm/certificate.hpp>
#include <cdk/cfn_output.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs_patterns/detail/common.hpp>
#include <cdk/ecs_patterns/detail/load_balanced_service.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/route53/a_record.hpp>
#include <cdk/route53/cfn_record_set.hpp>
#include <cdk/route53/hosted_zone.hpp>

#include <string>

namespace cdk::ecs_patterns {

namespace {

using elbv2::Protocol;

constexpr int http_port = 80;
constexpr int https_port = 443;

// "api.example.com" for domain "api" (or "api.example.com") in zone "example.com".
std::string fully_qualified(const std::string& domain_name, const route53::IHostedZone& zone) {
  auto name = route53::RecordSet::fully_qualified_name(domain_name, zone.zone_name());
  if (!name.empty() && name.back() == '.') name.pop_back();
  return name;
}

}  // namespace

ApplicationLoadBalancedFargateService::ApplicationLoadBalancedFargateService(
    Construct& scope, std::string_view id, const ApplicationLoadBalancedFargateServiceProps& props)
    : Construct(scope, id) {
  check(props);
  protocol_ = props.protocol.value_or(props.certificate.is_null() ? Protocol::Http : Protocol::Https);
  cluster_ = &detail::resolve_cluster(*this, props.cluster, props.vpc);
  make_load_balancer(props);
  make_listeners(props);
  if (props.task_definition)
    task_definition_ = props.task_definition.get();
  else
    make_task_definition(props);
  make_service(props);
  make_dns_and_outputs(props);
}

void ApplicationLoadBalancedFargateService::check(const Props& p) const {
  const auto path = node().path();
  detail::check_task_source(*this, bool(p.task_definition), p.task_image_options.has_value(), "task_image_options");
  detail::check_task_size(*this, bool(p.task_definition), p.cpu, p.memory_limit_mib,
                          p.task_image_options && !p.task_image_options->family.empty());
  detail::check_desired_count(*this, p.desired_count, "desired_count");
  for (auto [field, protocol] : {std::pair{"protocol", std::optional<elbv2::Protocol>(p.protocol)}, std::pair{"target_protocol", std::optional(p.target_protocol)}})
    if (protocol && !elbv2::is_application_protocol(*protocol))
      throw Error(path, std::string(field) + " must be Http or Https for an Application Load Balancer",
                  "use cdk::ecs_patterns::NetworkLoadBalancedFargateService for TCP or TLS");
  const bool https = p.protocol ? *p.protocol == Protocol::Https : !p.certificate.is_null();
  if (!p.certificate.is_null() && !https)
    throw Error(path, "a certificate was given with the HTTP protocol", "use protocol Https, or drop the certificate");
  if (!p.domain_name.empty() && !p.domain_zone)
    throw Error(path, "domain_name needs the hosted zone it belongs to", "set .domain_zone = zone");
  if (p.domain_zone && p.domain_name.empty())
    throw Error(path, "domain_zone was given without domain_name", "set .domain_name (e.g. \"api.example.com\")");
  if (https && p.certificate.is_null() && p.domain_name.empty())
    throw Error(path, "HTTPS needs a certificate, or a domain name and zone to make one",
                "set .certificate = cert.certificate_arn(), or .domain_name and .domain_zone");
  if (p.redirect_http && !https)
    throw Error(path, "redirect_http sends clients to HTTPS, and the listener is HTTP",
                "use protocol Https (with a certificate or domain), or drop redirect_http");
  if (p.redirect_http && p.listener_port == http_port)
    throw Error(path, "redirect_http listens on port 80, which the HTTPS listener uses",
                "leave listener_port unset (443) or pick another port");
}

void ApplicationLoadBalancedFargateService::make_load_balancer(const Props& p) {
  load_balancer_ = &add<elbv2::ApplicationLoadBalancer>(
      "LB", {.vpc = Ptr<ec2::IVpc>(*cluster_->vpc()),
             .internet_facing = p.public_load_balancer,
             .load_balancer_name = p.load_balancer_name,
             .idle_timeout_seconds = p.idle_timeout_seconds});
}

void ApplicationLoadBalancedFargateService::make_listeners(const Props& p) {
  std::vector<Value> certificates;
  if (protocol_ == Protocol::Https) {
    if (p.certificate.is_null()) {
      certificate_ = &add<acm::Certificate>(
          "Certificate", {.domain_name = fully_qualified(p.domain_name, *p.domain_zone),
                          .validation = acm::CertificateValidation::from_dns(p.domain_zone)});
      certificates.push_back(certificate_->certificate_arn());
    } else {
      certificates.push_back(p.certificate);
    }
  }
  listener_ = &load_balancer_->add_listener("PublicListener", {.port = p.listener_port,
                                                               .protocol = protocol_,
                                                               .certificates = std::move(certificates),
                                                               .ssl_policy = p.ssl_policy,
                                                               .open = p.open_listener});
  target_group_ = &listener_->add_targets("ECS", {.protocol = p.target_protocol, .health_check = p.health_check});
  if (!p.redirect_http) return;
  redirect_listener_ = &load_balancer_->add_listener(
      "PublicRedirectListener",
      {.port = http_port,
       .protocol = Protocol::Http,
       .open = p.open_listener,
       .default_action = elbv2::ListenerAction::redirect(
           {.protocol = "HTTPS", .port = std::to_string(p.listener_port.value_or(https_port))})});
  // As in the AWS CDK: made after the main listener, so that a deploy never
  // sees two listeners on port 80 while one changes into the other.
  redirect_listener_->node().add_dependency(*listener_);
}

void ApplicationLoadBalancedFargateService::make_task_definition(const Props& p) {
  task_definition_ = &detail::make_task_definition(*this, *p.task_image_options, p.cpu, p.memory_limit_mib,
                                                   p.cpu_architecture);
}

void ApplicationLoadBalancedFargateService::make_service(const Props& p) {
  service_ = &detail::make_load_balanced_service(*this, *cluster_, *task_definition_, *target_group_, p);
}

void ApplicationLoadBalancedFargateService::make_dns_and_outputs(const Props& p) {
  Value domain = load_balancer_->dns_name();
  if (!p.domain_name.empty()) {
    dns_record_ = &add<route53::ARecord>("DNS", {.zone = p.domain_zone,
                                                 .record_name = p.domain_name,
                                                 .target = route53::RecordTarget::alias(*load_balancer_)});
    domain = dns_record_->cfn_record_set().ref();  // the record's name, as the AWS CDK's ServiceURL
  }
  add<CfnOutput>("LoadBalancerDNS", {.value = load_balancer_->dns_name()});
  add<CfnOutput>("ServiceURL", {.value = Value(protocol_ == Protocol::Https ? "https://" : "http://") + domain});
}

}  // namespace cdk::ecs_patterns
