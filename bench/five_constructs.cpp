// The five core constructs in one user program: the translation unit whose
// compile and link times bench/compile_time.sh measures at -O0.
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs/fargate_task_definition.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/rds/aurora_cluster.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  auto& stack = app.add<cdk::Stack>("Five", {.env = {.region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {
      .max_azs = 2,
      .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24},
                               {"app", cdk::ec2::SubnetType::PrivateWithEgress, 24},
                               {"data", cdk::ec2::SubnetType::PrivateIsolated, 28}}});
  auto& web = stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {
      .vpc = vpc, .instance_type = "t3.small", .min_capacity = 1, .max_capacity = 4});
  auto& lb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  lb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 80, .targets = {web}});
  auto& db = stack.add<cdk::rds::AuroraCluster>("Db", {
      .engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc});
  db.connections().allow_default_port_from(web);
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("worker", {.image = cdk::ecs::ContainerImage::from_registry("public.ecr.aws/nginx/nginx")});
  auto& worker = stack.add<cdk::ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = task});
  db.connections().allow_default_port_from(worker);
  stack.add<cdk::CfnOutput>("LbDns", {.value = lb.dns_name()});
  return app.run();
}
