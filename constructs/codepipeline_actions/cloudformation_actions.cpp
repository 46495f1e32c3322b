#include <cdk/codepipeline_actions/cloudformation_actions.hpp>

#include <cdk/codebuild/detail/json_text.hpp>
#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/security.hpp>

#include <algorithm>
#include <cctype>

namespace cdk::codepipeline_actions {

namespace {

using codepipeline::ActionBindOptions;
using codepipeline::ActionConfig;
using codepipeline::Artifact;
using codepipeline::ArtifactPath;

const char* capability_name(CfnCapability c) {
  switch (c) {
    case CfnCapability::Iam: return "CAPABILITY_IAM";
    case CfnCapability::NamedIam: return "CAPABILITY_NAMED_IAM";
    case CfnCapability::AutoExpand: return "CAPABILITY_AUTO_EXPAND";
  }
  return "CAPABILITY_IAM";
}

void check_names(const std::string& path, const std::string& stack, const std::string* change_set,
                 const Artifact& output, const std::string& output_file) {
  const bool valid = !stack.empty() && stack.size() <= 128 && std::isalpha(static_cast<unsigned char>(stack.front())) &&
                     std::all_of(stack.begin(), stack.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
  if (!valid)
    throw Error(path, "stack name \"" + stack + "\" must be 1-128 letters, digits and '-', starting with a letter", "set .stack_name");
  if (change_set != nullptr && (change_set->empty() || change_set->size() > 128))
    throw Error(path, "change set name \"" + *change_set + "\" must be 1-128 characters", "set .change_set_name");
  if (output.empty() != output_file.empty())
    throw Error(path, "output and output_file_name go together", "set both (the stack's outputs go to that file), or neither");
}

Value stack_arn(const codepipeline::ActionBindOptions& o, const std::string& stack) {
  return Value("arn:") + Aws::partition() + Value(":cloudformation:") + o.store.region_value() + Value(":") + Aws::account_id() +
         Value(":stack/" + stack + "/*");
}

// The pipeline's role on the stack (every statement on it allows DescribeStacks).
void explain_stack_id(iam::Role& role) {
  security::explain_wildcard_resources(role, {"cloudformation:DescribeStacks"},
                                       "a stack's ARN ends in an id CloudFormation makes when it creates the stack: "
                                       "the grant names the stack and leaves that id open");
}

Value change_set_condition(const std::string& change_set) {
  return Value::map({{"StringEqualsIfExists", Value::map({{"cloudformation:ChangeSetName", change_set}})}});
}

// The deployment role (given, or "Role" in the action's scope) and what every
// deploying action grants around it.
iam::IRole& bind_deployment(const ActionBindOptions& o, const Ptr<iam::IRole>& given, bool admin, bool has_output) {
  iam::IRole* role = given.get();
  if (role == nullptr) {
    auto& made = o.scope.add<iam::Role>("Role", {.assumed_by = iam::ServicePrincipal{"cloudformation.amazonaws.com"},
                                                 .allow_full_access = admin});
    if (admin) made.add_to_policy({.actions = {"*"}, .resources = {"*"}});
    role = &made;
  } else if (admin) {
    throw Error(o.scope.node().path(), "admin_permissions applies to the deployment role the action makes, and one is given",
                "grant the given role what the stack needs");
  }
  codepipeline::grant_artifacts_read(o.store, *role);
  if (has_output) codepipeline::grant_artifacts_read_write(o.store, o.role);
  else codepipeline::grant_artifacts_read(o.store, o.role);
  o.role.add_to_policy({.actions = {"iam:PassRole"}, .resources = {role->role_arn()}});
  return *role;
}

struct DeployFields {
  const ArtifactPath& template_path;
  const std::vector<CfnCapability>& capabilities;
  bool admin;
  const std::map<std::string, Value>& parameter_overrides;
  const std::optional<ArtifactPath>& template_configuration;
  const std::vector<Artifact>& extra_inputs;
};

void add_deploy_config(const std::string& path, Value::Map& config, std::vector<Artifact>& inputs, const DeployFields& f,
                       const iam::IRole& role) {
  if (f.template_path.artifact_name.empty() || f.template_path.file_name.empty())
    throw Error(path, "the action has no template_path", "set .template_path = artifact.at_path(\"<Stack>.template.json\")");
  auto add_input = [&](const std::string& name) {
    if (std::none_of(inputs.begin(), inputs.end(), [&](const Artifact& a) { return a.name() == name; })) inputs.emplace_back(name);
  };
  add_input(f.template_path.artifact_name);
  config.emplace_back("TemplatePath", f.template_path.location());
  config.emplace_back("RoleArn", role.role_arn());
  std::vector<std::string> caps;
  for (auto c : f.capabilities) caps.emplace_back(capability_name(c));
  if (caps.empty() && f.admin) caps.emplace_back(capability_name(CfnCapability::NamedIam));
  std::string joined;
  for (const auto& c : caps) joined += (joined.empty() ? "" : ",") + c;
  if (!joined.empty()) config.emplace_back("Capabilities", joined);
  if (!f.parameter_overrides.empty())
    config.emplace_back("ParameterOverrides", codebuild::detail::json_text(Value(f.parameter_overrides), 0));
  if (f.template_configuration) {
    add_input(f.template_configuration->artifact_name);
    config.emplace_back("TemplateConfiguration", f.template_configuration->location());
  }
  for (const auto& a : f.extra_inputs) add_input(a.name());
}

ActionConfig deploy_action(Value::Map config, std::vector<Artifact> inputs, const Artifact& output, const std::string& output_file) {
  if (!output.empty()) config.emplace_back("OutputFileName", output_file);
  ActionConfig out{.category = codepipeline::ActionCategory::Deploy, .provider = "CloudFormation", .inputs = std::move(inputs)};
  if (!output.empty()) out.outputs = {output};
  out.configuration = Value(std::move(config));
  return out;
}

}  // namespace

ActionConfig CloudFormationCreateUpdateStackAction::bind(const ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  check_names(path, stack_name, nullptr, output, output_file_name);
  auto& role = bind_deployment(o, deployment_role, admin_permissions, !output.empty());
  std::vector<std::string> actions = {"cloudformation:CreateStack", "cloudformation:DescribeStackEvents",
                                      "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources",
                                      "cloudformation:DescribeStacks", "cloudformation:GetStackPolicy",
                                      "cloudformation:GetTemplate", "cloudformation:GetTemplateSummary",
                                      "cloudformation:SetStackPolicy", "cloudformation:UpdateStack",
                                      "cloudformation:ValidateTemplate"};
  if (replace_on_failure) actions.insert(actions.begin() + 1, "cloudformation:DeleteStack");
  o.role.add_to_policy({.actions = std::move(actions), .resources = {stack_arn(o, stack_name)}});
  explain_stack_id(o.role);
  Value::Map config = {{"ActionMode", replace_on_failure ? "REPLACE_ON_FAILURE" : "CREATE_UPDATE"}, {"StackName", stack_name}};
  std::vector<Artifact> inputs;
  add_deploy_config(path, config, inputs, {template_path, capabilities, admin_permissions, parameter_overrides,
                                           template_configuration, extra_inputs}, role);
  return deploy_action(std::move(config), std::move(inputs), output, output_file_name);
}

ActionConfig CloudFormationCreateReplaceChangeSetAction::bind(const ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  check_names(path, stack_name, &change_set_name, output, output_file_name);
  auto& role = bind_deployment(o, deployment_role, admin_permissions, !output.empty());
  o.role.add_to_policy({.actions = {"cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet",
                                    "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks"},
                        .resources = {stack_arn(o, stack_name)}, .conditions = change_set_condition(change_set_name)});
  explain_stack_id(o.role);
  Value::Map config = {{"ActionMode", "CHANGE_SET_REPLACE"}, {"StackName", stack_name}, {"ChangeSetName", change_set_name}};
  std::vector<Artifact> inputs;
  add_deploy_config(path, config, inputs, {template_path, capabilities, admin_permissions, parameter_overrides,
                                           template_configuration, extra_inputs}, role);
  return deploy_action(std::move(config), std::move(inputs), output, output_file_name);
}

ActionConfig CloudFormationExecuteChangeSetAction::bind(const ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  check_names(path, stack_name, &change_set_name, output, output_file_name);
  if (output.empty()) codepipeline::grant_artifacts_read(o.store, o.role);
  else codepipeline::grant_artifacts_read_write(o.store, o.role);
  o.role.add_to_policy({.actions = {"cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks",
                                    "cloudformation:ExecuteChangeSet"},
                        .resources = {stack_arn(o, stack_name)}, .conditions = change_set_condition(change_set_name)});
  explain_stack_id(o.role);
  Value::Map config = {{"ActionMode", "CHANGE_SET_EXECUTE"}, {"StackName", stack_name}, {"ChangeSetName", change_set_name}};
  return deploy_action(std::move(config), {}, output, output_file_name);
}

}  // namespace cdk::codepipeline_actions
