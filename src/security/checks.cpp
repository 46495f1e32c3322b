// The checks of the security rule pack. They read the rendered template, so
// they see L1 and L2 resources alike; what a value of another stack or an
// imported id points at is unknown here and is given the benefit of the doubt.
#include "security/findings.hpp"
#include "security/other_tools.hpp"
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

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// The value at `path` as JSON text ("null" when absent), to quote it in a finding.
std::string dump_at(const Json& object, std::string_view path) {
  const Json* v = StackView::at(object, path);
  return v == nullptr ? "null" : v->dump();
}

/// The logical id the value at `path` points at directly (Ref, Fn::GetAtt), or "".
std::string target_at(const Json& object, std::string_view path) {
  const Json* v = StackView::at(object, path);
  return v == nullptr ? std::string() : direct_target(*v);
}

class Checker {
 public:
  Checker(const Stack& stack, const StackView& view) : stack_(stack), view_(view) {}

  std::vector<Finding> run() {
    world_open_ingress();
    databases();
    storage_encryption();
    buckets();
    queues();
    messaging_tls();
    function_urls();
    flow_logs();
    load_balancers();
    iam_wildcards();
    plain_secrets();
    deployment_groups();
    build_projects();
    distributions();
    web_acls();
    container_logs();
    key_rotation();
    backups();
    Findings practices{stack_, view_, std::move(findings_)};
    check_compute_practices(practices);
    check_data_practices(practices);
    check_delivery_practices(practices);
    return std::move(practices.list);
  }

 private:
  std::vector<const ResourceView*> of_type(std::string_view type) const { return view_.of_type(type); }

  bool is_true(const Json& object, std::string_view path) const { return view_.bool_at(object, path).value_or(false); }

  void add(std::string_view id, std::string_view rule, std::string detail, std::string granular = {}) {
    findings_.push_back({std::string(id), rule, std::move(detail), std::move(granular)});
  }

  // --- SG-WORLD-ADMIN, SG-WORLD-ALL -----------------------------------------
  void check_ingress(std::string_view id, const Json& rule) {
    std::string source;
    if (view_.string_at(rule, "CidrIp") == "0.0.0.0/0") source = "0.0.0.0/0";
    if (view_.string_at(rule, "CidrIpv6") == "::/0") source = "::/0";
    if (source.empty()) return;
    const std::string protocol = lower(view_.string_at(rule, "IpProtocol").value_or(""));
    const auto from = view_.number_at(rule, "FromPort");
    const auto to = view_.number_at(rule, "ToPort");
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
    for (const ResourceView* sg : of_type("AWS::EC2::SecurityGroup"))
      for (const Json* rule : view_.items_at(*sg->properties, "SecurityGroupIngress")) check_ingress(sg->id, *rule);
    for (const ResourceView* ingress : of_type("AWS::EC2::SecurityGroupIngress"))
      check_ingress(ingress->id, *ingress->properties);
  }

  // --- DB-PUBLIC-SUBNET, DB-PUBLICLY-ACCESSIBLE, DB-NO-DELETION-PROTECTION -----
  /// Subnets of this template that give instances a route to the internet.
  std::set<std::string> public_subnets() const {
    std::set<std::string> gateways;
    for (const ResourceView* gw : of_type("AWS::EC2::InternetGateway")) gateways.emplace(gw->id);
    std::set<std::string> public_tables;
    for (const ResourceView* route : of_type("AWS::EC2::Route")) {
      const Json& p = *route->properties;
      const bool default_route =
          view_.string_at(p, "DestinationCidrBlock") == "0.0.0.0/0" || view_.string_at(p, "DestinationIpv6CidrBlock") == "::/0";
      if (default_route && gateways.contains(target_at(p, "GatewayId"))) public_tables.insert(target_at(p, "RouteTableId"));
    }
    std::set<std::string> out;
    for (const ResourceView* subnet : of_type("AWS::EC2::Subnet"))
      if (is_true(*subnet->properties, "MapPublicIpOnLaunch")) out.emplace(subnet->id);
    for (const ResourceView* assoc : of_type("AWS::EC2::SubnetRouteTableAssociation"))
      if (public_tables.contains(target_at(*assoc->properties, "RouteTableId")))
        out.insert(target_at(*assoc->properties, "SubnetId"));
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
    for (const char* type : {"AWS::RDS::DBSubnetGroup", "AWS::ElastiCache::SubnetGroup"})
      for (const ResourceView* group : of_type(type))
        for (const Json* subnet : view_.items_at(*group->properties, "SubnetIds"))
          if (auto t = direct_target(*subnet); public_ids.contains(t)) {
            public_groups.emplace(group->id, t);
            break;
          }
    const bool prod = production();
    auto check = [&](const ResourceView& db, const char* what) {
      if (auto g = public_groups.find(target_at(*db.properties, "DBSubnetGroupName")); g != public_groups.end())
        add(db.id, "DB-PUBLIC-SUBNET", fmt::format("its subnet group {} includes the public subnet {}", g->first, g->second));
      if (prod && !is_true(*db.properties, "DeletionProtection"))
        add(db.id, "DB-NO-DELETION-PROTECTION", fmt::format("{} in production stack {}", what, stack_.stack_name()));
    };
    for (const ResourceView* db : of_type("AWS::RDS::DBCluster")) check(*db, "the cluster");
    // ElastiCache has no deletion protection to ask for.
    for (const ResourceView* cache : of_type("AWS::ElastiCache::ReplicationGroup"))
      if (auto g = public_groups.find(target_at(*cache->properties, "CacheSubnetGroupName")); g != public_groups.end())
        add(cache->id, "DB-PUBLIC-SUBNET", fmt::format("its subnet group {} includes the public subnet {}", g->first, g->second));
    for (const ResourceView* db : of_type("AWS::RDS::DBInstance")) {
      if (is_true(*db->properties, "PubliclyAccessible")) add(db->id, "DB-PUBLICLY-ACCESSIBLE", "PubliclyAccessible is true");
      if (StackView::at(*db->properties, "DBClusterIdentifier")) continue;  // the cluster carries the rest
      check(*db, "the instance");
    }
  }

  // --- RDS-UNENCRYPTED, EFS-UNENCRYPTED, EBS-UNENCRYPTED, ELASTICACHE-UNENCRYPTED
  void block_devices(std::string_view id, const std::vector<const Json*>& mappings) {
    for (const Json* m : mappings) {
      const Json* ebs = view_.map_at(*m, "Ebs");
      if (ebs != nullptr && !is_true(*ebs, "Encrypted"))
        add(id, "EBS-UNENCRYPTED", fmt::format("block device {} is not encrypted", dump_at(*m, "DeviceName")));
    }
  }

  void storage_encryption() {
    for (const ResourceView* db : of_type("AWS::RDS::DBCluster"))
      if (view_.string_at(*db->properties, "EngineMode") != "serverless" && !is_true(*db->properties, "StorageEncrypted"))
        add(db->id, "RDS-UNENCRYPTED", "StorageEncrypted is not true");
    // Members of a cluster, read replicas and restores take the encryption of
    // their cluster, source or snapshot.
    for (const ResourceView* db : of_type("AWS::RDS::DBInstance")) {
      const Json& p = *db->properties;
      if (!StackView::at(p, "DBClusterIdentifier") && !StackView::at(p, "SourceDBInstanceIdentifier") &&
          !StackView::at(p, "DBSnapshotIdentifier") && !is_true(p, "StorageEncrypted"))
        add(db->id, "RDS-UNENCRYPTED", "StorageEncrypted is not true");
    }
    for (const ResourceView* fs : of_type("AWS::EFS::FileSystem"))
      if (!is_true(*fs->properties, "Encrypted")) add(fs->id, "EFS-UNENCRYPTED", "Encrypted is not true");
    cache_encryption();
    for (const ResourceView* v : of_type("AWS::EC2::Volume"))
      if (!is_true(*v->properties, "Encrypted")) add(v->id, "EBS-UNENCRYPTED", "Encrypted is not true");
    for (const ResourceView* i : of_type("AWS::EC2::Instance"))
      block_devices(i->id, view_.items_at(*i->properties, "BlockDeviceMappings"));
    for (const ResourceView* lt : of_type("AWS::EC2::LaunchTemplate"))
      block_devices(lt->id, view_.items_at(*lt->properties, "LaunchTemplateData.BlockDeviceMappings"));
  }

  // --- ELASTICACHE-UNENCRYPTED ----------------------------------------------------
  // Both settings default to false in CloudFormation. A group that joins a Global
  // Datastore takes them from it, so it is left to the datastore's primary.
  void cache_encryption() {
    for (const ResourceView* group : of_type("AWS::ElastiCache::ReplicationGroup")) {
      const Json& p = *group->properties;
      if (StackView::at(p, "GlobalReplicationGroupId")) continue;
      std::vector<std::string> off;
      if (!is_true(p, "AtRestEncryptionEnabled")) off.emplace_back("AtRestEncryptionEnabled");
      if (!is_true(p, "TransitEncryptionEnabled")) off.emplace_back("TransitEncryptionEnabled");
      if (!off.empty())
        add(group->id, "ELASTICACHE-UNENCRYPTED", fmt::format("{} {} not true", fmt::join(off, " and "), off.size() == 1 ? "is" : "are"));
    }
  }

  // --- S3-PUBLIC-ACCESS, S3-NO-TLS ---------------------------------------------
  bool denies_plain_http(const Json& statement) const {
    if (view_.string_at(statement, "Effect") != "Deny") return false;
    return view_.bool_at(statement, "Condition.Bool.aws:SecureTransport") == false;
  }

  void buckets() {
    std::set<std::string> tls_only;
    for (const ResourceView* policy : of_type("AWS::S3::BucketPolicy")) {
      const auto statements = view_.items_at(*policy->properties, "PolicyDocument.Statement");
      if (std::any_of(statements.begin(), statements.end(), [&](const Json* s) { return denies_plain_http(*s); }))
        tls_only.insert(target_at(*policy->properties, "Bucket"));
    }
    for (const ResourceView* bucket : of_type("AWS::S3::Bucket")) {
      const Json* block = StackView::at(*bucket->properties, "PublicAccessBlockConfiguration");
      std::vector<std::string> off;
      for (const char* setting : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        if (block == nullptr || !is_true(*block, setting)) off.push_back(setting);
      if (block == nullptr)
        add(bucket->id, "S3-PUBLIC-ACCESS", "PublicAccessBlockConfiguration is not set");
      else if (!off.empty())
        add(bucket->id, "S3-PUBLIC-ACCESS", fmt::format("{} not on", fmt::join(off, ", ")));
      if (!tls_only.contains(std::string(bucket->id)))
        add(bucket->id, "S3-NO-TLS", "no bucket policy denies aws:SecureTransport=false");
    }
  }

  // --- SQS-UNENCRYPTED -----------------------------------------------------------
  void queues() {
    for (const ResourceView* queue : of_type("AWS::SQS::Queue")) {
      const Json& p = *queue->properties;
      // SSE-SQS is SQS's default: only an explicit false without a KMS key leaves messages in the clear.
      if (view_.bool_at(p, "SqsManagedSseEnabled") == false && !StackView::at(p, "KmsMasterKeyId"))
        add(queue->id, "SQS-UNENCRYPTED", "SqsManagedSseEnabled is false and no KmsMasterKeyId is set");
    }
  }

  // --- SNS-NO-TLS, SQS-NO-TLS --------------------------------------------------------
  /// What policies of `type` that deny plain HTTP cover: each logical id in
  /// `list` (Topics, Queues) or at `single` (an inline policy's TopicArn, Queue).
  std::set<std::string> tls_only(std::string_view type, std::string_view list, std::string_view single) const {
    std::set<std::string> out;
    for (const ResourceView* policy : of_type(type)) {
      const auto statements = view_.items_at(*policy->properties, "PolicyDocument.Statement");
      if (std::none_of(statements.begin(), statements.end(), [&](const Json* s) { return denies_plain_http(*s); }))
        continue;
      if (!list.empty())
        for (const Json* t : view_.items_at(*policy->properties, list)) out.insert(direct_target(*t));
      if (!single.empty()) out.insert(target_at(*policy->properties, single));
    }
    return out;
  }

  void messaging_tls() {
    auto topics = tls_only("AWS::SNS::TopicPolicy", "Topics", "");
    topics.merge(tls_only("AWS::SNS::TopicInlinePolicy", "", "TopicArn"));
    for (const ResourceView* topic : of_type("AWS::SNS::Topic"))
      if (!topics.contains(std::string(topic->id)))
        add(topic->id, "SNS-NO-TLS", "no topic policy denies aws:SecureTransport=false");
    auto queues = tls_only("AWS::SQS::QueuePolicy", "Queues", "");
    queues.merge(tls_only("AWS::SQS::QueueInlinePolicy", "", "Queue"));
    for (const ResourceView* queue : of_type("AWS::SQS::Queue"))
      if (!queues.contains(std::string(queue->id)))
        add(queue->id, "SQS-NO-TLS", "no queue policy denies aws:SecureTransport=false");
  }

  // --- LAMBDA-URL-NO-AUTH --------------------------------------------------------
  void function_urls() {
    for (const ResourceView* url : of_type("AWS::Lambda::Url")) {
      if (view_.string_at(*url->properties, "AuthType") != "NONE") continue;
      const std::string function = target_at(*url->properties, "TargetFunctionArn");
      add(url->id, "LAMBDA-URL-NO-AUTH",
          fmt::format("AuthType is NONE: anyone can invoke {}",
                      function.empty() ? dump_at(*url->properties, "TargetFunctionArn") : "function " + function));
    }
  }

  // --- VPC-NO-FLOW-LOGS --------------------------------------------------------
  void flow_logs() {
    std::set<std::string> logged;
    for (const ResourceView* log : of_type("AWS::EC2::FlowLog"))
      if (view_.string_at(*log->properties, "ResourceType") == "VPC") logged.insert(target_at(*log->properties, "ResourceId"));
    for (const ResourceView* vpc : of_type("AWS::EC2::VPC"))
      if (!logged.contains(std::string(vpc->id)))
        add(vpc->id, "VPC-NO-FLOW-LOGS", "no AWS::EC2::FlowLog records this VPC's traffic");
  }

  // --- LB-NO-ACCESS-LOGS, LB-HTTP-NO-REDIRECT ----------------------------------
  void load_balancers() {
    for (const ResourceView* lb : of_type("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      if (view_.string_at(*lb->properties, "Type") == "gateway") continue;  // gateway load balancers have no access logs
      const auto attrs = view_.items_at(*lb->properties, "LoadBalancerAttributes");
      const bool logged = std::any_of(attrs.begin(), attrs.end(), [&](const Json* a) {
        return view_.string_at(*a, "Key") == "access_logs.s3.enabled" && is_true(*a, "Value");
      });
      if (!logged) add(lb->id, "LB-NO-ACCESS-LOGS", "access_logs.s3.enabled is not true");
    }
    for (const ResourceView* listener : of_type("AWS::ElasticLoadBalancingV2::Listener")) {
      const Json& p = *listener->properties;
      if (view_.string_at(p, "Protocol") != "HTTP") continue;
      const auto actions = view_.items_at(p, "DefaultActions");
      const bool redirects = std::any_of(actions.begin(), actions.end(), [&](const Json* a) {
        return view_.string_at(*a, "Type") == "redirect" && view_.string_at(*a, "RedirectConfig.Protocol") == "HTTPS";
      });
      if (!redirects)
        add(listener->id, "LB-HTTP-NO-REDIRECT",
            fmt::format("HTTP listener on port {} serves requests instead of redirecting them", dump_at(p, "Port")));
    }
  }

  // --- IAM-WILDCARD-ACTION -----------------------------------------------------
  void policy_document(std::string_view id, const Json* document) {
    if (document == nullptr) return;
    for (const Json* statement : view_.items_at(*document, "Statement")) {
      if (view_.string_at(*statement, "Effect") != "Allow") continue;
      for (const Json* action : view_.items_at(*statement, "Action")) {
        if (!action->is_string()) continue;
        const std::string a = *action;
        if (a == "*" || (a.size() > 2 && a.ends_with(":*")))
          add(id, "IAM-WILDCARD-ACTION", fmt::format("a statement allows \"{}\"", a), "Action::" + a);
      }
    }
  }

  void iam_wildcards() {
    for (const char* type : {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"})
      for (const ResourceView* p : of_type(type)) policy_document(p->id, StackView::at(*p->properties, "PolicyDocument"));
    for (const ResourceView* role : of_type("AWS::IAM::Role"))
      for (const Json* p : view_.items_at(*role->properties, "Policies"))
        policy_document(role->id, StackView::at(*p, "PolicyDocument"));
  }

  // --- SECRET-IN-ENV -----------------------------------------------------------
  static bool secret_name(const std::string& name) {
    static const std::regex secretish("PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL",
                                      std::regex::icase);
    // Names of references to a secret are fine: DB_SECRET_ARN, TOKEN_PARAMETER_NAME.
    static const std::regex reference("(_|^)(ARN|NAME|ID|PATH|URL|URI|FILE|PARAMETER)$", std::regex::icase);
    return std::regex_search(name, secretish) && !std::regex_search(name, reference);
  }

  /// The name of an environment entry, when it is a literal string.
  static const std::string* entry_name(const Json& entry) {
    const Json* name = StackView::at(entry, "Name");
    return name != nullptr && name->is_string() ? &name->get_ref<const std::string&>() : nullptr;
  }

  void plain_secrets() {
    auto check = [&](std::string_view id, const std::string& name, const std::string& where) {
      if (secret_name(name)) add(id, "SECRET-IN-ENV", fmt::format("{} sets {} in plain text", where, name));
    };
    for (const ResourceView* td : of_type("AWS::ECS::TaskDefinition"))
      for (const Json* c : view_.items_at(*td->properties, "ContainerDefinitions"))
        for (const Json* e : view_.items_at(*c, "Environment"))
          if (const std::string* name = entry_name(*e))
            check(td->id, *name, fmt::format("container {}", dump_at(*c, "Name")));
    for (const ResourceView* fn : of_type("AWS::Lambda::Function"))
      if (const Json* vars = view_.map_at(*fn->properties, "Environment.Variables"))
        for (const auto& [name, value] : vars->items()) check(fn->id, name, "the function");
    for (const ResourceView* project : of_type("AWS::CodeBuild::Project"))
      for (const Json* e : view_.items_at(*project->properties, "Environment.EnvironmentVariables")) {
        const bool plain = !StackView::at(*e, "Type") || view_.string_at(*e, "Type") == "PLAINTEXT";
        if (const std::string* name = entry_name(*e); plain && name)
          check(project->id, *name, "the build project");
      }
  }

  // --- CODEDEPLOY-NO-ROLLBACK --------------------------------------------------
  void deployment_groups() {
    for (const ResourceView* group : of_type("AWS::CodeDeploy::DeploymentGroup")) {
      const Json& p = *group->properties;
      const auto events = view_.items_at(p, "AutoRollbackConfiguration.Events");
      const bool on_failure = std::any_of(events.begin(), events.end(), [](const Json* e) {
        return e->is_string() && *e == "DEPLOYMENT_FAILURE";
      });
      if (!is_true(p, "AutoRollbackConfiguration.Enabled") || !on_failure)
        add(group->id, "CODEDEPLOY-NO-ROLLBACK", "AutoRollbackConfiguration does not roll back on DEPLOYMENT_FAILURE");
    }
  }

  // --- CODEBUILD-PRIVILEGED -------------------------------------------------------
  void build_projects() {
    for (const ResourceView* project : of_type("AWS::CodeBuild::Project"))
      if (is_true(*project->properties, "Environment.PrivilegedMode"))
        add(project->id, "CODEBUILD-PRIVILEGED", "Environment.PrivilegedMode is true: builds run the Docker daemon as root");
  }

  // --- CLOUDFRONT-HTTP, CLOUDFRONT-OLD-TLS ---------------------------------------
  void distributions() {
    for (const ResourceView* d : of_type("AWS::CloudFront::Distribution")) {
      const Json* config = view_.map_at(*d->properties, "DistributionConfig");
      if (config == nullptr) continue;
      std::vector<const Json*> behaviors = view_.items_at(*config, "CacheBehaviors");
      if (const Json* def = view_.map_at(*config, "DefaultCacheBehavior")) behaviors.insert(behaviors.begin(), def);
      for (const Json* b : behaviors)
        if (view_.string_at(*b, "ViewerProtocolPolicy") == "allow-all")
          add(d->id, "CLOUDFRONT-HTTP",
              fmt::format("the behaviour for {} allows HTTP", StackView::at(*b, "PathPattern") ? dump_at(*b, "PathPattern") : "\"*\""));
      const Json* cert = view_.map_at(*config, "ViewerCertificate");
      const bool custom = cert != nullptr && !is_true(*cert, "CloudFrontDefaultCertificate") &&
                          (StackView::at(*cert, "AcmCertificateArn") || StackView::at(*cert, "IamCertificateId"));
      const auto policy = custom ? view_.string_at(*cert, "MinimumProtocolVersion") : std::nullopt;
      if (!custom)
        add(d->id, "CLOUDFRONT-OLD-TLS", "no certificate: the *.cloudfront.net name accepts TLSv1 (CloudFront's fixed policy)");
      else if (!policy)
        add(d->id, "CLOUDFRONT-OLD-TLS", "MinimumProtocolVersion is not set (CloudFront's default is TLSv1)");
      else if (!policy->starts_with("TLSv1.2") && !policy->starts_with("TLSv1.3"))
        add(d->id, "CLOUDFRONT-OLD-TLS", fmt::format("MinimumProtocolVersion is {}", *policy));
    }
  }

  // --- PUBLIC-NO-WAF -------------------------------------------------------------
  void web_acls() {
    if (!production()) return;
    std::set<std::string> protected_ids;
    for (const char* type : {"AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation"})
      for (const ResourceView* a : of_type(type)) protected_ids.insert(target_at(*a->properties, "ResourceArn"));
    for (const ResourceView* lb : of_type("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      const Json& p = *lb->properties;
      const auto type = view_.string_at(p, "Type").value_or("application");
      if (type == "application" && view_.string_at(p, "Scheme") == "internet-facing" && !protected_ids.contains(std::string(lb->id)))
        add(lb->id, "PUBLIC-NO-WAF", "no AWS::WAFv2::WebACLAssociation names this internet-facing load balancer");
    }
    for (const ResourceView* d : of_type("AWS::CloudFront::Distribution")) {
      const Json* acl = StackView::at(*d->properties, "DistributionConfig.WebACLId");
      if (acl == nullptr || (acl->is_string() && acl->get_ref<const std::string&>().empty()))
        add(d->id, "PUBLIC-NO-WAF", "DistributionConfig.WebACLId is not set");
    }
  }

  // --- ECS-NO-LOGS -----------------------------------------------------------------
  void container_logs() {
    for (const ResourceView* td : of_type("AWS::ECS::TaskDefinition"))
      for (const Json* c : view_.items_at(*td->properties, "ContainerDefinitions"))
        if (!StackView::at(*c, "LogConfiguration"))
          add(td->id, "ECS-NO-LOGS", fmt::format("container {} has no LogConfiguration", dump_at(*c, "Name")));
  }

  // --- KMS-NO-ROTATION ---------------------------------------------------------------
  // Asymmetric and HMAC keys cannot rotate automatically; a key in another
  // region's replica or an imported key (Origin EXTERNAL) neither.
  void key_rotation() {
    for (const ResourceView* key : of_type("AWS::KMS::Key")) {
      const Json& p = *key->properties;
      const auto spec = view_.string_at(p, "KeySpec").value_or("SYMMETRIC_DEFAULT");
      if (spec == "SYMMETRIC_DEFAULT" && view_.string_at(p, "Origin").value_or("AWS_KMS") == "AWS_KMS" &&
          !is_true(p, "EnableKeyRotation"))
        add(key->id, "KMS-NO-ROTATION", "EnableKeyRotation is not true");
    }
  }

  // --- RDS-NO-BACKUPS ----------------------------------------------------------------
  // Cluster members and read replicas take their backups from the cluster or the source.
  void backups() {
    for (const ResourceView* db : of_type("AWS::RDS::DBInstance")) {
      const Json& p = *db->properties;
      if (StackView::at(p, "DBClusterIdentifier") || StackView::at(p, "SourceDBInstanceIdentifier")) continue;
      if (view_.number_at(p, "BackupRetentionPeriod") == 0.0)
        add(db->id, "RDS-NO-BACKUPS", "BackupRetentionPeriod is 0");
    }
  }

  const Stack& stack_;
  const StackView& view_;
  std::vector<Finding> findings_;
};

/// Whether a suppression of `id` (as security::suppress stores it: "Rule" or
/// "Rule[finding]") answers finding `f`: cdkpp's own id, or an id another tool
/// reports the same finding under (AwsSolutions-RDS3 for RDS-NO-MULTI-AZ),
/// narrowed to this finding or not. A narrowed one of IAM5 answers
/// IAM-WILDCARD-ACTION for that action only.
bool answers(std::string_view id, const Rule& rule, const Finding& f, const std::vector<std::string_view>& foreign) {
  std::string_view narrowed;
  if (const auto open = id.find('['); open != std::string_view::npos && id.ends_with(']')) {
    narrowed = id.substr(open + 1, id.size() - open - 2);
    id = id.substr(0, open);
  }
  if (id == rule.id) return narrowed.empty();
  if (std::find(foreign.begin(), foreign.end(), id) == foreign.end()) return false;
  return narrowed.empty() || narrowed == f.granular;
}

/// The reason `c` or a scope above it gives for suppressing finding `f`, if any.
std::optional<std::string> suppression(const Construct* c, const Rule& rule, const Finding& f) {
  const auto foreign = equivalent_ids(rule.id);
  for (; c != nullptr; c = c->node().scope())
    for (const auto& m : c->node().metadata()) {
      if (m.type != kSuppressionType) continue;
      const auto colon = m.data.find(": ");
      if (colon != std::string::npos && answers(std::string_view(m.data).substr(0, colon), rule, f, foreign))
        return m.data.substr(colon + 2);
    }
  return std::nullopt;
}

/// The reason the template gives for suppressing finding `f` of a resource no
/// construct made (synthesis writes some itself), in the Metadata cdk-nag reads.
std::optional<std::string> template_suppression(const ResourceView* r, const Rule& rule, const Finding& f) {
  if (r == nullptr) return std::nullopt;
  const auto metadata = r->entry->find("Metadata");
  if (metadata == r->entry->end() || !metadata->contains("cdk_nag")) return std::nullopt;
  const auto& nag = (*metadata)["cdk_nag"];
  const auto list = nag.find("rules_to_suppress");
  if (list == nag.end() || !list->is_array()) return std::nullopt;
  const auto foreign = equivalent_ids(rule.id);
  for (const auto& s : *list)
    if (s.is_object() && s.value("id", "") != "" && answers(s.value("id", ""), rule, f, foreign))
      return s.value("reason", "");
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

std::vector<Result> find_all(const Stack& stack, const StackView& view,
                             const std::unordered_map<std::string, const Construct*>& constructs) {
  std::vector<Result> out;
  for (auto& f : Checker(stack, view).run()) {
    const Rule* rule = find_rule(f.rule);
    auto it = constructs.find(f.logical_id);
    const Construct* owner = it == constructs.end() ? nullptr : it->second;
    auto path = owner ? display_path(*owner) : stack.node().path() + "/" + f.logical_id;
    const ResourceView* resource = view.resource(f.logical_id);
    auto ids = cdk_nag_ids(rule->id, resource ? resource->type : std::string_view());
    auto reason = owner ? suppression(owner, *rule, f) : template_suppression(resource, *rule, f);
    out.push_back({rule, std::move(f.logical_id), std::move(path), std::move(f.detail), std::move(reason), std::move(ids)});
  }
  return out;
}

std::vector<Diagnostic> check_stack(const Stack& stack, const StackView& view,
                                    const std::unordered_map<std::string, const Construct*>& constructs) {
  std::vector<Diagnostic> out;
  for (auto& r : find_all(stack, view, constructs)) {
    const Rule& rule = *r.rule;
    // cdk-nag's id beside cdkpp's, as that tool would report the finding.
    const auto also = r.cdk_nag.empty() ? std::string() : fmt::format(" ({})", r.cdk_nag);
    if (r.suppressed) {
      out.push_back({Diagnostic::Level::Info, std::move(r.path),
                     fmt::format("[{}]{} suppressed: {} ({}); reason: {}", rule.id, also, rule.title, r.detail, *r.suppressed),
                     "", std::string(rule.id)});
      continue;
    }
    // Advice is an info line (validate shows it; --strict does not fail on it); unlike an
    // accepted finding it carries its fix.
    out.push_back({rule.severity == Severity::Advice ? Diagnostic::Level::Info : Diagnostic::Level::Warning,
                   std::move(r.path),
                   fmt::format("[{} {}]{} {}: {}", rule.id, to_string(rule.severity), also, rule.title, r.detail),
                   std::string(rule.fix), std::string(rule.id)});
  }
  return out;
}

}  // namespace cdk::detail::security
