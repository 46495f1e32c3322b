#include "graph/architecture.hpp"

#include "graph/architecture_model.hpp"

#include <cdk/stack.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace cdk::detail {

namespace diagram {

namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {  // a line break in the label
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

}  // namespace

Model::Caption Model::load_balancer_caption(std::size_t i) const {
  const std::string t = prop(i, "Type");
  return {t == "network" ? "Network Load Balancer" : t == "gateway" ? "Gateway Load Balancer" : "Application Load Balancer",
          prop(i, "Scheme") == "internal" ? "internal" : "internet-facing"};
}

Model::Caption Model::auto_scaling_caption(std::size_t i) const {
  const auto& r = res_[i];
  std::string type;
  // The instance type lives in the launch template, part of the group.
  for (auto lt : targets_at(r.key.first, *r.props, "LaunchTemplate"))
    if (res_[lt].type == "AWS::EC2::LaunchTemplate") type = prop(lt, "LaunchTemplateData.InstanceType");
  return {"Auto Scaling group",
          fmt::format("{}{} to {} instances", type.empty() ? "" : type + ", ", prop(i, "MinSize"), prop(i, "MaxSize"))};
}

Model::Caption Model::ecs_service_caption(std::size_t i) const {
  const std::string launch = prop(i, "LaunchType");
  Caption c{fmt::format("ECS service ({})", launch.empty() ? "capacity providers" : launch), ""};
  if (auto n = prop(i, "DesiredCount"); !n.empty()) c.detail = n + (n == "1" ? " task" : " tasks");
  return c;
}

Model::Caption Model::db_instance_caption(std::size_t i) const {
  Caption c{"RDS database", fmt::format("{} {}", prop(i, "Engine"), prop(i, "EngineVersion"))};
  if (auto cls = prop(i, "DBInstanceClass"); !cls.empty()) c.detail += ", " + cls;
  return c;
}

Model::Caption Model::db_cluster_caption(std::size_t i) const {
  const auto& r = res_[i];
  std::size_t n = 0;
  for (const auto& o : res_)
    if (o.type == "AWS::RDS::DBInstance" && o.key.first == r.key.first)
      for (auto c : targets_at(o.key.first, *o.props, "DBClusterIdentifier"))
        if (c == i) ++n;
  return {"Aurora cluster",
          fmt::format("{} {}, {} instance{}", prop(i, "Engine"), prop(i, "EngineVersion"), n, n == 1 ? "" : "s")};
}

// "valkey 8.0, 2 x cache.t4g.micro" or, in cluster mode, "redis 7.1, 3 shards x 2 x cache.r7g.large".
Model::Caption Model::cache_caption(std::size_t i) const {
  std::string engine = prop(i, "Engine");
  Caption c{"ElastiCache replication group", fmt::format("{} {}", engine.empty() ? "redis" : engine, prop(i, "EngineVersion"))};
  const std::string type = prop(i, "CacheNodeType");
  if (auto shards = prop(i, "NumNodeGroups"); !shards.empty()) {
    const std::string replicas = prop(i, "ReplicasPerNodeGroup");
    const int per_shard = 1 + (replicas.empty() ? 0 : std::atoi(replicas.c_str()));
    c.detail += fmt::format(", {} shard{} x {} x {}", shards, shards == "1" ? "" : "s", per_shard, type);
  } else {
    const std::string nodes = prop(i, "NumCacheClusters");
    c.detail += fmt::format(", {} x {}", nodes.empty() ? "1" : nodes, type);
  }
  return c;
}

Model::Caption Model::record_caption(std::size_t i) const {
  return {"DNS record", fmt::format("{} {}", prop(i, "Type"), prop(i, "Name").empty() ? "(computed)" : prop(i, "Name"))};
}

Model::Caption Model::plain_caption(std::size_t i) const {
  struct Kind {
    const char* title;
    const char* detail = nullptr;
  };
  static const std::map<std::string, Kind, std::less<>> kinds = {
      {"AWS::ElasticLoadBalancing::LoadBalancer", {"Classic Load Balancer"}},
      {"AWS::EC2::Instance", {"EC2 instance", "InstanceType"}},
      {"AWS::Lambda::Function", {"Lambda function", "Runtime"}},
      {"AWS::EFS::FileSystem", {"EFS file system"}},
      {"AWS::S3::Bucket", {"S3 bucket", "BucketName"}},
      {"AWS::ECR::Repository", {"ECR repository", "RepositoryName"}},
      {"AWS::SecretsManager::Secret", {"Secrets Manager secret"}},
      {"AWS::KMS::Key", {"KMS key"}},
      {"AWS::SSM::Parameter", {"SSM parameter", "Name"}},
      {"AWS::Route53::HostedZone", {"Route 53 hosted zone", "Name"}},
      {"AWS::ServiceDiscovery::PrivateDnsNamespace", {"Cloud Map private DNS namespace", "Name"}},
      {"AWS::ServiceDiscovery::PublicDnsNamespace", {"Cloud Map public DNS namespace", "Name"}},
      {"AWS::ServiceDiscovery::HttpNamespace", {"Cloud Map HTTP namespace", "Name"}},
      {"AWS::ServiceDiscovery::Service", {"Cloud Map service", "Name"}},
      {"AWS::CertificateManager::Certificate", {"ACM certificate", "DomainName"}},
      {"AWS::EC2::NatGateway", {"NAT gateway"}},
      {"AWS::EC2::InternetGateway", {"Internet gateway"}},
      {"AWS::CodePipeline::Pipeline", {"CodePipeline pipeline"}},
      {"AWS::CodeBuild::Project", {"CodeBuild project"}},
      {"AWS::CodeDeploy::Application", {"CodeDeploy application"}},
      {"AWS::CodeDeploy::DeploymentGroup", {"CodeDeploy deployment group"}},
      {"AWS::CodeStarConnections::Connection", {"CodeStar connection"}},
      {"AWS::CodeConnections::Connection", {"CodeConnections connection"}},
      {"AWS::SNS::Topic", {"SNS topic"}},
      {"AWS::SQS::Queue", {"SQS queue"}},
      {"AWS::Events::Rule", {"EventBridge rule", "ScheduleExpression"}},
      {"AWS::CloudFront::Distribution", {"CloudFront distribution"}},
      {"AWS::WAFv2::WebACL", {"WAF web ACL", "Scope"}},
      {"AWS::DynamoDB::Table", {"DynamoDB table"}},
      {"AWS::ElastiCache::CacheCluster", {"ElastiCache cluster"}},
      {"AWS::EC2::VPCEndpoint", {"VPC endpoint", "ServiceName"}},
  };
  const std::string& type = res_[i].type;
  auto k = kinds.find(type);
  if (k == kinds.end()) return {type.rfind("AWS::", 0) == 0 ? type.substr(5) : type, ""};
  return {k->second.title, k->second.detail ? prop(i, k->second.detail) : std::string()};
}

Model::Caption Model::pipeline_caption(std::size_t i) const {
  const auto& r = res_[i];
  std::string chain;
  for (const auto& stage : views_[r.key.first]->list_at(*r.props, "Stages"))
    chain += (chain.empty() ? "" : " > ") + text(r.key.first, stage, "Name");
  return {"CodePipeline pipeline", chain};
}

Model::Caption Model::caption(std::size_t i) const {
  // The types whose caption reads more than one property.
  static const std::map<std::string, Captioner, std::less<>> special = {
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", &Model::load_balancer_caption},
      {"AWS::AutoScaling::AutoScalingGroup", &Model::auto_scaling_caption},
      {"AWS::ECS::Service", &Model::ecs_service_caption},
      {"AWS::RDS::DBInstance", &Model::db_instance_caption},
      {"AWS::RDS::DBCluster", &Model::db_cluster_caption},
      {"AWS::ElastiCache::ReplicationGroup", &Model::cache_caption},
      {"AWS::Route53::RecordSet", &Model::record_caption},
      {"AWS::CodePipeline::Pipeline", &Model::pipeline_caption},
  };
  auto s = special.find(res_[i].type);
  return s != special.end() ? (this->*(s->second))(i) : plain_caption(i);
}

std::string Model::label(std::size_t i) const {
  const auto& r = res_[i];
  auto [title, detail] = caption(i);
  std::string out = title + "\n" + relative(r.owner, stack_path(r.key.first));
  while (!detail.empty() && (detail.back() == ' ' || detail.back() == ',')) detail.pop_back();
  if (!detail.empty()) out += "\n" + detail;
  if (auto pl = places_.find(i); pl != places_.end() && !pl->second.note.empty()) out += "\nin " + pl->second.note;
  return out;
}

std::string Model::attributes(std::size_t i) const {
  switch (res_[i].kind) {
    case Kind::LoadBalancer: return "shape=invhouse, fillcolor=\"#e8dcf5\"";
    case Kind::Edge: return "shape=invtrapezium, fillcolor=\"#fff1c8\"";
    case Kind::Compute: return "shape=box3d, fillcolor=\"#fde2c8\"";
    case Kind::Database: return "shape=cylinder, fillcolor=\"#d3e4f7\"";
    case Kind::Storage: return "shape=folder, fillcolor=\"#d8f0d2\"";
    case Kind::Messaging: return "shape=cds, fillcolor=\"#f6d8e8\"";
    case Kind::Trigger: return "shape=hexagon, fillcolor=\"#e3f0f7\"";
    case Kind::Pipeline: return "shape=rarrow, fillcolor=\"#e2f2e2\"";
    case Kind::Secret: return "shape=octagon, fillcolor=\"#fbe9a8\"";
    case Kind::Dns: return "shape=parallelogram, fillcolor=\"#e0e0e0\"";
    case Kind::Zone: return "shape=tab, fillcolor=\"#e0e0e0\"";
    case Kind::Certificate: return "shape=note, fillcolor=\"#f5e1e9\"";
    case Kind::Nat: return "shape=diamond, fillcolor=\"#ffffff\"";
    case Kind::InternetGateway: return "shape=doubleoctagon, fillcolor=\"#ffffff\"";
    default: return "shape=box, fillcolor=\"#f4f4f4\"";
  }
}

// Clusters as a tree, children and nodes in a fixed order.
struct Cluster {
  std::string id;
  std::string label;
  std::string style;
  std::map<std::string, Cluster> children;  // by sort key
  std::vector<std::string> nodes;           // lines, sorted when written

  Cluster& child(const std::string& sort_key, const std::string& cluster_id, const std::string& lbl,
                 const std::string& st) {
    auto [it, inserted] = children.try_emplace(sort_key);
    if (inserted) {
      it->second.id = cluster_id;
      it->second.label = lbl;
      it->second.style = st;
    }
    return it->second;
  }

  void write(std::string& out, int depth) const {
    const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    out += fmt::format("{}subgraph {} {{\n{}  label={};\n{}  {};\n", pad, quote(id), pad, quote(label), pad, style);
    std::vector<std::string> sorted = nodes;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& n : sorted) out += pad + "  " + n + "\n";
    for (const auto& [key, c] : children) c.write(out, depth + 1);
    out += pad + "}\n";
  }
};

bool Model::internet() const {
  return std::any_of(traffic_.begin(), traffic_.end(), [](const auto& e) { return e.first.first == "internet"; });
}

std::string Model::sources() const {
  std::string out;
  if (internet()) out += "  \"internet\" [label=\"Internet\", shape=ellipse, fillcolor=\"#ffffff\"];\n";
  for (const auto& [id, text] : endpoints_)
    out += fmt::format("  {} [label={}, shape=ellipse, fillcolor=\"#ffffff\"];\n", quote(id), quote(text));
  for (const auto& [id, cidr] : peers_)
    out += fmt::format("  {} [label={}, shape=ellipse, fillcolor=\"#ffffff\"];\n", quote(id), quote(cidr));
  return out;
}

Cluster& Model::vpc_cluster(Cluster& root, std::size_t s, const Key& vpc) const {
  const std::string vid = fmt::format("cluster_{}.{}.{}", stack_id(s), stack_id(vpc.first), vpc.second);
  const std::size_t v = index_.at(vpc);
  std::string lbl = "VPC " + relative(res_[v].owner, stack_path(vpc.first));
  if (auto c = prop(v, "CidrBlock"); !c.empty()) lbl += " " + c;
  if (vpc.first != s) lbl += " (from stack " + stack_path(vpc.first) + ")";
  return root.child("1 " + vid, vid, lbl, "style=rounded; color=\"#2b7a0b\"");
}

Cluster& Model::tier_cluster(Cluster& v, const Key& vpc, const std::string& tier) const {
  std::string type;
  for (const auto& [k, info] : subnets_)
    if (info.vpc == vpc && info.tier == tier) type = info.tier_type;
  const std::string tid = v.id + "." + tier;
  return v.child(fmt::format("{} {}", tier_rank(type), tier), tid, fmt::format("{} subnets ({})", tier, type),
                 fmt::format("style=filled; color=\"#bbbbbb\"; fillcolor=\"{}\"",
                             type == "public" ? "#eef7ea" : type == "isolated" ? "#eaf0f9" : "#f3f6fb"));
}

Cluster& Model::az_cluster(Cluster& t, const std::string& az) const {
  int order = 0;
  for (const auto& [k, info] : subnets_)
    if (info.az == az) order = info.az_order;
  return t.child(fmt::format("{:05d} {}", order, az), t.id + "." + az, az, "style=dashed; color=\"#888888\"");
}

// The innermost cluster of a node: its zone, or its VPC > tier > AZ.
Cluster& Model::node_cluster(Cluster& root, const Place& place, std::size_t s) const {
  if (!place.zone.empty()) {
    const auto zi = std::find_if(places_.begin(), places_.end(), [&](const auto& e) { return node_id(e.first) == place.zone; });
    const std::string zname = zi != places_.end() ? prop(zi->first, "Name") : std::string();
    return root.child("2 " + place.zone, "cluster_" + place.zone, "Route 53 zone " + zname,
                      "style=\"rounded,dashed\"; color=\"#666666\"");
  }
  if (!place.vpc || !index_.count(*place.vpc)) return root;
  Cluster* c = &vpc_cluster(root, s, *place.vpc);
  if (!place.tier.empty()) {
    c = &tier_cluster(*c, *place.vpc, place.tier);
    if (!place.az.empty()) c = &az_cluster(*c, place.az);
  }
  return *c;
}

void Model::write_stack(std::string& out, std::size_t s) const {
  const auto& stack = *assembly_.stacks[s].stack;
  Cluster root;
  root.id = "cluster_" + stack_id(s);
  root.label = fmt::format("stack {} ({})", stack.node().path(), stack.environment_uri());
  root.style = "style=rounded; color=\"#444444\"";
  // An invisible anchor: stack dependency arrows start and end at the cluster.
  root.nodes.push_back(fmt::format("{} [label=\"\", shape=point, style=invis, width=0.01];", quote(stack_id(s))));
  // Subnets of this stack's VPCs, as small nodes giving each box its CIDRs.
  for (const auto& [k, info] : subnets_) {
    if (k.first != s || !info.vpc) continue;
    auto& v = vpc_cluster(root, s, *info.vpc);
    auto& a = az_cluster(tier_cluster(v, *info.vpc, info.tier), info.az);
    a.nodes.push_back(fmt::format("{} [label={}, shape=plaintext, style=\"\", fontsize=8];",
                                  quote(stack_id(s) + "." + k.second),
                                  quote("subnet " + (info.cidr.empty() ? k.second : info.cidr))));
  }
  for (const auto& [i, place] : places_) {
    if (res_[i].key.first != s) continue;
    const std::string line = fmt::format("{} [label={}, {}];", quote(node_id(i)), quote(label(i)), attributes(i));
    node_cluster(root, place, s).nodes.push_back(line);
  }
  root.write(out, 1);
}

std::string Model::ordering() const {
  std::string out;
  // Tiers top to bottom in the order public, private, isolated, under the
  // internet gateway; the subnets of one AZ in a column.
  std::map<std::tuple<std::size_t, Key, int>, std::map<std::string, std::string>> columns;
  for (const auto& [k, info] : subnets_)
    if (info.vpc)
      columns[{k.first, *info.vpc, info.az_order}][fmt::format("{} {}", tier_rank(info.tier_type), info.tier)] =
          stack_id(k.first) + "." + k.second;
  std::map<Key, std::string> gateways;  // VPC -> internet gateway node
  for (const auto& [i, place] : places_)
    if (res_[i].kind == Kind::InternetGateway && place.vpc) gateways[*place.vpc] = node_id(i);
  auto chain = [&](std::string previous, const auto& nodes) {
    for (const auto& [key, node] : nodes) {
      if (!previous.empty()) out += fmt::format("  {} -> {} [style=invis];\n", quote(previous), quote(node));
      previous = node;
    }
  };
  for (const auto& [column, tiers] : columns) {
    auto g = gateways.find(std::get<1>(column));
    chain(g != gateways.end() ? g->second : std::string(), tiers);
  }
  // The AZ boxes of a tier in order, AZ 1 first. (No rank=same across
  // clusters: with newrank it lets boxes overlap, without it it breaks them.)
  std::map<std::tuple<std::size_t, Key, std::string>, std::map<int, std::string>> rows;
  for (const auto& [k, info] : subnets_)
    if (info.vpc) rows[{k.first, *info.vpc, info.tier}][info.az_order] = stack_id(k.first) + "." + k.second;
  for (const auto& [row, subnets] : rows) chain(std::string(), subnets);
  // Where traffic comes from, on top.
  std::string top = internet() ? " \"internet\";" : "";
  for (const auto& [id, cidr] : peers_) top += " " + quote(id) + ";";
  if (!top.empty()) out += "  { rank=min;" + top + " }\n";
  if (internet())
    for (const auto& [vpc, gateway] : gateways) out += fmt::format("  \"internet\" -> {} [style=invis];\n", quote(gateway));
  return out;
}

std::string Model::arrows() const {
  std::string out;
  auto edge_line = [](const std::pair<std::string, std::string>& ends, const std::string& attrs) {
    return fmt::format("  {} -> {} [{}];\n", quote(ends.first), quote(ends.second), attrs);
  };
  for (const auto& [ends, e] : traffic_) {
    std::string lbl;
    for (const auto& l : e.labels) lbl += (lbl.empty() ? "" : ", ") + l;
    out += edge_line(ends, fmt::format("color=\"#c0392b\", penwidth=1.6, label={}", quote(lbl)));
  }
  for (const auto& [ends, e] : refs_)
    out += edge_line(ends, std::string("style=dashed, color=\"#555555\"") + (e.both_ways ? ", dir=both" : ""));
  for (std::size_t s = 0; s < assembly_.stacks.size(); ++s)
    for (const Stack* d : assembly_.stacks[s].dependencies)
      out += edge_line({stack_id(s), d->artifact_id()},
                       fmt::format("ltail={}, lhead={}, style=bold, color=\"#1f5fa8\", label=\"depends on\"",
                                   quote("cluster_" + stack_id(s)), quote("cluster_" + d->artifact_id())));
  return out;
}

std::string Model::legend() const {
  std::string out =
      "  subgraph \"cluster_legend\" {\n"
      "    label=\"Legend\";\n    style=rounded;\n    color=\"#bbbbbb\";\n"
      "    \"legend.a\" [label=\"X\", shape=plaintext, style=\"\"];\n"
      "    \"legend.b\" [label=\"Y\", shape=plaintext, style=\"\"];\n"
      "    \"legend.c\" [label=\"X\", shape=plaintext, style=\"\"];\n"
      "    \"legend.d\" [label=\"Y\", shape=plaintext, style=\"\"];\n"
      "    \"legend.a\" -> \"legend.b\" [color=\"#c0392b\", penwidth=1.6, label=\"X may reach Y on port\\nor sends to Y\"];\n"
      "    \"legend.c\" -> \"legend.d\" [style=dashed, color=\"#555555\", label=\"X references Y\"];\n";
  const bool stack_edges = std::any_of(assembly_.stacks.begin(), assembly_.stacks.end(),
                                       [](const StackArtifact& a) { return !a.dependencies.empty(); });
  if (stack_edges)
    out +=
        "    \"legend.e\" [label=\"stack X\", shape=plaintext, style=\"\"];\n"
        "    \"legend.f\" [label=\"stack Y\", shape=plaintext, style=\"\"];\n"
        "    \"legend.e\" -> \"legend.f\" [style=bold, color=\"#1f5fa8\", label=\"X depends on Y\"];\n";
  return out + "  }\n";
}

std::string Model::dot() const {
  std::string out =
      "digraph architecture {\n"
      "  rankdir=TB;\n  compound=true;\n  nodesep=0.3;\n  ranksep=0.5;\n"
      "  fontname=\"Helvetica\";\n  fontsize=11;\n"
      "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  out += sources();
  for (std::size_t s = 0; s < assembly_.stacks.size(); ++s) write_stack(out, s);
  out += ordering();
  out += arrows();
  out += legend();
  return out + "}\n";
}

}  // namespace diagram

std::string architecture_to_dot(const Assembly& assembly) { return diagram::Model(assembly).dot(); }

}  // namespace cdk::detail
