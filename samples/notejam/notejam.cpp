#include "notejam.hpp"

#include "cdn.hpp"
#include "legacy_ids.hpp"
#include "pipeline.hpp"

#include <cdk/acm/acm.hpp>
#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/rds/cfn_db_cluster.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/cfn_db_subnet_group.hpp>
#include <cdk/rds/engine.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/security.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/ssm/ssm.hpp>
#include <cdk/tags.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>

#include <algorithm>

namespace notejam {

using namespace cdk;

Sizing sizing_for(std::string_view environment) {
  if (environment == "dev")
    return {.vpc_cidr = "10.10.0.0/16", .task_cpu = 256, .task_memory_mib = 512, .min_tasks = 1, .max_tasks = 2,
            .task_cpu_target_percent = 70, .db_instance_class = "db.t4g.medium", .db_readers = 0,
            .min_db_replicas = 0, .max_db_replicas = 0, .backup_retention_days = 1, .deletion_protection = false,
            .log_retention_days = 7};
  if (environment == "test")
    return {.vpc_cidr = "10.20.0.0/16", .task_cpu = 512, .task_memory_mib = 1024, .min_tasks = 1, .max_tasks = 4,
            .task_cpu_target_percent = 70, .db_instance_class = "db.t4g.medium", .db_readers = 1,
            .min_db_replicas = 1, .max_db_replicas = 2, .backup_retention_days = 7, .deletion_protection = false,
            .log_retention_days = 14};
  if (environment == "prod")
    // Four times the usual load at conferences: 2 tasks normally, up to 8.
    return {.vpc_cidr = "10.30.0.0/16", .task_cpu = 1024, .task_memory_mib = 2048, .min_tasks = 2, .max_tasks = 8,
            .task_cpu_target_percent = 60, .db_instance_class = "db.r6g.large", .db_readers = 1,
            .min_db_replicas = 1, .max_db_replicas = 4, .backup_retention_days = 35, .deletion_protection = true,
            .log_retention_days = 365};
  throw Error("", "unknown environment '" + std::string(environment) + "'",
              "choose one with -c env=dev, -c env=test or -c env=prod");
}

namespace {

// CloudFront takes certificates and web ACLs from us-east-1 only.
void check_cdn_context(const App& app, const Settings& s) {
  const auto in_us_east_1 = [](const std::string& arn, const char* service, const char* resource) {
    return arn.starts_with("arn:") && arn.find(std::string(":") + service + ":us-east-1:") != std::string::npos &&
           arn.find(resource) != std::string::npos;
  };
  if (!s.cdn_certificate_arn.empty() && !in_us_east_1(s.cdn_certificate_arn, "acm", ":certificate/"))
    throw Error("", "cdn_certificate_arn \"" + s.cdn_certificate_arn + "\" is not an ACM certificate in us-east-1",
                "request a certificate for the environment's domain in ACM in us-east-1 and pass its ARN");
  if (!s.cdn_web_acl_arn.empty() && !in_us_east_1(s.cdn_web_acl_arn, "wafv2", ":global/webacl/"))
    throw Error("", "cdn_web_acl_arn \"" + s.cdn_web_acl_arn + "\" is not a CLOUDFRONT-scoped web ACL in us-east-1",
                "make a WAFv2 web ACL with scope CLOUDFRONT in us-east-1 and pass its ARN");
  const bool three = app.context_flag("delivery", false) || s.environment == all_environments;
  if (three && (!s.cdn_certificate_arn.empty() || !s.cdn_web_acl_arn.empty()))
    throw Error("", "-c cdn_certificate_arn and -c cdn_web_acl_arn name one environment's, and delivery builds three",
                "leave them out with -c delivery=true or -c env=all: each environment's CloudFront then serves its "
                "static files only");
}

}  // namespace

Settings settings_from_context(const App& app) {
  Settings s;
  s.environment = app.context_or("env", s.environment);
  if (s.environment != all_environments) s.sizing = sizing_for(s.environment);
  s.region = app.context_or("region", s.region);
  s.account = app.context_or("account", s.account);
  if (!s.account.empty() && (s.account.size() != 12 || s.account.find_first_not_of("0123456789") != std::string::npos))
    throw Error("", "account \"" + s.account + "\" is not a 12-digit AWS account id", "pass -c account=<12 digits>");
  s.zone = app.context_or("zone", s.zone);
  s.zone_id = app.context_or("zone_id", s.zone_id);
  s.domain = app.context_or("domain", s.domain);
  s.repository = app.context_or("repository", s.repository);
  const auto slash = s.repository.find('/');
  if (slash == 0 || slash == std::string::npos || slash + 1 == s.repository.size() ||
      s.repository.find('/', slash + 1) != std::string::npos)
    throw Error("", "repository \"" + s.repository + "\" is not a GitHub owner/name",
                "pass -c repository=<owner>/<name>, e.g. -c repository=example-org/notejam");
  s.branch = app.context_or("branch", s.branch);
  s.alarm_email = app.context_or("alarm_email", s.alarm_email);
  s.db_password_version = app.context_int("db_password_version", s.db_password_version);
  if (s.db_password_version < 1)
    throw Error("", "db_password_version " + std::to_string(s.db_password_version) + " is not a parameter version",
                "pass the version of /notejam/" + s.environment + "/db-password, e.g. -c db_password_version=2");
  s.first_deploy = app.context_flag("first_deploy", s.first_deploy);
  s.cdn_certificate_arn = app.context_or("cdn_certificate_arn", s.cdn_certificate_arn);
  s.cdn_web_acl_arn = app.context_or("cdn_web_acl_arn", s.cdn_web_acl_arn);
  check_cdn_context(app, s);
  return s;
}

std::string db_password_parameter(const Settings& settings) { return "/notejam/" + settings.environment + "/db-password"; }
std::string secret_key_parameter(const Settings& settings) { return "/notejam/" + settings.environment + "/secret-key"; }

namespace {

constexpr std::int64_t app_port = 8000;
constexpr const char* db_name = "notejam";
constexpr const char* db_user = "notejam";

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

/// Aurora MySQL built from L1 resources: the master password comes from a
/// SecureString parameter, which rds::AuroraCluster cannot take (it always
/// generates one in Secrets Manager).
struct Database {
  ec2::SecurityGroup* security_group = nullptr;
  rds::CfnDBCluster* cluster = nullptr;
};

Database add_database(Stack& stack, ec2::Vpc& vpc, const Settings& settings) {
  const Sizing& size = settings.sizing;
  const auto engine = rds::AuroraEngine::mysql_8_0().spec();
  auto& scope = stack.add<Construct>("Database");

  auto& group = scope.add<ec2::SecurityGroup>(
      "SecurityGroup", {.vpc = vpc, .description = "Notejam database: MySQL from the app tier only",
                        .allow_all_outbound = false});
  group.connections().set_default_port(ec2::Port::tcp(static_cast<int>(engine.default_port)));

  std::vector<Value> subnets = vpc.select_subnets({.subnet_group_name = "data"}).subnet_id_values;
  auto& subnet_group = scope.add<rds::CfnDBSubnetGroup>(
      "Subnets", rds::CfnDBSubnetGroup::Props{.db_subnet_group_description = "Notejam database: isolated subnets",
                                              .subnet_ids = Value(subnets)});
  subnet_group.apply_removal_policy(RemovalPolicy::Delete);

  rds::CfnDBCluster::Props p;
  p.backup_retention_period = size.backup_retention_days;
  p.copy_tags_to_snapshot = true;
  p.database_name = db_name;
  p.db_subnet_group_name = subnet_group.ref();
  p.deletion_protection = size.deletion_protection;
  p.enable_cloudwatch_logs_exports = std::vector<std::string>{"error", "slowquery"};
  p.engine = engine.engine;
  p.engine_version = engine.version;
  p.master_username = db_user;
  p.master_user_password = ssm::StringParameter::value_for_secure_string_parameter(
      db_password_parameter(settings), static_cast<int>(settings.db_password_version));
  p.preferred_backup_window = "02:00-03:00";
  p.preferred_maintenance_window = "sun:03:30-sun:04:30";
  p.storage_encrypted = true;
  p.vpc_security_group_ids = Value(std::vector<Value>{group.security_group_id()});
  auto& cluster = scope.add<rds::CfnDBCluster>("Cluster", std::move(p));
  cluster.apply_removal_policy(RemovalPolicy::Snapshot);  // a final snapshot, in every environment
  security::suppress(cluster, "AwsSolutions-RDS6", "Django signs in with the password from Parameter Store, not IAM tokens");
  security::suppress(cluster, "AwsSolutions-RDS11",
                     "only the app's and the migrations' security groups reach it, in isolated subnets: another port hides nothing");
  security::suppress(cluster, "AwsSolutions-RDS14", "point-in-time restores from the backups replace backtracking");
  if (!size.deletion_protection)
    security::suppress(cluster, "AwsSolutions-RDS10", "dev and test data are rebuilt by the migrations; prod's database is protected");

  std::vector<rds::CfnDBInstance*> instances;
  for (std::int64_t i = 0; i <= size.db_readers; ++i) {
    rds::CfnDBInstance::Props ip;
    ip.db_cluster_identifier = cluster.ref();
    ip.db_instance_class = size.db_instance_class;
    ip.engine = engine.engine;
    ip.promotion_tier = i == 0 ? 0 : 1;
    ip.publicly_accessible = false;
    auto& inst = scope.add<rds::CfnDBInstance>(i == 0 ? std::string("Writer") : "Reader" + std::to_string(i),
                                               std::move(ip));
    inst.apply_removal_policy(RemovalPolicy::Delete);
    if (!instances.empty()) inst.add_depends_on(*instances.front());
    instances.push_back(&inst);
  }

  // Aurora Replica auto scaling: Application Auto Scaling on the replica count,
  // tracking the readers' CPU (a cluster without a reader has no such metric,
  // so an environment without readers does without).
  if (size.max_db_replicas == 0) return {&group, &cluster};
  using namespace cdk::applicationautoscaling;
  auto& target = scope.add<CfnScalableTarget>(
      "ReplicaScalingTarget",
      CfnScalableTarget::Props{.max_capacity = size.max_db_replicas, .min_capacity = size.min_db_replicas,
                               .resource_id = Value("cluster:") + cluster.ref(),
                               .scalable_dimension = "rds:cluster:ReadReplicaCount",
                               .service_namespace = "rds"});
  for (auto* inst : instances) target.add_depends_on(*inst);  // replicas need an available cluster
  CfnScalingPolicy::TargetTrackingScalingPolicyConfigurationProperty tracking;
  tracking.predefined_metric_specification =
      CfnScalingPolicy::PredefinedMetricSpecificationProperty{.predefined_metric_type = "RDSReaderAverageCPUUtilization"};
  tracking.scale_in_cooldown = 300;
  tracking.scale_out_cooldown = 300;
  tracking.target_value = 70.0;
  scope.add<CfnScalingPolicy>(
      "ReplicaCpuScaling",
      CfnScalingPolicy::Props{.policy_name = "notejam-" + settings.environment + "-db-replica-cpu",
                              .policy_type = "TargetTrackingScaling",
                              .scaling_target_id = target.ref(),
                              .target_tracking_scaling_policy_configuration = std::move(tracking)});
  return {&group, &cluster};
}

// Prod's web ACL in front of the load balancer: AWS's managed rule groups for
// common exploits, known bad inputs and SQL injection (the app is Django on
// MySQL), and at most 2,000 requests per address in 5 minutes. $5 a month and
// $1 per rule, plus $0.60 per million requests. Behind CloudFront the load
// balancer sees CloudFront's addresses, so the limit counts the first address
// of X-Forwarded-For, and a request without one (not from CloudFront) is blocked.
wafv2::CfnWebACL::RateBasedStatementProperty rate_limit(bool behind_cloudfront) {
  wafv2::CfnWebACL::RateBasedStatementProperty rate{.aggregate_key_type = "IP", .limit = 2000};
  if (!behind_cloudfront) return rate;
  rate.aggregate_key_type = "FORWARDED_IP";
  rate.forwarded_ip_config = wafv2::CfnWebACL::ForwardedIPConfigurationProperty{.fallback_behavior = "MATCH",
                                                                               .header_name = "X-Forwarded-For"};
  return rate;
}

wafv2::CfnWebACL& web_acl(Stack& stack, bool behind_cloudfront) {
  using Acl = wafv2::CfnWebACL;
  const auto visibility = [](const char* metric) {
    return Acl::VisibilityConfigProperty{.cloud_watch_metrics_enabled = true, .metric_name = metric,
                                         .sampled_requests_enabled = true};
  };
  Acl::Props p;
  p.scope = "REGIONAL";
  p.description = "Notejam: AWS managed rules and a per-address rate limit";
  p.default_action = Acl::DefaultActionProperty{.allow = Acl::AllowActionProperty{}};
  p.visibility_config = visibility("notejam-prod");
  std::int64_t priority = 0;
  for (const char* group : {"AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                            "AWSManagedRulesSQLiRuleSet"})
    p.rules.push_back({.name = group, .override_action = Acl::OverrideActionProperty{.none = Value::map({})},
                       .priority = priority++,
                       .statement = Acl::StatementProperty{.managed_rule_group_statement =
                                                               Acl::ManagedRuleGroupStatementProperty{.name = group, .vendor_name = "AWS"}},
                       .visibility_config = visibility(group)});
  p.rules.push_back({.action = Acl::RuleActionProperty{.block = Acl::BlockActionProperty{}},
                     .name = "RateLimitPerAddress",
                     .priority = priority,
                     .statement = Acl::StatementProperty{.rate_based_statement = rate_limit(behind_cloudfront)},
                     .visibility_config = visibility("RateLimitPerAddress")});
  return stack.add<Acl>("WebAcl", std::move(p));
}

struct AppTier {
  ecr::Repository& images;
  ecs::Cluster& cluster;
  ecs::FargateTaskDefinition& task;
  ecs::ContainerDefinition& container;
  ecs::FargateService& service;
};

// The application: Fargate tasks in the private app subnets.
AppTier add_app(Stack& stack, ec2::Vpc& vpc, const Database& db, const Settings& settings) {
  const Sizing& size = settings.sizing;
  const std::string& env = settings.environment;
  auto& images = stack.add<ecr::Repository>("Images", {
      .repository_name = "notejam-" + env,
      .lifecycle_rules = {{.description = "keep the last 30 images", .max_image_count = 30}}});
  auto& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc, .container_insights = true});
  auto& app_logs = stack.add<logs::LogGroup>("AppLogs", {
      .log_group_name = "/notejam/" + env + "/app",
      .retention = static_cast<logs::RetentionDays>(size.log_retention_days)});
  auto& task = stack.add<ecs::FargateTaskDefinition>("Task", {
      .cpu = size.task_cpu, .memory_limit_mib = size.task_memory_mib, .family = "notejam-" + env});
  auto& container = task.add_container("notejam", {
      .image = ecs::ContainerImage::from_ecr_repository(images, "latest"),
      .port_mappings = {{.container_port = app_port}},
      .environment = {{"NOTEJAM_ENV", env},
                      {"DB_HOST", db.cluster->attr_endpoint_address()},
                      {"DB_PORT", db.cluster->attr_endpoint_port()},
                      {"DB_NAME", db_name},
                      {"DB_USER", db_user}},
      .secrets = {{"DB_PASSWORD", ecs::Secret::from_ssm_parameter_name(db_password_parameter(settings))},
                  {"SECRET_KEY", ecs::Secret::from_ssm_parameter_name(secret_key_parameter(settings))}},
      .logging = ecs::LogDriver::aws_logs({.stream_prefix = "notejam", .log_group = app_logs})});
  security::suppress(task.cfn_task_definition(), "AwsSolutions-ECS2", "plain settings only (environment, database host and name); the credentials come as secrets");
  // A first deployment starts no task: nothing can run before the pipeline
  // has pushed the first image to the new repository.
  const std::int64_t min_tasks = settings.first_deploy ? 0 : size.min_tasks;
  auto& service = stack.add<ecs::FargateService>("Service", {
      .cluster = cluster, .task_definition = task, .desired_count = min_tasks,
      .subnets = {.subnet_group_name = "app"}});
  // Left out after the first deployment: a stack update would otherwise reset
  // a scaled-out service to it (CloudFormation keeps the count when absent).
  if (!settings.first_deploy) service.cfn_service().add_property_deletion_override("DesiredCount");
  service.auto_scale_task_count({.min_capacity = min_tasks, .max_capacity = size.max_tasks})
      .scale_on_cpu_utilization("Cpu", {.target_percent = size.task_cpu_target_percent,
                                        .scale_in_cooldown_seconds = 300, .scale_out_cooldown_seconds = 60});
  db.security_group->connections().allow_default_port_from(service, "MySQL from the app tasks");
  return {images, cluster, task, container, service};
}

// The domain's records: at the distribution when it serves the site (IPv4
// and IPv6, as CloudFront answers both), else at the load balancer.
void point_domain(Stack& stack, route53::IHostedZone& zone, const std::string& domain, const Cdn& cdn,
                  elbv2::ApplicationLoadBalancer& lb) {
  const std::string& apex = zone.zone_name();
  std::string record = domain;
  if (record.size() > apex.size() && record.ends_with("." + apex)) record = record.substr(0, record.size() - apex.size() - 1);
  if (!cdn.serves_site) {
    stack.add<route53::ARecord>("Alias", {.zone = zone, .record_name = record, .target = route53::RecordTarget::alias(lb)});
    return;
  }
  const auto target = route53::RecordTarget::alias(route53::CloudFrontTarget(cdn.distribution));
  stack.add<route53::ARecord>("Alias", {.zone = zone, .record_name = record, .target = target});
  stack.add<route53::AaaaRecord>("AliasIpv6", {.zone = zone, .record_name = record, .target = target});
}

struct Watched {
  ecs::Cluster& cluster;
  ecs::FargateService& service;
  elbv2::ApplicationLoadBalancer& lb;
  elbv2::TargetGroup& targets;
  rds::CfnDBCluster& database;
};

// Alarms, mailed through one topic.
sns::Topic& add_alarms(Stack& stack, const Settings& settings, const Watched& w) {
  const std::string& env = settings.environment;
  const bool prod = env == "prod";
  auto& cluster = w.cluster;
  auto& service = w.service;
  auto& lb = w.lb;
  auto& targets = w.targets;
  auto& topic = stack.add<sns::Topic>("Alarms", {.display_name = "Notejam " + env + " alarms"});
  if (!settings.alarm_email.empty()) topic.add_subscription(sns::EmailSubscription{.email_address = settings.alarm_email});
  auto alarm = [&](std::string id, cloudwatch::Metric metric, double threshold, std::int64_t periods,
                   std::string description) {
    stack.add<cloudwatch::Alarm>(id, {
        .metric = std::move(metric), .threshold = threshold, .evaluation_periods = periods,
        .comparison_operator = cloudwatch::ComparisonOperator::GreaterThanOrEqualToThreshold,
        .treat_missing_data = cloudwatch::TreatMissingData::NotBreaching,
        .alarm_description = std::move(description), .alarm_actions = {topic.topic_arn()}, .ok_actions = {topic.topic_arn()}});
  };
  alarm("AppCpuHigh",
        {.namespace_ = "AWS/ECS", .metric_name = "CPUUtilization",
         .dimensions = {{"ClusterName", cluster.cluster_name()}, {"ServiceName", service.service_name()}},
         .period_seconds = 60},
        90, 5, "app tasks above 90% CPU for 5 minutes: scaling is at its maximum or too slow");
  alarm("LoadBalancer5xx",
        {.namespace_ = "AWS/ApplicationELB", .metric_name = "HTTPCode_Target_5XX_Count",
         .dimensions = {{"LoadBalancer", lb.load_balancer_full_name()}}, .statistic = "Sum", .period_seconds = 300},
        prod ? 10 : 50, 1, "the app answered with server errors");
  alarm("UnhealthyTasks",
        {.namespace_ = "AWS/ApplicationELB", .metric_name = "UnHealthyHostCount",
         .dimensions = {{"TargetGroup", targets.target_group_full_name()}, {"LoadBalancer", lb.load_balancer_full_name()}},
         .statistic = "Maximum", .period_seconds = 60},
        1, 3, "a task fails its health check");
  alarm("DatabaseCpuHigh",
        {.namespace_ = "AWS/RDS", .metric_name = "CPUUtilization",
         .dimensions = {{"DBClusterIdentifier", w.database.ref()}}, .period_seconds = 300},
        80, 3, "database above 80% CPU for 15 minutes");

  return topic;
}

}  // namespace

Stack& build(App& app, const Settings& settings) {
  const Sizing& size = settings.sizing;
  const std::string& env = settings.environment;
  const bool prod = env == "prod";
  // Each environment is a stage ("Dev", "Test", "Prod": path Dev/Notejam, its
  // own nested assembly, picked with `deploy 'Dev/*'`). The stack keeps the name
  // it had before stages, not the stage default "Dev-Notejam", so an update
  // finds the deployed stack; logical ids follow the path below the stack and
  // stay the same (but those kept at the end of this function).
  auto& stage = app.add<Stage>(capitalized(env), {.env = {.account = settings.account, .region = settings.region}});
  auto& stack = stage.add<Stack>("Notejam", {
      .stack_name = "notejam-" + env,
      .description = "Notejam (" + env + "): ALB, ECS Fargate, Aurora MySQL, CloudFront, CodePipeline",
      .tags = {{"app", "notejam"}, {"environment", env}},
      .termination_protection = size.deletion_protection});

  // Two AZs, a NAT gateway in each so one AZ failing leaves the other with egress.
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {
      .cidr = size.vpc_cidr,
      .max_azs = 2,
      .nat_gateways = 2,
      .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                               {"app", ec2::SubnetType::PrivateWithEgress, 24},
                               {"data", ec2::SubnetType::PrivateIsolated, 28}},
      .flow_logs = {{"FlowLogs", {}}}});

  auto db = add_database(stack, vpc, settings);

  auto tier = add_app(stack, vpc, db, settings);
  auto& service = tier.service;

  // DNS name, certificate and the load balancer in front.
  const std::string domain = !settings.domain.empty() ? settings.domain
                             : prod                   ? "notejam." + settings.zone
                                                      : env + ".notejam." + settings.zone;
  auto& zone = route53::HostedZone::from_hosted_zone_attributes(
      stack, "Zone", {.hosted_zone_id = settings.zone_id, .zone_name = settings.zone});
  auto& cert = stack.add<acm::Certificate>("Certificate", {
      .domain_name = domain, .validation = acm::CertificateValidation::from_dns(zone)});
  auto& lb = stack.add<elbv2::ApplicationLoadBalancer>("Lb", {
      .vpc = vpc, .internet_facing = true, .deletion_protection = size.deletion_protection});
  security::suppress(lb, "LB-NO-ACCESS-LOGS", "the app's request log goes to CloudWatch Logs through the container");
  // Production sits behind a web ACL (PUBLIC-NO-WAF checks production stacks only).
  if (prod) lb.associate_web_acl(web_acl(stack, !settings.cdn_certificate_arn.empty()));
  security::suppress(*lb.security_groups().front(), "AwsSolutions-EC23",
                    "internet-facing: browsers reach 80 (redirected) and 443 from anywhere");
  auto& https = lb.add_listener("Https", {.certificates = {cert.certificate_arn()}});
  auto& targets = https.add_targets("App", {
      .port = static_cast<int>(app_port), .targets = {service},
      .health_check = {.path = "/signin/", .interval_seconds = 15, .healthy_http_codes = "200"},
      .deregistration_delay_seconds = 30});
  lb.add_redirect();

  // Static files from S3 through CloudFront; with a us-east-1 certificate the
  // whole site is behind it (cdn.hpp). The app's tasks run collectstatic.
  const Cdn cdn = add_cdn(stack, {.settings = settings, .domain = domain, .load_balancer = lb});
  tier.container.add_environment("STATIC_URL", cdn.static_url);
  tier.container.add_environment("STATIC_BUCKET", cdn.bucket.bucket_name());
  grant_collectstatic(cdn, tier.task);
  point_domain(stack, zone, domain, cdn, lb);

  auto& topic = add_alarms(stack, settings, {.cluster = tier.cluster, .service = service, .lb = lb, .targets = targets,
                                             .database = *db.cluster});

  // The stack's tags reach every resource through CloudFormation as well; the
  // scalable targets are left out of the per-resource tags because cfn-lint's
  // schema does not know their (recent) Tags property yet.
  for (const char* key : {"app", "environment"})
    Tags::of(stack).remove(key, {.include_resource_types = {"AWS::ApplicationAutoScaling::ScalableTarget"}});

  add_pipeline(stack, {.settings = settings, .vpc = vpc, .images = tier.images, .cluster = tier.cluster,
                       .service = service, .task = tier.task, .database = *db.security_group,
                       .db_host = db.cluster->attr_endpoint_address(), .notifications = topic});

  stack.add<CfnOutput>("Url", {.value = "https://" + domain + "/"});
  stack.add<CfnOutput>("LoadBalancerDns", {.value = lb.dns_name()});
  stack.add<CfnOutput>("CdnDomain", {.value = cdn.distribution.distribution_domain_name()});
  // Security group rules named after their peer's unique id keep the ids they
  // had in the top-level stack NotejamDev (legacy_ids.hpp).
  keep_ids_from_before_stages(stack, "Notejam" + capitalized(env));
  return stack;
}

std::map<std::string, Stack*> build_all(App& app, const Settings& settings,
                                        const std::function<void(Settings&)>& adjust) {
  if (!settings.domain.empty())
    throw Error("", "-c domain= names one environment, and this run builds three",
                "leave -c domain out: the names follow the zone (dev.notejam.<zone>, test.notejam.<zone>, notejam.<zone>)");
  std::map<std::string, Stack*> stacks;
  for (auto env : environments) {
    Settings s = settings;
    s.environment = std::string(env);
    s.sizing = sizing_for(env);
    if (adjust) adjust(s);
    stacks[s.environment] = &build(app, s);
  }
  return stacks;
}

}  // namespace notejam
