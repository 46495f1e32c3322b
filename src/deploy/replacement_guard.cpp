#include "deploy/replacement_guard.hpp"

#include "deploy/assembly.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace cdk::deploy {
namespace {

/// The resource's entry in a template, or null.
const nlohmann::json* resource_in(const nlohmann::json& t, const std::string& logical_id) {
  if (!t.is_object() || !t.contains("Resources") || !t["Resources"].is_object()) return nullptr;
  const auto& resources = t["Resources"];
  auto it = resources.find(logical_id);
  return it != resources.end() && it->is_object() ? &*it : nullptr;
}

std::string policy(const nlohmann::json* r, const char* key) {
  if (!r || !r->contains(key) || !(*r)[key].is_string()) return "";
  return (*r)[key].get<std::string>();
}

bool is_allowed(const std::vector<std::string>& allowed, const std::string& path, const std::string& logical_id) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& pattern) {
    return glob_match(pattern, path) || glob_match(pattern, path + "/Resource") || glob_match(pattern, logical_id);
  });
}

/// The change set's replacing Modify changes by logical id (Replacement True or Conditional).
std::map<std::string, const ResourceChange*> change_set_replacements(const std::vector<ResourceChange>* changes) {
  std::map<std::string, const ResourceChange*> out;
  if (!changes) return out;
  for (const auto& c : *changes)
    if (c.action == "Modify" && (c.replacement == "True" || c.replacement == "Conditional")) out[c.logical_id] = &c;
  return out;
}

std::string allow_hint(const std::string& path) {
  return fmt::format("to do it deliberately, re-run with --allow-replace {} (or give the resource a removal "
                     "policy of Delete)",
                     path);
}

/// A replaced stateful resource the template does not call disposable.
void judge_replaced(const GuardInput& in, const TemplateChange& c, const ResourceChange* change_set_says,
                    GuardFindings& out) {
  const nlohmann::json* now = resource_in(in.local, c.logical_id);
  std::string on_replace = policy(now, "UpdateReplacePolicy");
  if (on_replace.empty()) on_replace = policy(now, "DeletionPolicy");
  if (on_replace == "Delete") return;
  const std::string path = construct_path_of(in.local, c.logical_id);
  if (is_allowed(in.allowed, path, c.logical_id)) return;
  const bool always =
      c.replacement == l1::Replacement::Always || (change_set_says && change_set_says->replacement == "True");
  const std::vector<std::string>& forcing =
      !c.replacing.empty() || !change_set_says ? c.replacing : change_set_says->recreating;
  const std::string why =
      forcing.empty() ? "CloudFormation's change set says so" : fmt::format("changed: {}", fmt::join(forcing, ", "));
  if (always) {
    out.refused.push_back(fmt::format("{}: the deploy replaces {} {} ({}), which holds data; {}", path, c.type,
                                      c.logical_id, why, allow_hint(path)));
  } else {
    out.warned.push_back(fmt::format("{}: the deploy may replace {} {} ({}), which holds data; CloudFormation "
                                     "replaces it only for some values: see its verdict with deploy --method "
                                     "prepare-change-set",
                                     path, c.type, c.logical_id, why));
  }
}

/// A removed stateful resource that CloudFormation would delete by default.
void judge_removed(const GuardInput& in, const TemplateChange& c, GuardFindings& out) {
  if (!policy(resource_in(in.deployed, c.logical_id), "DeletionPolicy").empty()) return;
  const std::string path = construct_path_of(in.deployed, c.logical_id);
  if (is_allowed(in.allowed, path, c.logical_id)) return;
  out.refused.push_back(fmt::format("{}: the deploy deletes {} {} (gone from the template, no DeletionPolicy), "
                                    "which holds data; {}",
                                    path, c.type, c.logical_id, allow_hint(path)));
}

}  // namespace

const std::vector<std::string_view>& stateful_types() {
  static const std::vector<std::string_view> types = {
      "AWS::AmazonMQ::Broker",          "AWS::Backup::BackupVault",        "AWS::Cassandra::Table",
      "AWS::Cognito::UserPool",         "AWS::DocDB::DBCluster",           "AWS::DynamoDB::GlobalTable",
      "AWS::DynamoDB::Table",           "AWS::EC2::EIP",                   "AWS::EC2::Volume",
      "AWS::ECR::Repository",           "AWS::EFS::FileSystem",            "AWS::ElastiCache::CacheCluster",
      "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::ServerlessCache", "AWS::Elasticsearch::Domain",
      "AWS::FSx::FileSystem",           "AWS::KMS::Key",                   "AWS::Kinesis::Stream",
      "AWS::Logs::LogGroup",            "AWS::MSK::Cluster",               "AWS::MemoryDB::Cluster",
      "AWS::Neptune::DBCluster",        "AWS::OpenSearchService::Domain",  "AWS::QLDB::Ledger",
      "AWS::RDS::DBCluster",            "AWS::RDS::DBInstance",            "AWS::RDS::GlobalCluster",
      "AWS::Redshift::Cluster",         "AWS::RedshiftServerless::Namespace", "AWS::Route53::HostedZone",
      "AWS::S3::Bucket",                "AWS::S3Express::DirectoryBucket", "AWS::SQS::Queue",
      "AWS::SecretsManager::Secret",    "AWS::Timestream::Database",       "AWS::Timestream::Table",
  };
  return types;
}

bool is_stateful_type(std::string_view type) {
  const auto& types = stateful_types();
  return std::find(types.begin(), types.end(), type) != types.end();
}

std::string construct_path_of(const nlohmann::json& template_json, const std::string& logical_id) {
  const nlohmann::json* r = resource_in(template_json, logical_id);
  if (!r || !r->contains("Metadata") || !(*r)["Metadata"].is_object()) return logical_id;
  std::string path = (*r)["Metadata"].value("aws:cdk:path", "");
  if (path.empty()) return logical_id;
  constexpr std::string_view suffix = "/Resource";
  if (path.size() > suffix.size() && path.ends_with(suffix)) path.resize(path.size() - suffix.size());
  return path;
}

GuardFindings guard_replacements(const GuardInput& in) {
  GuardFindings out;
  const auto change_set = change_set_replacements(in.change_set);
  for (const auto& c : in.diff.changes) {
    if (c.section != "Resources" || !is_stateful_type(c.type)) continue;
    if (c.kind == TemplateChange::Kind::Removed) {
      judge_removed(in, c, out);
      continue;
    }
    auto verdict = change_set.find(c.logical_id);
    const ResourceChange* says = verdict == change_set.end() ? nullptr : verdict->second;
    if (c.kind == TemplateChange::Kind::Modified && (c.replaces() || says)) judge_replaced(in, c, says, out);
  }
  // Replaced without a change of its own (it refers to a resource being replaced): only the change set knows.
  for (const auto& [id, says] : change_set) {
    const nlohmann::json* r = resource_in(in.local, id);
    const bool in_diff = std::any_of(in.diff.changes.begin(), in.diff.changes.end(), [&](const TemplateChange& c) {
      return c.section == "Resources" && c.logical_id == id;
    });
    if (in_diff || !r || !is_stateful_type(r->value("Type", ""))) continue;
    TemplateChange c{.section = "Resources", .logical_id = id, .type = r->value("Type", "")};
    judge_replaced(in, c, says, out);
  }
  return out;
}

}  // namespace cdk::deploy
