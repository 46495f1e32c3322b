#include "nuxt_laravel.hpp"

#include <cdk/acm/acm.hpp>
#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codeconnections/cfn_connection.hpp>
#include <cdk/codepipeline/cfn_pipeline.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/cfn_policy.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>

#include <algorithm>

namespace nuxt_laravel {

using namespace cdk;

namespace {

// Ports the two images listen on: Nuxt's server and Laravel behind its own web server.
constexpr int frontend_port = 3000;
constexpr int backend_port = 8000;
// The ALB sends these paths to Laravel; everything else goes to Nuxt.
constexpr const char* api_path = "/api/*";
constexpr int api_rule_priority = 10;

std::int64_t count_from_context(const App& app, const std::string& key, std::int64_t fallback) {
  const std::int64_t n = app.context_int(key, fallback);
  if (n < 0)
    throw Error(app.node().path(), "context " + key + "='" + std::to_string(n) + "' is not a count",
                "use a whole number of 0 or more, e.g. -c " + key + "=2");
  return n;
}

// What one service needs to be built and released: its image repository, its
// CodeBuild project and the ECS service the pipeline deploys to.
struct Tier {
  std::string name;  // "frontend" or "backend": the folder in the repository and the container's name
  ecr::Repository* repository = nullptr;
  ecs::FargateService* service = nullptr;
  codebuild::CfnProject* project = nullptr;
};

// Builds the folder's Dockerfile, pushes the image tagged with the commit and
// "latest", and hands ECS the new image in imagedefinitions.json.
constexpr const char* buildspec = R"(version: 0.2
env:
  shell: bash
phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"
      - IMAGE_TAG="${CODEBUILD_RESOLVED_SOURCE_VERSION:0:12}"
  build:
    commands:
      - docker build -t "$REPOSITORY_URI:$IMAGE_TAG" -t "$REPOSITORY_URI:latest" "$SERVICE_DIR"
  post_build:
    commands:
      - docker push --all-tags "$REPOSITORY_URI"
      - printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$REPOSITORY_URI:$IMAGE_TAG" > imagedefinitions.json
artifacts:
  files:
    - imagedefinitions.json
)";

ecr::Repository& image_repository(Stack& stack, const std::string& id) {
  return stack.add<ecr::Repository>(id, {
      .image_tag_mutability = ecr::TagMutability::Mutable,  // "latest" moves with every release
      .lifecycle_rules = {{.description = "drop untagged layers", .tag_status = ecr::TagStatus::Untagged,
                           .max_image_age_days = 14},
                          {.description = "keep the last 30 releases", .max_image_count = 30}}});
}

codebuild::CfnProject& image_build(Stack& stack, const std::string& id, Tier& tier, s3::Bucket& artifacts,
                                   logs::LogGroup& build_logs) {
  auto& role = stack.add<iam::Role>(id + "Role", {
      .assumed_by = iam::ServicePrincipal{"codebuild.amazonaws.com"},
      .description = "Builds and pushes the " + tier.name + " image"});
  tier.repository->grant_pull_push(role);
  artifacts.grant_read_write(role);
  build_logs.grant_write(role);

  auto& project = stack.add<codebuild::CfnProject>(id, {
      .artifacts = codebuild::CfnProject::ArtifactsProperty{.type = "CODEPIPELINE"},
      .description = "docker build of " + tier.name + "/ for the " + tier.name + " service",
      .environment = codebuild::CfnProject::EnvironmentProperty{
          .compute_type = "BUILD_GENERAL1_SMALL",
          .environment_variables = {{.name = "REPOSITORY_URI", .value = tier.repository->repository_uri()},
                                    {.name = "CONTAINER_NAME", .value = tier.name},
                                    {.name = "SERVICE_DIR", .value = tier.name}},
          .image = "aws/codebuild/amazonlinux-x86_64-standard:5.0",
          .privileged_mode = true,  // docker build needs the Docker daemon
          .type = "LINUX_CONTAINER"},
      .logs_config = codebuild::CfnProject::LogsConfigProperty{
          .cloud_watch_logs = codebuild::CfnProject::CloudWatchLogsConfigProperty{
              .group_name = build_logs.log_group_name(), .status = "ENABLED", .stream_name = tier.name}},
      .service_role = role.role_arn(),
      .source = codebuild::CfnProject::SourceProperty{.build_spec = buildspec, .type = "CODEPIPELINE"},
      .timeout_in_minutes = 30});
  // The first build starts as soon as the pipeline exists: the role must already hold its grants.
  project.add_depends_on(role.default_policy()->cfn_policy());
  tier.project = &project;
  return project;
}

// Source (GitHub through a connection) -> build both images -> deploy Laravel, then Nuxt.
void release_pipeline(Stack& stack, const Settings& settings, ecs::Cluster& cluster, Tier& frontend, Tier& backend) {
  auto& artifacts = stack.add<s3::Bucket>("Artifacts", {
      .lifecycle_rules = {{.id = "expire-build-artifacts", .expiration_days = 30,
                           .abort_incomplete_multipart_upload_after_days = 1}}});
  auto& build_logs = stack.add<logs::LogGroup>("BuildLogs", {.retention = logs::RetentionDays::OneMonth});
  // Created PENDING: someone with access to the GitHub account completes it once in the console.
  auto& github = stack.add<codeconnections::CfnConnection>("GitHub", {
      .connection_name = "nuxt-laravel-github", .provider_type = "GitHub"});

  image_build(stack, "FrontendBuild", frontend, artifacts, build_logs);
  image_build(stack, "BackendBuild", backend, artifacts, build_logs);

  auto& role = stack.add<iam::Role>("PipelineRole", {
      .assumed_by = iam::ServicePrincipal{"codepipeline.amazonaws.com"},
      .description = "Runs the nuxt-laravel release pipeline"});
  artifacts.grant_read_write(role);
  role.add_to_policy({.actions = {"codeconnections:UseConnection"}, .resources = {github.attr_connection_arn()}});
  role.add_to_policy({.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild"},
                      .resources = {frontend.project->attr_arn(), backend.project->attr_arn()}});
  // The ECS deploy action registers a new task definition revision and points the service at it.
  role.add_to_policy({.actions = {"ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:ListTasks",
                                  "ecs:RegisterTaskDefinition"},
                      .resources = {"*"}});  // these actions take no resource-level permissions
  role.add_to_policy({.actions = {"ecs:DescribeServices", "ecs:UpdateService"},
                      .resources = {frontend.service->service_arn(), backend.service->service_arn()}});
  std::vector<Value> families;
  for (auto* tier : {&frontend, &backend})
    families.push_back(Fn::sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/" +
                               tier->service->task_definition().family() + ":*"));
  role.add_to_policy({.actions = {"ecs:TagResource"}, .resources = families});
  for (auto* tier : {&frontend, &backend}) {
    auto& task = tier->service->task_definition();
    task.task_role().grant_pass_role(role);
    task.obtain_execution_role().grant_pass_role(role);
  }

  using Pipeline = codepipeline::CfnPipeline;
  auto action_type = [](const char* category, const char* provider) {
    return Pipeline::ActionTypeIdProperty{.category = category, .owner = "AWS", .provider = provider, .version = "1"};
  };
  auto build_action = [&](Tier& tier, const std::string& output) {
    return Pipeline::ActionDeclarationProperty{
        .action_type_id = action_type("Build", "CodeBuild"),
        .configuration = Value::map({{"ProjectName", tier.project->ref()}}),
        .input_artifacts = {{.name = "Source"}},
        .name = tier.name,
        .output_artifacts = {{.name = output}},
        .run_order = 1};
  };
  auto deploy_action = [&](Tier& tier, const std::string& input, std::int64_t order) {
    return Pipeline::ActionDeclarationProperty{
        .action_type_id = action_type("Deploy", "ECS"),
        .configuration = Value::map({{"ClusterName", cluster.cluster_name()},
                                     {"ServiceName", tier.service->service_name()},
                                     {"FileName", "imagedefinitions.json"}}),
        .input_artifacts = {{.name = input}},
        .name = tier.name,
        .run_order = order};
  };

  auto& pipeline = stack.add<Pipeline>("Pipeline", {
      .artifact_store = Pipeline::ArtifactStoreProperty{.location = artifacts.bucket_name(), .type = "S3"},
      .execution_mode = "QUEUED",  // every pushed commit is released, in order
      .pipeline_type = "V2",
      .restart_execution_on_update = false,
      .role_arn = role.role_arn(),
      .stages = {
          {.actions = {{.action_type_id = Pipeline::ActionTypeIdProperty{
                            .category = "Source", .owner = "AWS", .provider = "CodeStarSourceConnection",
                            .version = "1"},
                        .configuration = Value::map({
                            {"ConnectionArn", github.attr_connection_arn()},
                            {"FullRepositoryId", settings.github_owner + "/" + settings.github_repo},
                            {"BranchName", settings.branch},
                            {"OutputArtifactFormat", "CODE_ZIP"},
                            {"DetectChanges", true}}),
                        .name = "GitHub",
                        .output_artifacts = {{.name = "Source"}}}},
           .name = "Source"},
          {.actions = {build_action(frontend, "FrontendImage"), build_action(backend, "BackendImage")},
           .name = "Build"},
          // Laravel first, so the new Nuxt never calls an API older than itself.
          {.actions = {deploy_action(backend, "BackendImage", 1), deploy_action(frontend, "FrontendImage", 2)},
           .name = "Deploy"}}});
  pipeline.add_depends_on(role.default_policy()->cfn_policy());

  stack.add<CfnOutput>("GitHubConnection", {
      .value = github.attr_connection_arn(),
      .description = "complete this pending connection in the console before the first release"});
}

}  // namespace

Settings settings_from_context(const App& app) {
  Settings s;
  s.region = app.context_or("region", s.region);
  s.zone = app.context_or("zone", s.zone);
  s.domain = app.context_or("domain", s.domain);
  s.github_owner = app.context_or("github_owner", s.github_owner);
  s.github_repo = app.context_or("github_repo", s.github_repo);
  s.branch = app.context_or("branch", s.branch);
  s.frontend_tasks = count_from_context(app, "frontend_tasks", s.frontend_tasks);
  s.backend_tasks = count_from_context(app, "backend_tasks", s.backend_tasks);
  s.max_tasks = count_from_context(app, "max_tasks", s.max_tasks);
  s.multi_az_database = app.context_flag("multi_az_database", s.multi_az_database);
  return s;
}

Stack& build(App& app, const Settings& settings) {
  auto& stack = app.add<Stack>("NuxtLaravel", {
      .env = {.region = settings.region},
      .description = "Nuxt frontend and Laravel API on ECS Fargate behind one ALB, MySQL, GitHub release pipeline",
      .tags = {{"app", "nuxt-laravel"}}});

  auto& vpc = stack.add<ec2::Vpc>("Vpc", {
      .max_azs = 2,
      .nat_gateways = 1,
      .subnet_configuration = {{"public", ec2::SubnetType::Public, 24},
                               {"app", ec2::SubnetType::PrivateWithEgress, 24},
                               {"data", ec2::SubnetType::PrivateIsolated, 28}},
      .flow_logs = {{"FlowLogs", {}}}});

  auto& db = stack.add<rds::DatabaseInstance>("Database", {
      .engine = rds::DatabaseInstanceEngine::mysql_8_0(),
      .vpc = vpc,
      .subnets = {.subnet_group_name = "data"},
      .instance_type = "db.t4g.micro",
      .allocated_storage_gib = 20,
      .max_allocated_storage_gib = 100,
      .multi_az = settings.multi_az_database,
      .database_name = "laravel",
      .backup_retention_days = 7,
      .deletion_protection = true});

  // Laravel's encryption key: 32 random characters, used as given (no "base64:" prefix).
  auto& app_key = stack.add<secretsmanager::Secret>("AppKey", {
      .description = "Laravel APP_KEY",
      .generate_secret_string = {.password_length = 32, .exclude_punctuation = true}});

  auto& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc, .container_insights = true});
  Tier frontend{.name = "frontend", .repository = &image_repository(stack, "FrontendImages")};
  Tier backend{.name = "backend", .repository = &image_repository(stack, "BackendImages")};
  const std::string site = "https://" + settings.domain;

  auto& backend_logs = stack.add<logs::LogGroup>("BackendLogs", {.retention = logs::RetentionDays::OneMonth});
  auto& backend_task = stack.add<ecs::FargateTaskDefinition>("BackendTask", {.cpu = 512, .memory_limit_mib = 1024});
  backend_task.add_container("backend", {
      .image = ecs::ContainerImage::from_ecr_repository(*backend.repository),
      .port_mappings = {{.container_port = backend_port}},
      .environment = {{"APP_ENV", "production"},
                      {"APP_DEBUG", "false"},
                      {"APP_URL", site},
                      {"LOG_CHANNEL", "stderr"},
                      {"DB_CONNECTION", "mysql"},
                      {"DB_HOST", db.endpoint_address()},
                      {"DB_PORT", db.endpoint_port()},
                      {"DB_DATABASE", "laravel"}},
      // Read by ECS at task start: no credential ever shows in the template or the task definition.
      .secrets = {{"APP_KEY", ecs::Secret::from_secrets_manager(app_key)},
                  {"DB_USERNAME", ecs::Secret::from_secrets_manager(db.secret(), "username")},
                  {"DB_PASSWORD", ecs::Secret::from_secrets_manager(db.secret(), "password")}},
      .logging = ecs::LogDriver::aws_logs({.stream_prefix = "backend", .log_group = backend_logs})});

  auto& frontend_logs = stack.add<logs::LogGroup>("FrontendLogs", {.retention = logs::RetentionDays::OneMonth});
  auto& frontend_task = stack.add<ecs::FargateTaskDefinition>("FrontendTask", {.cpu = 256, .memory_limit_mib = 512});
  frontend_task.add_container("frontend", {
      .image = ecs::ContainerImage::from_ecr_repository(*frontend.repository),
      .port_mappings = {{.container_port = frontend_port}},
      // Server-side rendering and the browser both reach Laravel through the ALB's /api/* rule.
      // HOST and PORT are read by both `nuxt start` (Nuxt 2) and the Nitro server (Nuxt 3);
      // NUXT_PUBLIC_API_BASE overrides runtimeConfig.public.apiBase.
      .environment = {{"NODE_ENV", "production"},
                      {"HOST", "0.0.0.0"},
                      {"PORT", std::to_string(frontend_port)},
                      {"NUXT_PUBLIC_API_BASE", site + "/api"}},
      .logging = ecs::LogDriver::aws_logs({.stream_prefix = "frontend", .log_group = frontend_logs})});

  const ec2::SubnetSelection app_subnets{.subnet_group_name = "app"};
  backend.service = &stack.add<ecs::FargateService>("Backend", {
      .cluster = cluster, .task_definition = backend_task, .desired_count = settings.backend_tasks,
      .subnets = app_subnets});
  frontend.service = &stack.add<ecs::FargateService>("Frontend", {
      .cluster = cluster, .task_definition = frontend_task, .desired_count = settings.frontend_tasks,
      .subnets = app_subnets});
  db.connections().allow_default_port_from(*backend.service);
  // Scale on CPU between the requested count and max_tasks.
  for (auto* tier : {&frontend, &backend}) {
    const std::int64_t count = tier == &frontend ? settings.frontend_tasks : settings.backend_tasks;
    auto& scaling = tier->service->auto_scale_task_count(
        {.min_capacity = count, .max_capacity = std::max({settings.max_tasks, count, std::int64_t{1}})});
    scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
    // The stack's tags would land on the scalable target too, whose Tags property
    // cfn-lint 1.51 does not know yet (the resource specification has it).
    scaling.cfn_target().add_property_deletion_override("Tags");
  }

  auto& zone = stack.add<route53::HostedZone>("Zone", {.zone_name = settings.zone});
  auto& cert = stack.add<acm::Certificate>("Certificate", {
      .domain_name = settings.domain, .validation = acm::CertificateValidation::from_dns(zone)});

  auto& lb = stack.add<elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  security::suppress(lb, "LB-NO-ACCESS-LOGS", "both services log every request to CloudWatch Logs");
  security::suppress(*lb.security_groups().front(), "AwsSolutions-EC23",
                    "internet-facing: browsers reach 80 (redirected) and 443 from anywhere");
  auto& https = lb.add_listener("Https", {.certificates = {cert.certificate_arn()}});
  https.add_targets("Frontend", {.port = frontend_port, .targets = {*frontend.service},
                                 .health_check = {.path = "/", .healthy_http_codes = "200-399"},
                                 .deregistration_delay_seconds = 30});
  https.add_targets("Backend", {.port = backend_port, .targets = {*backend.service},
                                .health_check = {.path = "/up"},  // Laravel's built-in health route
                                .deregistration_delay_seconds = 30,
                                .priority = api_rule_priority,
                                .conditions = {elbv2::ListenerCondition::path_patterns({api_path})}});
  lb.add_redirect();

  std::string record = settings.domain;
  if (record.size() > settings.zone.size() && record.ends_with("." + settings.zone))
    record = record.substr(0, record.size() - settings.zone.size() - 1);
  stack.add<route53::ARecord>("Alias", {.zone = zone, .record_name = record,
                                        .target = route53::RecordTarget::alias(lb)});

  release_pipeline(stack, settings, cluster, frontend, backend);

  stack.add<CfnOutput>("Url", {.value = site + "/"});
  stack.add<CfnOutput>("LoadBalancerDns", {.value = lb.dns_name()});
  stack.add<CfnOutput>("FrontendRepository", {.value = frontend.repository->repository_uri()});
  stack.add<CfnOutput>("BackendRepository", {.value = backend.repository->repository_uri()});
  return stack;
}

}  // namespace nuxt_laravel
