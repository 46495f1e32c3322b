#include "pipeline.hpp"

#include <cdk/cdk.hpp>
#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/codepipeline/cfn_pipeline.hpp>
#include <cdk/codestarconnections/cfn_connection.hpp>
#include <cdk/ec2/ec2.hpp>
#include <cdk/ecr/ecr.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/logs/logs.hpp>
#include <cdk/s3/s3.hpp>

#include <string>
#include <vector>

namespace notejam {

using namespace cdk;
using codebuild::CfnProject;
using codepipeline::CfnPipeline;

namespace {

// Build specs run in the application's repository (Notejam's Django flavour:
// requirements.txt, manage.py and a Dockerfile at the top).
constexpr const char* test_spec = R"(version: 0.2
phases:
  install:
    runtime-versions:
      python: 3.11
    commands:
      - pip install -r requirements.txt
  build:
    commands:
      - python manage.py test
)";

constexpr const char* image_spec = R"(version: 0.2
phases:
  pre_build:
    commands:
      - aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"
      - IMAGE="$REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION"
  build:
    commands:
      - docker build -t "$IMAGE" -t "$REPOSITORY_URI:latest" .
      - docker push "$IMAGE"
      - docker push "$REPOSITORY_URI:latest"
      - printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$IMAGE" > imagedefinitions.json
artifacts:
  files:
    - imagedefinitions.json
)";

constexpr const char* migrate_spec = R"(version: 0.2
phases:
  install:
    runtime-versions:
      python: 3.11
    commands:
      - pip install -r requirements.txt
  build:
    commands:
      - python manage.py migrate --noinput
)";

Value arn(std::string_view service, Value resource) {
  return Value("arn:") + Value::pseudo("AWS::Partition") + ":" + std::string(service) + ":" +
         Value::pseudo("AWS::Region") + ":" + Value::pseudo("AWS::AccountId") + ":" + resource;
}

CfnProject::EnvironmentVariableProperty plain(std::string name, Value value) {
  return {.name = std::move(name), .type = "PLAINTEXT", .value = std::move(value)};
}

struct ProjectSpec {
  std::string id;
  std::string description;
  const char* build_spec;
  bool docker = false;
  std::vector<CfnProject::EnvironmentVariableProperty> variables{};
  std::optional<CfnProject::VpcConfigProperty> vpc{};
};

}  // namespace

void add_pipeline(Stack& stack, const PipelineTargets& t) {
  const Settings& settings = t.settings;
  const std::string& env = settings.environment;
  const bool prod = env == "prod";
  auto& scope = stack.add<Construct>("Pipeline");

  auto& artifacts = scope.add<s3::Bucket>("Artifacts", {
      .lifecycle_rules = {{.expiration_days = 30, .noncurrent_version_expiration_days = 1,
                           .abort_incomplete_multipart_upload_after_days = 1}}});
  // Created PENDING: someone with access to the GitHub organisation approves it
  // once in the console (Developer Tools > Connections); CloudFormation cannot.
  auto& github = scope.add<codestarconnections::CfnConnection>(
      "GitHub", codestarconnections::CfnConnection::Props{.connection_name = "notejam-" + env + "-github",
                                                          .provider_type = "GitHub"});
  auto& build_logs = scope.add<logs::LogGroup>("BuildLogs", {
      .log_group_name = "/notejam/" + env + "/build",
      .retention = static_cast<logs::RetentionDays>(settings.sizing.log_retention_days)});

  // Migrations reach the database from the app subnets through their own group.
  auto& migrations = scope.add<ec2::SecurityGroup>(
      "MigrationSecurityGroup", {.vpc = t.vpc, .description = "Notejam database migrations (CodeBuild)"});
  t.database.connections().allow_default_port_from(migrations, "MySQL from the migration build");
  const auto app_subnets = t.vpc.select_subnets({.subnet_group_name = "app"});

  const Value password = arn("ssm", Value("parameter") + db_password_parameter(settings));
  const Value secret_key = arn("ssm", Value("parameter") + secret_key_parameter(settings));
  const std::vector<ProjectSpec> specs{
      {.id = "UnitTests", .description = "Notejam unit tests", .build_spec = test_spec},
      {.id = "Image", .description = "Builds the Notejam image and pushes it to ECR", .build_spec = image_spec,
       .docker = true,
       .variables = {plain("REPOSITORY_URI", t.images.repository_uri()), plain("CONTAINER_NAME", "notejam")}},
      {.id = "Migrate", .description = "Runs the Notejam database migrations", .build_spec = migrate_spec,
       .variables = {plain("NOTEJAM_ENV", env), plain("DB_HOST", t.db_host), plain("DB_NAME", "notejam"),
                     plain("DB_USER", "notejam"),
                     {.name = "DB_PASSWORD", .type = "PARAMETER_STORE", .value = db_password_parameter(settings)},
                     {.name = "SECRET_KEY", .type = "PARAMETER_STORE", .value = secret_key_parameter(settings)}},
       .vpc = CfnProject::VpcConfigProperty{.security_group_ids = Value(std::vector<Value>{migrations.security_group_id()}),
                                            .subnets = Value(app_subnets.subnet_id_values),
                                            .vpc_id = t.vpc.vpc_id()}},
  };

  std::vector<CfnProject*> projects;
  for (const auto& spec : specs) {
    auto& role = scope.add<iam::Role>(spec.id + "Role", {.assumed_by = iam::ServicePrincipal{"codebuild.amazonaws.com"}});
    build_logs.grant_write(role);
    artifacts.grant_read_write(role);
    if (spec.docker) t.images.grant_pull_push(role);
    if (spec.vpc) {
      role.add_to_policy({.actions = {"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                                      "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
                                      "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"},
                          .resources = {"*"}});
      role.add_to_policy({.actions = {"ec2:CreateNetworkInterfacePermission"},
                          .resources = {arn("ec2", "network-interface/*")},
                          .conditions = Value::map({{"StringEquals", Value::map({{"ec2:AuthorizedService",
                                                                                   "codebuild.amazonaws.com"}})}})});
      role.add_to_policy({.actions = {"ssm:GetParameters"}, .resources = {password, secret_key}});
    }
    CfnProject::Props p;
    p.artifacts = CfnProject::ArtifactsProperty{.type = "CODEPIPELINE"};
    p.description = spec.description;
    p.environment = CfnProject::EnvironmentProperty{
        .compute_type = "BUILD_GENERAL1_SMALL",
        .environment_variables = spec.variables,
        .image = "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
        .privileged_mode = spec.docker,
        .type = "LINUX_CONTAINER"};
    p.logs_config = CfnProject::LogsConfigProperty{
        .cloud_watch_logs = CfnProject::CloudWatchLogsConfigProperty{
            .group_name = build_logs.log_group_name(), .status = "ENABLED", .stream_name = spec.id}};
    p.service_role = role.role_arn();
    p.source = CfnProject::SourceProperty{.build_spec = spec.build_spec, .type = "CODEPIPELINE"};
    p.timeout_in_minutes = 30;
    p.vpc_config = spec.vpc;
    auto& project = scope.add<CfnProject>(spec.id, std::move(p));
    // The role's policy must exist before CodeBuild checks the project's access.
    if (auto* policy = role.default_policy()) project.node().add_dependency(*policy);
    projects.push_back(&project);
  }

  auto& role = scope.add<iam::Role>("Role", {.assumed_by = iam::ServicePrincipal{"codepipeline.amazonaws.com"}});
  artifacts.grant_read_write(role);
  role.add_to_policy({.actions = {"codestar-connections:UseConnection"}, .resources = {github.attr_connection_arn()}});
  std::vector<Value> project_arns;
  for (auto* p : projects) project_arns.push_back(p->attr_arn());
  role.add_to_policy({.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild"}, .resources = project_arns});
  // The ECS deploy action registers a new task definition revision (no
  // resource-level permission exists for that) and updates this service.
  role.add_to_policy({.actions = {"ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:DescribeTasks",
                                  "ecs:ListTasks", "ecs:TagResource"},
                      .resources = {"*"}});
  role.add_to_policy({.actions = {"ecs:DescribeServices", "ecs:UpdateService"}, .resources = {t.service.service_arn()}});
  if (prod) role.add_to_policy({.actions = {"sns:Publish"}, .resources = {t.notifications}});
  t.task.task_role().grant_pass_role(role);
  t.task.obtain_execution_role().grant_pass_role(role);

  using Action = CfnPipeline::ActionDeclarationProperty;
  using Type = CfnPipeline::ActionTypeIdProperty;
  auto build_action = [&](std::string name, CfnProject& project, std::string input,
                          std::vector<CfnPipeline::OutputArtifactProperty> outputs = {}) {
    return Action{.action_type_id = Type{.category = "Build", .owner = "AWS", .provider = "CodeBuild", .version = "1"},
                  .configuration = Value::map({{"ProjectName", project.ref()}}),
                  .input_artifacts = {{.name = std::move(input)}},
                  .name = std::move(name),
                  .output_artifacts = std::move(outputs)};
  };
  std::vector<CfnPipeline::StageDeclarationProperty> stages;
  stages.push_back({.actions = {Action{
                        .action_type_id = Type{.category = "Source", .owner = "AWS",
                                               .provider = "CodeStarSourceConnection", .version = "1"},
                        .configuration = Value::map({{"ConnectionArn", github.attr_connection_arn()},
                                                     {"FullRepositoryId", settings.repository},
                                                     {"BranchName", settings.branch},
                                                     {"OutputArtifactFormat", "CODE_ZIP"}}),
                        .name = "GitHub",
                        .output_artifacts = {{.name = "Source"}}}},
                    .name = "Source"});
  stages.push_back({.actions = {build_action("UnitTests", *projects[0], "Source")}, .name = "Test"});
  stages.push_back({.actions = {build_action("Image", *projects[1], "Source", {{.name = "Image"}})}, .name = "Build"});
  if (prod)
    stages.push_back({.actions = {Action{
                          .action_type_id = Type{.category = "Approval", .owner = "AWS", .provider = "Manual", .version = "1"},
                          .configuration = Value::map({{"NotificationArn", t.notifications},
                                                       {"CustomData", "Migrate and deploy to prod?"}}),
                          .name = "Release"}},
                      .name = "Approve"});
  stages.push_back({.actions = {build_action("Migrate", *projects[2], "Source")}, .name = "Migrate"});
  stages.push_back({.actions = {Action{
                        .action_type_id = Type{.category = "Deploy", .owner = "AWS", .provider = "ECS", .version = "1"},
                        .configuration = Value::map({{"ClusterName", t.cluster.cluster_name()},
                                                     {"ServiceName", t.service.service_name()},
                                                     {"FileName", "imagedefinitions.json"}}),
                        .input_artifacts = {{.name = "Image"}},
                        .name = "RollingUpdate"}},
                    .name = "Deploy"});

  CfnPipeline::Props pp;
  pp.artifact_store = CfnPipeline::ArtifactStoreProperty{.location = artifacts.bucket_name(), .type = "S3"};
  pp.execution_mode = "QUEUED";
  pp.name = "notejam-" + env;
  pp.pipeline_type = "V2";
  pp.role_arn = role.role_arn();
  pp.stages = std::move(stages);
  auto& pipeline = scope.add<CfnPipeline>("Resource", std::move(pp));
  if (auto* policy = role.default_policy()) pipeline.node().add_dependency(*policy);

  stack.add<CfnOutput>("GitHubConnection", {
      .value = github.attr_connection_arn(),
      .description = "approve this connection once in the console before the first run"});
}

}  // namespace notejam
