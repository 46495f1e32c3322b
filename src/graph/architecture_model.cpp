#include "graph/architecture_model.hpp"

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

std::string tag(const Json& props, std::string_view key) {
  if (!props.contains("Tags") || !props["Tags"].is_array()) return {};
  for (const auto& t : props["Tags"])
    if (t.is_object() && t.value("Key", std::string()) == key && t.contains("Value") && t["Value"].is_string())
      return t["Value"].get<std::string>();
  return {};
}

// Logical ids named in "${Id}" or "${Id.Attr}" of an Fn::Sub string.
void sub_refs(const std::string& s, std::set<std::string>& out) {
  for (std::size_t i = s.find("${"); i != std::string::npos; i = s.find("${", i + 2)) {
    const auto end = s.find('}', i);
    if (end == std::string::npos) break;
    std::string name = s.substr(i + 2, end - i - 2);
    if (name.empty() || name[0] == '!') continue;  // "${!Literal}"
    if (auto dot = name.find('.'); dot != std::string::npos) name.resize(dot);
    out.insert(name);
  }
}

// A reference found in a template value: a logical id in this stack, or an
// export name read with Fn::ImportValue.
struct Refs {
  std::set<std::string> local;
  std::set<std::string> imports;
};

void collect(const Json& j, Refs& out) {
  if (j.is_object()) {
    if (j.size() == 1) {
      const auto& [k, v] = *j.items().begin();
      if (k == "Ref" && v.is_string()) {
        out.local.insert(v.get<std::string>());
        return;
      }
      if (k == "Fn::GetAtt") {
        if (v.is_array() && !v.empty() && v[0].is_string()) out.local.insert(v[0].get<std::string>());
        else if (v.is_string()) out.local.insert(v.get<std::string>().substr(0, v.get<std::string>().find('.')));
        return;
      }
      if (k == "Fn::ImportValue" && v.is_string()) {
        out.imports.insert(v.get<std::string>());
        return;
      }
      if (k == "Fn::Sub") {
        if (v.is_string()) sub_refs(v.get<std::string>(), out.local);
        if (v.is_array() && !v.empty() && v[0].is_string()) {
          sub_refs(v[0].get<std::string>(), out.local);
          if (v.size() > 1) collect(v[1], out);
        }
        return;
      }
    }
    for (const auto& [k, v] : j.items()) collect(v, out);
  } else if (j.is_array()) {
    for (const auto& v : j) collect(v, out);
  }
}

// "tcp 80" is written "80"; other protocols keep their name.
std::string port_text(const Json& rule) {
  std::string proto = str(rule, "IpProtocol");
  if (proto == "-1" || proto == "all") return "all traffic";
  if (proto == "6") proto = "tcp";
  if (proto == "17") proto = "udp";
  const std::string from = str(rule, "FromPort");
  const std::string to = str(rule, "ToPort");
  std::string ports = from == to || to.empty() ? from : from + "-" + to;
  if (proto == "icmp" || proto == "icmpv6" || proto == "1") return "icmp";
  if (ports.empty()) return proto;
  return proto == "tcp" ? ports : proto + " " + ports;
}

}  // namespace

Kind classify(const std::string& type, const Json& props) {
  static const std::map<std::string, Kind, std::less<>> kinds = {
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::LoadBalancer},
      {"AWS::ElasticLoadBalancing::LoadBalancer", Kind::LoadBalancer},
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
      {"AWS::SecretsManager::Secret", Kind::Secret},
      {"AWS::KMS::Key", Kind::Secret},
      {"AWS::SSM::Parameter", Kind::Secret},
      {"AWS::Route53::RecordSet", Kind::Dns},
      {"AWS::Route53::HostedZone", Kind::Zone},
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
  static const std::set<std::string, std::less<>> plumbing = {
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
      "AWS::Logs::LogGroup",
      "AWS::Logs::MetricFilter",
      "AWS::CloudWatch::Alarm",
      "AWS::S3::BucketPolicy",
      "AWS::KMS::Alias",
      "AWS::Lambda::Permission",
      "AWS::ECR::RepositoryPolicy",
      "AWS::SQS::QueuePolicy",
      "AWS::SNS::TopicPolicy",
      "AWS::AutoScaling::LaunchConfiguration",
      "AWS::IAM::AccessKey",
      "AWS::CDK::Metadata",
      "AWS::CloudFormation::CustomResource",
  };
  // An Aurora cluster's instances are part of the cluster.
  if (type == "AWS::RDS::DBInstance" && props.contains("DBClusterIdentifier")) return Kind::Plumbing;
  if (auto it = kinds.find(type); it != kinds.end()) return it->second;
  if (plumbing.count(type) || type.rfind("Custom::", 0) == 0) return Kind::Plumbing;
  return Kind::Other;
}

bool shown(Kind k) { return k != Kind::Plumbing && k != Kind::Network && k != Kind::Rule; }

std::string str(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return {};
  const Json& v = j[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return {};
}

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

std::vector<std::size_t> Model::targets(std::size_t stack, const Json& value) const {
  Refs refs;
  collect(value, refs);
  std::vector<std::size_t> out;
  for (const auto& id : refs.local)
    if (auto r = find({stack, id})) out.push_back(*r);
  for (const auto& name : refs.imports)
    if (auto e = exports_.find(name); e != exports_.end())
      if (auto r = find(e->second)) out.push_back(*r);
  return out;
}

void Model::read_tree() {
  std::map<std::string, std::size_t> stacks;
  for (std::size_t i = 0; i < assembly_.stacks.size(); ++i) stacks[stack_path(i)] = i;
  // Walk every node; the innermost stack above an L1 owns its logical id.
  std::vector<std::pair<const Json*, std::optional<std::size_t>>> todo;
  const Json tree = Json::parse(assembly_.tree_text);
  if (tree.contains("tree")) todo.emplace_back(&tree["tree"], std::nullopt);
  while (!todo.empty()) {
    auto [node, stack] = todo.back();
    todo.pop_back();
    const std::string path = node->value("path", std::string());
    if (auto s = stacks.find(path); s != stacks.end()) stack = s->second;
    if (stack && node->contains("attributes")) {
      const std::string id = str((*node)["attributes"], "aws:cdk:cloudformation:logicalId");
      if (!id.empty()) paths_[{*stack, id}] = path;
    }
    if (node->contains("children"))
      for (const auto& [name, child] : (*node)["children"].items()) todo.emplace_back(&child, stack);
  }
}

void Model::read_resources() {
  for (std::size_t s = 0; s < assembly_.stacks.size(); ++s) {
    const Json& t = assembly_.stacks[s].template_json;
    if (t.contains("Outputs"))
      for (const auto& [name, out] : t["Outputs"].items()) {
        if (!out.contains("Export") || !out.contains("Value")) continue;
        const std::string export_name = str(out["Export"], "Name");
        Refs refs;
        collect(out["Value"], refs);
        if (!export_name.empty() && refs.local.size() == 1) exports_[export_name] = {s, *refs.local.begin()};
      }
    if (!t.contains("Resources")) continue;
    static const Json empty = Json::object();
    for (const auto& [id, r] : t["Resources"].items()) {
      Resource x;
      x.key = {s, id};
      x.type = r.value("Type", std::string());
      x.props = r.contains("Properties") ? &r["Properties"] : &empty;
      auto p = paths_.find(x.key);
      x.path = p != paths_.end() ? p->second : stack_path(s) + "/" + id;
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
  // A construct that made several shown resources (a pipeline with its
  // build projects and connection) owns none of them: each stands for
  // itself, and its plumbing is found through references instead.
  std::map<std::pair<std::size_t, std::string>, int> owners;
  for (const auto& r : res_)
    if (shown(r.kind)) ++owners[{r.key.first, r.owner}];
  for (auto& r : res_)
    if (shown(r.kind) && owners[{r.key.first, r.owner}] > 1) r.owner = r.path;
}

void Model::read_subnets() {
  for (const auto& r : res_) {
    if (r.type != "AWS::EC2::Subnet") continue;
    SubnetInfo info;
    for (auto v : targets(r.key.first, (*r.props).value("VpcId", Json())))
      if (res_[v].type == "AWS::EC2::VPC") info.vpc = res_[v].key;
    info.tier = tag(*r.props, "aws-cdk:subnet-name");
    std::string type = tag(*r.props, "aws-cdk:subnet-type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (type.empty()) type = (*r.props).value("MapPublicIpOnLaunch", false) ? "public" : "private";
    info.tier_type = type;
    if (info.tier.empty()) info.tier = type;
    const Json az = (*r.props).value("AvailabilityZone", Json());
    if (az.is_string()) {
      info.az = az.get<std::string>();
      info.az_order = 1000;
    } else if (az.is_object() && az.contains("Fn::Select") && az["Fn::Select"].is_array() &&
               !az["Fn::Select"].empty() && az["Fn::Select"][0].is_number_integer()) {
      info.az_order = az["Fn::Select"][0].get<int>();
      info.az = fmt::format("AZ {}", info.az_order + 1);
    } else {
      info.az = "AZ ?";
      info.az_order = 2000;
    }
    info.cidr = str(*r.props, "CidrBlock");
    subnets_[r.key] = info;
  }
}

void Model::fold() {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(res_.size());
  std::vector<std::optional<std::size_t>> owner(res_.size());
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
  const std::string label = port_text(rule);
  std::vector<std::string> from;
  for (const char* cidr : {"CidrIp", "CidrIpv6"}) {
    if (auto c = str(rule, cidr); !c.empty()) from.push_back(peer(c));
    // A VPC's own range (Fn::GetAtt Vpc.CidrBlock): anything in that VPC.
    if (rule.contains(cidr) && !rule[cidr].is_string())
      for (auto t : targets(stack, rule[cidr]))
        if (res_[t].type == "AWS::EC2::VPC") {
          const std::string id = "peer." + node_id(t);
          peers_[id] = fmt::format("any address in VPC {}", relative(res_[t].owner, stack_path(res_[t].key.first)));
          from.push_back(id);
        }
  }
  if (rule.contains("SourceSecurityGroupId"))
    for (auto h : holders_of(stack, rule["SourceSecurityGroupId"])) from.push_back(node_id(h));
  for (const auto& f : from)
    for (auto t : to) add_traffic(f, node_id(t), label);
}

void Model::traffic() {
  // Security groups: "the holders of X may reach the holders of Y on P".
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const std::size_t s = r.key.first;
    if (r.type == "AWS::EC2::SecurityGroup" && r.props->contains("SecurityGroupIngress")) {
      auto h = sg_holders_.find(r.key);
      if (h == sg_holders_.end()) continue;
      for (const auto& rule : (*r.props)["SecurityGroupIngress"]) ingress(s, h->second, rule);
    } else if (r.type == "AWS::EC2::SecurityGroupIngress" && r.props->contains("GroupId")) {
      ingress(s, holders_of(s, (*r.props)["GroupId"]), *r.props);
    }
  }
  // Load balancers: listener -> target group -> targets.
  std::map<std::size_t, std::vector<std::size_t>> group_targets;  // target group -> shown targets
  std::map<std::pair<std::size_t, std::size_t>, std::string> target_ports;
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    const std::size_t s = r.key.first;
    auto add = [&](const Json& arn, std::string port) {
      for (auto tg : targets(s, arn))
        if (res_[tg].type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
          group_targets[tg].push_back(i);
          if (!port.empty()) target_ports[{tg, i}] = std::move(port);
        }
    };
    if (r.type == "AWS::AutoScaling::AutoScalingGroup" && r.props->contains("TargetGroupARNs"))
      add((*r.props)["TargetGroupARNs"], "");
    if (r.type == "AWS::ECS::Service" && r.props->contains("LoadBalancers"))
      for (const auto& lb : (*r.props)["LoadBalancers"])
        if (lb.contains("TargetGroupArn")) add(lb["TargetGroupArn"], str(lb, "ContainerPort"));
    if (r.type == "AWS::ElasticLoadBalancingV2::TargetGroup" && r.props->contains("Targets"))
      for (const auto& t : (*r.props)["Targets"])
        for (auto target : targets(s, t.value("Id", Json())))
          if (shown(res_[target].kind)) {
            group_targets[i].push_back(target);
            if (auto port = str(t, "Port"); !port.empty()) target_ports[{i, target}] = port;
          }
  }
  std::map<std::size_t, std::set<std::size_t>> listener_groups;
  std::map<std::size_t, std::size_t> listener_lb;
  auto action_groups = [&](std::size_t s, const Json& actions, std::set<std::size_t>& out) {
    if (!actions.is_array()) return;
    for (const auto& a : actions) {
      Json arns = Json::array();
      if (a.contains("TargetGroupArn")) arns.push_back(a["TargetGroupArn"]);
      if (a.contains("ForwardConfig") && a["ForwardConfig"].contains("TargetGroups"))
        for (const auto& t : a["ForwardConfig"]["TargetGroups"]) arns.push_back(t.value("TargetGroupArn", Json()));
      for (auto tg : targets(s, arns)) out.insert(tg);
    }
  };
  for (std::size_t i = 0; i < res_.size(); ++i) {
    const auto& r = res_[i];
    if (r.type != "AWS::ElasticLoadBalancingV2::Listener") continue;
    for (auto lb : targets(r.key.first, (*r.props).value("LoadBalancerArn", Json())))
      if (res_[lb].kind == Kind::LoadBalancer) listener_lb[i] = lb;
    action_groups(r.key.first, (*r.props).value("DefaultActions", Json()), listener_groups[i]);
  }
  for (const auto& r : res_) {
    if (r.type != "AWS::ElasticLoadBalancingV2::ListenerRule") continue;
    for (auto l : targets(r.key.first, (*r.props).value("ListenerArn", Json())))
      action_groups(r.key.first, (*r.props).value("Actions", Json()), listener_groups[l]);
  }
  for (const auto& [listener, lb] : listener_lb) {
    const Json& lp = *res_[listener].props;
    // A load balancer without security groups (an NLB) takes what its
    // listeners take; one with groups is read from their rules above.
    const Json& lbp = *res_[lb].props;
    const bool has_groups = lbp.contains("SecurityGroups") && !lbp["SecurityGroups"].empty();
    if (str(lbp, "Scheme") != "internal" && !has_groups) add_traffic("internet", node_id(lb), str(lp, "Port"));
    for (auto tg : listener_groups[listener])
      for (auto target : group_targets[tg]) {
        std::string port = str(*res_[tg].props, "Port");
        if (auto p = target_ports.find({tg, target}); p != target_ports.end()) port = p->second;
        if (port.empty()) port = str(*res_[tg].props, "TargetType") == "lambda" ? "invoke" : "traffic";
        add_traffic(node_id(lb), node_id(target), port);
      }
  }
  // Messages: a topic delivers to its subscribers, a queue or stream feeds
  // its function.
  for (const auto& r : res_) {
    const std::size_t s = r.key.first;
    if (r.type == "AWS::SNS::Subscription") {
      const std::string protocol = str(*r.props, "Protocol");
      std::vector<std::string> to;
      for (auto t : targets(s, r.props->value("Endpoint", Json())))
        if (shown(res_[t].kind)) to.push_back(node_id(t));
      if (auto literal = str(*r.props, "Endpoint"); !literal.empty()) {
        const std::string id = "endpoint." + protocol + "." + literal;
        endpoints_[id] = protocol + " " + literal;
        to.push_back(id);
      }
      for (auto topic : targets(s, r.props->value("TopicArn", Json())))
        for (const auto& t : to) add_traffic(node_id(topic), t, protocol);
    } else if (r.type == "AWS::Lambda::EventSourceMapping") {
      for (auto from : targets(s, r.props->value("EventSourceArn", Json())))
        for (auto fn : targets(s, r.props->value("FunctionName", Json())))
          add_traffic(node_id(from), node_id(fn), "events");
    }
  }
  // DNS records lead to what they alias.
  for (const auto& [m, uses] : uses_)
    if (res_[m].kind == Kind::Dns)
      for (auto t : uses)
        if (res_[t].kind == Kind::LoadBalancer) add_traffic(node_id(m), node_id(t), "alias");
}

void Model::references() {
  for (const auto& [m, uses] : uses_)
    for (auto t : uses) {
      if (!shown(res_[t].kind) || t == m) continue;
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
