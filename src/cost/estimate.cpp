#include "cost/estimate.hpp"

#include <cdk/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>

namespace cdk::detail::cost {

namespace {

// The tables below are built on first use, not when every program starts.

// Resource types with no charge of their own: their cost, if any, shows up on
// the resources they configure or connect.
const std::set<std::string, std::less<>>& no_charge() {
  static const std::set<std::string, std::less<>> types = {
    "AWS::CDK::Metadata",
    "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::Route",
    "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment",
    "AWS::EC2::EgressOnlyInternetGateway", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry",
    "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::LaunchTemplate", "AWS::EC2::EIPAssociation",
    "AWS::EC2::KeyPair", "AWS::EC2::VPCCidrBlock",
    "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile",
    "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::UserToGroupAddition", "AWS::IAM::ServiceLinkedRole",
    "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
    "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::ElasticLoadBalancingV2::ListenerCertificate",
    "AWS::AutoScaling::LaunchConfiguration", "AWS::AutoScaling::ScalingPolicy",
    "AWS::AutoScaling::ScheduledAction", "AWS::AutoScaling::LifecycleHook",
    "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
    "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECS::ClusterCapacityProviderAssociations",
    "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup",
    "AWS::RDS::OptionGroup",
    "AWS::EFS::MountTarget", "AWS::EFS::AccessPoint",
    "AWS::ElastiCache::SubnetGroup", "AWS::ElastiCache::ParameterGroup",
    "AWS::SecretsManager::SecretTargetAttachment", "AWS::SecretsManager::ResourcePolicy",
    "AWS::CertificateManager::Certificate",  // public certificates
    "AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup",
    "AWS::KMS::Alias",
    "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::Subscription",
    "AWS::Logs::MetricFilter", "AWS::Logs::SubscriptionFilter", "AWS::Lambda::Permission",
    "AWS::ECR::RepositoryPolicy", "AWS::CloudFormation::WaitConditionHandle", "AWS::CloudFormation::WaitCondition",
    // A function URL, its invoke settings and layers: the function's requests carry the charges.
    "AWS::Lambda::Url", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::LayerVersion",
    "AWS::Lambda::LayerVersionPermission",
    // Report groups keep reports for free (an export bucket is priced as a bucket);
    // a connection to a Git provider is free.
    "AWS::CodeBuild::ReportGroup", "AWS::CodeStarConnections::Connection",
    // CodeDeploy charges nothing for EC2, ECS and Lambda deployments (on-premises: see rules()).
    "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentConfig",
    // CloudFront's access control and policies, WAF's associations and match sets: the
    // distribution's traffic and the web ACL carry the charges.
    "AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::CachePolicy", "AWS::CloudFront::OriginRequestPolicy",
    "AWS::CloudFront::ResponseHeadersPolicy", "AWS::WAFv2::WebACLAssociation", "AWS::WAFv2::IPSet",
    "AWS::WAFv2::RegexPatternSet",
  };
  return types;
}

// Resource types charged by use only: what they cost depends on traffic.
const std::map<std::string, std::string, std::less<>>& usage_only() {
  static const std::map<std::string, std::string, std::less<>> types = {
    {"AWS::SNS::Topic", "publishes and deliveries"},
    {"AWS::SQS::Queue", "requests"},
    {"AWS::Lambda::Function", "requests and compute duration"},
    {"AWS::Logs::LogGroup", "log data ingested and stored"},
    {"AWS::ECR::Repository", "image storage and data transfer"},
    {"AWS::EC2::FlowLog", "flow log data delivered"},
    {"AWS::Events::Rule", "custom and cross-account events"},
    {"AWS::Events::EventBus", "custom events published"},
    {"AWS::StepFunctions::StateMachine", "state transitions"},
    {"AWS::ApiGateway::RestApi", "requests and data transfer"},
    {"AWS::ApiGatewayV2::Api", "requests and data transfer"},
    {"AWS::CloudFront::Distribution", "requests and data transfer"},
    {"AWS::CodeBuild::Project", "build minutes"},
    {"AWS::SecretsManager::RotationSchedule", "the rotation function's requests"},
    {"AWS::ServiceDiscovery::HttpNamespace", "DiscoverInstances API calls"},
  };
  return types;
}

constexpr double kMiBPerGB = 1024;
constexpr double kCpuUnitsPerVcpu = 1024;
constexpr double kGp3BaselineIops = 3000;
constexpr double kGp3BaselineThroughput = 125;
constexpr double kFargateFreeEphemeralGiB = 20;

std::string trim_number(double v) { return fmt::format("{:g}", v); }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::optional<double> parse_double(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Prices one template.
class Estimator {
 public:
  Estimator(const StackView& view, const PriceTable& prices, const CostOptions& options, StackCost& out)
      : view_(view), prices_(prices), options_(options), out_(out), hours_(prices.hours_per_month()) {}

  void run() {
    for (const ResourceView& r : view_.resources()) {
      cur_path_ = path_of(r);
      cur_type_ = std::string(r.type);
      price(r);
    }
  }

 private:
  using Rule = void (*)(Estimator&, const ResourceView&);

  // A Cloud Map DNS namespace is a Route 53 hosted zone, billed as one.
  static void dns_namespace(Estimator& e, const ResourceView&) {
    e.monthly("route53.hosted_zone", "", 1, "hosted zone of the Cloud Map namespace");
    e.gap(Gap::Usage, "DNS queries");
  }

  // How each priced resource type is priced (the types of no_charge() and
  // usage_only() are settled before this table is read).
  static const std::map<std::string_view, Rule, std::less<>>& rules() {
    static const std::map<std::string_view, Rule, std::less<>> table = {
      {"AWS::EC2::Instance", [](Estimator& e, const ResourceView& r) { e.instance(*r.properties); }},
      {"AWS::AutoScaling::AutoScalingGroup", [](Estimator& e, const ResourceView& r) { e.auto_scaling_group(*r.properties); }},
      {"AWS::EC2::NatGateway", [](Estimator& e, const ResourceView&) {
        e.hourly("vpc.nat_gateway", "", 1, "NAT gateway");
        e.gap(Gap::Usage, "data processed by the NAT gateway, per GB");
      }},
      {"AWS::EC2::EIP", [](Estimator& e, const ResourceView&) {
        e.hourly("vpc.public_ipv4", "", 1, "public IPv4 address (Elastic IP)");
      }},
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", [](Estimator& e, const ResourceView& r) { e.load_balancer(*r.properties); }},
      {"AWS::ECS::Service", [](Estimator& e, const ResourceView& r) { e.ecs_service(*r.properties); }},
      {"AWS::RDS::DBInstance", [](Estimator& e, const ResourceView& r) { e.db_instance(*r.properties); }},
      {"AWS::RDS::DBCluster", [](Estimator& e, const ResourceView& r) { e.db_cluster(*r.properties); }},
      {"AWS::EFS::FileSystem", [](Estimator& e, const ResourceView& r) { e.file_system(r); }},
      {"AWS::ElastiCache::ReplicationGroup", [](Estimator& e, const ResourceView& r) { e.replication_group(*r.properties); }},
      {"AWS::S3::Bucket", [](Estimator& e, const ResourceView& r) {
        e.stored("s3.standard", std::string(r.id), "S3 Standard storage");
        e.gap(Gap::Usage, "requests, data transfer, storage classes other than Standard");
      }},
      {"AWS::SecretsManager::Secret", [](Estimator& e, const ResourceView&) {
        e.monthly("secretsmanager.secret", "", 1, "secret");
        e.gap(Gap::Usage, "API calls");
      }},
      {"AWS::KMS::Key", [](Estimator& e, const ResourceView& r) { e.kms_key(*r.properties); }},
      {"AWS::CloudWatch::Alarm", [](Estimator& e, const ResourceView& r) { e.alarm(*r.properties); }},
      {"AWS::CloudWatch::CompositeAlarm", [](Estimator& e, const ResourceView&) {
        e.monthly("cloudwatch.alarm", "composite", 1, "composite alarm");
      }},
      // The account's first three dashboards are free: a free tier, which the table leaves out.
      {"AWS::CloudWatch::Dashboard", [](Estimator& e, const ResourceView&) {
        e.monthly("cloudwatch.dashboard", "", 1, "dashboard");
      }},
      {"AWS::Route53::HostedZone", [](Estimator& e, const ResourceView&) {
        e.monthly("route53.hosted_zone", "", 1, "hosted zone");
        e.gap(Gap::Usage, "DNS queries");
      }},
      {"AWS::ServiceDiscovery::PrivateDnsNamespace", &dns_namespace},
      {"AWS::ServiceDiscovery::PublicDnsNamespace", &dns_namespace},
      // Instances that ECS tasks register come and go with the tasks: a usage charge.
      {"AWS::ServiceDiscovery::Service", [](Estimator& e, const ResourceView& r) {
        e.gap(Gap::Usage, "instances registered at run time (per instance-month), DiscoverInstances API calls");
        if (StackView::at(*r.properties, "HealthCheckConfig"))
          e.gap(Gap::Usage, "Route 53 health checks, one per registered instance");
      }},
      // An instance in the template stays registered: a fixed monthly charge.
      {"AWS::ServiceDiscovery::Instance", [](Estimator& e, const ResourceView&) {
        e.monthly("cloudmap.instance", "", 1, "registered instance");
      }},
      {"AWS::EC2::Volume", [](Estimator& e, const ResourceView& r) { e.volume(*r.properties, 1, "EBS volume"); }},
      {"AWS::SSM::Parameter", [](Estimator& e, const ResourceView& r) {
        if (e.view_.string_at(*r.properties, "Tier").value_or("Standard") == "Standard") ++e.out_.no_charge;
        else e.gap(Gap::MissingPrice, "advanced parameter: not in the price table");
      }},
      // Free, but for the capacity kept ready: fixed charges the table has no figure for.
      {"AWS::Lambda::Version", [](Estimator& e, const ResourceView& r) { e.provisioned_concurrency(*r.properties); }},
      {"AWS::Lambda::Alias", [](Estimator& e, const ResourceView& r) { e.provisioned_concurrency(*r.properties); }},
      {"AWS::Lambda::EventSourceMapping", [](Estimator& e, const ResourceView& r) {
        if (const auto n = e.view_.number_at(*r.properties, "ProvisionedPollerConfig.MinimumPollers"); n && *n > 0)
          e.gap(Gap::MissingPrice, fmt::format("provisioned mode, at least {} event pollers: not in the price table",
                                               trim_number(*n)));
        else ++e.out_.no_charge;
      }},
      {"AWS::CodePipeline::Pipeline", [](Estimator& e, const ResourceView& r) { e.pipeline(*r.properties); }},
      {"AWS::CodeDeploy::DeploymentGroup", [](Estimator& e, const ResourceView& r) {
        // Free on EC2, ECS and Lambda; each update of an on-premises instance is charged.
        if (StackView::at(*r.properties, "OnPremisesTagSet") || StackView::at(*r.properties, "OnPremisesInstanceTagFilters"))
          e.gap(Gap::Usage, "on-premises instance updates");
        else ++e.out_.no_charge;
      }},
      {"AWS::WAFv2::WebACL", [](Estimator& e, const ResourceView& r) { e.web_acl(*r.properties); }},
      {"AWS::EC2::VPCEndpoint", [](Estimator& e, const ResourceView& r) {
        if (e.view_.string_at(*r.properties, "VpcEndpointType").value_or("Gateway") == "Gateway") ++e.out_.no_charge;
        else e.gap(Gap::MissingPrice, "interface endpoint hours: not in the price table");
      }},
    };
    return table;
  }

  void price(const ResourceView& r) {
    const std::string_view type = r.type;
    if (no_charge().contains(type)) {
      ++out_.no_charge;
    } else if (auto u = usage_only().find(type); u != usage_only().end()) {
      gap(Gap::Usage, u->second);
    } else if (auto rule = rules().find(type); rule != rules().end()) {
      rule->second(*this, r);
    } else if (type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource") {
      gap(Gap::Usage, "its provider function runs on each deploy");
    } else {
      gap(Gap::Unsupported, "no rule for this resource type: its charges are not in the totals");
    }
  }

  static const Json& empty_object() {
    static const Json e = Json::object();
    return e;
  }

  // The construct path synthesis recorded, else the logical id.
  static std::string path_of(const ResourceView& r) {
    const Json* path = StackView::at(*r.entry, "Metadata.aws:cdk:path");
    return path != nullptr && path->is_string() ? path->get<std::string>() : std::string(r.id);
  }

  // --- reading values -------------------------------------------------------

  static bool present(const Json& obj, std::string_view key) { return StackView::at(obj, key) != nullptr; }

  // The properties of the resource a {"Ref": id} (or Fn::GetAtt) points at, if of `type`.
  const Json* target(const Json& v, std::string_view type) const {
    const ResourceView* r = view_.target(v, type);
    return r != nullptr ? r->properties : nullptr;
  }

  // --- recording --------------------------------------------------------------

  void gap(Gap g, std::string what) { out_.not_priced.push_back({cur_path_, cur_type_, g, std::move(what)}); }

  void missing(std::string_view item, std::string_view key, std::string_view what) {
    gap(Gap::MissingPrice,
        fmt::format("{}: the price table of {} has no {} figure{} for {}", what, prices_.date(), item,
                    key.empty() ? std::string() : fmt::format(" for {}", key), region()));
  }

  const std::string& region() const { return out_.region; }

  bool add(std::string_view item, std::string_view key, double count, double hours, std::string what) {
    const auto price = prices_.price(item, region(), key);
    if (!price) {
      missing(item, key, what);
      return false;
    }
    CostLine line;
    line.path = cur_path_;
    line.type = cur_type_;
    line.what = std::move(what);
    line.count = count;
    line.hours = hours;
    line.unit = prices_.item(item).unit;
    line.unit_usd = *price;
    line.monthly_usd = count * *price * (hours > 0 ? hours : 1);
    out_.lines.push_back(std::move(line));
    return true;
  }
  bool hourly(std::string_view item, std::string_view key, double count, std::string what) {
    return add(item, key, count, hours_, std::move(what));
  }
  bool monthly(std::string_view item, std::string_view key, double count, std::string what) {
    return add(item, key, count, 0, std::move(what));
  }

  // --- CodePipeline -------------------------------------------------------------

  // V2 pipelines are charged per action execution minute; V1 (CloudFormation's
  // default when PipelineType is absent) per active pipeline and month.
  // https://aws.amazon.com/codepipeline/pricing/
  void pipeline(const Json& props) {
    if (view_.string_at(props, "PipelineType").value_or("V1") == "V2") {
      gap(Gap::Usage, "V2 pipeline: action execution minutes");
      return;
    }
    monthly("codepipeline.pipeline_v1", "", 1, "V1 pipeline (active in the month)");
  }

  // --- EC2 ----------------------------------------------------------------------

  // Public IPv4 addresses given by subnets that map one on launch.
  bool in_public_subnets(const Json& subnets) const {
    if (!subnets.is_array()) return false;
    for (const auto& s : subnets)
      if (const Json* p = target(s, "AWS::EC2::Subnet"); p && view_.bool_at(*p, "MapPublicIpOnLaunch").value_or(false))
        return true;
    return false;
  }

  std::optional<bool> interface_public_ip(const Json& data) const {
    if (!present(data, "NetworkInterfaces") || !data["NetworkInterfaces"].is_array()) return std::nullopt;
    for (const auto& ni : data["NetworkInterfaces"])
      if (auto b = view_.bool_at(ni, "AssociatePublicIpAddress")) return b;
    return std::nullopt;
  }

  void block_devices(const Json& data, double instances) {
    if (!present(data, "BlockDeviceMappings") || !data["BlockDeviceMappings"].is_array() ||
        data["BlockDeviceMappings"].empty()) {
      gap(Gap::Outside, "root volume: size and type come from the machine image");
      return;
    }
    for (const auto& m : data["BlockDeviceMappings"]) {
      if (!present(m, "Ebs")) continue;  // instance store or NoDevice: part of the instance price
      const auto device = view_.string_at(m, "DeviceName").value_or("volume");
      volume(m["Ebs"], instances, fmt::format("EBS volume {}", device));
    }
  }

  // An EBS volume (AWS::EC2::Volume, or Ebs of a block device mapping) on `instances` instances.
  void volume(const Json& ebs, double instances, const std::string& label) {
    const auto type = view_.string_at(ebs, "VolumeType").value_or("gp2");
    const auto size = view_.number_at(ebs, present(ebs, "VolumeSize") ? "VolumeSize" : "Size");
    if (!size) {
      gap(Gap::Outside, fmt::format("{} ({}): size comes from the machine image or snapshot", label, type));
      return;
    }
    const std::string what = fmt::format("{} {} GB {}", label, trim_number(*size), type) +
                             (instances != 1 ? fmt::format(" on each of {} instances", trim_number(instances)) : "");
    monthly("ebs.volume", type, *size * instances, what);
    const auto iops = view_.number_at(ebs, "Iops");
    if ((type == "io1" || type == "io2") && iops)
      gap(Gap::MissingPrice, fmt::format("{}: {} provisioned IOPS are not in the price table", label, trim_number(*iops)));
    if (type == "gp3" && ((iops && *iops > kGp3BaselineIops) ||
                          (view_.number_at(ebs, "Throughput").value_or(0) > kGp3BaselineThroughput)))
      gap(Gap::MissingPrice, fmt::format("{}: IOPS or throughput above the gp3 baseline are not in the price table", label));
  }

  const Json* launch_template_data(const Json& spec) const {
    for (const char* key : {"LaunchTemplateId", "LaunchTemplateName"})
      if (present(spec, key))
        if (const Json* lt = target(spec[key], "AWS::EC2::LaunchTemplate"); lt && present(*lt, "LaunchTemplateData"))
          return &(*lt)["LaunchTemplateData"];
    return nullptr;
  }

  void instance(const Json& p) {
    const Json* lt = present(p, "LaunchTemplate") ? launch_template_data(p["LaunchTemplate"]) : nullptr;
    std::optional<std::string> type = view_.string_at(p, "InstanceType");
    if (!type && lt) type = view_.string_at(*lt, "InstanceType");
    std::string note;
    if (!type && !present(p, "InstanceType") && !present(p, "LaunchTemplate")) {
      type = "m1.small";
      note = ", CloudFormation's default type";
    }
    if (!type && present(p, "LaunchTemplate") && !lt) {
      gap(Gap::Outside, "instance type comes from a launch template outside this template");
    } else if (!type) {
      gap(Gap::MissingPrice, "instance type is decided at deploy time (not a literal in the template)");
    } else {
      const bool nat = view_.bool_at(p, "SourceDestCheck") == false;
      hourly("ec2.instance", *type,
             1, fmt::format("{} {} (on-demand, Linux{})", *type, nat ? "NAT instance" : "instance", note));
    }
    const bool public_ip = interface_public_ip(p).value_or(
        present(p, "SubnetId") && in_public_subnets(Json::array({p["SubnetId"]})));
    if (public_ip) hourly("vpc.public_ipv4", "", 1, "public IPv4 address of the instance");
    block_devices(present(p, "BlockDeviceMappings") || !lt ? p : *lt, 1);
  }

  void auto_scaling_group(const Json& p) {
    auto count = view_.number_at(p, "DesiredCapacity");
    std::string basis = "desired capacity";
    if (!count) {
      count = view_.number_at(p, "MinSize");
      basis = "minimum size";
    }
    if (!count) {
      gap(Gap::MissingPrice, "group size is decided at deploy time (not a literal in the template)");
      return;
    }
    if (auto max = view_.number_at(p, "MaxSize"); max && *max > *count)
      gap(Gap::Usage, fmt::format("instances scaled out above the {} of {} (up to {})", basis, trim_number(*count),
                                  trim_number(*max)));
    if (*count == 0) return;

    const Json* lt = nullptr;
    std::optional<std::string> type;
    double on_demand = *count;
    std::string type_note;
    if (present(p, "MixedInstancesPolicy")) {
      const Json& mip = p["MixedInstancesPolicy"];
      if (present(mip, "LaunchTemplate")) {
        const Json& l = mip["LaunchTemplate"];
        if (present(l, "LaunchTemplateSpecification")) lt = launch_template_data(l["LaunchTemplateSpecification"]);
        if (present(l, "Overrides") && l["Overrides"].is_array() && !l["Overrides"].empty()) {
          type = view_.string_at(l["Overrides"][0], "InstanceType");
          if (l["Overrides"].size() > 1) type_note = ", the first of the overrides";
        }
      }
      const Json& dist = present(mip, "InstancesDistribution") ? mip["InstancesDistribution"] : empty_object();
      const double base = std::min(*count, view_.number_at(dist, "OnDemandBaseCapacity").value_or(0));
      const double pct = view_.number_at(dist, "OnDemandPercentageAboveBaseCapacity").value_or(100);
      // The on-demand share above the base is rounded up; the rest runs on spot.
      on_demand = base + std::ceil((*count - base) * pct / 100.0);
      on_demand = std::min(on_demand, *count);
    } else if (present(p, "LaunchTemplate")) {
      lt = launch_template_data(p["LaunchTemplate"]);
    } else if (present(p, "LaunchConfigurationName")) {
      lt = target(p["LaunchConfigurationName"], "AWS::AutoScaling::LaunchConfiguration");
    }
    if (!type && lt) type = view_.string_at(*lt, "InstanceType");
    if (!type) {
      gap(lt ? Gap::MissingPrice : Gap::Outside,
          lt ? "instance type is decided at deploy time (not a literal in the template)"
             : "instance type comes from a launch template outside this template");
      return;
    }
    if (on_demand > 0)
      hourly("ec2.instance", *type, on_demand,
             fmt::format("{} {} of the group (on-demand, Linux{})", *type, on_demand == 1 ? "instance" : "instances",
                         type_note));
    if (*count > on_demand)
      gap(Gap::Outside, fmt::format("{} {} spot instance(s): spot prices vary", trim_number(*count - on_demand), *type));
    const bool public_ip = (lt ? interface_public_ip(*lt) : std::nullopt)
                               .value_or(present(p, "VPCZoneIdentifier") && in_public_subnets(p["VPCZoneIdentifier"]));
    if (public_ip) hourly("vpc.public_ipv4", "", *count, "public IPv4 address of each instance");
    if (lt) block_devices(*lt, *count);
    else gap(Gap::Outside, "volumes: from a launch template outside this template");
  }

  // --- load balancers -----------------------------------------------------------

  void load_balancer(const Json& p) {
    const auto type = view_.string_at(p, "Type").value_or("application");
    if (type != "application" && type != "network") {
      gap(Gap::MissingPrice, fmt::format("{} load balancer hours: not in the price table", type));
      return;
    }
    const bool alb = type == "application";
    hourly(alb ? "elb.application" : "elb.network", "", 1,
           fmt::format("{} Load Balancer (hourly part)", alb ? "Application" : "Network"));
    gap(Gap::Usage, alb ? "load balancer capacity units (LCU-hours: connections, bytes, rule evaluations)"
                        : "network load balancer capacity units (NLCU-hours: flows and bytes)");
    const bool internet = view_.string_at(p, "Scheme").value_or("internet-facing") == "internet-facing";
    const bool ipv4 = view_.string_at(p, "IpAddressType").value_or("ipv4") != "dualstack-without-public-ipv4";
    if (internet && ipv4) {
      double zones = 0;
      for (const char* key : {"Subnets", "SubnetMappings"})
        if (present(p, key) && p[key].is_array()) zones = static_cast<double>(p[key].size());
      if (zones > 0)
        hourly("vpc.public_ipv4", "", zones, "public IPv4 addresses, one per subnet (the fewest it holds)");
      else
        gap(Gap::Outside, "public IPv4 addresses: one per subnet, and the subnets are not literal");
      if (alb) gap(Gap::Usage, "further public IPv4 addresses as the load balancer scales");
    }
  }

  // --- ECS on Fargate -------------------------------------------------------------

  static std::optional<double> vcpus(const std::string& cpu) {
    auto s = lower(cpu);
    if (auto pos = s.find("vcpu"); pos != std::string::npos) return parse_double(s.substr(0, pos));
    if (auto units = parse_double(s)) return *units / kCpuUnitsPerVcpu;
    return std::nullopt;
  }
  static std::optional<double> gigabytes(const std::string& memory) {
    auto s = lower(memory);
    if (auto pos = s.find("gb"); pos != std::string::npos) return parse_double(s.substr(0, pos));
    if (auto mib = parse_double(s)) return *mib / kMiBPerGB;
    return std::nullopt;
  }

  void ecs_service(const Json& p) {
    double fargate_share = 0;  // tasks on Fargate (on-demand)
    double spot = 0;
    if (present(p, "DesiredCount") && !view_.number_at(p, "DesiredCount")) {
      gap(Gap::MissingPrice, "task count is decided at deploy time (not a literal in the template)");
      return;
    }
    const double tasks = view_.number_at(p, "DesiredCount").value_or(1);  // CloudFormation's default for a new service
    const auto launch = view_.string_at(p, "LaunchType");
    if (launch == "FARGATE") {
      fargate_share = tasks;
    } else if (present(p, "CapacityProviderStrategy") && p["CapacityProviderStrategy"].is_array() &&
               !p["CapacityProviderStrategy"].empty()) {
      double base = 0, weight_fargate = 0, weight_spot = 0, weight_other = 0;
      std::string base_provider;
      for (const auto& s : p["CapacityProviderStrategy"]) {
        const auto provider = view_.string_at(s, "CapacityProvider").value_or("");
        const double w = view_.number_at(s, "Weight").value_or(0);
        if (const double b = view_.number_at(s, "Base").value_or(0); b > 0) {
          base = std::min(b, tasks);
          base_provider = provider;
        }
        (provider == "FARGATE" ? weight_fargate : provider == "FARGATE_SPOT" ? weight_spot : weight_other) += w;
      }
      const double rest = tasks - base;
      const double weights = weight_fargate + weight_spot + weight_other;
      fargate_share = (base_provider == "FARGATE" ? base : 0) + (weights > 0 ? std::ceil(rest * weight_fargate / weights) : 0);
      spot = (base_provider == "FARGATE_SPOT" ? base : 0) + (weights > 0 ? rest * weight_spot / weights : 0);
      spot = std::max(0.0, std::min(spot, tasks - fargate_share));
      if (fargate_share == 0 && spot == 0) {
        ++out_.no_charge;  // EC2 capacity providers: the instances are priced with their group
        return;
      }
    } else {
      // EC2 launch type: the tasks run on the cluster's instances, priced with them.
      ++out_.no_charge;
      return;
    }
    if (spot > 0) gap(Gap::Outside, fmt::format("{} task(s) on Fargate Spot: spot prices vary", trim_number(spot)));
    if (tasks > fargate_share + spot) gap(Gap::Outside, "tasks on EC2 capacity providers: priced with their instances");
    if (fargate_share <= 0) return;

    const Json* td = present(p, "TaskDefinition") ? target(p["TaskDefinition"], "AWS::ECS::TaskDefinition") : nullptr;
    if (!td) {
      gap(Gap::Outside, "task size: the task definition is outside this template");
      return;
    }
    const auto cpu_text = view_.string_at(*td, "Cpu");
    const auto mem_text = view_.string_at(*td, "Memory");
    const auto cpu = cpu_text ? vcpus(*cpu_text) : std::nullopt;
    const auto mem = mem_text ? gigabytes(*mem_text) : std::nullopt;
    if (!cpu || !mem) {
      gap(Gap::MissingPrice, "task CPU or memory is not a literal in the task definition");
      return;
    }
    const Json& platform = present(*td, "RuntimePlatform") ? (*td)["RuntimePlatform"] : empty_object();
    const auto os = lower(view_.string_at(platform, "OperatingSystemFamily").value_or("LINUX"));
    const auto arch = lower(view_.string_at(platform, "CpuArchitecture").value_or("X86_64"));
    const std::string key = (os == "linux" ? "linux" : os) + "/" + arch;
    const std::string tasks_text = fmt::format("{} task{}", trim_number(fargate_share), fargate_share == 1 ? "" : "s");
    hourly("fargate.vcpu", key, fargate_share * *cpu,
           fmt::format("Fargate vCPU: {} x {} vCPU ({})", tasks_text, trim_number(*cpu), key));
    hourly("fargate.memory", key, fargate_share * *mem,
           fmt::format("Fargate memory: {} x {} GB ({})", tasks_text, trim_number(*mem), key));
    if (present(*td, "EphemeralStorage"))
      if (auto gib = view_.number_at((*td)["EphemeralStorage"], "SizeInGiB"); gib && *gib > kFargateFreeEphemeralGiB)
        gap(Gap::MissingPrice, "ephemeral storage above the included 20 GiB: not in the price table");
  }

  // --- RDS and Aurora ---------------------------------------------------------------

  static std::string engine_family(const std::string& engine) {
    if (engine == "mysql" || engine == "mariadb") return "mysql";
    if (engine == "postgres") return "postgres";
    if (engine.starts_with("aurora")) return "aurora";
    return {};
  }

  void managed_secret(const Json& p) {
    if (view_.bool_at(p, "ManageMasterUserPassword").value_or(false))
      monthly("secretsmanager.secret", "", 1, "secret RDS keeps for the master password");
  }

  void db_instance(const Json& p) {
    const auto cls = view_.string_at(p, "DBInstanceClass");
    const auto engine = view_.string_at(p, "Engine");
    const Json* cluster = present(p, "DBClusterIdentifier") ? target(p["DBClusterIdentifier"], "AWS::RDS::DBCluster") : nullptr;
    if (!cls) {
      gap(Gap::MissingPrice, "instance class is decided at deploy time (not a literal in the template)");
      return;
    }
    const std::string family = engine_family(engine.value_or(""));
    if (present(p, "DBClusterIdentifier") || family == "aurora") {
      aurora_instance(*cls, cluster);
      return;
    }
    managed_secret(p);
    if (family.empty()) {
      gap(Gap::MissingPrice, fmt::format("engine {}: instance prices are not in the price table",
                                         engine.value_or("(not a literal)")));
      return;
    }
    const bool multi_az = view_.bool_at(p, "MultiAZ").value_or(false);
    const double copies = multi_az ? 2 : 1;
    const std::string az = multi_az ? "Multi-AZ: primary and standby" : "Single-AZ";
    hourly("rds.instance", family + "/" + *cls, copies,
           fmt::format("{} {} DB instance ({}, on-demand)", *cls, *engine, az));
    const auto iops = view_.number_at(p, "Iops");
    const auto storage_type = view_.string_at(p, "StorageType").value_or(iops ? "io1" : "gp2");
    if (auto gb = view_.number_at(p, "AllocatedStorage")) {
      monthly("rds.storage", storage_type, *gb * copies,
              fmt::format("{} GB {} storage{}", trim_number(*gb), storage_type, multi_az ? " x 2 (Multi-AZ)" : ""));
    } else if (!present(p, "SourceDBInstanceIdentifier")) {
      gap(Gap::MissingPrice, "allocated storage is not a literal in the template");
    }
    if (iops && (storage_type != "gp3" || *iops > kGp3BaselineIops))
      gap(Gap::MissingPrice, fmt::format("{} provisioned IOPS: not in the price table", trim_number(*iops)));
    if (auto max = view_.number_at(p, "MaxAllocatedStorage"))
      gap(Gap::Usage, fmt::format("storage grown by storage autoscaling, up to {} GB", trim_number(*max)));
    gap(Gap::Usage, "backup storage beyond the allocated size, snapshots, data transfer");
  }

  void aurora_instance(const std::string& cls, const Json* cluster) {
    if (cluster && view_.string_at(*cluster, "StorageType") == "aurora-iopt1") {
      gap(Gap::MissingPrice, fmt::format("{} instance in an I/O-Optimized cluster: not in the price table", cls));
      return;
    }
    if (cls == "db.serverless") {
      const Json& scaling = cluster && present(*cluster, "ServerlessV2ScalingConfiguration")
                                ? (*cluster)["ServerlessV2ScalingConfiguration"]
                                : empty_object();
      const auto min = view_.number_at(scaling, "MinCapacity");
      const auto max = view_.number_at(scaling, "MaxCapacity");
      if (!min) {
        gap(Gap::MissingPrice, "Serverless v2 minimum capacity is not a literal in the cluster");
        return;
      }
      if (*min > 0)
        hourly("aurora.serverless_v2", "", *min,
               fmt::format("Aurora Serverless v2 instance at its minimum of {} ACU", trim_number(*min)));
      gap(Gap::Usage, fmt::format("Serverless v2 capacity above the minimum of {} ACU{}", trim_number(*min),
                                  max ? fmt::format(" (up to {} ACU)", trim_number(*max)) : std::string()));
      return;
    }
    hourly("aurora.instance", cls, 1, fmt::format("{} Aurora DB instance (on-demand)", cls));
  }

  void db_cluster(const Json& p) {
    managed_secret(p);
    const auto engine = view_.string_at(p, "Engine").value_or("");
    if (engine_family(engine) != "aurora") {
      gap(Gap::MissingPrice, fmt::format("{} Multi-AZ DB cluster instances: not in the price table", engine));
      return;
    }
    gap(Gap::Usage, "Aurora storage (GB-month) and I/O requests, backups beyond the free retention");
  }

  // --- ElastiCache -------------------------------------------------------------------

  // Nodes of a replication group: shards x (primary + replicas) in cluster mode, else
  // NumCacheClusters (one when absent). nullopt when a count is not a literal.
  std::optional<double> cache_nodes(const Json& p, std::string& shape) const {
    const auto groups = view_.items_at(p, "NodeGroupConfiguration");
    const auto replicas = view_.number_at(p, "ReplicasPerNodeGroup");
    if (!groups.empty()) {
      double nodes = 0;
      for (const Json* g : groups) {
        const auto r = present(*g, "ReplicaCount") ? view_.number_at(*g, "ReplicaCount") : replicas.value_or(0);
        if (!r) return std::nullopt;
        nodes += 1 + *r;
      }
      shape = fmt::format("{} shards", groups.size());
      return nodes;
    }
    if (present(p, "NumNodeGroups") || view_.string_at(p, "ClusterMode") == "enabled") {
      const auto shards = present(p, "NumNodeGroups") ? view_.number_at(p, "NumNodeGroups") : 1.0;
      if (!shards || (present(p, "ReplicasPerNodeGroup") && !replicas)) return std::nullopt;
      shape = fmt::format("{} shard{} x (1 primary + {} replica{})", trim_number(*shards), *shards == 1 ? "" : "s",
                          trim_number(replicas.value_or(0)), replicas.value_or(0) == 1 ? "" : "s");
      return *shards * (1 + replicas.value_or(0));
    }
    const auto n = present(p, "NumCacheClusters") ? view_.number_at(p, "NumCacheClusters") : 1.0;
    if (n) shape = *n == 1 ? "1 node" : fmt::format("{} nodes (primary and replicas)", trim_number(*n));
    return n;
  }

  // Node-hours by engine and node type; a cluster or Global Datastore member is
  // priced like any other node. https://aws.amazon.com/elasticache/pricing/
  void replication_group(const Json& p) {
    const auto type = view_.string_at(p, "CacheNodeType");
    const auto engine = lower(view_.string_at(p, "Engine").value_or("redis"));  // CloudFormation's default
    std::string shape;
    const auto nodes = cache_nodes(p, shape);
    if (!type || !nodes) {
      gap(Gap::MissingPrice, "node type or node count is decided at deploy time (not a literal in the template)");
      return;
    }
    hourly("elasticache.node", engine + "/" + *type, *nodes,
           fmt::format("{} {} node{} ({}, on-demand)", *type, engine, *nodes == 1 ? "" : "s", shape));
    gap(Gap::Usage, "snapshot storage, data transfer between AZs");
  }

  // --- EFS and KMS ----------------------------------------------------------------------

  void file_system(const ResourceView& r) {
    stored("efs.standard", std::string(r.id), "EFS Standard storage");
    if (view_.string_at(*r.properties, "ThroughputMode") == "provisioned")
      gap(Gap::MissingPrice, "provisioned throughput: not in the price table");
    gap(Gap::Usage, "reads and writes (elastic throughput), Infrequent Access and Archive tiers");
  }

  void kms_key(const Json& p) {
    monthly("kms.key", "", 1, "customer managed key");
    gap(Gap::Usage, "API requests beyond the free tier");
    if (view_.bool_at(p, "EnableKeyRotation").value_or(false))
      gap(Gap::Outside, "rotated key material adds to the key's monthly price after each yearly rotation");
  }

  // --- WAF ------------------------------------------------------------------------------

  // $5 a month per web ACL and $1 per rule (a rule group counts as one); paid managed rule
  // groups add a subscription the table has no figure for.
  void web_acl(const Json& p) {
    monthly("wafv2.web_acl", "", 1, "web ACL");
    const auto rules = view_.items_at(p, "Rules");
    if (!rules.empty()) monthly("wafv2.rule", "", static_cast<double>(rules.size()), "WAF rules (a rule group counts as one)");
    gap(Gap::Usage, "requests inspected, per million");
    static const std::set<std::string, std::less<>> paid = {
        "AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet", "AWSManagedRulesACFPRuleSet",
        "AWSManagedRulesAntiDDoSRuleSet"};
    for (const Json* rule : rules) {
      const Json* group = view_.map_at(*rule, "Statement.ManagedRuleGroupStatement");
      if (group == nullptr) continue;
      const auto name = view_.string_at(*group, "Name").value_or("");
      if (view_.string_at(*group, "VendorName") != "AWS" || paid.contains(name))
        gap(Gap::MissingPrice, fmt::format("managed rule group {}: its subscription is not in the price table", name));
    }
  }

  // --- storage given on the command line -----------------------------------------------

  std::optional<double> storage_for(const std::string& id) const {
    for (const auto& [key, gb] : options_.storage_gb)
      if (key == id || key == cur_path_ || cur_path_.starts_with(key + "/")) return gb;
    return std::nullopt;
  }

  void stored(std::string_view item, const std::string& id, const std::string& label) {
    if (auto gb = storage_for(id)) {
      monthly(item, "", *gb, fmt::format("{}: {} GB (given with --storage)", label, trim_number(*gb)));
      gap(Gap::Usage, "storage beyond the size given");
      return;
    }
    const auto price = prices_.price(item, region(), "");
    std::string construct = cur_path_;  // the L2 construct's path reads better than its Resource child's
    if (construct.ends_with("/Resource")) construct.resize(construct.size() - std::string_view("/Resource").size());
    gap(Gap::Usage, fmt::format("{}{}: give a size with --storage {}=GB", label,
                                price ? fmt::format(" ({} USD per GB-month)", trim_number(*price)) : std::string(),
                                construct));
  }

  // --- Lambda ---------------------------------------------------------------------------

  // Provisioned concurrency on a version or alias is charged for every hour
  // it is configured, whether invoked or not.
  void provisioned_concurrency(const Json& p) {
    const auto n = view_.number_at(p, "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions");
    if (!n || *n <= 0) {
      ++out_.no_charge;
      return;
    }
    gap(Gap::MissingPrice,
        fmt::format("provisioned concurrency, {} executions kept warm: not in the price table", trim_number(*n)));
    gap(Gap::Usage, "requests and duration of the provisioned executions");
  }

  // --- CloudWatch -----------------------------------------------------------------------

  void alarm(const Json& p) {
    double metrics = 1;
    auto period = view_.number_at(p, "Period");
    if (present(p, "Metrics") && p["Metrics"].is_array()) {
      metrics = 0;
      for (const auto& m : p["Metrics"])
        if (present(m, "MetricStat")) {
          ++metrics;
          if (auto mp = view_.number_at(m["MetricStat"], "Period"); mp && (!period || *mp < *period)) period = mp;
        }
      if (metrics == 0) metrics = 1;
    }
    const bool high = period && *period < 60;
    monthly("cloudwatch.alarm", high ? "high_resolution" : "standard", metrics,
            fmt::format("alarm, {} resolution, {} metric{}", high ? "high" : "standard", trim_number(metrics),
                        metrics == 1 ? "" : "s"));
  }

  const StackView& view_;
  const PriceTable& prices_;
  const CostOptions& options_;
  StackCost& out_;
  double hours_ = 730;
  std::string cur_path_;
  std::string cur_type_;
};

}  // namespace

std::string_view to_string(Gap gap) {
  switch (gap) {
    case Gap::Usage: return "usage";
    case Gap::Outside: return "outside";
    case Gap::Unsupported: return "no rule";
    case Gap::MissingPrice: return "no price";
  }
  return "?";
}

std::string CostLine::quantity() const {
  if (hours > 0) return count == 1 ? fmt::format("{:g} h", hours) : fmt::format("{:g} x {:g} h", count, hours);
  return fmt::format("{:g} {}", count, unit);
}

bool CostEstimate::complete() const {
  for (const auto& s : stacks)
    for (const auto& n : s.not_priced)
      if (n.gap == Gap::MissingPrice) return false;
  return true;
}

StackCost estimate_stack(const StackTemplate& stack, const PriceTable& prices, const CostOptions& options) {
  StackCost out;
  out.stack = stack.stack;
  out.region = stack.region.empty() ? options.default_region : stack.region;
  out.region_from_option = stack.region.empty();
  if (!prices.has_region(out.region)) {
    std::string known;
    for (const auto& r : prices.regions()) known += (known.empty() ? "" : ", ") + r;
    throw Error(stack.stack,
                fmt::format("the price table of {} has no prices for {} (it has {})", prices.date(), out.region, known),
                out.region_from_option ? "pass --region with one of those, or add the region to data/prices/aws.json"
                                       : "add the region to data/prices/aws.json, or pass --prices FILE");
  }
  if (stack.template_json == nullptr) throw Error(stack.stack, "no template to price", "synthesize the stack first");
  const auto view = stack.view ? stack.view : std::make_shared<const StackView>(*stack.template_json);
  Estimator(*view, prices, options, out).run();
  for (const auto& l : out.lines) out.monthly_usd += l.monthly_usd;
  return out;
}

CostEstimate estimate(const std::vector<StackTemplate>& stacks, const PriceTable& prices, const CostOptions& options) {
  CostEstimate e;
  e.price_date = prices.date();
  e.currency = prices.currency();
  e.hours_per_month = prices.hours_per_month();
  for (const auto& s : stacks) {
    e.stacks.push_back(estimate_stack(s, prices, options));
    e.monthly_usd += e.stacks.back().monthly_usd;
  }
  return e;
}

}  // namespace cdk::detail::cost
