#pragma once
/// cdk::ecs_patterns::ApplicationLoadBalancedFargateService: a Fargate service
/// behind an Application Load Balancer, the AWS CDK's pattern of that name.
///
///   auto& web = stack.add<cdk::ecs_patterns::ApplicationLoadBalancedFargateService>("Web", {
///       .cluster = cluster,
///       .task_image_options = cdk::ecs_patterns::TaskImageOptions{
///           .image = cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27")},
///       .domain_name = "www.example.com", .domain_zone = zone,   // a DNS-validated certificate and an A record
///       .protocol = cdk::elbv2::Protocol::Https, .redirect_http = true});
///   web.target_group().configure_health_check({.path = "/healthz"});
///   web.service().auto_scale_task_count({.max_capacity = 4}).scale_on_cpu_utilization("Cpu");
///
/// Construct ids follow the AWS CDK, so a port keeps its logical ids: `LB`,
/// `LB/PublicListener`, `LB/PublicListener/ECSGroup`, `LB/PublicRedirectListener`,
/// `Certificate`, `DNS`, `TaskDef`, `TaskDef/<container>` (and its `LogGroup`),
/// `Service` and the outputs `LoadBalancerDNS` and `ServiceURL`. Given a VPC
/// instead of a cluster, the cluster is the stack's
/// `EcsDefaultClusterMnL3mNNYN<vpc id>`, shared by the patterns given that VPC.
/// (aws-cdk-lib names the target group `ECSPrivateGroup` for an internal load
/// balancer when @aws-cdk/aws-ecs-patterns:uniqueTargetGroupId is on; here it
/// is `ECSGroup` either way, the id apps made before that flag have.)
///
/// Where cdkpp differs from the AWS CDK, on purpose:
/// - a cluster or a VPC must be given: the AWS CDK makes a VPC with NAT
///   gateways when given neither, a cost and network nobody chose;
/// - deployments roll back on failure (circuit breaker with rollback; the AWS
///   CDK's default is off) and keep 100% of the tasks healthy (its is 50%);
/// - HTTPS listeners use SslPolicy::recommended_tls (TLS 1.2+ with forward
///   secrecy) and the load balancer drops invalid header fields, the
///   elbv2 defaults;
/// - an internal load balancer (public_load_balancer = false) lets in the
///   VPC's CIDR block, not 0.0.0.0/0;
/// - `health_check` configures the target group's health check here (the
///   AWS CDK has no such prop; configure_health_check works too).
///
/// Bad input is a cdk::Error at the pattern's path: both or neither of
/// task_definition and task_image_options, no image, a task size Fargate does
/// not offer, HTTPS without a certificate or domain, a certificate with HTTP,
/// a redirect without HTTPS or onto port 80, a domain name without its zone,
/// both cluster and vpc, a desired count below 1.
///
/// Not supported yet: an existing load balancer, capacity provider strategies,
/// CNAME or no DNS record (record_type), an existing task or execution role,
/// Docker labels, ECS managed tags and tag propagation, platform version.
#include <cdk/construct.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/ecs_patterns/task_image_options.hpp>
#include <cdk/elbv2/health_check.hpp>
#include <cdk/elbv2/protocol.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::acm {
class Certificate;
}
namespace cdk::ec2 {
class IVpc;
class SecurityGroup;
}
namespace cdk::ecs {
class Cluster;
class FargateService;
}
namespace cdk::elbv2 {
class ApplicationListener;
class ApplicationLoadBalancer;
class TargetGroup;
}
namespace cdk::route53 {
class ARecord;
class IHostedZone;
}

namespace cdk::ecs_patterns {

struct ApplicationLoadBalancedFargateServiceProps {
  Ptr<ecs::Cluster> cluster{};                      ///< the cluster to run in (it must have a VPC); default the VPC's default cluster
  Ptr<ec2::IVpc> vpc{};                             ///< instead of cluster: run in the stack's default cluster for this VPC; default none
  Optional<TaskImageOptions> task_image_options{};       ///< make the task definition from an image; required unless task_definition
  Ptr<ecs::FargateTaskDefinition> task_definition{};  ///< an existing task definition instead (traffic goes to its default container's first port); default none
  std::int64_t cpu = 256;                           ///< CPU units of a task made here; default 256
  std::int64_t memory_limit_mib = 512;              ///< MiB of a task made here, a size Fargate offers with cpu; default 512
  ecs::CpuArchitecture cpu_architecture = ecs::CpuArchitecture::X86_64;  ///< of a task made here; default X86_64
  Optional<std::int64_t> desired_count{};           ///< at least 1; default none (1 at creation, then left to deploys and scaling)
  bool public_load_balancer = true;                 ///< internet-facing; default true
  bool open_listener = true;                        ///< open the listener ports to clients (anyone, or the VPC when internal); default true
  Optional<int> listener_port{};                    ///< default 443 for HTTPS, 80 for HTTP
  Optional<elbv2::Protocol> protocol{};             ///< Http or Https; default Https with a certificate, else Http
  Value certificate{};                              ///< an ACM certificate ARN (acm::Certificate::certificate_arn()); default one made for domain_name with HTTPS
  std::string domain_name{};                        ///< e.g. "api.example.com" (or "api", relative to the zone): an A record, and the certificate's name; default none
  Ptr<route53::IHostedZone> domain_zone{};          ///< the zone of domain_name; required with domain_name
  bool redirect_http = false;                       ///< HTTPS only: a listener on 80 redirecting to the HTTPS port (301); default false
  std::string ssl_policy{};                         ///< HTTPS only; default elbv2::SslPolicy::recommended_tls
  elbv2::Protocol target_protocol = elbv2::Protocol::Http;  ///< load balancer to tasks, Http or Https; default Http
  elbv2::HealthCheck health_check{};                ///< the target group's health check; default the AWS defaults (HTTP GET / every 30 s)
  std::int64_t min_healthy_percent = 100;           ///< during deploys; default 100
  std::int64_t max_healthy_percent = 200;           ///< during deploys; default 200
  bool circuit_breaker_rollback = true;             ///< stop and roll back failing deployments; default true
  std::int64_t health_check_grace_period_seconds = 60;  ///< target health ignored after a task starts; default 60
  bool assign_public_ip = false;                    ///< tasks in public subnets with public IPs; default false
  ec2::SubnetSelection task_subnets{};              ///< where the tasks run; default the VPC's private subnets (public ones with assign_public_ip)
  List<Ptr<ec2::SecurityGroup>> security_groups{};         ///< the tasks' groups; default one made for the service
  bool enable_execute_command = false;              ///< ECS Exec; default false
  std::string service_name{};                       ///< default generated by CloudFormation
  std::string load_balancer_name{};                 ///< at most 32 characters; default generated by CloudFormation
  Optional<int> idle_timeout_seconds{};             ///< 1-4000; default not set (60)
  Optional<ecs::CloudMapOptions> cloud_map_options{};       ///< register the tasks in Cloud Map; default none
};

class ApplicationLoadBalancedFargateService : public Construct {
 public:
  using Props = ApplicationLoadBalancedFargateServiceProps;
  ApplicationLoadBalancedFargateService(Construct& scope, std::string_view id, const ApplicationLoadBalancedFargateServiceProps& props);

  [[nodiscard]] elbv2::ApplicationLoadBalancer& load_balancer() const noexcept { return *load_balancer_; }
  /// `LB/PublicListener`, which forwards to the target group.
  [[nodiscard]] elbv2::ApplicationListener& listener() const noexcept { return *listener_; }
  /// `LB/PublicRedirectListener` with redirect_http, else nullptr.
  [[nodiscard]] elbv2::ApplicationListener* redirect_listener() const noexcept { return redirect_listener_; }
  [[nodiscard]] elbv2::TargetGroup& target_group() const noexcept { return *target_group_; }
  [[nodiscard]] ecs::FargateService& service() const noexcept { return *service_; }
  [[nodiscard]] ecs::FargateTaskDefinition& task_definition() const noexcept { return *task_definition_; }
  [[nodiscard]] ecs::Cluster& cluster() const noexcept { return *cluster_; }
  /// The certificate made for domain_name, or nullptr (none, or given by ARN).
  [[nodiscard]] acm::Certificate* certificate() const noexcept { return certificate_; }
  /// The A record for domain_name, or nullptr.
  [[nodiscard]] route53::ARecord* dns_record() const noexcept { return dns_record_; }
  /// The listener's protocol (Http or Https).
  [[nodiscard]] elbv2::Protocol protocol() const noexcept { return protocol_; }

 private:
  void check(const Props& props) const;
  void make_load_balancer(const Props& props);
  void make_listeners(const Props& props);
  void make_task_definition(const Props& props);
  void make_service(const Props& props);
  void make_dns_and_outputs(const Props& props);

  elbv2::Protocol protocol_ = elbv2::Protocol::Http;
  ecs::Cluster* cluster_ = nullptr;
  elbv2::ApplicationLoadBalancer* load_balancer_ = nullptr;
  elbv2::ApplicationListener* listener_ = nullptr;
  elbv2::ApplicationListener* redirect_listener_ = nullptr;
  elbv2::TargetGroup* target_group_ = nullptr;
  ecs::FargateTaskDefinition* task_definition_ = nullptr;
  ecs::FargateService* service_ = nullptr;
  acm::Certificate* certificate_ = nullptr;
  route53::ARecord* dns_record_ = nullptr;
};

}  // namespace cdk::ecs_patterns
