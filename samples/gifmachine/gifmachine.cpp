#include "gifmachine.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/cfn_dashboard.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/ec2/cfn_instance.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/security.hpp>
#include <cdk/sns/sns.hpp>
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
codebuild::BuildSpec build_spec() {
  return codebuild::BuildSpec::from_object(
      {.pre_build = {.commands = {R"sh(aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}")sh",
                                  R"sh(echo "build-${CODEBUILD_BUILD_NUMBER}" > tag.txt)sh"}},
       .build = {.commands = {R"sh(docker build -t "${REPOSITORY_URI}:$(cat tag.txt)" .)sh",
                              R"sh(docker push "${REPOSITORY_URI}:$(cat tag.txt)")sh"}},
       .post_build = {.commands = {R"sh(printf '{"ImageURI":"%s"}' "${REPOSITORY_URI}:$(cat tag.txt)" > imageDetail.json)sh",
                                   R"sh(aws ecs describe-task-definition --task-definition "${TASK_FAMILY}" --query taskDefinition |
  jq '{family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
       requiresCompatibilities, cpu, memory, runtimePlatform}
      | with_entries(select(.value != null))
      | (.containerDefinitions[] | select(.name == env.CONTAINER_NAME) | .image) = "<IMAGE1_NAME>"' > taskdef.json)sh",
                                   R"sh(cat > appspec.yaml <<EOF
version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "${CONTAINER_NAME}"
          ContainerPort: ${CONTAINER_PORT}
EOF)sh"}},
       .artifact_files = {"imageDetail.json", "taskdef.json", "appspec.yaml"}});
}

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

// The write-up's choices that outside scanners (cdk-nag) flag, each with its reason.
void explain_main_choices(Main& m, ec2::BastionHost& jumpbox, s3::Bucket& config, secretsmanager::Secret& api_password) {
  auto& vpc = *m.vpc;
  security::suppress(vpc.node().find_child("NatSecurityGroup"), "AwsSolutions-EC23",
                     "the NAT instance takes traffic from the VPC's own CIDR only (a reference cdk-nag cannot read)");
  for (Construct* instance : std::initializer_list<Construct*>{vpc.node().try_find("publicSubnet1/NatInstance/Resource"),
                                                                &jumpbox.instance().resource()}) {
    if (instance == nullptr) continue;
    security::suppress(*instance, "AwsSolutions-EC28",
                       "the NAT instance and the jumpbox: basic monitoring and the recovery alarm are enough");
    security::suppress(*instance, "AwsSolutions-EC29",
                       "the NAT instance and the jumpbox hold no state: replacing them loses nothing");
  }
  auto& jumpbox_role = jumpbox.instance().role();
  security::suppress(jumpbox_role, "AwsSolutions-IAM4", "AmazonSSMManagedInstanceCore: what Session Manager needs, kept by AWS",
                     {.applies_to = {"Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore"}});
  const auto config_objects = "Resource::<" + Stack::of(config).logical_id(config.cfn_bucket()) + ".Arn>/*";
  security::suppress(jumpbox_role, "AwsSolutions-IAM5", "the operators edit any file of the configuration bucket",
                     {.applies_to = {config_objects}});
  security::suppress(m.task->task_role(), "AwsSolutions-IAM5", "the app reads any file of the configuration bucket",
                     {.applies_to = {config_objects}});
  security::suppress(config.cfn_bucket(), "AwsSolutions-S1",
                     "a few configuration files; versioning and CloudTrail show who changed what");
  security::suppress(api_password, "AwsSolutions-SMG4",
                     "the API password is shared with gifmachine's callers: it changes by hand, with them");
  auto& db = *m.database;
  security::suppress(db.cfn_instance(), "AwsSolutions-RDS3", "single-AZ to keep the cost low; restores come from the 7 days of backups");
  security::suppress(db.cfn_instance(), "AwsSolutions-RDS11",
                     "only the tasks' and the jumpbox's security groups reach it, in isolated subnets: another port hides nothing");
  security::suppress(m.task->cfn_task_definition(), "AwsSolutions-ECS2",
                     "plain settings only (database host and port, bucket name); the credentials come as secrets");
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
                                                           .manage_master_user_password = true,
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
                      .secrets = {{"PGUSER", ecs::Secret::from_secrets_manager_arn(db.secret_arn(), "username")},
                                  {"PGPASSWORD", ecs::Secret::from_secrets_manager_arn(db.secret_arn(), "password")},
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

  explain_main_choices(m, jumpbox, config, api_password);

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

// What the write-up's Grafana showed: the service's CPU and memory, the load
// balancer's targets in each colour, the database's CPU, and every alarm.
void build_dashboard(Stack& stack, const Names& n, const Main& m,
                     const std::vector<Ptr<const cloudwatch::Alarm>>& alarms) {
  using cloudwatch::GraphWidget;
  using cloudwatch::Metric;
  const cloudwatch::YAxis percent{.min = 0, .max = 100};
  auto labelled = [](Metric metric, const char* label) {
    metric.label = label;
    return metric;
  };
  auto hosts = [&](Metric count, const char* label) { return labelled(count.with("Maximum", 60), label); };
  auto& dashboard = stack.add<cloudwatch::Dashboard>("Dashboard", {.dashboard_name = n.prefix + "-gifmachine"});
  dashboard.add_widgets(
      GraphWidget{.title = "Service CPU and memory (%)",
                  .left = {labelled(m.service->metric_cpu_utilization(), "CPU"),
                           labelled(m.service->metric_memory_utilization(), "memory")},
                  .width = 12,
                  .left_y_axis = percent},
      GraphWidget{.title = "Load balancer targets",
                  .left = {hosts(m.blue->metric_healthy_host_count(), "healthy (blue)"),
                           hosts(m.green->metric_healthy_host_count(), "healthy (green)"),
                           hosts(m.blue->metric_unhealthy_host_count(), "unhealthy (blue)"),
                           hosts(m.green->metric_unhealthy_host_count(), "unhealthy (green)")},
                  .width = 12,
                  .left_y_axis = {.min = 0}});
  dashboard.add_widgets(
      GraphWidget{.title = "Database CPU (%)",
                  .left = {labelled(m.database->metric_cpu_utilization(), "CPU")},
                  .width = 12,
                  .left_y_axis = percent},
      cloudwatch::AlarmStatusWidget{.alarms = alarms, .title = "Alarms", .width = 12, .height = 6});
}

Monitoring build_monitoring(App& app, const Settings& s, const Names& n, const Main& m) {
  Monitoring out;
  auto& stack = app.add<Stack>(monitoring_id,
                               {.env = {.region = s.region},
                                .stack_name = n.monitoring_stack,
                                .description = "gifmachine monitoring: CloudWatch alarms on the main stack's resources",
                                .tags = tags_of(s)});
  out.stack = &stack;

  auto& topic = stack.add<sns::Topic>("Alarms", {.display_name = n.prefix + " gifmachine alarms"});
  if (!s.alarm_email.empty()) topic.add_subscription(sns::EmailSubscription{.email_address = s.alarm_email});

  std::vector<Ptr<const cloudwatch::Alarm>> alarms;
  auto alarm = [&](std::string_view id, cloudwatch::AlarmProps props) -> cloudwatch::Alarm& {
    props.alarm_actions.insert(props.alarm_actions.begin(), topic.topic_arn());
    props.ok_actions.push_back(topic.topic_arn());
    auto& a = stack.add<cloudwatch::Alarm>(id, std::move(props));
    alarms.emplace_back(a);
    return a;
  };
  using cloudwatch::ComparisonOperator;

  alarm("ServiceCpu", {.metric = m.service->metric_cpu_utilization(),
                       .threshold = 80,
                       .evaluation_periods = 3,
                       .comparison_operator = ComparisonOperator::GreaterThanThreshold,
                       .alarm_description = "gifmachine tasks use more than 80% CPU"});
  alarm("ServiceMemory", {.metric = m.service->metric_memory_utilization(),
                          .threshold = 80,
                          .evaluation_periods = 3,
                          .comparison_operator = ComparisonOperator::GreaterThanThreshold,
                          .alarm_description = "gifmachine tasks use more than 80% memory"});

  // One alarm per colour: whichever group is live, unhealthy targets show; the
  // CI/CD stack rolls a deployment back on either.
  auto unhealthy = [&](std::string_view id, elbv2::TargetGroup& group) -> cloudwatch::Alarm& {
    return alarm(id, {.metric = group.metric_unhealthy_host_count().with("Maximum", 60),
                      .threshold = 1,
                      .evaluation_periods = 3,
                      .treat_missing_data = cloudwatch::TreatMissingData::NotBreaching,
                      .alarm_description = "gifmachine targets fail the load balancer's health check"});
  };
  out.blue_unhealthy = &unhealthy("BlueUnhealthy", *m.blue);
  out.green_unhealthy = &unhealthy("GreenUnhealthy", *m.green);

  alarm("DatabaseCpu", {.metric = m.database->metric_cpu_utilization(),
                        .threshold = 80,
                        .evaluation_periods = 3,
                        .comparison_operator = ComparisonOperator::GreaterThanThreshold,
                        .alarm_description = "PostgreSQL uses more than 80% CPU"});
  alarm("DatabaseStorage", {.metric = m.database->metric_free_storage_space(),
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

  build_dashboard(stack, n, m, alarms);
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
  // (versioned, as the S3 source action requires).
  auto& artifacts = stack.add<s3::Bucket>(
      "Artifacts",
      {.versioned = true, .lifecycle_rules = {{.id = "old-versions", .noncurrent_version_expiration_days = 30}}});
  security::suppress(artifacts.cfn_bucket(), "AwsSolutions-S1",
                     "pipeline artifacts and source uploads: the pipeline's history says who ran what");

  // ---- build: the image and the files of a CodeDeploy ECS deployment ----
  auto& build_logs = stack.add<logs::LogGroup>("BuildLogs", {.retention = logs::RetentionDays::OneMonth});
  auto& project = stack.add<codebuild::PipelineProject>(
      "Build", {.build_spec = build_spec(),
                .privileged = true,  // docker build
                .environment_variables = {{"REPOSITORY_URI", {.value = m.repository->repository_uri()}},
                                          {"TASK_FAMILY", {.value = m.task->family()}},
                                          {"CONTAINER_NAME", {.value = container_name}},
                                          {"CONTAINER_PORT", {.value = std::to_string(app_port)}}},
                .project_name = n.build_project,
                .description = "Builds the gifmachine image and the files of a CodeDeploy ECS deployment",
                .timeout_minutes = 30,
                .log_group = build_logs});
  m.repository->grant_pull_push(project);
  security::suppress(project, "CODEBUILD-PRIVILEGED", "builds the application's image with docker, from the uploaded source");
  project.add_to_role_policy({.actions = {"ecs:DescribeTaskDefinition"}, .resources = {"*"}});
  security::explain_wildcard_resources(project, {"ecs:DescribeTaskDefinition"},
                                       "ecs:DescribeTaskDefinition has no resource-level permissions");
  security::suppress(project.cfn_project(), "AwsSolutions-CB4", "the build's artifacts go to the pipeline's bucket, encrypted there (SSE-S3)");

  // ---- deploy: CodeDeploy blue/green for ECS, stopped and rolled back by
  // either colour's unhealthy-host alarm ----
  auto& group = stack.add<codedeploy::EcsDeploymentGroup>(
      "BlueGreen",
      {.service = *m.service,
       .blue_green_deployment_config = {.blue_target_group = *m.blue,
                                        .green_target_group = *m.green,
                                        .listener = *m.prod_listener,
                                        .test_listener = *m.test_listener,
                                        .termination_wait_time_minutes = 5},
       .application = stack.add<codedeploy::EcsApplication>("Application", {.application_name = n.deploy_application}),
       .deployment_group_name = n.deployment_group,
       .alarms = {*mon.blue_unhealthy, *mon.green_unhealthy}});
  security::suppress(group.role(), "AwsSolutions-IAM4", "AWSCodeDeployRoleForECS: the role CodeDeploy documents, kept by AWS",
                     {.applies_to = {"Policy::arn:<AWS::Partition>:iam::aws:policy/AWSCodeDeployRoleForECS"}});

  // ---- pipeline: an upload of the source starts it ----
  codepipeline::Artifact source{"Source"}, built{"BuildOutput"};
  auto& pipeline = stack.add<codepipeline::Pipeline>("Pipeline", {.pipeline_name = n.pipeline, .artifact_bucket = artifacts});
  pipeline.add_stage({.stage_name = "Source"})
      .add_action(codepipeline_actions::S3SourceAction{.action_name = "Source", .bucket = artifacts,
                                                       .bucket_key = source_key, .output = source,
                                                       .trigger = codepipeline_actions::S3Trigger::Events});
  pipeline.add_stage({.stage_name = "Build"})
      .add_action(codepipeline_actions::CodeBuildAction{
          .action_name = "Build", .project = project, .input = source, .outputs = {built}});
  pipeline.add_stage({.stage_name = "Deploy"})
      .add_action(codepipeline_actions::CodeDeployEcsDeployAction{
          .action_name = "Deploy", .deployment_group = group,
          .task_definition_template_input = built, .app_spec_template_input = built,
          .container_image_inputs = {{.input = built, .task_definition_placeholder = "IMAGE1_NAME"}}});

  stack.add<CfnOutput>("SourceUpload", {.value = "s3://" + artifacts.bucket_name() + "/" + source_key,
                                        .description = "upload a zip of the source (Dockerfile at its root) here"});
  stack.add<CfnOutput>("PipelineName", {.value = pipeline.pipeline_name()});
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
