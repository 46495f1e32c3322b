// The checks of the security rule pack. They read the rendered template, so
// they see L1 and L2 resources alike; what a value of another stack or an
// imported id points at is unknown here and is given the benefit of the doubt.
#include "security/rules.hpp"

#include <cdk/construct.hpp>
#include <cdk/stack.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace cdk::detail::security {

namespace {

struct Finding {
  std::string logical_id;
  std::string_view rule;
  std::string detail;  // what exactly was found, e.g. "port 22 from 0.0.0.0/0"
};

const Json kNull;

const Json& prop(const Json& resource, const char* key) {
  auto p = resource.find("Properties");
  if (p == resource.end() || !p->is_object()) return kNull;
  auto v = p->find(key);
  return v == p->end() ? kNull : *v;
}

const Json& field(const Json& object, const char* key) {
  if (!object.is_object()) return kNull;
  auto v = object.find(key);
  return v == object.end() ? kNull : *v;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_true(const Json& v) { return (v.is_boolean() && v.get<bool>()) || (v.is_string() && lower(v) == "true"); }

std::optional<long> as_long(const Json& v) {
  if (v.is_number_integer()) return v.get<long>();
  if (v.is_string()) {
    try {
      std::size_t used = 0;
      const long n = std::stol(v.get<std::string>(), &used);
      if (used == v.get<std::string>().size()) return n;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

/// The logical id a Ref or Fn::GetAtt points at, or "".
std::string target_of(const Json& v) {
  if (!v.is_object() || v.size() != 1) return {};
  if (auto r = v.find("Ref"); r != v.end() && r->is_string()) return *r;
  if (auto g = v.find("Fn::GetAtt"); g != v.end() && g->is_array() && !g->empty() && (*g)[0].is_string())
    return (*g)[0];
  return {};
}

/// Every logical id referred to anywhere inside `v`.
void targets_in(const Json& v, std::set<std::string>& out) {
  if (auto t = target_of(v); !t.empty()) {
    out.insert(std::move(t));
    return;
  }
  if (v.is_structured())
    for (const auto& x : v) targets_in(x, out);
}

/// A value or a list of values, as a list.
std::vector<const Json*> items(const Json& v) {
  std::vector<const Json*> out;
  if (v.is_array())
    for (const auto& x : v) out.push_back(&x);
  else if (!v.is_null())
    out.push_back(&v);
  return out;
}

class Checker {
 public:
  Checker(const Stack& stack, const Json& tmpl) : stack_(stack) {
    if (auto r = tmpl.find("Resources"); r != tmpl.end() && r->is_object())
      for (const auto& [id, res] : r->items())
        by_type_[res.value("Type", std::string())].push_back({id, &res});
  }

  std::vector<Finding> run() {
    world_open_ingress();
    databases();
    storage_encryption();
    buckets();
    flow_logs();
    load_balancers();
    iam_wildcards();
    plain_secrets();
    return std::move(findings_);
  }

 private:
  struct Entry {
    std::string id;
    const Json* json;
  };

  const std::vector<Entry>& of_type(const std::string& type) const {
    static const std::vector<Entry> none;
    auto it = by_type_.find(type);
    return it == by_type_.end() ? none : it->second;
  }

  void add(const std::string& id, std::string_view rule, std::string detail) {
    findings_.push_back({id, rule, std::move(detail)});
  }

  // --- SG-WORLD-ADMIN, SG-WORLD-ALL -----------------------------------------
  void check_ingress(const std::string& id, const Json& rule) {
    std::string source;
    if (field(rule, "CidrIp") == "0.0.0.0/0") source = "0.0.0.0/0";
    if (field(rule, "CidrIpv6") == "::/0") source = "::/0";
    if (source.empty()) return;
    const Json& proto = field(rule, "IpProtocol");
    const std::string protocol = proto.is_string() ? lower(proto) : proto.is_number() ? proto.dump() : "";
    const auto from = as_long(field(rule, "FromPort"));
    const auto to = as_long(field(rule, "ToPort"));
    const bool all_protocols = protocol == "-1" || protocol == "all";
    const bool all_ports = all_protocols || (from.value_or(-1) <= 0 && to.value_or(-1) >= 65535) ||
                           (from == -1 && to == -1 && protocol != "icmp" && protocol != "1" && protocol != "icmpv6" &&
                            protocol != "58");
    if (all_ports) {
      add(id, "SG-WORLD-ALL", fmt::format("every port is open to {}", source));
      return;
    }
    if (protocol != "tcp" && protocol != "6") return;
    for (const auto& [port, name] : {std::pair{22L, "SSH"}, std::pair{3389L, "RDP"}})
      if (from && to && *from <= port && port <= *to)
        add(id, "SG-WORLD-ADMIN", fmt::format("port {} ({}) is open to {}", port, name, source));
  }

  void world_open_ingress() {
    for (const auto& [id, sg] : of_type("AWS::EC2::SecurityGroup"))
      for (const Json* rule : items(prop(*sg, "SecurityGroupIngress"))) check_ingress(id, *rule);
    for (const auto& [id, ingress] : of_type("AWS::EC2::SecurityGroupIngress"))
      check_ingress(id, ingress->value("Properties", Json::object()));
  }

  // --- DB-PUBLIC-SUBNET, DB-PUBLICLY-ACCESSIBLE, DB-NO-DELETION-PROTECTION -----
  /// Subnets of this template that give instances a route to the internet.
  std::set<std::string> public_subnets() const {
    std::set<std::string> gateways;
    for (const auto& [id, gw] : of_type("AWS::EC2::InternetGateway")) gateways.insert(id);
    std::set<std::string> public_tables;
    for (const auto& [id, route] : of_type("AWS::EC2::Route")) {
      const std::string gw = target_of(prop(*route, "GatewayId"));
      const bool default_route = prop(*route, "DestinationCidrBlock") == "0.0.0.0/0" ||
                                 prop(*route, "DestinationIpv6CidrBlock") == "::/0";
      if (default_route && gateways.contains(gw)) public_tables.insert(target_of(prop(*route, "RouteTableId")));
    }
    std::set<std::string> out;
    for (const auto& [id, subnet] : of_type("AWS::EC2::Subnet"))
      if (is_true(prop(*subnet, "MapPublicIpOnLaunch"))) out.insert(id);
    for (const auto& [id, assoc] : of_type("AWS::EC2::SubnetRouteTableAssociation"))
      if (public_tables.contains(target_of(prop(*assoc, "RouteTableId"))))
        out.insert(target_of(prop(*assoc, "SubnetId")));
    return out;
  }

  bool production() const {
    if (stack_.termination_protection()) return true;
    static const std::set<std::string> keys{"stage", "env", "environment"};
    static const std::set<std::string> values{"prod", "production"};
    for (const auto& [k, v] : stack_.tags())
      if (keys.contains(lower(k)) && values.contains(lower(v))) return true;
    // "ShopProd", "shop-prod", "Production" count; "Product" does not.
    const std::string& name = stack_.stack_name();
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
      const bool end = i == name.size() || !std::isalnum(static_cast<unsigned char>(name[i])) ||
                       (i > 0 && std::isupper(static_cast<unsigned char>(name[i])) &&
                        std::islower(static_cast<unsigned char>(name[i - 1])));
      if (end) {
        if (values.contains(lower(word))) return true;
        word.clear();
      }
      if (i < name.size() && std::isalnum(static_cast<unsigned char>(name[i]))) word += name[i];
    }
    return false;
  }

  void databases() {
    const auto public_ids = public_subnets();
    std::map<std::string, std::string> public_groups;  // subnet group -> a public subnet in it
    for (const auto& [id, group] : of_type("AWS::RDS::DBSubnetGroup"))
      for (const Json* subnet : items(prop(*group, "SubnetIds")))
        if (auto t = target_of(*subnet); public_ids.contains(t)) {
          public_groups.emplace(id, t);
          break;
        }
    const bool prod = production();
    auto check = [&](const std::string& id, const Json& db, const char* what) {
      if (auto g = public_groups.find(target_of(prop(db, "DBSubnetGroupName"))); g != public_groups.end())
        add(id, "DB-PUBLIC-SUBNET", fmt::format("its subnet group {} includes the public subnet {}", g->first, g->second));
      if (prod && !is_true(prop(db, "DeletionProtection")))
        add(id, "DB-NO-DELETION-PROTECTION", fmt::format("{} in production stack {}", what, stack_.stack_name()));
    };
    for (const auto& [id, db] : of_type("AWS::RDS::DBCluster")) check(id, *db, "the cluster");
    for (const auto& [id, db] : of_type("AWS::RDS::DBInstance")) {
      if (is_true(prop(*db, "PubliclyAccessible"))) add(id, "DB-PUBLICLY-ACCESSIBLE", "PubliclyAccessible is true");
      if (!prop(*db, "DBClusterIdentifier").is_null()) continue;  // the cluster carries the rest
      check(id, *db, "the instance");
    }
  }

  // --- RDS-UNENCRYPTED, EFS-UNENCRYPTED, EBS-UNENCRYPTED -----------------------
  void block_devices(const std::string& id, const Json& mappings) {
    for (const Json* m : items(mappings)) {
      const Json& ebs = field(*m, "Ebs");
      if (ebs.is_object() && !is_true(field(ebs, "Encrypted")))
        add(id, "EBS-UNENCRYPTED", fmt::format("block device {} is not encrypted", field(*m, "DeviceName").dump()));
    }
  }

  void storage_encryption() {
    for (const auto& [id, db] : of_type("AWS::RDS::DBCluster"))
      if (prop(*db, "EngineMode") != "serverless" && !is_true(prop(*db, "StorageEncrypted")))
        add(id, "RDS-UNENCRYPTED", "StorageEncrypted is not true");
    // Members of a cluster, read replicas and restores take the encryption of
    // their cluster, source or snapshot.
    for (const auto& [id, db] : of_type("AWS::RDS::DBInstance"))
      if (prop(*db, "DBClusterIdentifier").is_null() && prop(*db, "SourceDBInstanceIdentifier").is_null() &&
          prop(*db, "DBSnapshotIdentifier").is_null() && !is_true(prop(*db, "StorageEncrypted")))
        add(id, "RDS-UNENCRYPTED", "StorageEncrypted is not true");
    for (const auto& [id, fs] : of_type("AWS::EFS::FileSystem"))
      if (!is_true(prop(*fs, "Encrypted"))) add(id, "EFS-UNENCRYPTED", "Encrypted is not true");
    for (const auto& [id, v] : of_type("AWS::EC2::Volume"))
      if (!is_true(prop(*v, "Encrypted"))) add(id, "EBS-UNENCRYPTED", "Encrypted is not true");
    for (const auto& [id, i] : of_type("AWS::EC2::Instance")) block_devices(id, prop(*i, "BlockDeviceMappings"));
    for (const auto& [id, lt] : of_type("AWS::EC2::LaunchTemplate"))
      block_devices(id, field(prop(*lt, "LaunchTemplateData"), "BlockDeviceMappings"));
  }

  // --- S3-PUBLIC-ACCESS, S3-NO-TLS ---------------------------------------------
  static bool denies_plain_http(const Json& statement) {
    if (field(statement, "Effect") != "Deny") return false;
    const Json& secure = field(field(field(statement, "Condition"), "Bool"), "aws:SecureTransport");
    return secure == "false" || secure == false;
  }

  void buckets() {
    std::set<std::string> tls_only;
    for (const auto& [id, policy] : of_type("AWS::S3::BucketPolicy")) {
      const auto statements = items(field(prop(*policy, "PolicyDocument"), "Statement"));
      if (std::any_of(statements.begin(), statements.end(), [](const Json* s) { return denies_plain_http(*s); }))
        tls_only.insert(target_of(prop(*policy, "Bucket")));
    }
    for (const auto& [id, bucket] : of_type("AWS::S3::Bucket")) {
      const Json& block = prop(*bucket, "PublicAccessBlockConfiguration");
      std::vector<std::string> off;
      for (const char* setting : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        if (!is_true(field(block, setting))) off.push_back(setting);
      if (block.is_null())
        add(id, "S3-PUBLIC-ACCESS", "PublicAccessBlockConfiguration is not set");
      else if (!off.empty())
        add(id, "S3-PUBLIC-ACCESS", fmt::format("{} not on", fmt::join(off, ", ")));
      if (!tls_only.contains(id)) add(id, "S3-NO-TLS", "no bucket policy denies aws:SecureTransport=false");
    }
  }

  // --- VPC-NO-FLOW-LOGS --------------------------------------------------------
  void flow_logs() {
    std::set<std::string> logged;
    for (const auto& [id, log] : of_type("AWS::EC2::FlowLog"))
      if (prop(*log, "ResourceType") == "VPC") logged.insert(target_of(prop(*log, "ResourceId")));
    for (const auto& [id, vpc] : of_type("AWS::EC2::VPC"))
      if (!logged.contains(id)) add(id, "VPC-NO-FLOW-LOGS", "no AWS::EC2::FlowLog records this VPC's traffic");
  }

  // --- LB-NO-ACCESS-LOGS, LB-HTTP-NO-REDIRECT ----------------------------------
  void load_balancers() {
    for (const auto& [id, lb] : of_type("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (prop(*lb, "Type") == "gateway") continue;  // gateway load balancers have no access logs
      const auto attrs = items(prop(*lb, "LoadBalancerAttributes"));
      const bool logged = std::any_of(attrs.begin(), attrs.end(), [](const Json* a) {
        return field(*a, "Key") == "access_logs.s3.enabled" && is_true(field(*a, "Value"));
      });
      if (!logged) add(id, "LB-NO-ACCESS-LOGS", "access_logs.s3.enabled is not true");
    }
    for (const auto& [id, listener] : of_type("AWS::ElasticLoadBalancingV2::Listener")) {
      if (prop(*listener, "Protocol") != "HTTP") continue;
      const auto actions = items(prop(*listener, "DefaultActions"));
      const bool redirects = std::any_of(actions.begin(), actions.end(), [](const Json* a) {
        return field(*a, "Type") == "redirect" && field(field(*a, "RedirectConfig"), "Protocol") == "HTTPS";
      });
      if (!redirects)
        add(id, "LB-HTTP-NO-REDIRECT",
            fmt::format("HTTP listener on port {} serves requests instead of redirecting them",
                        prop(*listener, "Port").dump()));
    }
  }

  // --- IAM-WILDCARD-ACTION -----------------------------------------------------
  void policy_document(const std::string& id, const Json& document) {
    for (const Json* statement : items(field(document, "Statement"))) {
      if (field(*statement, "Effect") != "Allow") continue;
      for (const Json* action : items(field(*statement, "Action"))) {
        if (!action->is_string()) continue;
        const std::string a = *action;
        if (a == "*" || (a.size() > 2 && a.ends_with(":*")))
          add(id, "IAM-WILDCARD-ACTION", fmt::format("a statement allows \"{}\"", a));
      }
    }
  }

  void iam_wildcards() {
    for (const auto& [id, p] : of_type("AWS::IAM::Policy")) policy_document(id, prop(*p, "PolicyDocument"));
    for (const auto& [id, p] : of_type("AWS::IAM::ManagedPolicy")) policy_document(id, prop(*p, "PolicyDocument"));
    for (const auto& [id, role] : of_type("AWS::IAM::Role"))
      for (const Json* p : items(prop(*role, "Policies"))) policy_document(id, field(*p, "PolicyDocument"));
  }

  // --- SECRET-IN-ENV -----------------------------------------------------------
  static bool secret_name(const std::string& name) {
    static const std::regex secretish("PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL",
                                      std::regex::icase);
    // Names of references to a secret are fine: DB_SECRET_ARN, TOKEN_PARAMETER_NAME.
    static const std::regex reference("(_|^)(ARN|NAME|ID|PATH|URL|URI|FILE|PARAMETER)$", std::regex::icase);
    return std::regex_search(name, secretish) && !std::regex_search(name, reference);
  }

  void plain_secrets() {
    auto check = [&](const std::string& id, const std::string& name, const std::string& where) {
      if (secret_name(name)) add(id, "SECRET-IN-ENV", fmt::format("{} sets {} in plain text", where, name));
    };
    for (const auto& [id, td] : of_type("AWS::ECS::TaskDefinition"))
      for (const Json* c : items(prop(*td, "ContainerDefinitions")))
        for (const Json* e : items(field(*c, "Environment")))
          if (field(*e, "Name").is_string())
            check(id, field(*e, "Name"), fmt::format("container {}", field(*c, "Name").dump()));
    for (const auto& [id, fn] : of_type("AWS::Lambda::Function")) {
      const Json& vars = field(prop(*fn, "Environment"), "Variables");
      if (vars.is_object())
        for (const auto& [name, value] : vars.items()) check(id, name, "the function");
    }
    for (const auto& [id, project] : of_type("AWS::CodeBuild::Project"))
      for (const Json* e : items(field(prop(*project, "Environment"), "EnvironmentVariables"))) {
        const Json& type = field(*e, "Type");
        if ((type.is_null() || type == "PLAINTEXT") && field(*e, "Name").is_string())
          check(id, field(*e, "Name"), "the build project");
      }
  }

  const Stack& stack_;
  std::map<std::string, std::vector<Entry>> by_type_;
  std::vector<Finding> findings_;
};

/// The reason `c` or a scope above it gives for suppressing `rule`, if any.
std::optional<std::string> suppression(const Construct* c, std::string_view rule) {
  for (; c != nullptr; c = c->node().scope())
    for (const auto& m : c->node().metadata()) {
      if (m.type != kSuppressionType) continue;
      const auto colon = m.data.find(": ");
      if (m.data.compare(0, colon, rule) == 0) return m.data.substr(colon + 2);
    }
  return std::nullopt;
}

/// The path users know: an L2's path rather than that of its "Resource" child.
std::string display_path(const Construct& c) {
  const Construct* scope = c.node().scope();
  if (scope != nullptr && scope->node().default_child() == &c && scope->node().scope() != nullptr)
    return scope->node().path();
  return c.node().path();
}

}  // namespace

std::vector<Diagnostic> check_stack(const Stack& stack, const Json& tmpl,
                                    const std::unordered_map<std::string, const Construct*>& constructs) {
  std::vector<Diagnostic> out;
  for (auto& f : Checker(stack, tmpl).run()) {
    const Rule& rule = *find_rule(f.rule);
    auto it = constructs.find(f.logical_id);
    const Construct* owner = it == constructs.end() ? nullptr : it->second;
    const std::string path = owner ? display_path(*owner) : stack.node().path() + "/" + f.logical_id;
    if (auto reason = suppression(owner, rule.id)) {
      out.push_back({Diagnostic::Level::Info, path,
                     fmt::format("[{}] suppressed: {} ({}); reason: {}", rule.id, rule.title, f.detail, *reason),
                     "", std::string(rule.id)});
      continue;
    }
    out.push_back({Diagnostic::Level::Warning, path,
                   fmt::format("[{} {}] {}: {}", rule.id, to_string(rule.severity), rule.title, f.detail),
                   std::string(rule.fix), std::string(rule.id)});
  }
  return out;
}

}  // namespace cdk::detail::security
