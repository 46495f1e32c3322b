#include <cdk/ecs_patterns/network_load_balanced_fargate_service.hpp>

#include <cdk/cfn_output.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/container_definition.hpp>
#include <cdk/ecs_patterns/detail/common.hpp>
#include <cdk/ecs_patterns/detail/load_balanced_service.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/route53/a_record.hpp>

namespace cdk::ecs_patterns {

NetworkLoadBalancedFargateService::NetworkLoadBalancedFargateService(Construct& scope, std::string_view id,
                                                                     const NetworkLoadBalancedFargateServiceProps& props)
    : Construct(scope, id) {
  check(props);
  cluster_ = &detail::resolve_cluster(*this, props.cluster, props.vpc);
  if (props.task_definition)
    task_definition_ = props.task_definition.get();
  else
    task_definition_ = &detail::make_task_definition(*this, *props.task_image_options, props.cpu, props.memory_limit_mib,
                                                     props.cpu_architecture);
  make_load_balancer(props);
  make_service(props);
  make_dns_and_output(props);
}

void NetworkLoadBalancedFargateService::check(const Props& p) const {
  const auto path = node().path();
  detail::check_task_source(*this, bool(p.task_definition), p.task_image_options.has_value(), "task_image_options");
  detail::check_task_size(*this, bool(p.task_definition), p.cpu, p.memory_limit_mib,
                          p.task_image_options && !p.task_image_options->family.empty());
  detail::check_desired_count(*this, p.desired_count, "desired_count");
  if (!p.domain_name.empty() && !p.domain_zone)
    throw Error(path, "domain_name needs the hosted zone it belongs to", "set .domain_zone = zone");
  if (p.domain_zone && p.domain_name.empty())
    throw Error(path, "domain_zone was given without domain_name", "set .domain_name (e.g. \"mqtt.example.com\")");
  if (p.task_definition && !p.task_definition->default_container())
    throw Error(path, "the task definition " + p.task_definition->node().path() + " has no essential container",
                "add the container (with a port mapping) before making the pattern");
}

void NetworkLoadBalancedFargateService::make_load_balancer(const Props& p) {
  load_balancer_ = &add<elbv2::NetworkLoadBalancer>("LB", {.vpc = Ptr<ec2::IVpc>(*cluster_->vpc()),
                                                           .internet_facing = p.public_load_balancer,
                                                           .load_balancer_name = p.load_balancer_name});
  listener_ = &load_balancer_->add_listener("PublicListener", {.port = p.listener_port});
  const auto target_port = static_cast<int>(task_definition_->default_container()->container_port());
  target_group_ = &listener_->add_targets("ECS", {.port = target_port, .health_check = p.health_check});
}

void NetworkLoadBalancedFargateService::make_service(const Props& p) {
  service_ = &detail::make_load_balanced_service(*this, *cluster_, *task_definition_, *target_group_, p);
}

void NetworkLoadBalancedFargateService::make_dns_and_output(const Props& p) {
  if (!p.domain_name.empty())
    dns_record_ = &add<route53::ARecord>("DNS", {.zone = p.domain_zone,
                                                 .record_name = p.domain_name,
                                                 .target = route53::RecordTarget::alias(*load_balancer_)});
  add<CfnOutput>("LoadBalancerDNS", {.value = load_balancer_->dns_name()});
}

}  // namespace cdk::ecs_patterns
