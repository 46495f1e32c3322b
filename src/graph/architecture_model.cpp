#include "graph/architecture_model.hpp"

#include "synth/tree_json.hpp"

#include <cdk/stack.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>

namespace cdk::detail::diagram {

namespace {

// Records the vertices a breadth-first search reaches.
struct Discovered : boost::default_bfs_visitor {
  std::vector<std::size_t>* seen = nullptr;
  template <class G>
  void discover_vertex(std::size_t v, const G&) const {
    seen->push_back(v);
  }
};

// "tcp 80" is written "80"; other protocols keep their name.
std::string port_text(const StackView& view, const Json& rule) {
  std::string proto = view.string_at(rule, "IpProtocol").value_or("");
  if (proto == "-1" || proto == "all") return "all traffic";
  if (proto == "6") proto = "tcp";
  if (proto == "17") proto = "udp";
  const std::string from = view.string_at(rule, "FromPort").value_or("");
  const std::string to = view.string_at(rule, "ToPort").value_or("");
  std::string ports = from == to || to.empty() ? from : from + "-" + to;
  if (proto == "icmp" || proto == "icmpv6" || proto == "1") return "icmp";
  if (ports.empty()) return proto;
  return proto == "tcp" ? ports : proto + " " + ports;
}

}  // namespace

namespace {

// The kinds of the types drawn as something other than plumbing.
const std::map<std::string, Kind, std::less<>>& kinds() {
  static const std::map<std::string, Kind, std::less<>> table = {
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::LoadBalancer},
      {"AWS::ElasticLoadBalancing::LoadBalancer", Kind::LoadBalancer},
      {"AWS::CloudFront::Distribution", Kind::Edge},
      {"AWS::AutoScaling::AutoScalingGroup", Kind::Compute},
      {"AWS::EC2::Instance", Kind::Compute},
      {"AWS::ECS::Service", Kind::Compute},
      {"AWS::Lambda::Function", Kind::Compute},
      {"AWS::RDS::DBInstance", Kind::Database},
      {"AWS::RDS::DBCluster", Kind::Database},
      {"AWS::DynamoDB::Table", Kind::Database},
      {"AWS::ElastiCache::CacheCluster", Kind::Database},
      {"AWS::ElastiCache::ReplicationGroup", Kind::Database},
      {"AWS::EFS::FileSystem", Kind::Storage},
      {"AWS::S3::Bucket", Kind::Storage},
      {"AWS::ECR::Repository", Kind::Storage},
      {"AWS::SQS::Queue", Kind::Messaging},
      {"AWS::SNS::Topic", Kind::Messaging},
      {"AWS::Events::Rule", Kind::Trigger},
      {"AWS::CodePipeline::Pipeline", Kind::Pipeline},
      {"AWS::SecretsManager::Secret", Kind::Secret},
      {"AWS::KMS::Key", Kind::Secret},
      {"AWS::SSM::Parameter", Kind::Secret},
      {"AWS::Route53::RecordSet", Kind::Dns},
      {"AWS::Route53::HostedZone", Kind::Zone},
      // A Cloud Map DNS namespace is a hosted zone holding its services' records.
      {"AWS::ServiceDiscovery::PrivateDnsNamespace", Kind::Zone},
      {"AWS::ServiceDiscovery::PublicDnsNamespace", Kind::Zone},
      {"AWS::ServiceDiscovery::HttpNamespace", Kind::Other},
      {"AWS::ServiceDiscovery::Service", Kind::Dns},
      {"AWS::CertificateManager::Certificate", Kind::Certificate},
      {"AWS::EC2::NatGateway", Kind::Nat},
      {"AWS::EC2::InternetGateway", Kind::InternetGateway},
      {"AWS::EC2::VPC", Kind::Network},
      {"AWS::EC2::Subnet", Kind::Network},
      {"AWS::EC2::RouteTable", Kind::Network},
      {"AWS::EC2::Route", Kind::Network},
      {"AWS::EC2::SubnetRouteTableAssociation", Kind::Network},
      {"AWS::EC2::VPCGatewayAttachment", Kind::Network},
      {"AWS::EC2::EIP", Kind::Network},
      {"AWS::EC2::VPCCidrBlock", Kind::Network},
      {"AWS::EC2::NetworkAcl", Kind::Network},
      {"AWS::EC2::NetworkAclEntry", Kind::Network},
      {"AWS::EC2::SubnetNetworkAclAssociation", Kind::Network},
      {"AWS::EC2::EgressOnlyInternetGateway", Kind::Network},
      {"AWS::EC2::SecurityGroupIngress", Kind::Rule},
      {"AWS::EC2::SecurityGroupEgress", Kind::Rule},
      {"AWS::SNS::Subscription", Kind::Rule},
      {"AWS::Lambda::EventSourceMapping", Kind::Rule},
  };
  return table;
}

// Types folded into what owns or uses them.
const std::set<std::string, std::less<>>& plumbing() {
  static const std::set<std::string, std::less<>> table = {
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::LaunchTemplate",
      "AWS::EC2::FlowLog",
      "AWS::IAM::Role",
      "AWS::IAM::Policy",
      "AWS::IAM::ManagedPolicy",
      "AWS::IAM::InstanceProfile",
      "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::ListenerRule",
      "AWS::ElasticLoadBalancingV2::ListenerCertificate",
      "AWS::ElasticLoadBalancingV2::TargetGroup",
      "AWS::RDS::DBSubnetGroup",
      "AWS::RDS::DBParameterGroup",
      "AWS::RDS::DBClusterParameterGroup",
      "AWS::RDS::OptionGroup",
      "AWS::EFS::MountTarget",
      "AWS::EFS::AccessPoint",
      "AWS::ElastiCache::SubnetGroup",
      "AWS::ElastiCache::ParameterGroup",
      "AWS::SecretsManager::SecretTargetAttachment",
      "AWS::SecretsManager::RotationSchedule",
      "AWS::SecretsManager::ResourcePolicy",
      "AWS::AutoScaling::ScalingPolicy",
      "AWS::AutoScaling::ScheduledAction",
      "AWS::AutoScaling::LifecycleHook",
      "AWS::ApplicationAutoScaling::ScalableTarget",
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      "AWS::ECS::Cluster",
      "AWS::ECS::TaskDefinition",
      "AWS::ECS::ClusterCapacityProviderAssociations",
      "AWS::ECS::CapacityProvider",
      "AWS::ServiceDiscovery::Instance",
      "AWS::Logs::LogGroup",
      "AWS::Logs::MetricFilter",
      "AWS::CloudWatch::Alarm",
      "AWS::CloudWatch::Dashboard",
      "AWS::S3::BucketPolicy",
      "AWS::KMS::Alias",
      "AWS::Lambda::Permission",
      "AWS::Lambda::Url",
      "AWS::Lambda::Version",
      "AWS::Lambda::Alias",
      "AWS::Lambda::EventInvokeConfig",
      "AWS::ECR::RepositoryPolicy",
      "AWS::SQS::QueuePolicy",
      "AWS::SNS::TopicPolicy",
      "AWS::AutoScaling::LaunchConfiguration",
      "AWS::IAM::AccessKey",
      "AWS::CDK::Metadata",
      "AWS::CloudFront::OriginAccessControl",
      "AWS::CloudFront::CachePolicy",
      "AWS::CloudFront::OriginRequestPolicy",
      "AWS::CloudFront::ResponseHeadersPolicy",
      "AWS::WAFv2::WebACLAssociation",
      "AWS::CloudFormation::CustomResource",
      "AWS::CodeBuild::ReportGroup",
      "AWS::CodeStarConnections::Connection",
  };
  return table;
}

}  // namespace

Kind classify(const std::string& type, const Json& props) {
  // An Aurora cluster's instances are part of the cluster.
  if (type == "AWS::RDS::DBInstance" && StackView::at(props, "DBClusterIdentifier")) return Kind::Plumbing;
  if (auto it = kinds().find(type); it != kinds().end()) return it->second;
  if (plumbing().count(type) || type.rfind("Custom::", 0) == 0) return Kind::Plumbing;
  return Kind::Other;
}

bool shown(Kind k) { return k != Kind::Plumbing && k != Kind::Network && k != Kind::Rule; }

std::string relative(const std::string& path, const std::string& stack) {
  std::string out = path.rfind(stack + "/", 0) == 0 ? path.substr(stack.size() + 1) : path;
  for (const char* tail : {"/Resource", "/Default"})
    while (out.size() > std::string_view(tail).size() && out.ends_with(tail))
      out.resize(out.size() - std::string_view(tail).size());
  return out;
}

const char* tier_rank(const std::string& type) {
  if (type == "public") return "0";
  if (type == "private") return "1";
  if (type == "isolated") return "2";
  return "3";
}

std::string Model::stack_path(std::size_t s) const { return assembly_.stacks[s].stack->node().path(); }
std::string Model::stack_id(std::size_t s) const { return assembly_.stacks[s].stack->artifact_id(); }
std::string Model::node_id(std::size_t r) const { return stack_id(res_[r].key.first) + "." + res_[r].key.second; }

Model::Model(const Assembly& a) : assembly_(a) {
  views_.reserve(a.stacks.size());
  for (const auto& s : a.stacks) views_.push_back(s.view ? s.view : std::make_shared<const StackView>(s.template_json));
  read_tree();
  read_resources();
  read_subnets();
  fold();
  place();
  traffic();
  references();
}

std::optional<std::size_t> Model::find(const Key& k) const {
  auto it = index_.find(k);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::string Model::text(std::size_t stack, const Json& object, std::string_view path) const {
  return views_[stack]->string_at(object, path).value_or("");
}

std::string Model::prop(std::size_t r, std::string_view path) const {
  return text(res_[r].key.first, *res_[r].props, path);
}

std::vector<std::size_t> Model::targets(std::size_t stack, const Json& value) const {
  // Sorted and once each: the order arrows and places are found in.
  std::set<std::string> local;
  std::set<std::string> imports;
  for (auto& ref : references_in(value))
    (ref.kind == Reference::Kind::ImportValue ? imports : local).insert(std::move(ref.target));
  std::vector<std::size_t> out;
  for (const auto& id : local)
    if (auto r = find({stack, id})) out.push_back(*r);
  for (const auto& name : imports)
    if (auto e = exports_.find(name); e != exports_.end())
      if (auto r = find(e->second)) out.push_back(*r);
  return out;
}

std::vector<std::size_t> Model::targets_at(std::size_t stack, const Json& object, std::string_view path) const {
  const Json* v = StackView::at(object, path);
  return v == nullptr ? std::vector<std::size_t>() : targets(stack, *v);
}

std::vector<std::size_t> Model::shown_targets(std::size_t stack, const Json& value) const {
  std::set<std::size_t> out;
  for (auto t : targets(stack, value)) {
    const auto& r = res_[t];
    if (shown(r.kind)) {
      out.insert(t);
    } else if (t < owner_.size() && owner_[t]) {
      out.insert(*owner_[t]);
    } else if (r.type == "AWS::Lambda::Alias" || r.type == "AWS::Lambda::Version") {
      for (auto f : targets_at(r.key.first, *r.props, "FunctionName"))
        if (shown(res_[f].kind)) out.insert(f);
    }
  }
  return {out.begin(), out.end()};
}

std::vector<std::size_t> Model::shown_targets_at(std::size_t stack, const Json& object, std::string_view path) const {
  const Json* v = StackView::at(object, path);
  return v == nullptr ? std::vector<std::size_t>() : shown_targets(stack, *v);
}

void Model::read_tree() {
  std::map<std::string, std::size_t> stacks;
  for (std::size_t i = 0; i < assembly_.stacks.size(); ++i) stacks[stack_path(i)] = i;
  // Walk every node; the innermost stack above an L1 owns its logical id.
  std::vector<std::pair<const Json*, std::optional<std::size_t>>> todo;
  const Json tree = assembly_.app != nullptr ? Json::parse(tree_json_text(*assembly_.app, assembly_.logical_ids)) : Json();
  if (tree.contains("tree")) todo.emplace_back(&tree["tree"], std::nullopt);
  while (!todo.empty()) {
    auto [node, stack] = todo.back();
    todo.pop_back();
    const std::string path = node->value("path", std::string());
    if (auto s = stacks.find(path); s != stacks.end()) stack = s->second;
    if (const Json* id = StackView::at(*node, "attributes.aws:cdk:cloudformation:logicalId");
        stack && id != nullptr && id->is_string() && !id->get_ref<const std::string&>().empty())
      paths_[{*stack, id->get<std::string>()}] = path;
    if (node->contains("children"))
      for (const auto& [name, child] : (*node)["children"].items()) todo.emplace_back(&child, stack);
  }
}

void Model::read_resources() {
  for (std::size_t s = 0; s < assembly_.stacks.size(); ++s) {
    for (const auto& [name, id] : views_[s]->exports()) exports_[name] = {s, id};
    for (const ResourceView& r : views_[s]->resources()) {
      Resource x;
      x.key = {s, std::string(r.id)};
      x.type = std::string(r.type);
      x.props = r.properties;
      auto p = paths_.find(x.key);
      x.path = p != paths_.end() ? p->second : stack_path(s) + "/" + x.key.second;
      // An L1 stands for its parent construct (the L2 that made it) unless
      // it sits right in the stack.
      const auto slash = x.path.rfind('/');
      const std::string parent = slash == std::string::npos ? std::string() : x.path.substr(0, slash);
      x.owner = parent.empty() || parent == stack_path(s) ? x.path : parent;
      x.kind = classify(x.type, *x.props);
      index_[x.key] = res_.size();
      res_.push_back(std::move(x));
    }
  }
  fold_into_pipelines();
  hide_custom_resource_providers();
  // A construct that made several shown resources (a pipeline with its
  // build projects and connection) owns none of them: each stands for
  // itself, and its plumbing is found through references instead.
  std::map<std::pair<std::size_t, std::string>, int> owners;
  for (const auto& r : res_)
    if (shown(r.kind)) ++owners[{r.key.first, r.owner}];
  for (auto& r : res_)
    if (shown(r.kind) && owners[{r.key.first, r.owner}] > 1) r.owner = r.path;
}

// A function that only serves custom resources (its ARN is their
// ServiceToken) is deployment plumbing, not part of the architecture.
void Model::hide_custom_resource_providers() {
  for (const auto& r : res_) {
    if (r.type.rfind("Custom::", 0) != 0 && r.type != "AWS::CloudFormation::CustomResource") continue;
    const Json* token = StackView::at(*r.props, "ServiceToken");
    const Json* att = token && token->is_object() ? StackView::at(*token, "Fn::GetAtt") : nullptr;
    if (!att || !att->is_array() || att->empty() || !(*att)[0].is_string()) continue;
    if (auto it = index_.find({r.key.first, (*att)[0].get<std::string>()}); it != index_.end())
      res_[it->second].kind = Kind::Plumbing;
  }
}

void Model::fold_into_pipelines() {
  for (const auto& p : res_) {
    if (p.kind != Kind::Pipeline || p.owner == p.path) continue;
    const std::string below = p.owner + "/";
    for (auto& r : res_)
      if (&r != &p && r.key.first == p.key.first && shown(r.kind) && r.owner.starts_with(below)) r.kind = Kind::Plumbing;
  }
}

namespace {

// The value of the tag `key` of a resource, "" when it has none.
std::string tag(const StackView& view, const Json& props, std::string_view key) {
  for (const auto& t : view.list_at(props, "Tags"))
    if (view.string_at(t, "Key") == key)
      if (const Json* v = StackView::at(t, "Value"); v != nullptr && v->is_string()) return v->get<std::string>();
  return {};
}

// The AZ of a subnet: a literal name, or "AZ n" for the n-th of Fn::GetAZs.
void read_az(const Json& props, SubnetInfo& info) {
  const Json* az = StackView::at(props, "AvailabilityZone");
  const Json* select = az != nullptr ? StackView::at(*az, "Fn::Select") : nullptr;
  if (az != nullptr && az->is_string()) {
    info.az = az->get<std::string>();
    info.az_order = 1000;
  } else if (select != nullptr && select->is_array() && !select->empty() && (*select)[0].is_number_integer()) {
    info.az_order = (*select)[0].get<int>();
    info.az = fmt::format("AZ {}", info.az_order + 1);
  } else {
    info.az = "AZ ?";
    info.az_order = 2000;
  }
}

}  // namespace

void Model::read_subnets() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::EC2::Subnet") continue;
    const StackView& view = *views_[r.key.first];
    SubnetInfo info;
    for (auto v : targets_at(r.key.first, *r.props, "VpcId"))
      if (res_[v].type == "AWS::EC2::VPC") info.vpc = res_[v].key;
    info.tier = tag(view, *r.props, "aws-cdk:subnet-name");
    std::string type = tag(view, *r.props, "aws-cdk:subnet-type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (type.empty()) type = view.bool_at(*r.props, "MapPublicIpOnLaunch").value_or(false) ? "public" : "private";
    info.tier_type = type;
    if (info.tier.empty()) info.tier = type;
    read_az(*r.props, info);
    info.cidr = prop(i, "CidrBlock");
    subnets_[r.key] = info;
  }
}

void Model::fold() {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(res_.size());
  owner_.assign(res_.size(), std::nullopt);
  auto& owner = owner_;
  std::vector<std::size_t> main;
  for (std::size_t i = 0; i < res_.size(); ++i)
    if (shown(res_[i].kind)) main.push_back(i);
  for (std::size_t i = 0; i < res_.size(); ++i) {
    if (res_[i].kind != Kind::Plumbing) continue;
    std::size_t best_len = 0;
    for (std::size_t m : main) {
      const auto& o = res_[m].owner;
      if (res_[m].key.first != res_[i].key.first || o.size() <= best_len) continue;
      if (res_[i].path == o || res_[i].path.rfind(o + "/", 0) == 0) {
        owner[i] = m;
        best_len = o.size();
      }
    }
    if (owner[i]) boost::add_edge(*owner[i], i, g);
  }
  for (std::size_t i = 0; i < res_.size(); ++i) {
    if (res_[i].kind == Kind::Rule) continue;  // traffic, read apart
    for (std::size_t t : targets(res_[i].key.first, *res_[i].props)) {
      if (t == i) continue;
      boost::add_edge(i, t, g);
      // A policy names its role: the role's user holds the policy.
      if ((res_[i].type == "AWS::IAM::Policy" || res_[i].type == "AWS::IAM::ManagedPolicy") &&
          res_[t].type == "AWS::IAM::Role")
        boost::add_edge(t, i, g);
    }
  }
  for (std::size_t m : main) {
    auto keep = [&](std::size_t v) {
      return v == m || (res_[v].kind == Kind::Plumbing && (!owner[v] || *owner[v] == m));
    };
    boost::filtered_graph<Graph, boost::keep_all, std::function<bool(std::size_t)>> fg(
        g, boost::keep_all(), std::function<bool(std::size_t)>(keep));
    std::vector<std::size_t> seen;
    Discovered vis;
    vis.seen = &seen;
    std::vector<boost::default_color_type> colors(res_.size(), boost::white_color);
    boost::breadth_first_search(
        fg, m, boost::visitor(vis).color_map(boost::make_iterator_property_map(
                   colors.begin(), boost::get(boost::vertex_index, g))));
    auto& uses = uses_[m];
    for (std::size_t v : seen) {
      if (res_[v].type == "AWS::EC2::SecurityGroup") sg_holders_[res_[v].key].insert(m);
      for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
        const std::size_t t = boost::target(*it, g);
        if (t == m || keep(t)) continue;
        if (res_[t].kind == Kind::Plumbing && owner[t]) uses.insert(*owner[t]);
        else uses.insert(t);
      }
    }
  }
}

void Model::place() {
  // Internet gateways sit in the VPC they are attached to.
  std::map<std::size_t, Key> igw_vpc;
  for (const auto& r : res_) {
    if (r.type != "AWS::EC2::VPCGatewayAttachment") continue;
    std::optional<std::size_t> igw;
    std::optional<Key> vpc;
    for (auto t : targets(r.key.first, *r.props)) {
      if (res_[t].kind == Kind::InternetGateway) igw = t;
      if (res_[t].type == "AWS::EC2::VPC") vpc = res_[t].key;
    }
    if (igw && vpc) igw_vpc[*igw] = *vpc;
  }
  for (const auto& [m, uses] : uses_) {
    Place p;
    std::set<Key> subnets;
    std::set<Key> vpcs;
    for (auto t : uses) {
      if (res_[t].type == "AWS::EC2::Subnet") subnets.insert(res_[t].key);
      if (res_[t].type == "AWS::EC2::VPC") vpcs.insert(res_[t].key);
      if (res_[m].kind == Kind::Dns && res_[t].kind == Kind::Zone && res_[t].key.first == res_[m].key.first)
        p.zone = node_id(t);
    }
    if (auto it = igw_vpc.find(m); it != igw_vpc.end()) vpcs.insert(it->second);
    std::map<std::pair<std::optional<Key>, std::string>, std::map<int, std::string>> tiers;
    for (const auto& s : subnets) {
      const auto& info = subnets_.at(s);
      tiers[{info.vpc, info.tier}][info.az_order] = info.az;
      if (info.vpc) vpcs.insert(*info.vpc);
    }
    if (res_[m].kind == Kind::Zone) p.zone = node_id(m);
    if (tiers.size() == 1) {
      const auto& [vt, azs] = *tiers.begin();
      p.vpc = vt.first;
      p.tier = vt.second;
      if (azs.size() == 1) {
        p.az = azs.begin()->second;
      } else {
        for (const auto& [order, az] : azs) p.note += (p.note.empty() ? "" : ", ") + az;
      }
    } else if (!tiers.empty()) {
      if (vpcs.size() == 1) p.vpc = *vpcs.begin();
      for (const auto& [vt, azs] : tiers) p.note += (p.note.empty() ? "" : ", ") + vt.second;
    } else if (vpcs.size() == 1) {
      p.vpc = *vpcs.begin();
    }
    if (!p.zone.empty() && res_[m].kind == Kind::Dns) p.vpc.reset();
    places_[m] = p;
  }
}

void Model::add_traffic(const std::string& from, const std::string& to, std::string label) {
  if (from == to) return;
  traffic_[{from, to}].labels.insert(std::move(label));
}

std::string Model::peer(const std::string& cidr) {
  if (cidr == "0.0.0.0/0" || cidr == "::/0") return "internet";
  const std::string id = "peer." + cidr;
  peers_[id] = cidr;
  return id;
}

std::set<std::size_t> Model::holders_of(std::size_t stack, const Json& value) const {
  std::set<std::size_t> out;
  for (auto t : targets(stack, value))
    if (auto h = sg_holders_.find(res_[t].key); h != sg_holders_.end()) out.insert(h->second.begin(), h->second.end());
  return out;
}

void Model::ingress(std::size_t stack, const std::set<std::size_t>& to, const Json& rule) {
  if (to.empty()) return;
  const std::string label = port_text(*views_[stack], rule);
  std::vector<std::string> from;
  for (const char* cidr : {"CidrIp", "CidrIpv6"}) {
    if (auto c = text(stack, rule, cidr); !c.empty()) from.push_back(peer(c));
    // A VPC's own range (Fn::GetAtt Vpc.CidrBlock): anything in that VPC.
    if (const Json* range = StackView::at(rule, cidr); range != nullptr && !range->is_string())
      for (auto t : targets(stack, *range))
        if (res_[t].type == "AWS::EC2::VPC") {
          const std::string id = "peer." + node_id(t);
          peers_[id] = fmt::format("any address in VPC {}", relative(res_[t].owner, stack_path(res_[t].key.first)));
          from.push_back(id);
        }
  }
  if (const Json* source = StackView::at(rule, "SourceSecurityGroupId"))
    for (auto h : holders_of(stack, *source)) from.push_back(node_id(h));
  for (const auto& f : from)
    for (auto t : to) add_traffic(f, node_id(t), label);
}

void Model::traffic() {
  security_group_traffic();
  load_balancer_traffic();
  message_traffic();
  dead_letter_traffic();
  alarm_traffic();
  rule_traffic();
  alias_traffic();
  deployment_traffic();
  discovery_traffic();
  edge_traffic();
}

// "The holders of X may reach the holders of Y on P".
void Model::security_group_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const std::size_t s = r.key.first;
    if (r.type == "AWS::EC2::SecurityGroup" && StackView::at(*r.props, "SecurityGroupIngress")) {
      auto h = sg_holders_.find(r.key);
      if (h == sg_holders_.end()) continue;
      for (const auto& rule : (*r.props)["SecurityGroupIngress"]) ingress(s, h->second, rule);
    } else if (r.type == "AWS::EC2::SecurityGroupIngress") {
      if (const Json* group = StackView::at(*r.props, "GroupId")) ingress(s, holders_of(s, *group), *r.props);
    }
  }
}

// Auto Scaling groups and ECS services name their target groups; a target
// group may name its targets (instances, functions).
Model::GroupTargets Model::group_targets() const {
  GroupTargets out;
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const std::size_t s = r.key.first;
    auto add = [&](const Json& arn, std::string port) {
      for (auto tg : targets(s, arn))
        if (res_[tg].type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
          out.of_group[tg].push_back(i);
          if (!port.empty()) out.ports[{tg, i}] = std::move(port);
        }
    };
    if (r.type == "AWS::AutoScaling::AutoScalingGroup")
      if (const Json* arns = StackView::at(*r.props, "TargetGroupARNs")) add(*arns, "");
    if (r.type == "AWS::ECS::Service" && StackView::at(*r.props, "LoadBalancers"))
      for (const auto& lb : (*r.props)["LoadBalancers"])
        if (const Json* arn = StackView::at(lb, "TargetGroupArn")) add(*arn, text(s, lb, "ContainerPort"));
    if (r.type == "AWS::ElasticLoadBalancingV2::TargetGroup" && StackView::at(*r.props, "Targets"))
      for (const auto& t : (*r.props)["Targets"])
        for (auto target : targets_at(s, t, "Id"))
          if (shown(res_[target].kind)) {
            out.of_group[i].push_back(target);
            if (auto port = text(s, t, "Port"); !port.empty()) out.ports[{i, target}] = port;
          }
  }
  return out;
}

void Model::action_groups(std::size_t stack, const Json* actions, std::set<std::size_t>& out) const {
  if (actions == nullptr || !actions->is_array()) return;
  for (const auto& a : *actions) {
    Json arns = Json::array();
    if (const Json* arn = StackView::at(a, "TargetGroupArn")) arns.push_back(*arn);
    if (const Json* groups = StackView::at(a, "ForwardConfig.TargetGroups"))
      for (const auto& t : *groups) arns.push_back(t.value("TargetGroupArn", Json()));
    for (auto tg : targets(stack, arns)) out.insert(tg);
  }
}

// Internet -> load balancer (when it has no security groups to read) ->
// listener -> target group -> targets.
void Model::load_balancer_traffic() {
  const GroupTargets groups = group_targets();
  std::map<std::size_t, std::set<std::size_t>> listener_groups;
  std::map<std::size_t, std::size_t> listener_lb;
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type == "AWS::ElasticLoadBalancingV2::Listener") {
      for (auto lb : targets_at(r.key.first, *r.props, "LoadBalancerArn"))
        if (res_[lb].kind == Kind::LoadBalancer) listener_lb[i] = lb;
      action_groups(r.key.first, StackView::at(*r.props, "DefaultActions"), listener_groups[i]);
    }
  }
  for (const auto& r : res_)
    if (r.type == "AWS::ElasticLoadBalancingV2::ListenerRule")
      for (auto l : targets_at(r.key.first, *r.props, "ListenerArn"))
        action_groups(r.key.first, StackView::at(*r.props, "Actions"), listener_groups[l]);
  for (const auto& [listener, lb] : listener_lb) {
    // A load balancer without security groups (an NLB) takes what its
    // listeners take; one with groups is read from their rules above.
    const Json* lb_groups = StackView::at(*res_[lb].props, "SecurityGroups");
    const bool has_groups = lb_groups != nullptr && !lb_groups->empty();
    if (prop(lb, "Scheme") != "internal" && !has_groups) add_traffic("internet", node_id(lb), prop(listener, "Port"));
    for (auto tg : listener_groups[listener]) {
      const auto of_group = groups.of_group.find(tg);
      if (of_group == groups.of_group.end()) continue;
      for (auto target : of_group->second) {
        std::string port = prop(tg, "Port");
        if (auto p = groups.ports.find({tg, target}); p != groups.ports.end()) port = p->second;
        if (port.empty()) port = prop(tg, "TargetType") == "lambda" ? "invoke" : "traffic";
        add_traffic(node_id(lb), node_id(target), port);
      }
    }
  }
}

void Model::subscribe(std::size_t stack, std::size_t topic, const Json& subscription) {
  const std::string protocol = text(stack, subscription, "Protocol");
  std::vector<std::string> to;
  for (auto t : shown_targets_at(stack, subscription, "Endpoint")) to.push_back(node_id(t));
  if (auto literal = text(stack, subscription, "Endpoint"); !literal.empty()) {
    const std::string id = "endpoint." + protocol + "." + literal;
    endpoints_[id] = protocol + " " + literal;
    to.push_back(id);
  }
  for (const auto& t : to) add_traffic(node_id(topic), t, protocol);
}

// A topic delivers to its subscribers, a queue or stream feeds its function.
void Model::message_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const std::size_t s = r.key.first;
    if (r.type == "AWS::SNS::Subscription") {
      for (auto topic : shown_targets_at(s, *r.props, "TopicArn")) subscribe(s, topic, *r.props);
    } else if (r.type == "AWS::SNS::Topic") {
      for (const auto& sub : views_[s]->list_at(*r.props, "Subscription")) subscribe(s, i, sub);
    } else if (r.type == "AWS::Lambda::EventSourceMapping") {
      for (auto from : shown_targets_at(s, *r.props, "EventSourceArn"))
        for (auto fn : shown_targets_at(s, *r.props, "FunctionName")) add_traffic(node_id(from), node_id(fn), "events");
    }
  }
}

// A queue moves the messages its consumers keep failing on to its
// dead-letter queue; a function sends the events it fails on to its own.
void Model::dead_letter_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const char* path = r.type == "AWS::SQS::Queue"         ? "RedrivePolicy.deadLetterTargetArn"
                       : r.type == "AWS::Lambda::Function" ? "DeadLetterConfig.TargetArn"
                                                           : nullptr;
    if (path == nullptr) continue;
    for (auto dlq : shown_targets_at(r.key.first, *r.props, path)) add_traffic(node_id(i), node_id(dlq), "dead letters");
  }
}

// An alarm is plumbing, so its notifications start at what it watches (the
// resources its dimensions name) or, failing that, at the resource that
// holds it. Only topics are drawn: other actions (scaling policies, EC2
// recovery) act on what the alarm watches rather than send to it.
void Model::alarm_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::CloudWatch::Alarm") continue;
    const std::size_t s = r.key.first;
    std::set<std::size_t> from;
    for (const char* path : {"Dimensions", "Metrics"})
      for (auto w : shown_targets_at(s, *r.props, path)) from.insert(w);
    if (from.empty() && owner_[i]) from.insert(*owner_[i]);
    for (const char* actions : {"AlarmActions", "OKActions"})
      for (auto topic : shown_targets_at(s, *r.props, actions))
        if (res_[topic].type == "AWS::SNS::Topic")
          for (auto f : from) add_traffic(node_id(f), node_id(topic), "alarm");
  }
}

// A rule starts each of its targets (Targets[].Arn), on a schedule or when
// an event matches its pattern. A rule that is part of another construct (a
// pipeline's source rule) is not drawn: the events come from what its pattern
// names (a bucket, a repository), else from that construct.
void Model::rule_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::Events::Rule") continue;
    const std::size_t s = r.key.first;
    const std::string label = StackView::at(*r.props, "ScheduleExpression") ? "schedule" : "events";
    std::vector<std::size_t> from{i};
    if (owner_[i]) {
      from = shown_targets_at(s, *r.props, "EventPattern");
      if (from.empty()) from = {*owner_[i]};
    }
    for (const auto& target : views_[s]->list_at(*r.props, "Targets"))
      for (auto t : shown_targets_at(s, target, "Arn"))
        for (auto f : from)
          if (f != t) add_traffic(node_id(f), node_id(t), label);
  }
}

// DNS records lead to what they alias.
void Model::alias_traffic() {
  for (const auto& [m, uses] : uses_)
    if (res_[m].kind == Kind::Dns)
      for (auto t : uses)
        if (res_[t].kind == Kind::LoadBalancer || res_[t].kind == Kind::Edge) add_traffic(node_id(m), node_id(t), "alias");
}

// Viewers reach a distribution from the internet; it fetches from its origins
// (Origins[].DomainName: a bucket, a load balancer, or a name outside the app).
void Model::edge_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.kind != Kind::Edge) continue;
    const std::size_t s = r.key.first;
    const Json* config = views_[s]->map_at(*r.props, "DistributionConfig");
    if (config == nullptr) continue;
    add_traffic("internet", node_id(i), "https");
    for (const auto& origin : views_[s]->list_at(*config, "Origins")) {
      const std::string policy = text(s, origin, "CustomOriginConfig.OriginProtocolPolicy");
      const std::string label = policy == "http-only" ? "http" : policy == "match-viewer" ? "http, https" : "https";
      const auto to = shown_targets_at(s, origin, "DomainName");
      for (auto t : to) add_traffic(node_id(i), node_id(t), label);
      if (auto literal = text(s, origin, "DomainName"); to.empty() && !literal.empty()) {
        const std::string id = "origin." + literal;
        endpoints_[id] = "origin " + literal;
        add_traffic(node_id(i), id, label);
      }
    }
  }
}

// A CodeDeploy deployment group deploys to its Auto Scaling groups and ECS
// services, and its triggers notify their topics.
void Model::deployment_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::CodeDeploy::DeploymentGroup") continue;
    const std::size_t s = r.key.first;
    for (auto t : shown_targets_at(s, *r.props, "AutoScalingGroups")) add_traffic(node_id(i), node_id(t), "deploys");
    for (const auto& service : views_[s]->list_at(*r.props, "ECSServices"))
      for (auto t : shown_targets_at(s, service, "ServiceName")) add_traffic(node_id(i), node_id(t), "deploys");
    for (const auto& trigger : views_[s]->list_at(*r.props, "TriggerConfigurations"))
      for (auto t : shown_targets_at(s, trigger, "TriggerTargetArn")) add_traffic(node_id(i), node_id(t), "notifies");
  }
}

// A Cloud Map service's name leads to the ECS services that register their
// tasks in it (ServiceRegistries), as a record leads to what it aliases.
void Model::discovery_traffic() {
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::ECS::Service") continue;
    for (const auto& registry : views_[r.key.first]->list_at(*r.props, "ServiceRegistries"))
      for (auto c : shown_targets_at(r.key.first, registry, "RegistryArn"))
        if (res_[c].type == "AWS::ServiceDiscovery::Service") add_traffic(node_id(c), node_id(i), "discovery");
  }
}

void Model::references() {
  for (const auto& [m, uses] : uses_)
    for (auto t : uses) {
      if (!shown(res_[t].kind) || t == m || res_[m].kind == Kind::Pipeline) continue;
      if (res_[m].kind == Kind::Dns && res_[t].kind == Kind::Zone) continue;  // drawn inside the zone
      const std::string a = node_id(m);
      const std::string b = node_id(t);
      if (traffic_.count({a, b}) || traffic_.count({b, a})) continue;
      if (auto back = refs_.find({b, a}); back != refs_.end()) {
        back->second.both_ways = true;
        continue;
      }
      refs_[{a, b}];
    }
}

}  // namespace cdk::detail::diagram
