#include "nuxt_laravel.hpp"

#include <cdk/acm/acm.hpp>
#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/events/schedule.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/route53/route53.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/secretsmanager/secretsmanager.hpp>
#include <cdk/security.hpp>
#include <cdk/sqs/sqs.hpp>

#include <algorithm>
#include <chrono>
#include <map>

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
  codebuild::PipelineProject* project = nullptr;
};

// Builds the folder's Dockerfile, pushes the image tagged with the commit and
// "latest", and hands ECS the new image in imagedefinitions.json.
codebuild::BuildSpec image_spec() {
  return codebuild::BuildSpec::from_object({
      .env_shell = "bash",
      .pre_build = {.commands = {
          R"sh(aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}")sh",
          R"sh(IMAGE_TAG="${CODEBUILD_RESOLVED_SOURCE_VERSION:0:12}")sh"}},
      .build = {.commands = {R"sh(docker build -t "$REPOSITORY_URI:$IMAGE_TAG" -t "$REPOSITORY_URI:latest" "$SERVICE_DIR")sh"}},
      .post_build = {.commands = {
          R"sh(docker push --all-tags "$REPOSITORY_URI")sh",
          R"sh(printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$REPOSITORY_URI:$IMAGE_TAG" > imagedefinitions.json)sh"}},
      .artifact_files = {"imagedefinitions.json"}});
}

ecr::Repository& image_repository(Stack& stack, const std::string& id) {
  return stack.add<ecr::Repository>(id, {
      .image_tag_mutability = ecr::TagMutability::Mutable,  // "latest" moves with every release
      .lifecycle_rules = {{.description = "drop untagged layers", .tag_status = ecr::TagStatus::Untagged,
                           .max_image_age_days = 14},
                          {.description = "keep the last 30 releases", .max_image_count = 30}}});
}

void image_build(Stack& stack, const std::string& id, Tier& tier, logs::LogGroup& build_logs) {
  auto& project = stack.add<codebuild::PipelineProject>(id, {
      .build_spec = image_spec(),
      .build_image = codebuild::LinuxBuildImage::amazon_linux_2023_5(),
      .privileged = true,  // docker build needs the Docker daemon
      .environment_variables = {{"REPOSITORY_URI", {.value = tier.repository->repository_uri()}},
                                {"CONTAINER_NAME", {.value = tier.name}},
                                {"SERVICE_DIR", {.value = tier.name}}},
      .description = "docker build of " + tier.name + "/ for the " + tier.name + " service",
      .timeout_minutes = 30,
      .log_group = build_logs,
      .log_stream_prefix = tier.name});
  tier.repository->grant_pull_push(project);
  security::suppress(project, "CODEBUILD-PRIVILEGED", "builds the " + tier.name + " image with docker, from the repository's Dockerfile");
  security::suppress(project.cfn_project(), "AwsSolutions-CB4", "the build's only artifact is the image list, in the pipeline's bucket (SSE-S3)");
  tier.project = &project;
}

// Source (GitHub through a connection) -> build both images -> deploy Laravel, then Nuxt.
void release_pipeline(Stack& stack, const Settings& settings, Tier& frontend, Tier& backend, Tier& worker) {
  auto& build_logs = stack.add<logs::LogGroup>("BuildLogs", {.retention = logs::RetentionDays::OneMonth});
  // Created PENDING: someone with access to the GitHub account completes it once in the console.
  auto& github = stack.add<codepipeline_actions::CodeStarConnection>("GitHub", {.connection_name = "nuxt-laravel-github"});
  image_build(stack, "FrontendBuild", frontend, build_logs);
  image_build(stack, "BackendBuild", backend, build_logs);

  auto& pipeline = stack.add<codepipeline::Pipeline>("Pipeline", {
      .execution_mode = codepipeline::ExecutionMode::Queued});  // every pushed commit is released, in order
  pipeline.artifact_bucket().add_lifecycle_rule({.id = "expire-build-artifacts", .expiration_days = 30,
                                                 .abort_incomplete_multipart_upload_after_days = 1});
  security::suppress(pipeline.artifact_bucket().cfn_bucket(), "AwsSolutions-S1",
                     "build artifacts kept 30 days: the pipeline's history says who ran what");
  codepipeline::Artifact source{"Source"}, frontend_image{"FrontendImage"}, backend_image{"BackendImage"};
  pipeline.add_stage({.stage_name = "Source"}).add_action(codepipeline_actions::CodeStarConnectionsSourceAction{
      .action_name = "GitHub", .connection_arn = github.connection_arn(), .owner = settings.github_owner,
      .repo = settings.github_repo, .branch = settings.branch, .output = source, .trigger_on_push = true});
  auto build = [&](Tier& tier, const codepipeline::Artifact& image) {
    return codepipeline_actions::CodeBuildAction{.action_name = tier.name, .project = *tier.project, .input = source,
                                                 .outputs = {image}};
  };
  pipeline.add_stage({.stage_name = "Build"}).add_action(build(frontend, frontend_image)).add_action(build(backend, backend_image));
  auto deploy = [&](Tier& tier, const codepipeline::Artifact& image, std::int64_t order) {
    return codepipeline_actions::EcsDeployAction{.action_name = tier.name, .service = *tier.service, .input = image,
                                                 .file_name = "imagedefinitions.json", .run_order = order};
  };
  // Laravel (the API and its queue worker) first, so the new Nuxt never calls
  // an API older than itself; the scheduler runs the latest image each minute.
  pipeline.add_stage({.stage_name = "Deploy"})
      .add_action(deploy(backend, backend_image, 1))
      .add_action(deploy(worker, backend_image, 1))
      .add_action(deploy(frontend, frontend_image, 2));

  stack.add<CfnOutput>("GitHubConnection", {
      .value = github.connection_arn(),
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
      .manage_master_user_password = true,
      .database_name = "laravel",
      .backup_retention_days = 7,
      .deletion_protection = true});
  if (!settings.multi_az_database)
    security::suppress(db.cfn_instance(), "AwsSolutions-RDS3", "single-AZ to keep the cost low (multi_az_database=true for a standby)");
  security::suppress(db.cfn_instance(), "AwsSolutions-RDS11",
                     "only the Laravel tasks' security groups reach it, in isolated subnets: another port hides nothing");

  // Laravel's encryption key: 32 random characters, used as given (no "base64:" prefix).
  auto& app_key = stack.add<secretsmanager::Secret>("AppKey", {
      .description = "Laravel APP_KEY",
      .generate_secret_string = {.password_length = 32, .exclude_punctuation = true}});
  security::suppress(app_key, "AwsSolutions-SMG4", "Laravel's APP_KEY encrypts stored data: changing it needs a re-encryption, by hand");

  auto& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc, .container_insights = true});
  Tier frontend{.name = "frontend", .repository = &image_repository(stack, "FrontendImages")};
  Tier backend{.name = "backend", .repository = &image_repository(stack, "BackendImages")};
  const std::string site = "https://" + settings.domain;

  // Jobs Laravel queues (QUEUE_CONNECTION=sqs): the API sends, the worker consumes;
  // a job failing three times moves to the dead-letter queue for two weeks.
  auto& failed_jobs = stack.add<sqs::Queue>("FailedJobs", {.retention_period_seconds = 14 * 24 * 3600});
  auto& jobs = stack.add<sqs::Queue>("Jobs", {.visibility_timeout_seconds = 120,
                                              .dead_letter_queue = sqs::DeadLetterQueue{.queue = failed_jobs, .max_receive_count = 3}});

  // What the API, the queue worker and the scheduler share: the Laravel image's settings.
  const std::map<std::string, Value> laravel_env = {
      {"APP_ENV", "production"},
      {"APP_DEBUG", "false"},
      {"APP_URL", site},
      {"LOG_CHANNEL", "stderr"},
      {"DB_CONNECTION", "mysql"},
      {"DB_HOST", db.endpoint_address()},
      {"DB_PORT", db.endpoint_port()},
      {"DB_DATABASE", "laravel"},
      {"QUEUE_CONNECTION", "sqs"},
      {"SQS_PREFIX", Value("https://sqs.") + Aws::region() + Value(".amazonaws.com/") + Aws::account_id()},
      {"SQS_QUEUE", jobs.queue_name()},
      {"AWS_DEFAULT_REGION", Aws::region()}};
  // Read by ECS at task start: no credential ever shows in the template or the task definition.
  const std::map<std::string, ecs::Secret> laravel_secrets = {
      {"APP_KEY", ecs::Secret::from_secrets_manager(app_key)},
      {"DB_USERNAME", ecs::Secret::from_secrets_manager_arn(db.secret_arn(), "username")},
      {"DB_PASSWORD", ecs::Secret::from_secrets_manager_arn(db.secret_arn(), "password")}};

  auto& backend_logs = stack.add<logs::LogGroup>("BackendLogs", {.retention = logs::RetentionDays::OneMonth});
  auto& backend_task = stack.add<ecs::FargateTaskDefinition>("BackendTask", {.cpu = 512, .memory_limit_mib = 1024});
  backend_task.add_container("backend", {
      .image = ecs::ContainerImage::from_ecr_repository(*backend.repository),
      .port_mappings = {{.container_port = backend_port}},
      .environment = laravel_env,
      .secrets = laravel_secrets,
      .logging = ecs::LogDriver::aws_logs({.stream_prefix = "backend", .log_group = backend_logs})});
  jobs.grant_send_messages(backend_task.task_role());

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
  }

  // The write-up's next steps: a queue worker and Laravel's scheduler, from
  // the API's image and settings. The worker scales on the queue's depth; the
  // scheduler runs `schedule:run` every minute, as Laravel's cron line would.
  auto& worker = stack.add<ecs_patterns::QueueProcessingFargateService>("Worker", {
      .cluster = cluster,
      .image = ecs::ContainerImage::from_ecr_repository(*backend.repository),
      .container_name = "backend",  // the build's imagedefinitions.json names this container
      .command = {"php", "artisan", "queue:work", "sqs", "--sleep=3", "--tries=3", "--max-time=3600"},
      .environment = laravel_env,
      .secrets = laravel_secrets,
      .queue = jobs,
      .min_scaling_capacity = 0,
      .max_scaling_capacity = std::max<std::int64_t>(settings.max_tasks, 1),
      .task_subnets = app_subnets});
  auto& scheduler = stack.add<ecs_patterns::ScheduledFargateTask>("Scheduler", {
      .schedule = events::Schedule::rate(std::chrono::minutes(1)),
      .cluster = cluster,
      .image = ecs::ContainerImage::from_ecr_repository(*backend.repository),
      .command = {"php", "artisan", "schedule:run"},
      .environment = laravel_env,
      .secrets = laravel_secrets,
      .subnet_selection = app_subnets});
  jobs.grant_send_messages(scheduler.task_definition().task_role());  // scheduled commands may queue jobs
  for (auto* task : {&backend_task, &frontend_task, &worker.task_definition(), &scheduler.task_definition()})
    security::suppress(task->cfn_task_definition(), "AwsSolutions-ECS2",
                       "plain settings only (URLs, hosts, queue names); the credentials come as secrets");
  db.connections().allow_default_port_from(worker.service(), "the queue worker");
  db.connections().allow_default_port_from(scheduler, "the scheduler");
  Tier worker_tier{.name = "worker", .repository = backend.repository, .service = &worker.service()};

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

  release_pipeline(stack, settings, frontend, backend, worker_tier);

  stack.add<CfnOutput>("Url", {.value = site + "/"});
  stack.add<CfnOutput>("LoadBalancerDns", {.value = lb.dns_name()});
  stack.add<CfnOutput>("FrontendRepository", {.value = frontend.repository->repository_uri()});
  stack.add<CfnOutput>("BackendRepository", {.value = backend.repository->repository_uri()});
  return stack;
}

}  // namespace nuxt_laravel
