#include "matomo.hpp"

#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/acm/acm.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>


namespace matomo {

using namespace cdk;

Settings settings_from_context(const App& app) {
  Settings s;
  s.region = app.context_or("region", s.region);
  s.zone = app.context_or("zone", s.zone);
  s.domain = app.context_or("domain", s.domain);
  if (app.context("ssh_cidrs")) s.ssh_cidrs = app.context_list("ssh_cidrs");
  return s;
}

Stack& build(App& app, const Settings& settings) {
  auto& stack = app.add<Stack>("Matomo", {
      .env = {.region = settings.region},
      .description = "Matomo analytics: NLB, EC2 web tier on EFS, MySQL",
      .tags = {{"app", "matomo"}}});

  auto& vpc = stack.add<ec2::Vpc>("Vpc", {
      .max_azs = 2,
      .nat_gateways = 1,
      .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                               {"app", ec2::SubnetType::PrivateWithEgress, 24},
                               {"data", ec2::SubnetType::PrivateIsolated, 28}},
      .flow_logs = {{"FlowLogs", {}}}});

  // PHP files shared by every web instance.
  auto& files = stack.add<efs::FileSystem>("Files", {.vpc = vpc, .subnets = {.subnet_group_name = "app"}});

  auto& db = stack.add<rds::DatabaseInstance>("Database", {
      .engine = rds::DatabaseInstanceEngine::mysql_8_0(),
      .vpc = vpc,
      .subnets = {.subnet_group_name = "data"},
      .instance_type = "db.t4g.micro",
      .allocated_storage_gib = 20,
      .manage_master_user_password = true,
      .database_name = "matomo",
      .backup_retention_days = 7,
      .deletion_protection = true});
  // Choices of the write-up ("as low cost as possible"), told to outside scanners too.
  security::suppress(db, "AwsSolutions-RDS3", "single-AZ to keep the cost low; restores come from the 7 days of backups");
  security::suppress(db, "AwsSolutions-RDS11",
                     "only the web tier's security group reaches it, in isolated subnets: another port hides nothing");

  auto boot = ec2::UserData::for_linux();
  boot.add_commands({"dnf install -y amazon-efs-utils httpd php php-mysqlnd",
                     "mkdir -p /var/www/html",
                     "mount -t efs -o tls " + files.file_system_id() + ":/ /var/www/html",
                     "systemctl enable --now httpd"});
  auto& web = stack.add<autoscaling::AutoScalingGroup>("Web", {
      .vpc = vpc,
      .instance_type = "t3.small",
      .user_data = boot,
      .vpc_subnets = ec2::SubnetSelection{.subnet_group_name = "app"},
      .min_capacity = 1,
      .max_capacity = 2});
  security::suppress(web, "AwsSolutions-AS3", "one or two instances; scaling shows in the group's activity history");
  files.connections().allow_default_port_from(web);
  db.connections().allow_default_port_from(web);
  db.grant_secret_read(web);

  auto& zone = stack.add<route53::HostedZone>("Zone", {.zone_name = settings.zone});
  auto& cert = stack.add<acm::Certificate>("Certificate", {
      .domain_name = settings.domain, .validation = acm::CertificateValidation::from_dns(zone)});

  auto& lb = stack.add<elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  security::suppress(lb, "LB-NO-ACCESS-LOGS", "Matomo itself records every visit; NLB connection logs would repeat it");
  security::suppress(lb, "AwsSolutions-EC23", "internet-facing: visitors reach 443 from anywhere; SSH only from the admins");
  lb.add_listener("Https", {.port = 443, .certificates = {cert.certificate_arn()}})
      .add_targets("Web", {.port = 80, .targets = {web}});
  std::vector<ec2::Peer> admins;
  for (const auto& cidr : settings.ssh_cidrs) admins.push_back(ec2::Peer::ipv4(cidr));
  lb.add_listener("Ssh", {.port = 22, .allow_from = admins}).add_targets("Ssh", {.port = 22, .targets = {web}});

  std::string record = settings.domain;
  if (record.size() > settings.zone.size() && record.ends_with("." + settings.zone))
    record = record.substr(0, record.size() - settings.zone.size() - 1);
  stack.add<route53::ARecord>("Alias", {.zone = zone, .record_name = record,
                                        .target = route53::RecordTarget::alias(lb)});

  stack.add<CfnOutput>("Url", {.value = "https://" + settings.domain + "/"});
  stack.add<CfnOutput>("LoadBalancerDns", {.value = lb.dns_name()});
  return stack;
}

}  // namespace matomo
