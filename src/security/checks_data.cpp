// Checks for RDS and Aurora, ElastiCache, S3, SQS and Secrets Manager that
// answer cdk-nag's AwsSolutions rules on those types (the id of each is beside
// its rule in other_tools.cpp), under the same conditions. A value that is not
// a literal is given the benefit of the doubt.
#include "security/findings.hpp"
#include "security/other_tools.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace cdk::detail::security {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Whether `text` holds `name` not followed by a character of `more` or a word
/// character: how cdk-nag tells that a flattened reference names a resource.
bool names(std::string_view text, std::string_view name, std::string_view more = "") {
  if (name.empty()) return false;
  for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const auto next = at + name.size();
    if (next == text.size() || (!word_char(text[next]) && more.find(text[next]) == std::string_view::npos)) return true;
  }
  return false;
}

/// The logical id a value points at (Ref, Fn::GetAtt), else the literal text; "" otherwise.
std::string target_or_text(const Json* value) {
  if (value == nullptr) return "";
  if (auto t = direct_target(*value); !t.empty()) return t;
  return value->is_string() ? value->get<std::string>() : "";
}

// --- RDS-NO-MULTI-AZ, RDS-DEFAULT-PORT (instances) ----------------------------------------
struct DefaultPort {
  std::string_view engine;  // an exact engine, or a part of one when `part`
  bool part;
  double port;
};
constexpr std::array kInstancePorts{DefaultPort{"mariadb", false, 3306}, DefaultPort{"mysql", false, 3306},
                                    DefaultPort{"postgres", false, 5432}, DefaultPort{"oracle", true, 1521},
                                    DefaultPort{"sqlserver", true, 1433}};

void instance_ports(Findings& out, const ResourceView& db, const std::optional<std::string>& engine) {
  const Json& p = *db.properties;
  if (!Findings::has(p, "Engine")) {
    out.add(db.id, "RDS-DEFAULT-PORT", "Engine is not set, so the port is the engine's default");
    return;
  }
  if (!engine) return;
  if (!Findings::has(p, "Port")) {
    if (engine->find("aurora") == std::string::npos)
      out.add(db.id, "RDS-DEFAULT-PORT", fmt::format("Port is not set: {} listens on its default port", *engine));
    return;
  }
  const auto port = out.view.number_at(p, "Port");
  for (const auto& d : kInstancePorts)
    if ((d.part ? engine->find(d.engine) != std::string::npos : *engine == d.engine) && port == d.port)
      out.add(db.id, "RDS-DEFAULT-PORT", fmt::format("Port is {}, the default of {}", d.port, *engine));
}

void rds_instances(Findings& out) {
  for (const ResourceView* db : out.of_type("AWS::RDS::DBInstance")) {
    const Json& p = *db->properties;
    const auto raw = out.view.string_at(p, "Engine");
    const auto engine = raw ? std::optional(lowercase(*raw)) : std::nullopt;
    // Aurora keeps copies in three AZs whatever its instances do.
    const bool not_aurora = !Findings::has(p, "Engine") || (engine && engine->find("aurora") == std::string::npos);
    const bool single = !Findings::has(p, "MultiAZ") || out.view.bool_at(p, "MultiAZ") == false;
    if (not_aurora && single) out.add(db->id, "RDS-NO-MULTI-AZ", "MultiAZ is not true: no standby in another AZ");
    instance_ports(out, *db, engine);
  }
}

// --- RDS-NO-IAM-AUTH, RDS-DEFAULT-PORT, AURORA-NO-BACKTRACK, AURORA-SERVERLESS-NO-LOGS ----
void cluster_port(Findings& out, const ResourceView& db, const std::string& engine) {
  const Json& p = *db.properties;
  if (!Findings::has(p, "Port")) {
    out.add(db.id, "RDS-DEFAULT-PORT", fmt::format("Port is not set: {} listens on its default port", engine));
    return;
  }
  const auto port = out.view.number_at(p, "Port");
  const auto mode = out.view.string_at(p, "EngineMode");
  const bool provisioned = !Findings::has(p, "EngineMode") || (mode && lowercase(*mode) == "provisioned");
  const bool mysql = provisioned ? engine.find("aurora") != std::string::npos : engine == "aurora" || engine == "aurora-mysql";
  if (mysql && port == 3306.0)
    out.add(db.id, "RDS-DEFAULT-PORT", fmt::format("Port is 3306, the default of {}", engine));
  else if (!provisioned && engine == "aurora-postgresql" && port == 5432.0)
    out.add(db.id, "RDS-DEFAULT-PORT", "Port is 5432, the default of aurora-postgresql");
}

constexpr std::array kServerlessLogs{"audit", "error", "general", "slowquery"};

void rds_clusters(Findings& out) {
  for (const ResourceView* db : out.of_type("AWS::RDS::DBCluster")) {
    const Json& p = *db->properties;
    const auto raw = out.view.string_at(p, "Engine");
    if (!raw) continue;
    const std::string engine = lowercase(*raw);
    const bool aurora_mysql = engine == "aurora" || engine == "aurora-mysql";
    if (engine.find("aurora") != std::string::npos &&
        (!Findings::has(p, "EnableIAMDatabaseAuthentication") ||
         out.view.bool_at(p, "EnableIAMDatabaseAuthentication") == false))
      out.add(db->id, "RDS-NO-IAM-AUTH", "EnableIAMDatabaseAuthentication is not true");
    cluster_port(out, *db, engine);
    if (aurora_mysql && (!Findings::has(p, "BacktrackWindow") || out.view.number_at(p, "BacktrackWindow") == 0.0))
      out.add(db->id, "AURORA-NO-BACKTRACK", "BacktrackWindow is not set or 0");
    const auto mode = out.view.string_at(p, "EngineMode");
    if (!aurora_mysql || !mode || lowercase(*mode) != "serverless") continue;
    std::set<std::string> exported;
    for (const Json* log : out.view.items_at(p, "EnableCloudwatchLogsExports"))
      if (log->is_string()) exported.insert(log->get<std::string>());
    for (std::string_view log : kServerlessLogs)
      if (!exported.contains(std::string(log)))
        out.add(db->id, "AURORA-SERVERLESS-NO-LOGS", fmt::format("the {} log is not exported", log),
                fmt::format("LogExport::{}", log));
  }
}

// --- ELASTICACHE-NO-VPC, ELASTICACHE-NO-MULTI-AZ, ELASTICACHE-DEFAULT-PORT, ELASTICACHE-NO-AUTH
bool blank(const Findings& out, const Json& p, std::string_view path) {
  if (!Findings::has(p, path)) return true;
  const auto text = out.view.string_at(p, path);
  return text && text->empty();
}

void cache_port(Findings& out, const ResourceView& cache, bool cluster) {
  const Json& p = *cache.properties;
  if (!Findings::has(p, "Port")) {
    out.add(cache.id, "ELASTICACHE-DEFAULT-PORT", "Port is not set: the engine's default port");
    return;
  }
  const auto port = out.view.number_at(p, "Port");
  const auto engine = out.view.string_at(p, "Engine");
  const auto e = engine ? lowercase(*engine) : std::string();
  // A replication group without Engine is Redis; Valkey ports are not asked about.
  const bool redis = e == "redis" || (!cluster && !Findings::has(p, "Engine"));
  if (redis && port == 6379.0) out.add(cache.id, "ELASTICACHE-DEFAULT-PORT", "Port is 6379, Redis's default");
  if (cluster && e == "memcached" && port == 11211.0)
    out.add(cache.id, "ELASTICACHE-DEFAULT-PORT", "Port is 11211, Memcached's default");
}

void caches(Findings& out) {
  for (const char* type : {"AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup"})
    for (const ResourceView* cache : out.of_type(type)) {
      const bool cluster = std::string_view(type) == "AWS::ElastiCache::CacheCluster";
      if (blank(out, *cache->properties, "CacheSubnetGroupName"))
        out.add(cache->id, "ELASTICACHE-NO-VPC", "CacheSubnetGroupName is not set: the default VPC's subnets");
      cache_port(out, *cache, cluster);
      if (cluster) continue;
      const Json& p = *cache->properties;
      if (!Findings::has(p, "MultiAZEnabled") || out.view.bool_at(p, "MultiAZEnabled") == false)
        out.add(cache->id, "ELASTICACHE-NO-MULTI-AZ", "MultiAZEnabled is not true");
      if (blank(out, p, "AuthToken")) out.add(cache->id, "ELASTICACHE-NO-AUTH", "AuthToken is not set");
    }
}

// --- S3-NO-ACCESS-LOGS, S3-WEBSITE-NO-OAI ---------------------------------------------
/// Whether a bucket of the stack sends its access logs to `bucket`: it is a log bucket.
bool receives_logs(const Findings& out, const ResourceView& bucket) {
  const auto name = out.view.string_at(*bucket.properties, "BucketName");
  for (const ResourceView* other : out.of_type("AWS::S3::Bucket")) {
    const Json* dest = StackView::at(*other->properties, "LoggingConfiguration.DestinationBucketName");
    if (dest == nullptr) continue;
    const auto flat = nag_form(*dest);
    if (names(flat, bucket.id) || (name && flat == *name)) return true;
  }
  return false;
}

bool oai_principal(const Json& principal) {
  const Json* aws = StackView::at(principal, "AWS");
  return (aws != nullptr && aws->dump().find("CloudFront Origin Access Identity") != std::string::npos) ||
         StackView::at(principal, "CanonicalUser") != nullptr;
}

/// A policy on the bucket that lets a CloudFront origin access identity get or
/// put objects and no one else in: cdk-nag's test of a website bucket.
bool oai_only(const Findings& out, const ResourceView& policy) {
  bool found = false;
  for (const Json* s : out.view.items_at(*policy.properties, "PolicyDocument.Statement")) {
    if (out.view.string_at(*s, "Effect") != "Allow") continue;
    const Json* principal = StackView::at(*s, "Principal");
    if (principal == nullptr) continue;
    if (principal->dump().find('*') != std::string::npos) return false;
    if (!oai_principal(*principal)) continue;
    for (const Json* a : out.view.items_at(*s, "Action")) {
      const auto action = a->is_string() ? lowercase(a->get<std::string>()) : std::string();
      if (action != "s3:getobject" && action != "s3:putobject") return false;
    }
    found = true;
  }
  return found;
}

void buckets(Findings& out) {
  for (const ResourceView* bucket : out.of_type("AWS::S3::Bucket")) {
    const Json& p = *bucket->properties;
    const bool logged = Findings::has(p, "LoggingConfiguration.DestinationBucketName") ||
                        Findings::has(p, "LoggingConfiguration.LogFilePrefix");
    if (!logged && !receives_logs(out, *bucket))
      out.add(bucket->id, "S3-NO-ACCESS-LOGS", "LoggingConfiguration is not set and no bucket logs to this one");
    if (!Findings::has(p, "WebsiteConfiguration")) continue;
    const auto name = out.view.string_at(p, "BucketName");
    const auto policies = out.of_type("AWS::S3::BucketPolicy");
    const bool served = std::any_of(policies.begin(), policies.end(), [&](const ResourceView* policy) {
      const auto target = target_or_text(StackView::at(*policy->properties, "Bucket"));
      return (target == bucket->id || (name && target == *name)) && oai_only(out, *policy);
    });
    if (!served)
      out.add(bucket->id, "S3-WEBSITE-NO-OAI",
              "a website bucket without a policy that lets only a CloudFront origin access identity read it");
  }
}

// --- SQS-NO-DLQ ------------------------------------------------------------------------
/// Whether a queue's redrive policy or a function's dead-letter config sends to `queue`.
bool is_dead_letter_queue(const Findings& out, const ResourceView& queue) {
  const auto name = out.view.string_at(*queue.properties, "QueueName");
  auto sends_here = [&](const Json* arn) {
    if (arn == nullptr) return false;
    const auto flat = nag_form(*arn);
    return names(flat, queue.id) || (name && names(flat, ":" + *name, "-_."));
  };
  for (const ResourceView* q : out.of_type("AWS::SQS::Queue"))
    if (sends_here(StackView::at(*q->properties, "RedrivePolicy.deadLetterTargetArn"))) return true;
  for (const ResourceView* fn : out.of_type("AWS::Lambda::Function"))
    if (sends_here(StackView::at(*fn->properties, "DeadLetterConfig.TargetArn"))) return true;
  return false;
}

void queues(Findings& out) {
  for (const ResourceView* queue : out.of_type("AWS::SQS::Queue"))
    if (!Findings::has(*queue->properties, "RedrivePolicy") && !is_dead_letter_queue(out, *queue))
      out.add(queue->id, "SQS-NO-DLQ", "no RedrivePolicy, and no queue or function sends its dead letters here");
}

// --- SECRET-NO-ROTATION ------------------------------------------------------------------
bool rotates(const ResourceView& schedule) {
  const Json& p = *schedule.properties;
  return (Findings::has(p, "HostedRotationLambda") || Findings::has(p, "RotationLambdaArn")) &&
         (Findings::has(p, "RotationRules.AutomaticallyAfterDays") || Findings::has(p, "RotationRules.ScheduleExpression"));
}

void secrets(Findings& out) {
  const auto schedules = out.of_type("AWS::SecretsManager::RotationSchedule");
  const auto attachments = out.of_type("AWS::SecretsManager::SecretTargetAttachment");
  for (const ResourceView* secret : out.of_type("AWS::SecretsManager::Secret")) {
    // A schedule may name the secret through its attachment to a database.
    std::set<std::string> names_of{std::string(secret->id)};
    for (const ResourceView* a : attachments)
      if (target_or_text(StackView::at(*a->properties, "SecretId")) == secret->id) names_of.emplace(a->id);
    const bool rotated = std::any_of(schedules.begin(), schedules.end(), [&](const ResourceView* s) {
      return names_of.contains(target_or_text(StackView::at(*s->properties, "SecretId"))) && rotates(*s);
    });
    if (!rotated) out.add(secret->id, "SECRET-NO-ROTATION", "no RotationSchedule rotates it on a schedule");
  }
}

}  // namespace

void check_data_practices(Findings& out) {
  rds_instances(out);
  rds_clusters(out);
  caches(out);
  buckets(out);
  queues(out);
  secrets(out);
}

}  // namespace cdk::detail::security
