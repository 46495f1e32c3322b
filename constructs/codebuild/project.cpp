#include <cdk/codebuild/project.hpp>

#include <cdk/codebuild/cfn_project.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/kms_actions.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/names.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/security.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace cdk::codebuild {

namespace {

// CodeBuild's limits: https://docs.aws.amazon.com/codebuild/latest/userguide/limits.html
void check_range(const std::string& path, const char* field, const std::optional<std::int64_t>& value,
                 std::int64_t low, std::int64_t high) {
  if (!value || (*value >= low && *value <= high)) return;
  throw Error(path, std::string(field) + " " + std::to_string(*value) + " is outside CodeBuild's range " +
                        std::to_string(low) + "-" + std::to_string(high),
              std::string("set .") + field + " within " + std::to_string(low) + "-" + std::to_string(high) +
                  ", or leave it unset for CodeBuild's default");
}

void check_name(const std::string& path, const ProjectProps& p) {
  const auto& n = p.project_name;
  const bool bad = std::any_of(n.begin(), n.end(), [](char c) {
    return !(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  });
  if (!n.empty() && (n.size() < 2 || n.size() > 150 || bad || !std::isalnum(static_cast<unsigned char>(n.front()))))
    throw Error(path, "project name \"" + n + "\" must be 2-150 letters, digits, '-' and '_', starting with a letter or digit",
                "use such a name, or leave it unset for a generated one");
  if (p.description.size() > 255) throw Error(path, "description is longer than 255 characters", "use a shorter description");
}

void check_network(const std::string& path, const ProjectProps& p) {
  if (!p.vpc) {
    const auto& s = p.subnet_selection;
    const bool picked = s.subnet_type || !s.subnet_group_name.empty() || !s.availability_zones.empty() || !s.subnets.empty();
    if (picked || !p.security_groups.empty())
      throw Error(path, "subnet_selection or security_groups are set but the project has no vpc", "set .vpc = vpc");
    return;
  }
  if (!p.security_groups.empty() && !p.allow_all_outbound)
    throw Error(path, "allow_all_outbound applies to the security group the project makes, and security_groups are given",
                "configure outbound rules on the given security groups");
  for (const auto& g : p.security_groups)
    if (!g) throw Error(path, "security_groups holds a null group", "pass security groups of the project's VPC");
  if (p.vpc->select_subnets(p.subnet_selection).has_public)
    throw Error(path, "the project is placed in public subnets, where CodeBuild gives builds no public address",
                "use private subnets with a NAT gateway (the default selection)");
}

void check_inputs(const std::string& path, const ProjectProps& p, const Source& source, const Artifacts& artifacts) {
  if (source.kind() == Source::Kind::None && !p.build_spec.is_immediate())
    throw Error(path, "a project without a source needs its buildspec in the template",
                "set .build_spec = cdk::codebuild::BuildSpec::from_object({...}), or give it a source");
  p.build_spec.check(path);
  if ((source.kind() == Source::Kind::CodePipeline) != (artifacts.kind() == Artifacts::Kind::CodePipeline))
    throw Error(path, "a CodePipeline source needs CodePipeline artifacts, and the other way round",
                "use a PipelineProject for a pipeline's builds");
  if (p.badge && !source.supports_badge())
    throw Error(path, "build badges are not available for " + source.type_name() + " sources", "drop .badge");
  if (source.kind() == Source::Kind::S3 && (!source.s3_props().bucket || source.s3_props().path.empty()))
    throw Error(path, "Source::s3 needs a bucket and a path", "set .bucket and .path of the source");
  if (source.kind() == Source::Kind::GitHub && (source.git_hub_props().owner.empty() || source.git_hub_props().repo.empty()))
    throw Error(path, "Source::git_hub needs an owner and a repo", "set .owner and .repo");
  if (artifacts.kind() == Artifacts::Kind::S3 && (!artifacts.s3_props().bucket || artifacts.s3_props().name.empty()))
    throw Error(path, "Artifacts::s3 needs a bucket and a name", "set .bucket and .name of the artifacts");
  if (p.cache.kind() == Cache::Kind::Local && p.cache.modes().empty())
    throw Error(path, "Cache::local has no mode", "pass LocalCacheMode::Source, DockerLayer or Custom");
  if (!p.log_group && !p.log_stream_prefix.empty())
    throw Error(path, "log_stream_prefix is set without a log_group", "set .log_group, or drop the prefix");
}

Value arn(std::string_view service, const Value& resource) {
  return Value("arn:") + Aws::partition() + Value(":" + std::string(service) + ":") + Aws::region() + Value(":") +
         Aws::account_id() + Value(":") + resource;
}

CfnProject::SourceProperty render_source(const Source& source, const BuildSpec& spec) {
  CfnProject::SourceProperty out;
  out.type = source.type_name();
  if (const auto text = spec.render(); !text.is_null()) out.build_spec = text;
  if (source.kind() == Source::Kind::S3)
    out.location = source.s3_props().bucket->bucket_name() + Value("/" + source.s3_props().path);
  if (source.kind() == Source::Kind::GitHub) {
    const auto& g = source.git_hub_props();
    out.location = "https://github.com/" + g.owner + "/" + g.repo + ".git";
    out.report_build_status = g.report_build_status;
    if (g.clone_depth) out.git_clone_depth = *g.clone_depth;
    if (g.fetch_submodules) out.git_submodules_config = CfnProject::GitSubmodulesConfigProperty{.fetch_submodules = true};
  }
  return out;
}

CfnProject::ArtifactsProperty render_artifacts(const Artifacts& artifacts) {
  CfnProject::ArtifactsProperty out;
  switch (artifacts.kind()) {
    case Artifacts::Kind::None: out.type = "NO_ARTIFACTS"; break;
    case Artifacts::Kind::CodePipeline: out.type = "CODEPIPELINE"; break;
    case Artifacts::Kind::S3: {
      const auto& a = artifacts.s3_props();
      out.type = "S3";
      out.location = a.bucket->bucket_name();
      if (!a.path.empty()) out.path = a.path;
      out.name = a.name;
      out.namespace_type = a.include_build_id ? "BUILD_ID" : "NONE";
      out.packaging = a.package_zip ? "ZIP" : "NONE";
      if (!a.encryption) out.encryption_disabled = true;
      break;
    }
  }
  return out;
}

std::optional<CfnProject::ProjectCacheProperty> render_cache(const Cache& cache) {
  if (cache.kind() == Cache::Kind::None) return std::nullopt;
  CfnProject::ProjectCacheProperty out;
  if (cache.kind() == Cache::Kind::Bucket) {
    out.type = "S3";
    out.location = cache.prefix().empty() ? cache.cache_bucket()->bucket_name()
                                          : Fn::join("/", {cache.cache_bucket()->bucket_name(), cache.prefix()});
    return out;
  }
  out.type = "LOCAL";
  std::vector<std::string> modes;
  for (auto m : cache.modes()) modes.emplace_back(local_cache_mode_name(m));
  out.modes = modes;
  return out;
}

CfnProject::EnvironmentProperty render_environment(const ProjectProps& p) {
  CfnProject::EnvironmentProperty out;
  out.type = std::string(environment_type_name(p.build_image.type()));
  out.image = p.build_image.image_id();
  out.image_pull_credentials_type = std::string(p.build_image.image_pull_credentials_type());
  out.privileged_mode = p.privileged;
  out.compute_type = std::string(compute_type_name(p.compute_type.value_or(p.build_image.default_compute_type())));
  for (const auto& [name, variable] : p.environment_variables)
    out.environment_variables.push_back({.name = name,
                                         .type = std::string(build_environment_variable_type_name(variable.type)),
                                         .value = variable.value});
  return out;
}

}  // namespace

Project::Project(Construct& scope, std::string_view id, const ProjectProps& props)
    : Project(scope, id, props, props.source, props.artifacts) {}

Project::Project(Construct& scope, std::string_view id, ProjectProps props, Source source, Artifacts artifacts)
    : Construct(scope, id), source_(std::move(source)), privileged_(props.privileged) {
  check_inputs(node().path(), props, source_, artifacts);
  check(props);
  make_role(props);
  grant_inputs(props, artifacts);
  if (props.vpc) make_security_groups(props);
  make_project(props, artifacts);
  if (props.vpc) add_vpc_permissions(props);
  add_default_permissions(props);
}

Project::~Project() = default;

void Project::check(const ProjectProps& p) const {
  const auto path = node().path();
  check_name(path, p);
  check_range(path, "timeout_minutes", p.timeout_minutes, 5, 2160);
  check_range(path, "queued_timeout_minutes", p.queued_timeout_minutes, 5, 480);
  if (p.concurrent_build_limit && *p.concurrent_build_limit < 1)
    throw Error(path, "concurrent_build_limit " + std::to_string(*p.concurrent_build_limit) + " is below 1",
                "set 1 or more, or leave it unset for the account's limit");
  check_environment_variables(path, p.environment_variables);
  for (const auto& [name, variable] : p.environment_variables)
    if (name.starts_with("CODEBUILD_"))
      throw Error(path, "environment variable \"" + name + "\" uses the prefix CODEBUILD_, which CodeBuild reserves",
                  "rename the variable");
  check_network(path, p);
}

void Project::make_role(const ProjectProps& p) {
  if (p.role) {
    role_ = p.role.get();
    return;
  }
  role_ = &add<iam::Role>("Role", {.assumed_by = iam::ServicePrincipal{"codebuild.amazonaws.com"}});
}

// What the AWS CDK grants while binding the source, artifacts, cache and environment, in its order.
void Project::grant_inputs(const ProjectProps& p, const Artifacts& artifacts) {
  if (source_.kind() == Source::Kind::S3) source_.s3_props().bucket->grant_read(*this, source_.s3_props().path);
  if (artifacts.kind() == Artifacts::Kind::S3) artifacts.s3_props().bucket->grant_read_write(*this);
  if (auto* bucket = p.cache.cache_bucket()) bucket->grant_read_write(*this);
  if (auto* repository = p.build_image.repository()) repository->grant_pull(*this);
  grant_environment_variables_read(*this, p.environment_variables);
  if (!p.encryption_key_arn.is_null())
    iam::Grant::add_to_principal({.grantee = *this,
                                  .actions = iam::kms_actions::encrypt_decrypt(),
                                  .resource_arns = {p.encryption_key_arn}});
  if (p.log_group) p.log_group->grant_write(*this);
}

void Project::make_security_groups(const ProjectProps& p) {
  for (const auto& g : p.security_groups) security_groups_.push_back(g.get());
  if (security_groups_.empty())
    security_groups_.push_back(&add<ec2::SecurityGroup>("SecurityGroup", {
        .vpc = p.vpc, .description = "Automatic generated security group for CodeBuild " + Names::unique_id(*this),
        .allow_all_outbound = p.allow_all_outbound}));
  connections_ = std::make_unique<ec2::Connections>();
  for (auto* g : security_groups_) connections_->add_security_group(*g);
}

void Project::make_project(const ProjectProps& p, const Artifacts& artifacts) {
  CfnProject::Props l1;
  l1.source = render_source(source_, p.build_spec);
  if (source_.kind() == Source::Kind::S3 && !source_.s3_props().version.empty()) l1.source_version = source_.s3_props().version;
  if (source_.kind() == Source::Kind::GitHub) {
    const auto& g = source_.git_hub_props();
    if (!g.branch_or_ref.empty()) l1.source_version = g.branch_or_ref;
    if (g.webhook) l1.triggers = CfnProject::ProjectTriggersProperty{.webhook = true};
  }
  l1.artifacts = render_artifacts(artifacts);
  l1.environment = render_environment(p);
  l1.service_role = role_->role_arn();
  l1.cache = render_cache(p.cache);
  if (!p.project_name.empty()) l1.name = p.project_name;
  if (!p.description.empty()) l1.description = p.description;
  if (p.timeout_minutes) l1.timeout_in_minutes = *p.timeout_minutes;
  if (p.queued_timeout_minutes) l1.queued_timeout_in_minutes = *p.queued_timeout_minutes;
  if (p.concurrent_build_limit) l1.concurrent_build_limit = *p.concurrent_build_limit;
  if (p.badge) l1.badge_enabled = true;
  if (!p.encryption_key_arn.is_null()) l1.encryption_key = p.encryption_key_arn;
  if (connections_) {
    std::vector<Value> group_ids;
    for (auto* g : security_groups_) group_ids.push_back(g->security_group_id());
    l1.vpc_config = CfnProject::VpcConfigProperty{.security_group_ids = Value(group_ids),
                                                  .subnets = p.vpc->select_subnets(p.subnet_selection).subnet_ids(),
                                                  .vpc_id = p.vpc->vpc_id()};
  }
  if (p.log_group) {
    CfnProject::CloudWatchLogsConfigProperty logs{.group_name = p.log_group->log_group_name(), .status = "ENABLED"};
    if (!p.log_stream_prefix.empty()) logs.stream_name = p.log_stream_prefix;
    l1.logs_config = CfnProject::LogsConfigProperty{.cloud_watch_logs = std::move(logs)};
  }
  resource_ = &add<CfnProject>("Resource", std::move(l1));
}

// CodeBuild makes network interfaces in the subnets as the role; the AWS CDK
// puts the describe/create/delete actions (which take no resource) in a policy
// of their own that the project waits for, as creating it checks them.
void Project::add_vpc_permissions(const ProjectProps& p) {
  std::vector<Value> subnet_arns;
  for (const auto& id : p.vpc->select_subnets(p.subnet_selection).subnet_id_values) subnet_arns.push_back(arn("ec2", Value("subnet/") + id));
  add_to_role_policy({.actions = {"ec2:CreateNetworkInterfacePermission"},
                      .resources = {arn("ec2", Value("network-interface/*"))},
                      .conditions = Value::map({{"StringEquals", Value::map({{"ec2:Subnet", Value(subnet_arns)},
                                                                              {"ec2:AuthorizedService", "codebuild.amazonaws.com"}})}})});
  auto& policy = add<iam::Policy>("PolicyDocument", {.statements = {{
      .actions = {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                  "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions", "ec2:DescribeVpcs"},
      .resources = {"*"}}}});
  policy.attach_to_role(*role_);
  resource_->node().add_dependency(policy);
  iam::Grant::explain_wildcard_resources(*role_, {"ec2:CreateNetworkInterfacePermission"},
                                         "CodeBuild makes a network interface per build; the condition keeps them to the project's subnets");
  security::explain_wildcard_resources(policy, {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces"},
                                       "the EC2 describe actions, and the network interface CodeBuild makes per build, take no resource");
}

void Project::add_default_permissions(const ProjectProps& p) {
  const auto group = arn("logs", Value("log-group:/aws/codebuild/") + project_name());
  add_to_role_policy({.actions = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
                      .resources = {group, group + Value(":*")}});
  iam::Grant::explain_wildcard_resources(*role_, {"logs:CreateLogStream"},
                                         "CodeBuild names a log stream per build, in the project's own log group");
  if (p.grant_report_group_permissions)
    add_to_role_policy({.actions = {"codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport",
                                    "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"},
                        .resources = {arn("codebuild", Value("report-group/") + project_name() + Value("-*"))}});
  iam::Grant::explain_wildcard_resources(*role_, {"codebuild:CreateReportGroup"},
                                         "the buildspec names the report groups; CodeBuild prefixes them with the project's name");
}

Value Project::project_name() const { return resource_->ref(); }
Value Project::project_arn() const { return resource_->attr_arn(); }

ec2::Connections& Project::connections() {
  if (!connections_)
    throw Error(node().path(), "only a project in a VPC has security groups to connect", "create the project with .vpc = vpc");
  return *connections_;
}

void Project::add_to_principal_policy(const iam::PolicyStatement& statement) { role_->add_to_principal_policy(statement); }

void Project::grant_start_build(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"},
                                .resource_arns = {project_arn()}});
}

// The AWS CDK's onStateChange pattern: https://docs.aws.amazon.com/codebuild/latest/userguide/sample-build-notifications.html
events::Rule& Project::on_build_status(std::string_view id, const char* status) {
  return add<events::Rule>(id, {.event_pattern = {
      .source = {"aws.codebuild"}, .detail_type = {"CodeBuild Build State Change"},
      .detail = Value::map({{"project-name", Value::list({project_name()})}, {"build-status", Value::list({status})}})}});
}
events::Rule& Project::on_build_failed(std::string_view id) { return on_build_status(id, "FAILED"); }
events::Rule& Project::on_build_succeeded(std::string_view id) { return on_build_status(id, "SUCCEEDED"); }

PipelineProject::PipelineProject(Construct& scope, std::string_view id, const ProjectProps& props)
    : Project(scope, id,
              [&]() -> ProjectProps {
                if (props.source.kind() != Source::Kind::None || props.artifacts.kind() != Artifacts::Kind::None)
                  throw Error(scope.node().path() + "/" + std::string(id),
                              "a PipelineProject's source and artifacts are its pipeline action's",
                              "drop .source and .artifacts, or use a Project");
                return props;
              }(),
              Source::code_pipeline(), Artifacts::code_pipeline()) {}

}  // namespace cdk::codebuild
