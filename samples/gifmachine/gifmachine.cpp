#include "gifmachine.hpp"

#include <algorithm>
#include <cctype>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codepipeline/cfn_pipeline.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/iam/cfn_policy.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/sns/cfn_subscription.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gifmachine {

using namespace cdk;

namespace {

constexpr int app_port = 4567;   // Sinatra's port, where gifmachine listens
constexpr int test_port = 8080;  // the load balancer's test listener for blue/green, VPC only
constexpr const char* container_name = "gifmachine";
constexpr const char* source_key = "source/gifmachine.zip";  // what the pipeline builds, in the artifact bucket

// Construct ids, so the name checks can name the paths before anything exists.
constexpr const char* main_id = "Gifmachine";
constexpr const char* monitoring_id = "GifmachineMonitoring";
constexpr const char* cicd_id = "GifmachineCicd";

/// Every explicit name the stacks use, from the two name tags.
struct Names {
  std::string prefix;  // <environment>-<company>
  std::string main_stack, monitoring_stack, cicd_stack;
  std::string load_balancer, blue, green;
  std::string cluster, repository;
  std::string build_project, deploy_application, deployment_group, pipeline;
};

Names names_for(const Settings& s) {
  const std::string p = s.environment + "-" + s.company;
  return Names{.prefix = p,
               .main_stack = p + "-gifmachine",
               .monitoring_stack = p + "-monitoring",
               .cicd_stack = p + "-cicd",
               .load_balancer = p + "-nlb",
               .blue = p + "-blue",
               .green = p + "-green",
               .cluster = p + "-gifmachine",
               .repository = p + "/gifmachine",
               .build_project = p + "-gifmachine-build",
               .deploy_application = p + "-gifmachine",
               .deployment_group = p + "-gifmachine-bluegreen",
               .pipeline = p + "-gifmachine"};
}

bool valid_tag(const std::string& tag) {
  return !tag.empty() && std::islower(static_cast<unsigned char>(tag[0])) &&
         std::all_of(tag.begin(), tag.end(), [](char c) {
           return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
         });
}

/// Rejects tags that would make a name AWS refuses, naming the construct whose
/// name breaks first and how long the two tags may be together. Runs before
/// any construct is made, so nothing is synthesized or deployed.
void check_names(const Settings& s, const Names& n) {
  for (const auto& [key, tag] : {std::pair{"environment", s.environment}, std::pair{"company", s.company}})
    if (!valid_tag(tag))
      throw Error(main_id, "the " + std::string(key) + " tag \"" + tag + "\" is not lowercase letters and digits",
                  "pass -c " + std::string(key) +
                      "=<a lowercase letter, then lowercase letters or digits>; it goes "
                      "into ECR, load balancer and target group names");
  struct Rule {
    std::string path;
    std::string what;
    const std::string& name;
    std::size_t limit;
  };
  const std::string main = main_id;
  const std::string cicd = cicd_id;
  const std::vector<Rule> rules{
      {main + "/Lb/Http/BlueGroup", "target group", n.blue, elbv2::max_name_length},
      {main + "/Green", "target group", n.green, elbv2::max_name_length},
      {main + "/Lb", "load balancer", n.load_balancer, elbv2::max_name_length},
      {cicd + "/Application", "CodeDeploy application", n.deploy_application, 100},
      {cicd + "/BlueGreen", "CodeDeploy deployment group", n.deployment_group, 100},
      {cicd + "/Pipeline", "pipeline", n.pipeline, 100},
      {cicd + "/Build", "CodeBuild project", n.build_project, 255},
      {main + "/Cluster", "ECS cluster", n.cluster, ecs::Cluster::max_name_length},
      {main + "/Images", "ECR repository", n.repository, 256},
      {main, "stack", n.main_stack, 128},
      {std::string(monitoring_id), "stack", n.monitoring_stack, 128},
      {cicd, "stack", n.cicd_stack, 128},
  };
  const std::size_t tags = s.environment.size() + s.company.size();
  for (const auto& r : rules) {
    if (r.name.size() <= r.limit) continue;
    const std::size_t fixed = r.name.size() - tags;
    throw Error(r.path,
                "the " + r.what + " name \"" + r.name + "\" is " + std::to_string(r.name.size()) +
                    " characters; AWS allows at most " + std::to_string(r.limit),
                "shorten -c environment=" + s.environment + " or -c company=" + s.company + ": together at most " +
                    std::to_string(r.limit - fixed) + " characters");
  }
}

/// Target group settings both colours share, so CodeDeploy can swap them.
elbv2::HealthCheck app_health_check() {
  return {.protocol = elbv2::Protocol::Http,
          .path = "/",
          .interval_seconds = 10,
          .healthy_threshold_count = 2,
          .unhealthy_threshold_count = 2};
}
constexpr int deregistration_delay_seconds = 30;

// The pipeline's build: an image from the uploaded source (a Dockerfile at its
// root), pushed with a build-numbered tag, and the three files CodeDeploy's ECS
// action reads. The task definition template is the one running now, with the
// image left as the placeholder the action fills in.
constexpr const char* buildspec = R"yaml(version: 0.2
phases:
  pre_build:
    commands:
      - aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"
      - echo "build-${CODEBUILD_BUILD_NUMBER}" > tag.txt
  build:
    commands:
      - docker build -t "${REPOSITORY_URI}:$(cat tag.txt)" .
      - docker push "${REPOSITORY_URI}:$(cat tag.txt)"
  post_build:
    commands:
      - |
        printf '{"ImageURI":"%s"}' "${REPOSITORY_URI}:$(cat tag.txt)" > imageDetail.json
      - |
        aws ecs describe-task-definition --task-definition "${TASK_FAMILY}" --query taskDefinition |
          jq '{family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
               requiresCompatibilities, cpu, memory, runtimePlatform}
              | with_entries(select(.value != null))
              | (.containerDefinitions[] | select(.name == env.CONTAINER_NAME) | .image) = "<IMAGE1_NAME>"' > taskdef.json
      - |
        cat > appspec.yaml <<EOF
        version: 0.0
        Resources:
          - TargetService:
              Type: AWS::ECS::Service
              Properties:
                TaskDefinition: <TASK_DEFINITION>
                LoadBalancerInfo:
                  ContainerName: "${CONTAINER_NAME}"
                  ContainerPort: ${CONTAINER_PORT}
        EOF
artifacts:
  files:
    - imageDetail.json
    - taskdef.json
    - appspec.yaml
)yaml";

/// What the monitoring and CI/CD stacks need from the main one. Using these
/// values in another stack is what turns them into exports and imports.
struct Main {
  Stack* stack = nullptr;
  ec2::Vpc* vpc = nullptr;
  ecs::Cluster* cluster = nullptr;
  ecs::FargateService* service = nullptr;
  ecs::FargateTaskDefinition* task = nullptr;
  ecr::Repository* repository = nullptr;
  elbv2::NetworkLoadBalancer* lb = nullptr;
  elbv2::NetworkListener* prod_listener = nullptr;
  elbv2::NetworkListener* test_listener = nullptr;
  elbv2::TargetGroup* blue = nullptr;
  elbv2::TargetGroup* green = nullptr;
  rds::DatabaseInstance* database = nullptr;
};

std::map<std::string, std::string> tags_of(const Settings& s) {
  return {{"app", "gifmachine"}, {"company", s.company}, {"environment", s.environment}};
}

Main build_main(App& app, const Settings& s, const Names& n) {
  Main m;
  auto& stack = app.add<Stack>(
      main_id, {.env = {.region = s.region},
                .stack_name = n.main_stack,
                .description = "gifmachine: VPC with a NAT instance and a jumpbox, PostgreSQL, Fargate behind an NLB",
                .tags = tags_of(s)});
  m.stack = &stack;

  // One NAT instance instead of managed NAT gateways: the write-up's cheaper
  // choice, with the availability of a single instance (see the monitoring
  // stack's recovery alarm).
  auto& vpc =
      stack.add<ec2::Vpc>("Vpc", {.max_azs = 2,
                                  .nat_gateways = 1,
                                  .nat_gateway_provider = ec2::NatProvider::instance({.instance_type = "t3.nano"}),
                                  .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                                                           {"app", ec2::SubnetType::PrivateWithEgress, 24},
                                                           {"data", ec2::SubnetType::PrivateIsolated, 28}},
                                  .flow_logs = {{"FlowLogs", {}}}});
  m.vpc = &vpc;

  // The jumpbox: no open port, reached through Session Manager; it may build
  // and push the first image, read the database credentials and edit the
  // configuration.
  auto& jumpbox = stack.add<ec2::BastionHost>(
      "Jumpbox",
      {.vpc = vpc, .subnet_selection = {.subnet_group_name = "app"}, .instance_name = n.prefix + "-jumpbox"});

  auto& config = stack.add<s3::Bucket>("Config", {.versioned = true});
  auto& api_password = stack.add<secretsmanager::Secret>(
      "ApiPassword", {.description = "Password of gifmachine's POST /gif endpoint",
                      .generate_secret_string = {.password_length = 32, .exclude_punctuation = true}});

  auto& db = stack.add<rds::DatabaseInstance>("Database", {.engine = rds::DatabaseInstanceEngine::postgres_16(),
                                                           .vpc = vpc,
                                                           .subnets = {.subnet_group_name = "data"},
                                                           .instance_type = "db.t4g.micro",
                                                           .allocated_storage_gib = 20,
                                                           .database_name = "gifmachine",
                                                           .backup_retention_days = 7,
                                                           .deletion_protection = true});
  m.database = &db;

  auto& repository = stack.add<ecr::Repository>(
      "Images",
      {.repository_name = n.repository,
       .lifecycle_rules = {
           {.description = "drop untagged layers", .tag_status = ecr::TagStatus::Untagged, .max_image_age_days = 14},
           {.description = "keep the last 30 builds", .max_image_count = 30}}});
  m.repository = &repository;

  auto& cluster =
      stack.add<ecs::Cluster>("Cluster", {.vpc = vpc, .cluster_name = n.cluster, .container_insights = true});
  m.cluster = &cluster;
  auto& task = stack.add<ecs::FargateTaskDefinition>("Task", {.cpu = 256, .memory_limit_mib = 512});
  m.task = &task;
  // libpq reads PGHOST and friends, so the credentials never form a URL in the template.
  task.add_container(container_name,
                     {.image = s.image_source.empty()
                                   ? ecs::ContainerImage::from_ecr_repository(repository, s.image_tag)
                                   : ecs::ContainerImage::from_asset(s.image_source, {.platform = "linux/amd64"}),
                      .port_mappings = {{.container_port = app_port}},
                      .environment = {{"RACK_ENV", "production"},
                                      {"PGHOST", db.endpoint_address()},
                                      {"PGPORT", db.endpoint_port()},
                                      {"PGDATABASE", "gifmachine"},
                                      {"CONFIG_BUCKET", config.bucket_name()}},
                      .secrets = {{"PGUSER", ecs::Secret::from_secrets_manager(db.secret(), "username")},
                                  {"PGPASSWORD", ecs::Secret::from_secrets_manager(db.secret(), "password")},
                                  {"GIFMACHINE_PASSWORD", ecs::Secret::from_secrets_manager(api_password)}},
                      .logging = ecs::LogDriver::aws_logs({.stream_prefix = "gifmachine", .retention_days = 30})});
  config.grant_read(task);

  // Blue/green through CodeDeploy: the circuit breaker belongs to the ECS
  // controller, so it is off.
  auto& service = stack.add<ecs::FargateService>(
      "Service", {.cluster = cluster,
                  .task_definition = task,
                  .desired_count = s.desired_count,
                  .subnets = {.subnet_group_name = "app"},
                  .circuit_breaker_rollback = false,
                  .deployment_controller = ecs::DeploymentControllerType::CodeDeploy});
  m.service = &service;

  auto& lb = stack.add<elbv2::NetworkLoadBalancer>(
      "Lb", {.vpc = vpc, .internet_facing = true, .load_balancer_name = n.load_balancer, .cross_zone_enabled = true});
  m.lb = &lb;
  security::suppress(lb, "LB-NO-ACCESS-LOGS", "plain TCP listeners: NLB access logs cover TLS listeners only");
  security::suppress(*lb.security_groups().front(), "AwsSolutions-EC23",
                    "internet-facing: the public app takes port 80 from anywhere; the test listener is VPC only");
  auto& http = lb.add_listener("Http", {.port = 80});
  m.prod_listener = &http;
  m.blue = &http.add_targets("Blue", {.port = app_port,
                                      .targets = {service},
                                      .health_check = app_health_check(),
                                      .target_group_name = n.blue,
                                      .deregistration_delay_seconds = deregistration_delay_seconds});
  // The second colour: CodeDeploy starts new tasks here, tests them through
  // the test listener (open to the VPC only) and then swaps the listeners.
  auto& green = stack.add<elbv2::TargetGroup>("Green", {.protocol = elbv2::Protocol::Tcp,
                                                        .port = app_port,
                                                        .vpc = vpc,
                                                        .target_type = elbv2::TargetType::Ip,
                                                        .target_group_name = n.green,
                                                        .health_check = app_health_check(),
                                                        .deregistration_delay_seconds = deregistration_delay_seconds});
  m.green = &green;
  m.test_listener = &lb.add_listener(
      "Test",
      {.port = test_port, .allow_from = {ec2::Peer::ipv4(vpc.vpc_cidr_block())}, .default_target_groups = {green}});

  // Who reaches what: the database from the service and the jumpbox only.
  db.connections().allow_default_port_from(service, "gifmachine tasks");
  db.connections().allow_default_port_from(jumpbox, "jumpbox (psql)");
  service.connections().allow_from(jumpbox, ec2::Port::tcp(app_port), "jumpbox (curl)");
  db.grant_secret_read(jumpbox);
  api_password.grant_read(jumpbox);
  config.grant_read_write(jumpbox);
  repository.grant_pull_push(jumpbox);

  stack.add<CfnOutput>("Url", {.value = "http://" + lb.dns_name() + "/"});
  stack.add<CfnOutput>("JumpboxId",
                       {.value = jumpbox.instance_id(), .description = "aws ssm start-session --target <this id>"});
  stack.add<CfnOutput>("RepositoryUri", {.value = repository.repository_uri()});
  stack.add<CfnOutput>("ConfigBucket", {.value = config.bucket_name()});
  return m;
}

struct Monitoring {
  Stack* stack = nullptr;
  cloudwatch::Alarm* blue_unhealthy = nullptr;
  cloudwatch::Alarm* green_unhealthy = nullptr;
};

Monitoring build_monitoring(App& app, const Settings& s, const Names& n, const Main& m) {
  Monitoring out;
  auto& stack = app.add<Stack>(monitoring_id,
                               {.env = {.region = s.region},
                                .stack_name = n.monitoring_stack,
                                .description = "gifmachine monitoring: CloudWatch alarms on the main stack's resources",
                                .tags = tags_of(s)});
  out.stack = &stack;

  auto& topic = stack.add<sns::CfnTopic>("Alarms", {.display_name = n.prefix + " gifmachine alarms"});
  if (!s.alarm_email.empty())
    stack.add<sns::CfnSubscription>("Mail", {.endpoint = s.alarm_email, .protocol = "email", .topic_arn = topic.ref()});

  auto alarm = [&](std::string_view id, cloudwatch::AlarmProps props) -> cloudwatch::Alarm& {
    props.alarm_actions.insert(props.alarm_actions.begin(), topic.ref());
    props.ok_actions.push_back(topic.ref());
    return stack.add<cloudwatch::Alarm>(id, std::move(props));
  };
  using cloudwatch::ComparisonOperator;
  using cloudwatch::Metric;

  const std::vector<std::pair<std::string, Value>> service_dims{{"ClusterName", m.cluster->cluster_name()},
                                                                {"ServiceName", m.service->service_name()}};
  alarm("ServiceCpu", {.metric = {.namespace_ = "AWS/ECS", .metric_name = "CPUUtilization", .dimensions = service_dims},
                       .threshold = 80,
                       .evaluation_periods = 3,
                       .comparison_operator = ComparisonOperator::GreaterThanThreshold,
                       .alarm_description = "gifmachine tasks use more than 80% CPU"});
  alarm("ServiceMemory",
        {.metric = {.namespace_ = "AWS/ECS", .metric_name = "MemoryUtilization", .dimensions = service_dims},
         .threshold = 80,
         .evaluation_periods = 3,
         .comparison_operator = ComparisonOperator::GreaterThanThreshold,
         .alarm_description = "gifmachine tasks use more than 80% memory"});

  // One alarm per colour: whichever group is live, unhealthy targets show; the
  // CI/CD stack rolls a deployment back on either.
  auto unhealthy = [&](std::string_view id, elbv2::TargetGroup& group) -> cloudwatch::Alarm& {
    return alarm(id, {.metric = {.namespace_ = "AWS/NetworkELB",
                                 .metric_name = "UnHealthyHostCount",
                                 .dimensions = {{"TargetGroup", group.target_group_full_name()},
                                                {"LoadBalancer", m.lb->load_balancer_full_name()}},
                                 .statistic = "Maximum",
                                 .period_seconds = 60},
                      .threshold = 1,
                      .evaluation_periods = 3,
                      .treat_missing_data = cloudwatch::TreatMissingData::NotBreaching,
                      .alarm_description = "gifmachine targets fail the load balancer's health check"});
  };
  out.blue_unhealthy = &unhealthy("BlueUnhealthy", *m.blue);
  out.green_unhealthy = &unhealthy("GreenUnhealthy", *m.green);

  const std::vector<std::pair<std::string, Value>> db_dims{{"DBInstanceIdentifier", m.database->instance_identifier()}};
  alarm("DatabaseCpu", {.metric = {.namespace_ = "AWS/RDS", .metric_name = "CPUUtilization", .dimensions = db_dims},
                        .threshold = 80,
                        .evaluation_periods = 3,
                        .comparison_operator = ComparisonOperator::GreaterThanThreshold,
                        .alarm_description = "PostgreSQL uses more than 80% CPU"});
  alarm("DatabaseStorage",
        {.metric = {.namespace_ = "AWS/RDS", .metric_name = "FreeStorageSpace", .dimensions = db_dims},
         .threshold = 2.0 * 1024 * 1024 * 1024,
         .comparison_operator = ComparisonOperator::LessThanThreshold,
         .alarm_description = "PostgreSQL has less than 2 GiB of storage left"});

  // The NAT instance is the private subnets' only way out: EC2 recovers it
  // onto other hardware when its system status check fails.
  const Value recover = "arn:" + Aws::partition() + ":automate:" + Aws::region() + ":ec2:recover";
  for (std::size_t i = 0; i < m.vpc->nat_ids().size(); ++i)
    alarm("NatInstanceRecovery" + (i == 0 ? std::string() : std::to_string(i + 1)),
          {.metric = {.namespace_ = "AWS/EC2",
                      .metric_name = "StatusCheckFailed_System",
                      .dimensions = {{"InstanceId", m.vpc->nat_ids()[i]}},
                      .statistic = "Maximum",
                      .period_seconds = 60},
           .threshold = 1,
           .evaluation_periods = 2,
           .alarm_description = "the NAT instance failed its system status check; EC2 recovers it",
           .alarm_actions = {recover}});
  return out;
}

Stack& build_cicd(App& app, const Settings& s, const Names& n, const Main& m, const Monitoring& mon) {
  auto& stack = app.add<Stack>(
      cicd_id,
      {.env = {.region = s.region},
       .stack_name = n.cicd_stack,
       .description =
           "gifmachine CI/CD: CodePipeline from S3 through CodeBuild to a CodeDeploy blue/green ECS deployment",
       .tags = tags_of(s)});

  // Pipeline artifacts, and the source upload that starts the pipeline
  // (versioned, as the S3 source action requires; announced to EventBridge).
  auto& artifacts = stack.add<s3::Bucket>(
      "Artifacts",
      {.versioned = true, .lifecycle_rules = {{.id = "old-versions", .noncurrent_version_expiration_days = 30}}});
  artifacts.cfn_bucket().props().notification_configuration = s3::CfnBucket::NotificationConfigurationProperty{
      .event_bridge_configuration = s3::CfnBucket::EventBridgeConfigurationProperty{.event_bridge_enabled = true}};

  // ---- build ----
  auto& build_logs = stack.add<logs::LogGroup>("BuildLogs", {.retention = logs::RetentionDays::OneMonth});
  auto& build_role =
      stack.add<iam::Role>("BuildRole", {.assumed_by = iam::ServicePrincipal{"codebuild.amazonaws.com"}});
  build_logs.grant_write(build_role);
  artifacts.grant_read_write(build_role);
  m.repository->grant_pull_push(build_role);
  // DescribeTaskDefinition has no resource-level permissions.
  build_role.add_to_policy({.actions = {"ecs:DescribeTaskDefinition"}, .resources = {"*"}});

  using codebuild::CfnProject;
  CfnProject::Props bp;
  bp.artifacts = CfnProject::ArtifactsProperty{.type = "CODEPIPELINE"};
  bp.description = "Builds the gifmachine image and the files of a CodeDeploy ECS deployment";
  bp.environment = CfnProject::EnvironmentProperty{
      .compute_type = "BUILD_GENERAL1_SMALL",
      .environment_variables = {{.name = "REPOSITORY_URI", .value = m.repository->repository_uri()},
                                {.name = "TASK_FAMILY", .value = m.task->family()},
                                {.name = "CONTAINER_NAME", .value = container_name},
                                {.name = "CONTAINER_PORT", .value = std::to_string(app_port)}},
      .image = "aws/codebuild/standard:7.0",
      .privileged_mode = true,  // docker build
      .type = "LINUX_CONTAINER"};
  bp.logs_config = CfnProject::LogsConfigProperty{.cloud_watch_logs = CfnProject::CloudWatchLogsConfigProperty{
                                                      .group_name = build_logs.log_group_name(), .status = "ENABLED"}};
  bp.name = n.build_project;
  bp.service_role = build_role.role_arn();
  bp.source = CfnProject::SourceProperty{.build_spec = buildspec, .type = "CODEPIPELINE"};
  bp.timeout_in_minutes = 30;
  auto& project = stack.add<CfnProject>("Build", std::move(bp));
  project.add_depends_on(build_role.default_policy()->cfn_policy());

  // ---- deploy: CodeDeploy blue/green for ECS ----
  auto& application = stack.add<codedeploy::CfnApplication>(
      "Application", {.application_name = n.deploy_application, .compute_platform = "ECS"});
  auto& deploy_role = stack.add<iam::Role>(
      "DeployRole", {.assumed_by = iam::ServicePrincipal{"codedeploy.amazonaws.com"},
                     .managed_policies = {iam::ManagedPolicy::aws_managed("AWSCodeDeployRoleForECS")}});

  using codedeploy::CfnDeploymentGroup;
  CfnDeploymentGroup::Props dg;
  dg.alarm_configuration = CfnDeploymentGroup::AlarmConfigurationProperty{
      .alarms = {{.name = mon.blue_unhealthy->alarm_name()}, {.name = mon.green_unhealthy->alarm_name()}},
      .enabled = true};
  dg.application_name = application.ref();
  dg.auto_rollback_configuration = CfnDeploymentGroup::AutoRollbackConfigurationProperty{
      .enabled = true, .events = {"DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"}};
  dg.blue_green_deployment_configuration = CfnDeploymentGroup::BlueGreenDeploymentConfigurationProperty{
      .deployment_ready_option =
          CfnDeploymentGroup::DeploymentReadyOptionProperty{.action_on_timeout = "CONTINUE_DEPLOYMENT"},
      .terminate_blue_instances_on_deployment_success = CfnDeploymentGroup::BlueInstanceTerminationOptionProperty{
          .action = "TERMINATE", .termination_wait_time_in_minutes = 5}};
  dg.deployment_config_name = "CodeDeployDefault.ECSAllAtOnce";
  dg.deployment_group_name = n.deployment_group;
  dg.deployment_style = CfnDeploymentGroup::DeploymentStyleProperty{.deployment_option = "WITH_TRAFFIC_CONTROL",
                                                                    .deployment_type = "BLUE_GREEN"};
  dg.ecs_services = {{.cluster_name = m.cluster->cluster_name(), .service_name = m.service->service_name()}};
  dg.load_balancer_info = CfnDeploymentGroup::LoadBalancerInfoProperty{
      .target_group_pair_info_list = {
          {.prod_traffic_route =
               CfnDeploymentGroup::TrafficRouteProperty{.listener_arns = {m.prod_listener->listener_arn()}},
           .target_groups = {{.name = m.blue->target_group_name()}, {.name = m.green->target_group_name()}},
           .test_traffic_route =
               CfnDeploymentGroup::TrafficRouteProperty{.listener_arns = {m.test_listener->listener_arn()}}}}};
  dg.service_role_arn = deploy_role.role_arn();
  auto& group = stack.add<CfnDeploymentGroup>("BlueGreen", std::move(dg));

  // ---- pipeline ----
  auto& pipeline_role =
      stack.add<iam::Role>("PipelineRole", {.assumed_by = iam::ServicePrincipal{"codepipeline.amazonaws.com"}});
  artifacts.grant_read_write(pipeline_role);
  pipeline_role.add_to_policy({.actions = {"s3:GetBucketVersioning"}, .resources = {artifacts.bucket_arn()}});
  pipeline_role.add_to_policy(
      {.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild"}, .resources = {project.attr_arn()}});
  const auto codedeploy_arn = [](std::string_view tail, Value::Map vars) {
    return Fn::sub("arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:" + std::string(tail),
                   std::move(vars));
  };
  pipeline_role.add_to_policy({.actions = {"codedeploy:CreateDeployment", "codedeploy:GetApplication",
                                           "codedeploy:GetApplicationRevision", "codedeploy:GetDeployment",
                                           "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision"},
                               .resources = {codedeploy_arn("application:${App}", {{"App", application.ref()}}),
                                             codedeploy_arn("deploymentgroup:${App}/${Group}",
                                                            {{"App", application.ref()}, {"Group", group.ref()}}),
                                             codedeploy_arn("deploymentconfig:CodeDeployDefault.ECSAllAtOnce", {})}});
  // The deploy action registers the new task definition and passes its roles.
  pipeline_role.add_to_policy({.actions = {"ecs:RegisterTaskDefinition"}, .resources = {"*"}});
  m.task->task_role().grant_pass_role(pipeline_role);
  m.task->obtain_execution_role().grant_pass_role(pipeline_role);

  using codepipeline::CfnPipeline;
  auto action_type = [](const char* category, const char* provider) {
    return CfnPipeline::ActionTypeIdProperty{
        .category = category, .owner = "AWS", .provider = provider, .version = "1"};
  };
  CfnPipeline::Props pp;
  pp.artifact_store = CfnPipeline::ArtifactStoreProperty{.location = artifacts.bucket_name(), .type = "S3"};
  pp.name = n.pipeline;
  pp.pipeline_type = "V2";
  pp.role_arn = pipeline_role.role_arn();
  pp.stages = {{.actions = {{.action_type_id = action_type("Source", "S3"),
                             .configuration = Value::map({{"S3Bucket", artifacts.bucket_name()},
                                                          {"S3ObjectKey", source_key},
                                                          {"PollForSourceChanges", false}}),
                             .name = "Source",
                             .output_artifacts = {{.name = "Source"}}}},
                .name = "Source"},
               {.actions = {{.action_type_id = action_type("Build", "CodeBuild"),
                             .configuration = Value::map({{"ProjectName", project.ref()}}),
                             .input_artifacts = {{.name = "Source"}},
                             .name = "Build",
                             .output_artifacts = {{.name = "BuildOutput"}}}},
                .name = "Build"},
               {.actions = {{.action_type_id = action_type("Deploy", "CodeDeployToECS"),
                             .configuration = Value::map({{"ApplicationName", application.ref()},
                                                          {"DeploymentGroupName", group.ref()},
                                                          {"TaskDefinitionTemplateArtifact", "BuildOutput"},
                                                          {"TaskDefinitionTemplatePath", "taskdef.json"},
                                                          {"AppSpecTemplateArtifact", "BuildOutput"},
                                                          {"AppSpecTemplatePath", "appspec.yaml"},
                                                          {"Image1ArtifactName", "BuildOutput"},
                                                          {"Image1ContainerName", "IMAGE1_NAME"}}),
                             .input_artifacts = {{.name = "BuildOutput"}},
                             .name = "Deploy"}},
                .name = "Deploy"}};
  auto& pipeline = stack.add<CfnPipeline>("Pipeline", std::move(pp));
  // The pipeline starts once created: its permissions must be there first.
  pipeline.add_depends_on(pipeline_role.default_policy()->cfn_policy());

  // An upload of the source object starts the pipeline.
  const Value pipeline_arn = Fn::sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}",
                                     {{"Pipeline", pipeline.ref()}});
  auto& events_role =
      stack.add<iam::Role>("SourceEventsRole", {.assumed_by = iam::ServicePrincipal{"events.amazonaws.com"}});
  events_role.add_to_policy({.actions = {"codepipeline:StartPipelineExecution"}, .resources = {pipeline_arn}});
  stack.add<events::CfnRule>(
      "SourceUploaded",
      {.description = "Starts the gifmachine pipeline when a new source archive is uploaded",
       .event_pattern = Value::map(
           {{"source", Value::list({"aws.s3"})},
            {"detail-type", Value::list({"Object Created"})},
            {"detail", Value::map({{"bucket", Value::map({{"name", Value::list({artifacts.bucket_name()})}})},
                                   {"object", Value::map({{"key", Value::list({source_key})}})}})}}),
       .targets = {{.arn = pipeline_arn, .id = "Pipeline", .role_arn = events_role.role_arn()}}});

  stack.add<CfnOutput>("SourceUpload", {.value = "s3://" + artifacts.bucket_name() + "/" + source_key,
                                        .description = "upload a zip of the source (Dockerfile at its root) here"});
  stack.add<CfnOutput>("PipelineName", {.value = pipeline.ref()});
  return stack;
}

}  // namespace

Settings settings_from_context(const App& app) {
  Settings s;
  s.region = app.context_or("region", s.region);
  s.environment = app.context_or("environment", s.environment);
  s.company = app.context_or("company", s.company);
  s.image_tag = app.context_or("image_tag", s.image_tag);
  s.alarm_email = app.context_or("alarm_email", s.alarm_email);
  s.image_source = app.context_or("image_source", s.image_source);
  s.desired_count = app.context_int("desired_count", s.desired_count);
  if (s.desired_count < 0)
    throw Error(main_id, "desired_count " + std::to_string(s.desired_count) + " is not a number of tasks",
                "pass -c desired_count=2");
  return s;
}

Stacks build(App& app, const Settings& settings) {
  const Names names = names_for(settings);
  check_names(settings, names);
  const Main main = build_main(app, settings, names);
  const Monitoring monitoring = build_monitoring(app, settings, names, main);
  auto& cicd = build_cicd(app, settings, names, main, monitoring);
  return {*main.stack, *monitoring.stack, cicd};
}

}  // namespace gifmachine
