#include "keyedin.hpp"

#include <cdk/acm/acm.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/autoscaling/cfn_auto_scaling_group.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ec2/cfn_instance.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/rds/cfn_db_cluster.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/s3_assets/s3_assets.hpp>
#include <cdk/security.hpp>
#include <cdk/sns/sns.hpp>

#include <algorithm>
#include <limits>

namespace keyedin {

using namespace cdk;

namespace {

int context_int(const App& app, std::string_view key, int fallback, int min) {
  const auto value = app.context_int(key, fallback);
  if (value < min || value > std::numeric_limits<int>::max())
    throw Error("", "context " + std::string(key) + "=" + std::to_string(value) + " is not a whole number of at least " +
                        std::to_string(min),
                "pass -c " + std::string(key) + "=" + std::to_string(fallback) + " or leave it out");
  return static_cast<int>(value);
}

// The record's name relative to the zone: "" for the apex.
constexpr const char* kSsmCore = "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore";

// The write-up's choices for the app tier that outside scanners (cdk-nag) flag, each with its reason.
void explain_app_choices(autoscaling::AutoScalingGroup& web, s3::Bucket& releases, s3::Bucket& assets) {
  security::suppress(web.role(), "AwsSolutions-IAM4", "AmazonSSMManagedInstanceCore: what Session Manager needs, kept by AWS",
                     {.applies_to = {kSsmCore}});
  const auto objects = [](s3::Bucket& b, const std::string& prefix) {
    return "Resource::<" + Stack::of(b).logical_id(b.cfn_bucket()) + ".Arn>/" + prefix + "*";
  };
  security::suppress(web.role(), "AwsSolutions-IAM5", "the deploy scripts fetch any release; the app serves and uploads any asset",
                     {.applies_to = {objects(releases, "releases/"), objects(assets, "")}});
  security::suppress(web.cfn(), "AwsSolutions-EC26",
                     "the launch template encrypts the root volume; cdk-nag's check fails on a mixed instances policy");
  security::suppress(web.cfn(), "AwsSolutions-AS3", "scaling shows in the group's activity history; deployments alert by topic");
  security::suppress(assets.cfn_bucket(), "AwsSolutions-S1", "public images, styles and scripts: nginx logs who fetches them");
  security::suppress(releases.cfn_bucket(), "AwsSolutions-S1",
                     "release bundles: the deployments' history says which revision went out");
}

void explain_bastion_choices(ec2::BastionHost& bastion) {
  security::suppress(bastion.instance().role(), "AwsSolutions-IAM4", "AmazonSSMManagedInstanceCore: what Session Manager needs, kept by AWS",
                     {.applies_to = {kSsmCore}});
  auto& instance = bastion.instance().resource();
  security::suppress(instance, "AwsSolutions-EC26",
                     "the bastion's root volume is encrypted; cdk-nag's check fails beside the app's launch template");
  security::suppress(instance, "AwsSolutions-EC28", "a stateless way in: basic monitoring is enough");
  security::suppress(instance, "AwsSolutions-EC29", "a stateless way in: replacing it loses nothing");
}

std::string record_name(const Settings& s) {
  if (s.domain == s.zone) return "";
  if (s.domain.size() > s.zone.size() && s.domain.ends_with("." + s.zone))
    return s.domain.substr(0, s.domain.size() - s.zone.size() - 1);
  throw Error("", "domain " + s.domain + " is not in zone " + s.zone, "pass -c domain=<name>." + s.zone);
}

// The first revision, shipped with the stack: a file asset the instances may
// read (that object only, not the whole bootstrap bucket a grant_read opens),
// deployed by CloudFormation as soon as the deployment group exists.
std::optional<codedeploy::S3Revision> first_revision(Stack& stack, const std::string& bundle,
                                                    autoscaling::AutoScalingGroup& web) {
  if (bundle.empty()) return std::nullopt;
  auto& revision = stack.add<s3_assets::Asset>("Revision", {.path = bundle});
  web.role().add_to_policy({.actions = {"s3:GetObject"}, .resources = {revision.object_arn()}});
  return codedeploy::S3Revision{.bucket = revision.s3_bucket_name(), .key = revision.s3_object_key(),
                                .description = "the revision shipped with the stack"};
}

}  // namespace

Settings settings_from_context(const App& app) {
  Settings s;
  s.region = app.context_or("region", s.region);
  s.name = app.context_or("name", s.name);
  s.zone = app.context_or("zone", s.zone);
  s.domain = app.context_or("domain", app.context("zone") ? s.zone : s.domain);
  s.nat_gateways = context_int(app, "nat_gateways", s.nat_gateways, 0);
  s.instance_type = app.context_or("instance_type", s.instance_type);
  if (app.context("spot_instance_types")) s.spot_instance_types = app.context_list("spot_instance_types");
  s.max_capacity = context_int(app, "max_capacity", s.max_capacity, 1);
  s.requests_per_target = context_int(app, "requests_per_target", s.requests_per_target, 1);
  s.ami = app.context_or("ami", s.ami);
  s.db_instance_type = app.context_or("db_instance_type", s.db_instance_type);
  s.bastion_instance_type = app.context_or("bastion_instance_type", s.bastion_instance_type);
  if (app.context("ssh_cidrs")) s.ssh_cidrs = app.context_list("ssh_cidrs");
  s.alert_email = app.context_or("alert_email", s.alert_email);
  s.bundle = app.context_or("bundle", s.bundle);
  return s;
}

Stack& build(App& app, const Settings& settings) {
  auto& stack = app.add<Stack>("Keyedin", {
      .env = {.region = settings.region},
      .description = "Keyedin: ALB, EC2 Auto Scaling (on-demand + spot) deployed by CodeDeploy, Aurora MySQL, bastion",
      .tags = {{"app", "keyedin"}}});

  // Three public and three private subnets. Without NAT gateways (no Elastic
  // IP to pay for) the private subnets have no route out: they hold the
  // database only, and the app instances sit in the public subnets.
  const bool behind_nat = settings.nat_gateways > 0;
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {
      .max_azs = 3,
      .nat_gateways = settings.nat_gateways,
      .subnet_configuration = {
          {"public", ec2::SubnetType::Public, 24},
          {"private", behind_nat ? ec2::SubnetType::PrivateWithEgress : ec2::SubnetType::PrivateIsolated, 24}},
      .flow_logs = {{"FlowLogs", {}}}});
  const ec2::SubnetSelection app_subnets{.subnet_group_name = behind_nat ? "private" : "public"};

  // Images the app's build pushes and its deploy scripts pull.
  std::vector<ecr::Repository*> repositories;
  for (const char* image : {"backend", "nginx"}) {
    std::string id(image);
    id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    repositories.push_back(&stack.add<ecr::Repository>(id + "Repository", {
        .repository_name = settings.name + "/" + image,
        .lifecycle_rules = {{.description = "drop untagged images after two weeks",
                             .tag_status = ecr::TagStatus::Untagged, .max_image_age_days = 14}}}));
  }

  // Public assets anyone may read; private releases (CodeDeploy revisions,
  // version info) that outlive the stack.
  auto& assets = stack.add<s3::Bucket>("PublicAssets", {
      .cors = {{.allowed_methods = {"GET", "HEAD"}, .allowed_origins = {"https://" + settings.domain}}},
      .public_read_access = true});
  security::suppress(assets, "S3-PUBLIC-ACCESS", "the site's public images, styles and scripts; nothing private goes here");
  auto& releases = stack.add<s3::Bucket>("PrivateReleases", {
      .versioned = true,
      .lifecycle_rules = {{.noncurrent_version_expiration_days = 90, .abort_incomplete_multipart_upload_after_days = 7}},
      .removal_policy = RemovalPolicy::Retain});

  // The app tier: one on-demand instance, spot instances of several types
  // on scale-out.
  std::vector<std::string> types{settings.instance_type};
  for (const auto& t : settings.spot_instance_types)
    if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(t);
  auto image = settings.ami.empty() ? ec2::MachineImage::latest_amazon_linux_2023()
                                    : ec2::MachineImage::generic_linux({{settings.region, settings.ami}});
  auto boot = ec2::UserData::for_linux();
  if (settings.ami.empty()) {
    // What the prebuilt image would hold: Docker and the CodeDeploy agent.
    boot.add_commands({"dnf install -y docker ruby wget",
                       "systemctl enable --now docker",
                       Value("wget -q -O /tmp/codedeploy-install https://aws-codedeploy-") + stack.region() +
                           Value(".s3.") + stack.region() + Value(".amazonaws.com/latest/install"),
                       "chmod +x /tmp/codedeploy-install && /tmp/codedeploy-install auto",
                       "systemctl enable --now codedeploy-agent"});
  }
  auto& web = stack.add<autoscaling::AutoScalingGroup>("App", {
      .vpc = vpc,
      .instance_type = settings.instance_type,
      .machine_image = image,
      .user_data = boot,
      .vpc_subnets = app_subnets,
      .min_capacity = 1,
      .max_capacity = std::max(1, settings.max_capacity),
      .root_volume = {.device_name = "/dev/xvda"},
      .mixed_instances_policy = autoscaling::MixedInstancesPolicy{
          .on_demand_base_capacity = 1, .on_demand_percentage_above_base_capacity = 0, .instance_types = types},
      .capacity_rebalance = true});
  web.role().add_managed_policy(iam::ManagedPolicy::aws_managed("AmazonSSMManagedInstanceCore"));
  for (auto* repository : repositories) repository->grant_pull(web);
  releases.grant_read(web, "releases/*");
  assets.grant_read_write(web);
  explain_app_choices(web, releases, assets);

  // Aurora MySQL, one writer (no replica yet, as the write-up chose for
  // cost), in the private subnets.
  auto& db = stack.add<rds::AuroraCluster>("Database", {
      .engine = rds::AuroraEngine::mysql_8_0(),
      .vpc = vpc,
      .subnets = {.subnet_group_name = "private"},
      .writer = rds::ClusterInstance::provisioned("writer", {.instance_type = settings.db_instance_type}),
      .manage_master_user_password = true,
      .default_database_name = "keyedin",
      .backup_retention_days = 7,
      .deletion_protection = true,
      .cloudwatch_logs_exports = {"error", "slowquery"}});
  db.grant_secret_read(web);
  security::suppress(db.cfn_cluster(), "AwsSolutions-RDS6", "the app signs in with the password RDS keeps and rotates, not IAM tokens");
  security::suppress(db.cfn_cluster(), "AwsSolutions-RDS11",
                     "only the app's and the bastion's security groups reach it: another port hides nothing");
  security::suppress(db.cfn_cluster(), "AwsSolutions-RDS14", "point-in-time restores from the 7 days of backups replace backtracking");

  // The way in to the database: Session Manager, and SSH only from the listed addresses.
  auto& bastion = stack.add<ec2::BastionHost>("Bastion", {
      .vpc = vpc,
      .instance_type = settings.bastion_instance_type,
      .subnet_selection = {.subnet_group_name = "public"}});
  for (const auto& cidr : settings.ssh_cidrs) bastion.allow_ssh_access_from(ec2::Peer::ipv4(cidr));
  explain_bastion_choices(bastion);
  // Both boot scripts need the internet: launch only once the routes out exist
  // (the AWS CDK's Auto Scaling group and instance wait so too).
  for (Construct* route : vpc.internet_connectivity_established()) {
    web.cfn().node().add_dependency(*route);
    bastion.instance().resource().node().add_dependency(*route);
  }
  db.connections().allow_default_port_from(web, "the app");
  db.connections().allow_default_port_from(bastion, "the bastion");

  // DNS: the zone whose name servers go to the registrar, a certificate
  // validated in it, and the name pointing at the load balancer.
  auto& zone = stack.add<route53::HostedZone>("Zone", {.zone_name = settings.zone});
  auto& cert = stack.add<acm::Certificate>("Certificate", {
      .domain_name = settings.domain, .validation = acm::CertificateValidation::from_dns(zone)});

  auto& lb = stack.add<elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  security::suppress(lb, "LB-NO-ACCESS-LOGS", "nginx on every instance writes the request log");
  security::suppress(*lb.security_groups().front(), "AwsSolutions-EC23",
                    "internet-facing: browsers reach 80 (redirected) and 443 from anywhere");
  auto& group = lb.add_listener("Https", {.certificates = {cert.certificate_arn()}})
                    .add_targets("App", {.port = 80, .targets = {web},
                                         .health_check = {.path = "/", .healthy_http_codes = "200-399"},
                                         .deregistration_delay_seconds = 30});
  lb.add_redirect();
  web.scale_on_request_count("Requests",
                             {.target_requests_per_minute = static_cast<double>(settings.requests_per_target)});

  stack.add<route53::ARecord>("Alias", {.zone = zone, .record_name = record_name(settings),
                                        .target = route53::RecordTarget::alias(lb)});

  // CodeDeploy: in-place deployments to the group, one instance at a time,
  // taken out of the load balancer while they update; rolled back and
  // announced on failure.
  auto& alerts = stack.add<sns::Topic>("DeployAlerts", {.display_name = settings.name + " deployments"});
  if (!settings.alert_email.empty()) alerts.add_subscription(sns::EmailSubscription{.email_address = settings.alert_email});
  stack.add<codedeploy::ServerDeploymentGroup>("DeploymentGroup", {
      .application = stack.add<codedeploy::ServerApplication>("Application", {.application_name = settings.name}),
      .deployment_config = codedeploy::ServerDeploymentConfig::one_at_a_time(),
      .auto_scaling_groups = {web},
      .install_agent = false,  // the boot script above (or the prebuilt image) has it
      .load_balancers = {codedeploy::LoadBalancer::target_group(group)},
      .triggers = {{.trigger_name = "deployment-failed", .topic = alerts}},
      .initial_revision = first_revision(stack, settings.bundle, web)});
  security::suppress(stack.node().find_child("DeploymentGroup").node().find_child("Role"), "AwsSolutions-IAM4",
                     "AWSCodeDeployRole: the service role CodeDeploy documents, kept by AWS",
                     {.applies_to = {"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRole"}});

  stack.add<CfnOutput>("Url", {.value = "https://" + settings.domain + "/"});
  // Route 53 gives every public zone four name servers.
  const auto ns = zone.hosted_zone_name_servers();
  stack.add<CfnOutput>("NameServers", {.value = Fn::join(",", {Fn::select(0, ns), Fn::select(1, ns),
                                                                Fn::select(2, ns), Fn::select(3, ns)}),
                                       .description = "give these to the domain registrar"});
  stack.add<CfnOutput>("LoadBalancerDns", {.value = lb.dns_name()});
  stack.add<CfnOutput>("BackendRepositoryUri", {.value = repositories[0]->repository_uri()});
  stack.add<CfnOutput>("NginxRepositoryUri", {.value = repositories[1]->repository_uri()});
  stack.add<CfnOutput>("ReleasesBucket", {.value = releases.bucket_name()});
  stack.add<CfnOutput>("AssetsBucket", {.value = assets.bucket_name()});
  stack.add<CfnOutput>("BastionInstanceId", {.value = bastion.instance_id()});
  stack.add<CfnOutput>("DatabaseEndpoint", {.value = db.cluster_endpoint_address()});
  return stack;
}

}  // namespace keyedin
