// One cdkpp app per parity case, chosen with `-c case=NAME`; each writes the
// stack "Parity" that apps/NAME.js writes with aws-cdk-lib. Keep both sides in
// step: same construct ids, same props; where the APIs differ, the comment
// says how close this gets.
#include <cdk/cdk.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/events/events.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/sqs.hpp>

#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace {

using Case = std::function<void(cdk::Stack&)>;

void s3_bucket(cdk::Stack& s) {
  auto& bucket = s.add<cdk::s3::Bucket>("Bucket", {.versioned = true});
  auto& reader = s.add<cdk::iam::Role>("Reader", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  bucket.grant_read(reader);
}

void sqs_queue(cdk::Stack& s) {
  s.add<cdk::sqs::Queue>("Queue", {.visibility_timeout_seconds = 60});
}

void sns_sqs(cdk::Stack& s) {
  auto& topic = s.add<cdk::sns::Topic>("Topic", {.display_name = "parity"});
  auto& queue = s.add<cdk::sqs::Queue>("Queue", {});
  topic.add_subscription(cdk::sns::SqsSubscription{.queue = queue});
}

void vpc_default(cdk::Stack& s) { s.add<cdk::ec2::Vpc>("Vpc", {}); }

void vpc_3groups(cdk::Stack& s) {
  s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2,
      .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public, 24},
                               {"app", cdk::ec2::SubnetType::PrivateWithEgress, 24},
                               {"data", cdk::ec2::SubnetType::PrivateIsolated, 28}}});
}

void security_group(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& web = s.add<cdk::ec2::SecurityGroup>("Web", {.vpc = vpc, .description = "web tier"});
  web.add_ingress_rule(cdk::ec2::Peer::any_ipv4(), cdk::ec2::Port::tcp(443), "HTTPS from anywhere");
  auto& app = s.add<cdk::ec2::SecurityGroup>("App", {.vpc = vpc, .description = "app tier", .allow_all_outbound = false});
  app.add_ingress_rule(cdk::ec2::Peer::security_group(web), cdk::ec2::Port::tcp(8080), "from web");
  app.add_egress_rule(cdk::ec2::Peer::ipv4("10.0.0.0/8"), cdk::ec2::Port::tcp(5432), "to the database");
}

void lambda_inline(cdk::Stack& s) {
  s.add<cdk::lambda::Function>("Fn", {.runtime = cdk::lambda::Runtime::Nodejs22x, .handler = "index.handler",
      .code = cdk::lambda::Code::from_inline("exports.handler = async () => 'ok';"), .timeout_seconds = 10});
}

void events_schedule(cdk::Stack& s) {
  auto& fn = s.add<cdk::lambda::Function>("Fn", {.runtime = cdk::lambda::Runtime::Nodejs22x, .handler = "index.handler",
      .code = cdk::lambda::Code::from_inline("exports.handler = async () => 'ok';")});
  auto& rule = s.add<cdk::events::Rule>("Nightly", {.schedule = cdk::events::Schedule::cron({.minute = "0", .hour = "2"})});
  rule.add_target(cdk::events::LambdaFunctionTarget{.function = fn});
}

void rds_instance(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  // cdkpp defaults to PrivateIsolated subnets (this VPC has none); the CDK
  // picks PRIVATE_WITH_EGRESS first, so say so.
  s.add<cdk::rds::DatabaseInstance>("Db", {.engine = cdk::rds::DatabaseInstanceEngine::postgres_16(), .vpc = vpc,
      .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}});
}

void rds_aurora(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  s.add<cdk::rds::AuroraCluster>("Cluster", {.engine = cdk::rds::AuroraEngine::postgres_16(), .vpc = vpc,
      .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}});  // as rds_instance
}

void efs_filesystem(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  s.add<cdk::efs::FileSystem>("Fs", {.vpc = vpc});
}

void ecs_fargate_alb(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = s.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .port_mappings = {{.container_port = 8080}}});
  auto& svc = s.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& alb = s.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 8080, .targets = {svc}});
}

void asg_nlb(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& asg = s.add<cdk::autoscaling::AutoScalingGroup>("Asg", {.vpc = vpc, .instance_type = "t3.small"});
  auto& nlb = s.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.port = 80, .targets = {asg}});
}

const std::map<std::string, Case>& cases() {
  static const std::map<std::string, Case> all{
      {"s3_bucket", s3_bucket}, {"sqs_queue", sqs_queue}, {"sns_sqs", sns_sqs},
      {"vpc_default", vpc_default}, {"vpc_3groups", vpc_3groups}, {"security_group", security_group},
      {"lambda_inline", lambda_inline}, {"events_schedule", events_schedule},
      {"rds_instance", rds_instance}, {"rds_aurora", rds_aurora}, {"efs_filesystem", efs_filesystem},
      {"ecs_fargate_alb", ecs_fargate_alb}, {"asg_nlb", asg_nlb}};
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  const std::string name = app.context_or("case", "");
  const auto it = cases().find(name);
  if (it == cases().end()) {
    std::cerr << "parity_app: unknown case '" << name << "'; pass -c case=NAME\n";
    return 2;
  }
  it->second(app.add<cdk::Stack>("Parity", {}));
  return app.run();
}
