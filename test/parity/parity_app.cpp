// One cdkpp app per parity case, chosen with `-c case=NAME`; each writes the
// stack "Parity" that apps/NAME.js writes with aws-cdk-lib. Keep both sides in
// step: same construct ids, same props; where the APIs differ, the comment
// says how close this gets.
#include <cdk/cdk.hpp>
#include <cdk/acm/acm.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cloudfront/cloudfront.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/events/events.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/pipelines/pipelines.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/s3_assets/s3_assets.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/servicediscovery/servicediscovery.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/sqs.hpp>
#include <cdk/ssm/ssm.hpp>
#include <cdk/wafv2/cfn_web_acl.hpp>
#include <cdk/wafv2/wafv2.hpp>

#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

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

// A port that keeps aws-cdk-lib's database defaults (no replacement on the first deploy).
void rds_instance_ported(cdk::Stack& s) {
  s.node().set_context(std::string(cdk::flags::kCdkppAwsCdkDefaults), "true");
  rds_instance(s);
}

void rds_aurora_ported(cdk::Stack& s) {
  s.node().set_context(std::string(cdk::flags::kCdkppAwsCdkDefaults), "true");
  rds_aurora(s);
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

// ---- one case per remaining L2 family (issue 18) ----

void acm_certificate(cdk::Stack& s) {
  auto& zone = s.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  s.add<cdk::acm::Certificate>("Cert", {.domain_name = "www.example.com",
                                        .validation = cdk::acm::CertificateValidation::from_dns(zone)});
}

// An internet-facing ALB with an HTTP listener answering 200 itself.
cdk::elbv2::ApplicationLoadBalancer& public_alb(cdk::Stack& s, cdk::ec2::Vpc& vpc) {
  auto& alb = s.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Http", {.port = 80,
                            .default_action = cdk::elbv2::ListenerAction::fixed_response(200, "text/plain", "ok")});
  return alb;
}

void route53_records(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& alb = public_alb(s, vpc);
  auto& zone = s.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  s.add<cdk::route53::ARecord>("Www", {.zone = zone, .record_name = "www",
                                       .target = cdk::route53::RecordTarget::alias(alb)});
  s.add<cdk::route53::CnameRecord>("Docs", {.zone = zone, .record_name = "docs", .domain_name = "example.github.io"});
}

void cloudwatch_alarm_dashboard(cdk::Stack& s) {
  auto& topic = s.add<cdk::sns::Topic>("Alerts");
  const cdk::cloudwatch::Metric errors{.namespace_ = "Parity", .metric_name = "Errors", .statistic = "Sum",
                                       .period_seconds = 60};
  auto& alarm = s.add<cdk::cloudwatch::Alarm>("HighErrors", {.metric = errors, .threshold = 5, .evaluation_periods = 2});
  alarm.add_alarm_action(topic);
  auto& dashboard = s.add<cdk::cloudwatch::Dashboard>("Ops", {.dashboard_name = "parity-ops"});
  dashboard.add_widgets(cdk::cloudwatch::GraphWidget{.title = "Errors", .left = {errors}, .width = 12});
}

void ecr_repository(cdk::Stack& s) {
  auto& repo = s.add<cdk::ecr::Repository>("Images", {.lifecycle_rules = {
      {.tag_status = cdk::ecr::TagStatus::Untagged, .max_image_age_days = 14}, {.max_image_count = 50}}});
  auto& puller = s.add<cdk::iam::Role>("Puller", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  repo.grant_pull(puller);
}

void logs_metric_filter(cdk::Stack& s) {
  auto& group = s.add<cdk::logs::LogGroup>("AppLogs", {.retention = cdk::logs::RetentionDays::OneMonth});
  s.add<cdk::logs::MetricFilter>("Errors", {.log_group = group, .filter_pattern = "?ERROR ?Exception",
                                            .metric_namespace = "Parity", .metric_name = "Errors"});
}

void secretsmanager_secret(cdk::Stack& s) {
  auto& secret = s.add<cdk::secretsmanager::Secret>("ApiKey", {.generate_secret_string = {
      .secret_string_template = R"({"username":"app"})", .generate_string_key = "password",
      .exclude_characters = "\"@/\\"}});
  auto& app = s.add<cdk::iam::Role>("App", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  secret.grant_read(app);
}

void nested_stack(cdk::Stack& s) {
  auto& bucket = s.add<cdk::s3::Bucket>("Bucket", {});
  auto& nested = s.add<cdk::NestedStack>("Queues");
  auto& queue = nested.add<cdk::sqs::CfnQueue>("Queue", {.queue_name = bucket.bucket_name()});
  s.add<cdk::ssm::StringParameter>("QueueArn", {.parameter_name = "/parity/queue-arn", .string_value = queue.attr_arn()});
}

void ssm_parameter(cdk::Stack& s) {
  auto& param = s.add<cdk::ssm::StringParameter>("ApiUrl", {.parameter_name = "/parity/api-url",
                                                           .string_value = "https://api.example.com"});
  auto& reader = s.add<cdk::iam::Role>("Reader", {.assumed_by = cdk::iam::ServicePrincipal{"lambda.amazonaws.com"}});
  param.grant_read(reader);
}

cdk::lambda::Function& inline_function(cdk::Stack& s, std::string_view id, std::optional<std::int64_t> timeout = {}) {
  return s.add<cdk::lambda::Function>(id, {.runtime = cdk::lambda::Runtime::Nodejs22x, .handler = "index.handler",
      .code = cdk::lambda::Code::from_inline("exports.handler = async () => 'ok';"), .timeout_seconds = timeout});
}

void sns_subscriptions(cdk::Stack& s) {
  auto& topic = s.add<cdk::sns::Topic>("Alerts");
  topic.add_subscription(cdk::sns::EmailSubscription{.email_address = "ops@example.com"});
  auto& fn = inline_function(s, "Notifier");
  topic.add_subscription(cdk::sns::LambdaSubscription{.function = fn});
}

void sqs_fifo_dlq(cdk::Stack& s) {
  auto& dlq = s.add<cdk::sqs::Queue>("JobsDlq", {.fifo = true, .retention_period_seconds = 14 * 86400});
  s.add<cdk::sqs::Queue>("Jobs", {.fifo = true, .content_based_deduplication = true,
      .dead_letter_queue = cdk::sqs::DeadLetterQueue{.queue = dlq, .max_receive_count = 5}});
}

void lambda_sqs_version_url(cdk::Stack& s) {
  auto& jobs = s.add<cdk::sqs::Queue>("Jobs", {.visibility_timeout_seconds = 60});
  auto& fn = inline_function(s, "Worker", 30);
  fn.add_event_source(cdk::lambda::SqsEventSource{.queue = jobs, .batch_size = 5});
  auto& v1 = s.add<cdk::lambda::Version>("V1", {.function = fn});
  s.add<cdk::lambda::Alias>("Live", {.alias_name = "live", .version = v1});
  fn.add_function_url({.auth_type = cdk::lambda::FunctionUrlAuthType::AwsIam});
}

void events_ecs_task(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = s.add<cdk::ecs::FargateTaskDefinition>("Report");
  task.add_container("report", {.image = cdk::ecs::ContainerImage::from_registry("busybox"), .command = {"echo", "report"}});
  auto& rule = s.add<cdk::events::Rule>("Nightly", {.schedule = cdk::events::Schedule::cron({.minute = "0", .hour = "3"})});
  rule.add_target(cdk::events::EcsTaskTarget{.cluster = cluster, .task_definition = task});
}

void events_queue_topic(cdk::Stack& s) {
  auto& queue = s.add<cdk::sqs::Queue>("Stopped");
  auto& topic = s.add<cdk::sns::Topic>("Alerts");
  auto& rule = s.add<cdk::events::Rule>("TaskStopped", {.event_pattern = {.source = {"aws.ecs"},
                                                                          .detail_type = {"ECS Task State Change"}}});
  rule.add_target(cdk::events::SqsQueueTarget{.queue = queue});
  rule.add_target(cdk::events::SnsTopicTarget{.topic = topic});
}

void servicediscovery_ecs(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& ns = s.add<cdk::servicediscovery::PrivateDnsNamespace>("Ns", {.name = "internal", .vpc = vpc});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = s.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("api", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .port_mappings = {{.container_port = 8080}}});
  s.add<cdk::ecs::FargateService>("Api", {.cluster = cluster, .task_definition = task,
      .cloud_map_options = cdk::ecs::CloudMapOptions{.name = "api", .cloud_map_namespace = ns}});
}

void cloudfront_s3(cdk::Stack& s) {
  auto& bucket = s.add<cdk::s3::Bucket>("Assets");
  s.add<cdk::cloudfront::Distribution>("Cdn", {.default_behavior = {
      .origin = cdk::cloudfront::S3BucketOrigin::with_origin_access_control(bucket)}});
}

void cloudfront_alb(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& alb = public_alb(s, vpc);
  s.add<cdk::cloudfront::Distribution>("Cdn", {.default_behavior = {
      .origin = cdk::cloudfront::LoadBalancerV2Origin::of(alb)}});
}

void wafv2_alb(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& alb = public_alb(s, vpc);
  using Acl = cdk::wafv2::CfnWebACL;
  Acl::Props p;
  p.scope = "REGIONAL";
  p.default_action = Acl::DefaultActionProperty{.allow = Acl::AllowActionProperty{}};
  p.visibility_config = Acl::VisibilityConfigProperty{
      .cloud_watch_metrics_enabled = true, .metric_name = "Acl", .sampled_requests_enabled = true};
  auto& acl = s.add<Acl>("Acl", std::move(p));
  // cdkpp's L2 (alb.associate_web_acl(acl) makes the same under Alb/WebAclAssociation).
  s.add<cdk::wafv2::WebAclAssociation>("AlbWaf", {.resource_arn = alb.load_balancer_arn(), .web_acl_arn = acl.attr_arn()});
}

void ecs_scaling(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = s.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("worker", {.image = cdk::ecs::ContainerImage::from_registry("busybox")});
  auto& svc = s.add<cdk::ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = task});
  auto& jobs = s.add<cdk::sqs::Queue>("Jobs");
  auto& scaling = svc.auto_scale_task_count({.min_capacity = 1, .max_capacity = 10});
  scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
  scaling.scale_on_queue_depth("Backlog", jobs);  // steps 0 -> -1, >= 100 +1, >= 500 +5, as the JS app
}

void ecs_patterns_alb(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  s.add<cdk::ecs_patterns::ApplicationLoadBalancedFargateService>("Web", {.cluster = cluster,
      .task_image_options = cdk::ecs_patterns::TaskImageOptions{.image = cdk::ecs::ContainerImage::from_registry("nginx")}});
}

void ecs_patterns_queue(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  s.add<cdk::ecs_patterns::QueueProcessingFargateService>("Worker", {.cluster = cluster,
      .image = cdk::ecs::ContainerImage::from_registry("busybox"), .min_scaling_capacity = 1, .max_scaling_capacity = 4});
}

void ecs_patterns_scheduled(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  s.add<cdk::ecs_patterns::ScheduledFargateTask>("Report", {
      .schedule = cdk::events::Schedule::cron({.minute = "0", .hour = "3"}), .cluster = cluster,
      .image = cdk::ecs::ContainerImage::from_registry("busybox"), .command = {"echo", "report"}});
}

void codebuild_project(cdk::Stack& s) {
  s.add<cdk::codebuild::PipelineProject>("Build", {.build_spec = cdk::codebuild::BuildSpec::from_object({
      .build = {.commands = {"make test"}}})});
}

// Cluster, a Fargate task definition with an nginx container on port 80 and
// the service "Web" (ECS rolling updates, or the CodeDeploy controller).
cdk::ecs::FargateService& web_service(cdk::Stack& s, cdk::ec2::Vpc& vpc, bool code_deploy) {
  auto& cluster = s.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = s.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .port_mappings = {{.container_port = 80}}});
  if (!code_deploy) return s.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  // cdkpp refuses the circuit breaker (an ECS-controller feature) with CodeDeploy;
  // the JS app gets none either (aws-cdk-lib writes none with CODE_DEPLOY).
  return s.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task,
      .circuit_breaker_rollback = false, .deployment_controller = cdk::ecs::DeploymentControllerType::CodeDeploy});
}

void codepipeline_ecs(cdk::Stack& s) {
  namespace actions = cdk::codepipeline_actions;
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& svc = web_service(s, vpc, false);
  auto& sources = s.add<cdk::s3::Bucket>("Sources", {.versioned = true});
  auto& project = s.add<cdk::codebuild::PipelineProject>("Build", {.build_spec = cdk::codebuild::BuildSpec::from_object({
      .build = {.commands = {"make image"}}, .artifact_files = {"imagedefinitions.json"}})});
  const cdk::codepipeline::Artifact source{"Source"}, built{"Built"};
  auto& pipeline = s.add<cdk::codepipeline::Pipeline>("Pipeline");
  pipeline.add_stage({.stage_name = "Source"}).add_action(actions::S3SourceAction{
      .action_name = "S3", .bucket = sources, .bucket_key = "app/source.zip", .output = source});
  pipeline.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
      .action_name = "Build", .project = project, .input = source, .outputs = {built}});
  pipeline.add_stage({.stage_name = "Deploy"}).add_action(actions::EcsDeployAction{
      .action_name = "Deploy", .service = svc, .input = built});
}

void codedeploy_ecs(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& svc = web_service(s, vpc, true);
  auto& alb = s.add<cdk::elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc});
  auto& prod = alb.add_listener("Prod", {.port = 80});
  auto& blue = prod.add_targets("Blue", {.port = 80, .targets = {svc}});
  auto& green = s.add<cdk::elbv2::TargetGroup>("Green", {.port = 80, .vpc = vpc, .target_type = cdk::elbv2::TargetType::Ip});
  auto& test = alb.add_listener("Test", {.port = 8080, .default_target_groups = {green}});
  s.add<cdk::codedeploy::EcsDeploymentGroup>("BlueGreen", {.service = svc, .blue_green_deployment_config = {
      .blue_target_group = blue, .green_target_group = green, .listener = prod, .test_listener = test}});
}

void codedeploy_server(cdk::Stack& s) {
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& asg = s.add<cdk::autoscaling::AutoScalingGroup>("Asg", {.vpc = vpc, .instance_type = "t3.small"});
  s.add<cdk::codedeploy::ServerDeploymentGroup>("Deploy", {.auto_scaling_groups = {asg}});
}

void iam_role(cdk::Stack& s) {
  auto& app = s.add<cdk::iam::Role>("App", {.assumed_by = cdk::iam::ServicePrincipal{"lambda.amazonaws.com"},
      .managed_policies = {cdk::iam::ManagedPolicy::aws_managed("service-role/AWSLambdaBasicExecutionRole")}});
  app.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::parity-data/*"}});
  auto& deployer = s.add<cdk::iam::Role>("Deployer", {.assumed_by = cdk::iam::ServicePrincipal{"codebuild.amazonaws.com"}});
  app.grant_pass_role(deployer);
}

// The asset files are in test/parity/assets; run.sh passes that directory as -c parity_dir.
void s3_assets_lambda(cdk::Stack& s) {
  const std::string dir = s.node().try_get_context("parity_dir").value_or(".");
  auto& bundle = s.add<cdk::s3_assets::Asset>("Bundle", {.path = dir + "/assets/bundle.sh"});
  auto& reader = s.add<cdk::iam::Role>("Reader", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  bundle.grant_read(reader);
  s.add<cdk::lambda::Function>("Fn", {.runtime = cdk::lambda::Runtime::Nodejs22x, .handler = "index.handler",
      .code = cdk::lambda::Code::from_asset(dir + "/assets/fn")});
}

const cdk::Environment parity_env{.account = "111111111111", .region = "eu-west-1"};

// CDK Pipelines. cdkpp deploys stacks, not stages: the deployed stack is the
// app's "ProdApp" named "Prod-App", the name aws-cdk-lib gives Prod/App.
void pipelines_cdk(cdk::Stack& s) {
  auto& app = *s.node().scope();
  auto& prod = app.add<cdk::Stack>("ProdApp", {.env = parity_env, .stack_name = "Prod-App"});
  prod.add<cdk::sqs::Queue>("Queue");
  auto& pipeline = s.add<cdk::pipelines::CodePipeline>("Pipeline", {
      .source = cdk::pipelines::CodePipelineSource::connection("acme/infra", "main", {.connection_arn =
          "arn:aws:codestar-connections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000"}),
      .synth = cdk::pipelines::ShellStep{.id = "Synth", .commands = {"make synth"}}});
  pipeline.add_stage("Prod", {&prod});
}

void asg_scheduled(cdk::Stack& s) {
  using cdk::autoscaling::Schedule;
  auto& vpc = s.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& asg = s.add<cdk::autoscaling::AutoScalingGroup>("Asg", {.vpc = vpc, .instance_type = "t3.small",
                                                                .min_capacity = 1, .max_capacity = 4});
  asg.scale_on_schedule("MorningUp", {.schedule = Schedule::cron({.minute = "0", .hour = "8", .week_day = "MON-FRI"}),
                                      .min_capacity = 2});
  asg.scale_on_schedule("EveningDown", {.schedule = Schedule::cron({.minute = "0", .hour = "20", .week_day = "MON-FRI"}),
                                        .min_capacity = 1});
}

const std::map<std::string, Case>& cases() {
  static const std::map<std::string, Case> all{
      {"s3_bucket", s3_bucket}, {"sqs_queue", sqs_queue}, {"sns_sqs", sns_sqs},
      {"vpc_default", vpc_default}, {"vpc_3groups", vpc_3groups}, {"security_group", security_group},
      {"lambda_inline", lambda_inline}, {"events_schedule", events_schedule},
      {"rds_instance", rds_instance}, {"rds_aurora", rds_aurora}, {"rds_instance_ported", rds_instance_ported},
      {"rds_aurora_ported", rds_aurora_ported}, {"efs_filesystem", efs_filesystem},
      {"ecs_fargate_alb", ecs_fargate_alb}, {"asg_nlb", asg_nlb},
      {"acm_certificate", acm_certificate}, {"route53_records", route53_records},
      {"cloudwatch_alarm_dashboard", cloudwatch_alarm_dashboard}, {"ecr_repository", ecr_repository},
      {"logs_metric_filter", logs_metric_filter}, {"secretsmanager_secret", secretsmanager_secret},
      {"ssm_parameter", ssm_parameter}, {"sns_subscriptions", sns_subscriptions}, {"sqs_fifo_dlq", sqs_fifo_dlq},
      {"lambda_sqs_version_url", lambda_sqs_version_url}, {"events_ecs_task", events_ecs_task},
      {"events_queue_topic", events_queue_topic}, {"servicediscovery_ecs", servicediscovery_ecs},
      {"cloudfront_s3", cloudfront_s3}, {"cloudfront_alb", cloudfront_alb}, {"wafv2_alb", wafv2_alb},
      {"ecs_scaling", ecs_scaling}, {"ecs_patterns_alb", ecs_patterns_alb}, {"ecs_patterns_queue", ecs_patterns_queue},
      {"ecs_patterns_scheduled", ecs_patterns_scheduled}, {"codebuild_project", codebuild_project},
      {"codepipeline_ecs", codepipeline_ecs}, {"codedeploy_ecs", codedeploy_ecs},
      {"codedeploy_server", codedeploy_server}, {"iam_role", iam_role}, {"asg_scheduled", asg_scheduled},
      {"s3_assets_lambda", s3_assets_lambda}, {"pipelines_cdk", pipelines_cdk},
      {"nested_stack", nested_stack}};
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
  const bool with_env = name.starts_with("pipelines");
  it->second(app.add<cdk::Stack>("Parity", {.env = with_env ? parity_env : cdk::Environment{}}));
  return app.run();
}
