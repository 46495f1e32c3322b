#include <cdk/codedeploy/server_deployment_group.hpp>

#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/stack.hpp>

namespace cdk::codedeploy {

LoadBalancer LoadBalancer::target_group(elbv2::TargetGroup& group) { return {group.target_group_name(), &group}; }

namespace {

constexpr std::size_t max_tag_groups = 3;

// One tag group as CloudFormation's filter list (EC2TagFilter and TagFilter have the same fields).
template <class Filter>
std::vector<Filter> tag_filters(const std::string& path, const InstanceTagGroup& group) {
  std::vector<Filter> out;
  for (const auto& [key, values] : group) {
    if (key.empty() && values.empty())
      throw Error(path, "an instance tag filter has neither a key nor values", "give a key, values, or both");
    if (values.empty()) out.push_back({.key = key, .type = "KEY_ONLY"});
    for (const auto& value : values) {
      if (key.empty()) out.push_back({.type = "VALUE_ONLY", .value = value});
      else out.push_back({.key = key, .type = "KEY_AND_VALUE", .value = value});
    }
  }
  return out;
}

// Where the agent's installers are: the region's public aws-codedeploy bucket, over HTTPS.
Value agent_url(const Value& region, const char* file) {
  return "https://aws-codedeploy-" + region + ".s3." + region + "." + Aws::url_suffix() + "/latest/" + file;
}

std::vector<Value> linux_agent_commands(const Value& region) {
  return {"# CodeDeploy agent (needs Ruby)",
          "if command -v yum >/dev/null 2>&1; then yum install -y ruby; "
          "else apt-get update -y && apt-get install -y ruby-full curl; fi",
          "CODEDEPLOY_TMP=$(mktemp -d)",
          "curl -fsSL --retry 5 -o $CODEDEPLOY_TMP/install " + agent_url(region, "install"),
          "chmod +x $CODEDEPLOY_TMP/install && $CODEDEPLOY_TMP/install auto",
          "rm -rf $CODEDEPLOY_TMP"};
}

std::vector<Value> windows_agent_commands(const Value& region) {
  return {"# CodeDeploy agent",
          "$codedeployMsi = Join-Path $env:TEMP 'codedeploy-agent.msi'",
          "Invoke-WebRequest -UseBasicParsing -Uri " + agent_url(region, "codedeploy-agent.msi") + " -OutFile $codedeployMsi",
          "Start-Process msiexec.exe -Wait -ArgumentList '/i', $codedeployMsi, '/quiet', '/l', "
          "(Join-Path $env:TEMP 'codedeploy-agent-install.log')"};
}

}  // namespace

ServerDeploymentGroup::ServerDeploymentGroup(Construct& scope, std::string_view id, const ServerDeploymentGroupProps& props)
    : BaseDeploymentGroup(scope, id, ComputePlatform::Server, props.deployment_group_name),
      install_agent_(props.install_agent) {
  check(props);
  use_config(props.deployment_config);
  make_role(props.role, "Role", "service-role/AWSCodeDeployRole");
  set_application(props.application ? static_cast<BaseApplication&>(*props.application)
                                    : add<ServerApplication>("Application"));
  finish(make_group(props), {.alarms = std::move(props.alarms),
                 .ignore_poll_alarms_failure = props.ignore_poll_alarms_failure,
                 .ignore_alarm_configuration = props.ignore_alarm_configuration,
                 .auto_rollback = props.auto_rollback,
                 .triggers = std::move(props.triggers)});
  for (auto& group : props.auto_scaling_groups) add_auto_scaling_group(*group);
}

void ServerDeploymentGroup::check(const ServerDeploymentGroupProps& props) const {
  const auto path = node().path();
  for (const auto& group : props.auto_scaling_groups)
    if (!group) throw Error(path, "an Auto Scaling group of the deployment group is null", "pass groups made in the app");
  for (const auto* tags : {&props.ec2_instance_tags, &props.on_premise_instance_tags})
    if (tags->size() > max_tag_groups)
      throw Error(path, "an instance tag set takes at most 3 tag groups, not " + std::to_string(tags->size()),
                  "merge tag groups (values of one group are alternatives)");
}

CfnDeploymentGroup& ServerDeploymentGroup::make_group(const ServerDeploymentGroupProps& props) {
  const auto path = node().path();
  CfnDeploymentGroup::Props l1;
  l1.application_name = application().application_name();
  if (!props.deployment_group_name.empty()) l1.deployment_group_name = props.deployment_group_name;
  l1.service_role_arn = role().role_arn();
  if (const auto* config = deployment_config()) l1.deployment_config_name = config->deployment_config_name();
  if (!props.load_balancers.empty()) {
    CfnDeploymentGroup::LoadBalancerInfoProperty info;
    for (const auto& lb : props.load_balancers) {
      if (lb.is_classic()) info.elb_info_list.push_back({.name = lb.name()});
      else info.target_group_info_list.push_back({.name = lb.name()});
    }
    l1.load_balancer_info = std::move(info);
    l1.deployment_style = CfnDeploymentGroup::DeploymentStyleProperty{.deployment_option = "WITH_TRAFFIC_CONTROL"};
  }
  if (!props.ec2_instance_tags.empty()) {
    auto& set = l1.ec2_tag_set.emplace();
    for (const auto& group : props.ec2_instance_tags)
      set.ec2_tag_set_list.push_back({.ec2_tag_group = tag_filters<CfnDeploymentGroup::EC2TagFilterProperty>(path, group)});
  }
  if (!props.on_premise_instance_tags.empty()) {
    auto& set = l1.on_premises_tag_set.emplace();
    for (const auto& group : props.on_premise_instance_tags)
      set.on_premises_tag_set_list.push_back(
          {.on_premises_tag_group = tag_filters<CfnDeploymentGroup::TagFilterProperty>(path, group)});
  }
  if (props.termination_hook) l1.termination_hook_enabled = true;
  if (const auto& r = props.initial_revision) {
    if (r->bucket.is_null() || r->key.is_null())
      throw Error(path, "the initial revision names no bucket or no key", "set .bucket and .key (e.g. of an s3_assets::Asset)");
    if (r->bundle_type != "zip" && r->bundle_type != "tar" && r->bundle_type != "tgz")
      throw Error(path, "bundle type \"" + r->bundle_type + "\" is not one CodeDeploy reads", "use zip, tar or tgz");
    CfnDeploymentGroup::DeploymentProperty deployment;
    if (!r->description.empty()) deployment.description = r->description;
    deployment.revision = CfnDeploymentGroup::RevisionLocationProperty{
        .revision_type = "S3",
        .s3_location = CfnDeploymentGroup::S3LocationProperty{.bucket = r->bucket, .bundle_type = r->bundle_type, .key = r->key}};
    l1.deployment = std::move(deployment);
  }
  return add<CfnDeploymentGroup>("Resource", std::move(l1));
}

void ServerDeploymentGroup::add_auto_scaling_group(autoscaling::AutoScalingGroup& group) {
  for (auto* known : auto_scaling_groups_)
    if (known == &group) return;
  auto_scaling_groups_.push_back(&group);
  std::vector<Value> names;
  for (auto* g : auto_scaling_groups_) names.push_back(g->auto_scaling_group_name());
  cfn().props().auto_scaling_groups = Value(names);
  if (install_agent_) install_agent(group);
}

void ServerDeploymentGroup::install_agent(autoscaling::AutoScalingGroup& group) const {
  const Value region = Stack::of(group).region();
  group.add_user_data(group.os_type() == ec2::OperatingSystemType::Windows ? windows_agent_commands(region)
                                                                            : linux_agent_commands(region));
}

}  // namespace cdk::codedeploy
