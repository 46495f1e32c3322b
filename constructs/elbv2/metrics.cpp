// The CloudWatch metrics of load balancers and target groups, as aws-cdk-lib
// names and aggregates them (its ApplicationLoadBalancer, NetworkLoadBalancer
// and target group metrics): counts are sums, times and host counts averages,
// over five minutes.
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/http_code.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>

#include <cdk/error.hpp>

#include <string>
#include <utility>

namespace cdk::elbv2 {

namespace {

constexpr const char* application_namespace = "AWS/ApplicationELB";
constexpr const char* network_namespace = "AWS/NetworkELB";

cloudwatch::Metric load_balancer_metric(const BaseLoadBalancer& lb, std::string name, std::string statistic) {
  return {.namespace_ = lb.is_application() ? application_namespace : network_namespace,
          .metric_name = std::move(name),
          .dimensions = {{"LoadBalancer", lb.load_balancer_full_name()}},
          .statistic = std::move(statistic)};
}

}  // namespace

const char* http_code_elb_name(HttpCodeElb code) noexcept {
  switch (code) {
    case HttpCodeElb::Elb3xxCount: return "HTTPCode_ELB_3XX_Count";
    case HttpCodeElb::Elb4xxCount: return "HTTPCode_ELB_4XX_Count";
    case HttpCodeElb::Elb5xxCount: return "HTTPCode_ELB_5XX_Count";
  }
  return "HTTPCode_ELB_5XX_Count";
}

const char* http_code_target_name(HttpCodeTarget code) noexcept {
  switch (code) {
    case HttpCodeTarget::Target2xxCount: return "HTTPCode_Target_2XX_Count";
    case HttpCodeTarget::Target3xxCount: return "HTTPCode_Target_3XX_Count";
    case HttpCodeTarget::Target4xxCount: return "HTTPCode_Target_4XX_Count";
    case HttpCodeTarget::Target5xxCount: return "HTTPCode_Target_5XX_Count";
  }
  return "HTTPCode_Target_5XX_Count";
}

// --- ApplicationLoadBalancer ---------------------------------------------------------

cloudwatch::Metric ApplicationLoadBalancer::metric(std::string name, std::string statistic) const {
  return load_balancer_metric(*this, std::move(name), std::move(statistic));
}
cloudwatch::Metric ApplicationLoadBalancer::metric_http_code_elb(HttpCodeElb code) const {
  return metric(http_code_elb_name(code));
}
cloudwatch::Metric ApplicationLoadBalancer::metric_http_code_target(HttpCodeTarget code) const {
  return metric(http_code_target_name(code));
}
cloudwatch::Metric ApplicationLoadBalancer::metric_target_response_time() const {
  return metric("TargetResponseTime", "Average");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_request_count() const { return metric("RequestCount"); }
cloudwatch::Metric ApplicationLoadBalancer::metric_active_connection_count() const {
  return metric("ActiveConnectionCount");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_new_connection_count() const { return metric("NewConnectionCount"); }
cloudwatch::Metric ApplicationLoadBalancer::metric_rejected_connection_count() const {
  return metric("RejectedConnectionCount");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_target_connection_error_count() const {
  return metric("TargetConnectionErrorCount");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_client_tls_negotiation_error_count() const {
  return metric("ClientTLSNegotiationErrorCount");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_target_tls_negotiation_error_count() const {
  return metric("TargetTLSNegotiationErrorCount");
}
cloudwatch::Metric ApplicationLoadBalancer::metric_processed_bytes() const { return metric("ProcessedBytes"); }
cloudwatch::Metric ApplicationLoadBalancer::metric_consumed_lcus() const { return metric("ConsumedLCUs"); }
cloudwatch::Metric ApplicationLoadBalancer::metric_http_redirect_count() const { return metric("HTTP_Redirect_Count"); }
cloudwatch::Metric ApplicationLoadBalancer::metric_http_fixed_response_count() const {
  return metric("HTTP_Fixed_Response_Count");
}

// --- NetworkLoadBalancer ----------------------------------------------------------------

cloudwatch::Metric NetworkLoadBalancer::metric(std::string name, std::string statistic) const {
  return load_balancer_metric(*this, std::move(name), std::move(statistic));
}
cloudwatch::Metric NetworkLoadBalancer::metric_active_flow_count() const { return metric("ActiveFlowCount", "Average"); }
cloudwatch::Metric NetworkLoadBalancer::metric_new_flow_count() const { return metric("NewFlowCount"); }
cloudwatch::Metric NetworkLoadBalancer::metric_processed_bytes() const { return metric("ProcessedBytes"); }
cloudwatch::Metric NetworkLoadBalancer::metric_consumed_lcus() const { return metric("ConsumedLCUs"); }
cloudwatch::Metric NetworkLoadBalancer::metric_tcp_client_reset_count() const {
  return metric("TCP_Client_Reset_Count");
}
cloudwatch::Metric NetworkLoadBalancer::metric_tcp_elb_reset_count() const { return metric("TCP_ELB_Reset_Count"); }
cloudwatch::Metric NetworkLoadBalancer::metric_tcp_target_reset_count() const {
  return metric("TCP_Target_Reset_Count");
}

// --- TargetGroup ----------------------------------------------------------------------------

// The LoadBalancer dimension is the load balancer's LoadBalancerFullName
// ("app/name/id"): aws-cdk-lib derives the same text from the listener's ARN.
cloudwatch::Metric TargetGroup::metric(std::string name, std::string statistic) const {
  const auto* lb = load_balancer();
  if (lb == nullptr)
    throw Error(node().path(), "the target group's metric " + name + " needs a load balancer, and none forwards here yet",
                "add the group to a listener (add_targets or add_target_groups) before asking for its metrics");
  auto m = load_balancer_metric(*lb, std::move(name), std::move(statistic));
  m.dimensions.emplace_back("TargetGroup", target_group_full_name());
  return m;
}

cloudwatch::Metric TargetGroup::application_metric(const char* helper, std::string name, std::string statistic) const {
  if (!is_application())
    throw Error(node().path(), std::string(helper) + " is a metric of HTTP/HTTPS target groups, and this one is " +
                                   std::string(to_string(protocol_)),
                "use metric_healthy_host_count / metric_unhealthy_host_count, or metric(name) for AWS/NetworkELB");
  return metric(std::move(name), std::move(statistic));
}

cloudwatch::Metric TargetGroup::metric_healthy_host_count() const { return metric("HealthyHostCount", "Average"); }
cloudwatch::Metric TargetGroup::metric_unhealthy_host_count() const { return metric("UnHealthyHostCount", "Average"); }
cloudwatch::Metric TargetGroup::metric_http_code_target(HttpCodeTarget code) const {
  return application_metric("metric_http_code_target", http_code_target_name(code), "Sum");
}
cloudwatch::Metric TargetGroup::metric_request_count() const {
  return application_metric("metric_request_count", "RequestCount", "Sum");
}
cloudwatch::Metric TargetGroup::metric_request_count_per_target() const {
  return application_metric("metric_request_count_per_target", "RequestCountPerTarget", "Sum");
}
cloudwatch::Metric TargetGroup::metric_target_response_time() const {
  return application_metric("metric_target_response_time", "TargetResponseTime", "Average");
}
cloudwatch::Metric TargetGroup::metric_target_connection_error_count() const {
  return application_metric("metric_target_connection_error_count", "TargetConnectionErrorCount", "Sum");
}
cloudwatch::Metric TargetGroup::metric_target_tls_negotiation_error_count() const {
  return application_metric("metric_target_tls_negotiation_error_count", "TargetTLSNegotiationErrorCount", "Sum");
}

}  // namespace cdk::elbv2
