#include "pipeline.hpp"

#include <cdk/cdk.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/s3.hpp>
#include <cdk/sns/sns.hpp>

#include <string>

namespace notejam {

using namespace cdk;
namespace actions = codepipeline_actions;

namespace {

// Build specs run in the application's repository (Notejam's Django flavour:
// requirements.txt, manage.py and a Dockerfile at the top).
codebuild::BuildSpec python_spec(std::string command) {
  return codebuild::BuildSpec::from_object({.runtime_versions = {{"python", "3.11"}},
                                            .install = {.commands = {"pip install -r requirements.txt"}},
                                            .build = {.commands = {std::move(command)}}});
}

codebuild::BuildSpec image_spec() {
  return codebuild::BuildSpec::from_object(
      {.pre_build = {.commands = {R"sh(aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}")sh",
                                  R"sh(IMAGE="$REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION")sh"}},
       .build = {.commands = {R"sh(docker build -t "$IMAGE" -t "$REPOSITORY_URI:latest" .)", R"(docker push "$IMAGE")sh",
                              R"sh(docker push "$REPOSITORY_URI:latest")sh",
                              R"sh(printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$IMAGE" > imagedefinitions.json)sh"}},
       .artifact_files = {"imagedefinitions.json"}});
}

// What the three projects share: the image, a 30-minute limit and one log group.
codebuild::ProjectProps project_props(std::string description, codebuild::BuildSpec spec,
                                              logs::LogGroup& logs, std::string stream) {
  return {.build_spec = std::move(spec), .build_image = codebuild::LinuxBuildImage::amazon_linux_2_5(),
          .description = std::move(description), .timeout_minutes = 30, .log_group = logs,
          .log_stream_prefix = std::move(stream)};
}

}  // namespace

void add_pipeline(Stack& stack, const PipelineTargets& t) {
  const Settings& settings = t.settings;
  const std::string& env = settings.environment;
  const bool prod = env == "prod";
  auto& pipeline = stack.add<codepipeline::Pipeline>("Pipeline", {
      .pipeline_name = "notejam-" + env, .execution_mode = codepipeline::ExecutionMode::Queued});
  pipeline.artifact_bucket().add_lifecycle_rule({.expiration_days = 30, .noncurrent_version_expiration_days = 1,
                                                 .abort_incomplete_multipart_upload_after_days = 1});
  security::suppress(pipeline.artifact_bucket().cfn_bucket(), "AwsSolutions-S1",
                     "build artifacts kept 30 days: the pipeline's history says who ran what");
  // Created PENDING: someone with access to the GitHub organisation approves it
  // once in the console (Developer Tools > Connections); CloudFormation cannot.
  auto& github = pipeline.add<actions::CodeStarConnection>("GitHub", {.connection_name = "notejam-" + env + "-github"});
  auto& build_logs = pipeline.add<logs::LogGroup>("BuildLogs", {
      .log_group_name = "/notejam/" + env + "/build",
      .retention = static_cast<logs::RetentionDays>(settings.sizing.log_retention_days)});

  auto& tests = pipeline.add<codebuild::PipelineProject>(
      "UnitTestsBuild", project_props("Notejam unit tests", python_spec("python manage.py test"), build_logs, "UnitTests"));
  auto image_props = project_props("Builds the Notejam image and pushes it to ECR", image_spec(), build_logs, "Image");
  image_props.privileged = true;  // docker build
  image_props.environment_variables = {{"REPOSITORY_URI", {.value = t.images.repository_uri()}},
                                       {"CONTAINER_NAME", {.value = "notejam"}}};
  auto& image = pipeline.add<codebuild::PipelineProject>("ImageBuild", std::move(image_props));
  t.images.grant_pull_push(image);
  security::suppress(image, "CODEBUILD-PRIVILEGED", "builds the Notejam image with docker, from the repository's Dockerfile");

  // Migrations reach the database from the app subnets through their own group.
  auto& migrations = pipeline.add<ec2::SecurityGroup>(
      "MigrationSecurityGroup", {.vpc = t.vpc, .description = "Notejam database migrations (CodeBuild)"});
  t.database.connections().allow_default_port_from(migrations, "MySQL from the migration build");
  using codebuild::BuildEnvironmentVariableType::ParameterStore;
  auto migrate_props = project_props("Runs the Notejam database migrations",
                                     python_spec("python manage.py migrate --noinput"), build_logs, "Migrate");
  migrate_props.environment_variables = {
      {"NOTEJAM_ENV", {.value = env}}, {"DB_HOST", {.value = t.db_host}}, {"DB_NAME", {.value = "notejam"}},
      {"DB_USER", {.value = "notejam"}},
      {"DB_PASSWORD", {.value = db_password_parameter(settings), .type = ParameterStore}},
      {"SECRET_KEY", {.value = secret_key_parameter(settings), .type = ParameterStore}}};
  migrate_props.vpc = t.vpc;
  migrate_props.subnet_selection = {.subnet_group_name = "app"};
  migrate_props.security_groups = {migrations};
  auto& migrate = pipeline.add<codebuild::PipelineProject>("MigrateBuild", std::move(migrate_props));
  for (auto* project : {&tests, &image, &migrate})
    security::suppress(project->cfn_project(), "AwsSolutions-CB4", "the builds' only artifacts go to the pipeline's bucket, encrypted there (SSE-S3)");

  codepipeline::Artifact source{"Source"}, images{"Image"};
  const auto slash = settings.repository.find('/');
  pipeline.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
      .action_name = "GitHub", .connection_arn = github.connection_arn(),
      .owner = settings.repository.substr(0, slash), .repo = settings.repository.substr(slash + 1),
      .branch = settings.branch, .output = source});
  pipeline.add_stage({.stage_name = "Test"}).add_action(actions::CodeBuildAction{
      .action_name = "UnitTests", .project = tests, .input = source, .type = actions::CodeBuildActionType::Test});
  pipeline.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
      .action_name = "Image", .project = image, .input = source, .outputs = {images}});
  if (prod)
    pipeline.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{
        .action_name = "Release", .notification_topic = t.notifications,
        .additional_information = "Migrate and deploy to prod?"});
  pipeline.add_stage({.stage_name = "Migrate"}).add_action(actions::CodeBuildAction{
      .action_name = "Migrate", .project = migrate, .input = source});
  pipeline.add_stage({.stage_name = "Deploy"}).add_action(actions::EcsDeployAction{
      .action_name = "RollingUpdate", .service = t.service, .input = images, .file_name = "imagedefinitions.json"});

  stack.add<CfnOutput>("GitHubConnection", {
      .value = github.connection_arn(),
      .description = "approve this connection once in the console before the first run"});
}

}  // namespace notejam
