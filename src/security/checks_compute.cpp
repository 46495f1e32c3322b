// Checks for EC2 instances, security groups, Auto Scaling, ECS, ECR, Lambda,
// CodeBuild and IAM that answer cdk-nag's AwsSolutions rules on those types
// (the id of each is beside its rule in other_tools.cpp), under the same
// conditions. A value that is not a literal is given the benefit of the doubt.
#include "security/findings.hpp"
#include "security/other_tools.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>

namespace cdk::detail::security {

namespace {

// --- SG-NO-DESCRIPTION ---------------------------------------------------------
void security_group_descriptions(Findings& out) {
  for (const ResourceView* sg : out.of_type("AWS::EC2::SecurityGroup")) {
    const Json& p = *sg->properties;
    if (!Findings::has(p, "GroupDescription")) {
      out.add(sg->id, "SG-NO-DESCRIPTION", "GroupDescription is not set");
      continue;
    }
    const auto text = out.view.string_at(p, "GroupDescription");
    if (text && text->size() < 2) out.add(sg->id, "SG-NO-DESCRIPTION", fmt::format("GroupDescription is \"{}\"", *text));
  }
}

// --- EC2-NO-DETAILED-MONITORING, EC2-NO-TERMINATION-PROTECTION --------------------
// Instances in an Auto Scaling group come from launch templates or launch
// configurations; termination protection is asked of stand-alone instances only.
void instances(Findings& out) {
  for (const ResourceView* i : out.of_type("AWS::EC2::Instance")) {
    const Json& p = *i->properties;
    if (!Findings::has(p, "Monitoring") || out.view.bool_at(p, "Monitoring") == false)
      out.add(i->id, "EC2-NO-DETAILED-MONITORING", "Monitoring is not true: metrics come every 5 minutes");
    if (!Findings::has(p, "DisableApiTermination") || out.view.bool_at(p, "DisableApiTermination") == false)
      out.add(i->id, "EC2-NO-TERMINATION-PROTECTION", "DisableApiTermination is not true");
  }
  for (const ResourceView* lc : out.of_type("AWS::AutoScaling::LaunchConfiguration"))
    if (out.view.bool_at(*lc->properties, "InstanceMonitoring") == false)
      out.add(lc->id, "EC2-NO-DETAILED-MONITORING", "InstanceMonitoring is false");
}

// --- ASG-NO-COOLDOWN, ASG-ELB-NO-GRACE-PERIOD, ASG-NO-NOTIFICATIONS ---------------
constexpr std::array kScalingEvents{"autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
                                    "autoscaling:EC2_INSTANCE_TERMINATE", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR"};

void auto_scaling_groups(Findings& out) {
  for (const ResourceView* asg : out.of_type("AWS::AutoScaling::AutoScalingGroup")) {
    const Json& p = *asg->properties;
    if (out.view.number_at(p, "Cooldown") == 0.0) out.add(asg->id, "ASG-NO-COOLDOWN", "Cooldown is 0");
    if (out.view.string_at(p, "HealthCheckType") == "ELB" && !Findings::has(p, "HealthCheckGracePeriod"))
      out.add(asg->id, "ASG-ELB-NO-GRACE-PERIOD", "HealthCheckType is ELB and HealthCheckGracePeriod is not set");
    std::set<std::string> notified;
    for (const Json* config : out.view.items_at(p, "NotificationConfigurations"))
      for (const Json* type : out.view.items_at(*config, "NotificationTypes"))
        if (type->is_string()) notified.insert(type->get<std::string>());
    std::vector<std::string_view> missing;
    for (std::string_view event : kScalingEvents)
      if (!notified.contains(std::string(event))) missing.push_back(event);
    if (!Findings::has(p, "NotificationConfigurations"))
      out.add(asg->id, "ASG-NO-NOTIFICATIONS", "NotificationConfigurations is not set");
    else if (!missing.empty())
      out.add(asg->id, "ASG-NO-NOTIFICATIONS", fmt::format("no notification for {}", fmt::join(missing, ", ")));
  }
}

// --- ECS-ENVIRONMENT-VARIABLES, ECS-NO-CONTAINER-INSIGHTS --------------------------
void ecs(Findings& out) {
  for (const ResourceView* td : out.of_type("AWS::ECS::TaskDefinition")) {
    std::vector<std::string> containers;
    for (const Json* c : out.view.items_at(*td->properties, "ContainerDefinitions"))
      if (Findings::has(*c, "Environment")) containers.push_back(out.view.string_at(*c, "Name").value_or("?"));
    if (!containers.empty())
      out.add(td->id, "ECS-ENVIRONMENT-VARIABLES",
              fmt::format("container{} {} set{} Environment", containers.size() == 1 ? "" : "s", fmt::join(containers, ", "),
                          containers.size() == 1 ? "s" : ""));
  }
  for (const ResourceView* cluster : out.of_type("AWS::ECS::Cluster")) {
    const auto settings = out.view.items_at(*cluster->properties, "ClusterSettings");
    const bool on = std::any_of(settings.begin(), settings.end(), [&](const Json* s) {
      const auto value = out.view.string_at(*s, "Value");
      return out.view.string_at(*s, "Name") == "containerInsights" && (value == "enabled" || value == "enhanced");
    });
    if (!on) out.add(cluster->id, "ECS-NO-CONTAINER-INSIGHTS", "ClusterSettings do not turn containerInsights on");
  }
}

// --- ECR-OPEN-ACCESS -----------------------------------------------------------------
// Any "*" in an allowing statement's principal counts, an account wildcard in an ARN too.
void open_policy(Findings& out, const ResourceView& r, std::string_view path) {
  const Json* policy = StackView::at(*r.properties, path);
  if (policy == nullptr) return;
  for (const Json* statement : out.view.items_at(*policy, "Statement")) {
    const Json* principal = StackView::at(*statement, "Principal");
    if (out.view.string_at(*statement, "Effect") == "Allow" && principal != nullptr &&
        principal->dump().find('*') != std::string::npos) {
      out.add(r.id, "ECR-OPEN-ACCESS", fmt::format("{} allows the principal {}", path, principal->dump()));
      return;
    }
  }
}

void repositories(Findings& out) {
  for (const ResourceView* repo : out.of_type("AWS::ECR::Repository")) open_policy(out, *repo, "RepositoryPolicyText");
  for (const ResourceView* policy : out.of_type("AWS::ECR::RegistryPolicy")) open_policy(out, *policy, "PolicyText");
}

// --- LAMBDA-OLD-RUNTIME --------------------------------------------------------------
// The newest runtime of each family that aws-cdk-lib 2.278 lists (the version
// the cdk-nag check runs on); cdk-nag asks for that one. "provided" runtimes
// carry no language version and are left alone.
struct Family {
  std::string_view name;
  std::string_view newest;
};
constexpr std::array kNewestRuntimes{Family{"nodejs", "nodejs26.x"}, Family{"python", "python3.15"},
                                     Family{"java", "java25"},       Family{"dotnet", "dotnet10"},
                                     Family{"dotnetcore", "dotnetcore3.1"}, Family{"go", "go1.x"},
                                     Family{"ruby", "ruby4.0"}};

void runtimes(Findings& out) {
  static const std::regex family_of(R"(^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$)");
  for (const ResourceView* fn : out.of_type("AWS::Lambda::Function")) {
    const auto runtime = out.view.string_at(*fn->properties, "Runtime");
    std::smatch m;
    if (!runtime || !std::regex_match(*runtime, m, family_of)) continue;
    const auto* family = std::find_if(kNewestRuntimes.begin(), kNewestRuntimes.end(),
                                      [&](const Family& f) { return f.name == m[1].str(); });
    if (family != kNewestRuntimes.end() && *runtime != family->newest)
      out.add(fn->id, "LAMBDA-OLD-RUNTIME", fmt::format("Runtime {} is not {}", *runtime, family->newest));
  }
}

// --- CODEBUILD-NO-KMS, CODEBUILD-CUSTOM-IMAGE ------------------------------------------
void build_projects(Findings& out) {
  for (const ResourceView* project : out.of_type("AWS::CodeBuild::Project")) {
    const Json& p = *project->properties;
    if (!Findings::has(p, "EncryptionKey"))
      out.add(project->id, "CODEBUILD-NO-KMS", "EncryptionKey is not set: artifacts are encrypted with alias/aws/s3");
    else if (out.view.string_at(p, "EncryptionKey") == "alias/aws/s3")
      out.add(project->id, "CODEBUILD-NO-KMS", "EncryptionKey is alias/aws/s3, the AWS managed key");
    // An image put together in the template (an ECR repository's URI) is not a managed one.
    if (const Json* image = StackView::at(p, "Environment.Image"))
      if (auto name = nag_form(*image); !name.starts_with("aws/codebuild/"))
        out.add(project->id, "CODEBUILD-CUSTOM-IMAGE", fmt::format("Environment.Image is {}", name));
  }
}

// --- IAM-AWS-MANAGED-POLICY ---------------------------------------------------------
// One finding per AWS managed policy, named as cdk-nag names it, so that a
// suppression can accept some of them (applies_to "Policy::arn:...").
void managed_policies(Findings& out) {
  for (const char* type : {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"})
    for (const ResourceView* r : out.of_type(type)) {
      std::set<std::string> seen;
      for (const Json* arn : out.view.items_at(*r->properties, "ManagedPolicyArns")) {
        auto name = nag_form(*arn);
        if (name.find(":iam::aws:") != std::string::npos && seen.insert(name).second)
          out.add(r->id, "IAM-AWS-MANAGED-POLICY", fmt::format("attaches {}", name), "Policy::" + name);
      }
    }
}

}  // namespace

void check_compute_practices(Findings& out) {
  security_group_descriptions(out);
  instances(out);
  auto_scaling_groups(out);
  ecs(out);
  repositories(out);
  runtimes(out);
  build_projects(out);
  managed_policies(out);
}

}  // namespace cdk::detail::security
