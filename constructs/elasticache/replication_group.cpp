#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/elasticache/cfn_replication_group.hpp>
#include <cdk/elasticache/cfn_subnet_group.hpp>
#include <cdk/elasticache/replication_group.hpp>
#include <cdk/secretsmanager/secret.hpp>

#include "detail/windows.hpp"

#include <cctype>
#include <string>

namespace cdk::elasticache {

namespace {

// ElastiCache's limits (CreateReplicationGroup in the ElastiCache API reference).
constexpr std::int64_t kMaxCacheClusters = 6;
constexpr std::int64_t kMaxNodeGroups = 500;
constexpr std::int64_t kMaxReplicasPerNodeGroup = 5;
constexpr std::int64_t kMaxSnapshotRetentionDays = 35;
constexpr std::size_t kMaxGroupIdLength = 40;
// An AUTH token is 16-128 printable characters whose only non-alphanumeric ones
// may be !&#$^<>-; letters and digits alone keep any client and URL happy.
constexpr std::int64_t kAuthTokenLength = 64;

// "8.0", "7.1", "6.2", "6.x": digits separated by dots, the last part may be "x".
bool version_like(const std::string& v) {
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v.front()))) return false;
  bool dot = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == '.') {
      if (dot || i + 1 == v.size()) return false;
      dot = true;
    } else if (std::isdigit(c) || (c == 'x' && dot && i + 1 == v.size())) {
      dot = false;
    } else {
      return false;
    }
  }
  return true;
}

int major_version(const std::string& v) { return std::stoi(v.substr(0, v.find('.'))); }

// The second part of a version_like() string; 0 when absent or "x".
int minor_version(const std::string& v) {
  const auto dot = v.find('.');
  if (dot == std::string::npos || !std::isdigit(static_cast<unsigned char>(v[dot + 1]))) return 0;
  return std::stoi(v.substr(dot + 1));
}

// The default parameter group with cluster-enabled yes: default.valkey8.cluster.on,
// default.redis7.cluster.on, default.redis6.x.cluster.on.
std::string cluster_parameter_group(Engine engine, const std::string& version) {
  const int major = major_version(version);
  std::string family = engine_name(engine) + std::to_string(major);
  if (engine == Engine::Redis && major == 6) family += ".x";
  return "default." + family + ".cluster.on";
}

// ReplicationGroupId: starts with a letter; letters, digits and single hyphens; no hyphen at the end.
bool valid_group_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxGroupIdLength || !std::isalpha(static_cast<unsigned char>(id.front())) ||
      id.back() == '-' || id.find("--") != std::string::npos)
    return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '-') return false;
  return true;
}

}  // namespace

ReplicationGroup::ReplicationGroup(Construct& scope, std::string_view id, const ReplicationGroupProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  check();
  make_subnet_group();
  auto group_ids = make_security_groups();
  if (props_.auth_token) make_auth_token();
  make_replication_group(std::move(group_ids));
}

std::string ReplicationGroup::version() const {
  return props_.engine_version.empty() ? default_engine_version(props_.engine) : props_.engine_version;
}

std::int64_t ReplicationGroup::node_count() const noexcept {
  if (cluster_mode()) return props_.num_node_groups * (1 + props_.replicas_per_node_group.value_or(1));
  return props_.num_cache_clusters.value_or(1);
}

bool ReplicationGroup::has_replicas() const noexcept {
  return cluster_mode() ? props_.replicas_per_node_group.value_or(1) > 0 : props_.num_cache_clusters.value_or(1) > 1;
}

bool ReplicationGroup::failover() const { return cluster_mode() || props_.automatic_failover.value_or(has_replicas()); }

bool ReplicationGroup::multi_az() const { return props_.multi_az.value_or(failover() && has_replicas()); }

void ReplicationGroup::check() const {
  const auto path = node().path();
  if (!props_.vpc) throw Error(path, "no VPC", "set .vpc = vpc");
  if (!version_like(version()))
    throw Error(path, "engine version '" + props_.engine_version + "' is not a version", "write it like \"7.2\" or leave it empty");
  if (props_.engine == Engine::Valkey && (major_version(version()) < 7 ||
                                          (major_version(version()) == 7 && minor_version(version()) < 2)))
    throw Error(path, "Valkey starts at version 7.2, not " + version(), "use 7.2 or later, or Engine::Redis");
  if (props_.cache_node_type.rfind("cache.", 0) != 0)
    throw Error(path, "node type '" + props_.cache_node_type + "' is not an ElastiCache node type",
                "use a cache.* type such as cache.t4g.micro or cache.r7g.large");
  check_shape();
  if (props_.port < 1 || props_.port > 65535)
    throw Error(path, "port " + std::to_string(props_.port) + " is out of range", "use 1 to 65535 (default 6379)");
  if (!props_.kms_key_id.is_null() && !props_.at_rest_encryption)
    throw Error(path, "a KMS key is set but encryption at rest is off", "keep at_rest_encryption = true or drop kms_key_id");
  if (props_.auth_token && !props_.transit_encryption)
    throw Error(path, "an AUTH token needs encryption in transit",
                "keep transit_encryption = true, or also set .auth_token = false");
  if (props_.snapshot_retention_days < 0 || props_.snapshot_retention_days > kMaxSnapshotRetentionDays)
    throw Error(path, "snapshot retention of " + std::to_string(props_.snapshot_retention_days) + " days is out of range",
                "use 0 to 35 days (0 turns automatic snapshots off)");
  check_windows();
  if (!props_.replication_group_name.empty() && !valid_group_id(props_.replication_group_name))
    throw Error(path, "replication group name '" + props_.replication_group_name + "' is not valid",
                "use 1-40 letters, digits and hyphens, starting with a letter, without '--' or a hyphen at the end");
}

void ReplicationGroup::check_shape() const {
  const auto path = node().path();
  if (props_.num_node_groups < 0 || props_.num_node_groups > kMaxNodeGroups)
    throw Error(path, "num_node_groups " + std::to_string(props_.num_node_groups) + " is out of range",
                "use 1 to 500 shards for cluster mode, or 0 (default) for one shard without cluster mode");
  if (cluster_mode()) {
    if (props_.num_cache_clusters)
      throw Error(path, "num_cache_clusters does not apply in cluster mode (num_node_groups is set)",
                  "size shards with replicas_per_node_group instead");
    const auto replicas = props_.replicas_per_node_group.value_or(1);
    if (replicas < 0 || replicas > kMaxReplicasPerNodeGroup)
      throw Error(path, "replicas_per_node_group " + std::to_string(replicas) + " is out of range", "use 0 to 5");
    if (props_.automatic_failover == false)
      throw Error(path, "cluster mode needs automatic failover", "drop .automatic_failover = false");
    if (props_.engine == Engine::Redis && major_version(version()) < 6)
      throw Error(path, "cluster mode is supported here from Redis OSS 6", "use engine version 6.2 or later");
  } else {
    if (props_.replicas_per_node_group)
      throw Error(path, "replicas_per_node_group needs cluster mode",
                  "set num_node_groups for cluster mode, or num_cache_clusters for one shard");
    const auto nodes = props_.num_cache_clusters.value_or(1);
    if (nodes < 1 || nodes > kMaxCacheClusters)
      throw Error(path, "num_cache_clusters " + std::to_string(nodes) + " is out of range",
                  "use 1 to 6 nodes (primary included), or num_node_groups for cluster mode");
    if (props_.automatic_failover == true && nodes < 2)
      throw Error(path, "automatic failover needs a replica to fail over to, and the group has one node",
                  "set .num_cache_clusters = 2 or more, or drop .automatic_failover");
  }
  if (props_.multi_az == true && !failover())
    throw Error(path, "Multi-AZ needs automatic failover", "drop .automatic_failover = false or .multi_az = true");
  if (props_.multi_az == true && !has_replicas())
    throw Error(path, "Multi-AZ needs a replica in another AZ, and the group has none",
                "add replicas (num_cache_clusters or replicas_per_node_group) or drop .multi_az");
}

void ReplicationGroup::check_windows() const {
  const auto path = node().path();
  if (!props_.snapshot_window.empty())
    if (auto problem = detail::check_daily_window(props_.snapshot_window))
      throw Error(path, "snapshot window '" + props_.snapshot_window + "': " + *problem,
                  "write it like \"03:00-05:00\" (UTC, at least 60 minutes)");
  if (!props_.maintenance_window.empty())
    if (auto problem = detail::check_weekly_window(props_.maintenance_window))
      throw Error(path, "maintenance window '" + props_.maintenance_window + "': " + *problem,
                  "write it like \"sun:05:00-sun:06:00\" (UTC, at least 60 minutes)");
}

void ReplicationGroup::make_subnet_group() {
  const auto path = node().path();
  auto selection = props_.subnets;
  ec2::SelectedSubnets picked;
  try {
    if (!selection.subnet_type && selection.subnet_group_name.empty() && selection.subnets.empty()) {
      // Isolated subnets when the VPC has them: a cache needs no route out.
      try {
        auto isolated = selection;
        isolated.subnet_type = ec2::SubnetType::PrivateIsolated;
        picked = props_.vpc->select_subnets(isolated);
      } catch (const Error&) {
        picked = props_.vpc->select_subnets(selection);
      }
    } else {
      picked = props_.vpc->select_subnets(selection);
    }
  } catch (const Error& e) {
    throw Error(path, "no subnets for the replication group: " + e.diagnostic().message,
                "give the VPC private subnets or set .subnets");
  }
  if (picked.has_public)
    throw Error(path, "the replication group's subnets include public subnets",
                "place caches in PrivateIsolated (default) or PrivateWithEgress subnets");
  if (multi_az() && picked.subnet_id_values.size() < 2)
    throw Error(path, "Multi-AZ needs subnets in at least two availability zones, and one subnet was selected",
                "select subnets in two or more AZs, or set .multi_az = false");
  CfnSubnetGroup::Props p;
  p.description = "Subnets for " + path;
  p.subnet_ids = picked.subnet_ids();
  subnet_group_ = &add<CfnSubnetGroup>("SubnetGroup", std::move(p));
  if (props_.removal_policy == RemovalPolicy::Retain) subnet_group_->apply_removal_policy(RemovalPolicy::Retain);
}

std::vector<Value> ReplicationGroup::make_security_groups() {
  std::vector<ec2::SecurityGroup*> groups;
  if (props_.security_groups.empty())
    groups.push_back(&add<ec2::SecurityGroup>(
        "SecurityGroup",
        {.vpc = props_.vpc, .description = "Security group for " + node().path(), .allow_all_outbound = false}));
  for (auto g : props_.security_groups) groups.push_back(g.get());
  std::vector<Value> ids;
  for (auto* g : groups) {
    connections_.add_security_group(*g);
    ids.push_back(g->security_group_id());
  }
  connections_.set_default_port(ec2::Port::tcp(static_cast<int>(props_.port)));
  return ids;
}

// GCC 12 at -O3 reports the generator's strings of the braced props below as
// maybe used uninitialized (a false positive of its inlining; each is set).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
void ReplicationGroup::make_auth_token() {
  // A retained group keeps needing its token; a snapshot restores data, not the token.
  const bool retain = props_.removal_policy == RemovalPolicy::Retain;
  secret_ = &add<secretsmanager::Secret>(
      "AuthToken", {.description = "AUTH token of the replication group " + node().path(),
                    .generate_secret_string = {.password_length = kAuthTokenLength, .exclude_punctuation = true},
                    .removal_policy = retain ? RemovalPolicy::Retain : RemovalPolicy::Delete});
}
#pragma GCC diagnostic pop

void ReplicationGroup::make_replication_group(std::vector<Value> group_ids) {
  CfnReplicationGroup::Props p;
  p.at_rest_encryption_enabled = props_.at_rest_encryption;
  if (secret_ != nullptr) p.auth_token = secret_->secret_value();
  p.auto_minor_version_upgrade = props_.auto_minor_version_upgrade;
  p.automatic_failover_enabled = failover();
  p.cache_node_type = props_.cache_node_type;
  p.cache_subnet_group_name = subnet_group_->ref();
  p.engine = engine_name(props_.engine);
  p.engine_version = version();
  if (!props_.kms_key_id.is_null()) p.kms_key_id = props_.kms_key_id;
  p.multi_az_enabled = multi_az();
  if (!props_.notification_topic_arn.is_null()) p.notification_topic_arn = props_.notification_topic_arn;
  if (cluster_mode()) {
    p.cluster_mode = "enabled";
    p.cache_parameter_group_name = cluster_parameter_group(props_.engine, version());
    p.num_node_groups = props_.num_node_groups;
    p.replicas_per_node_group = props_.replicas_per_node_group.value_or(1);
  } else {
    p.num_cache_clusters = props_.num_cache_clusters.value_or(1);
  }
  p.port = props_.port;
  if (!props_.maintenance_window.empty()) p.preferred_maintenance_window = props_.maintenance_window;
  p.replication_group_description =
      props_.description.empty() ? "Replication group " + node().path() : props_.description;
  if (!props_.replication_group_name.empty()) p.replication_group_id = props_.replication_group_name;
  p.security_group_ids = Value(std::move(group_ids));
  p.snapshot_retention_limit = props_.snapshot_retention_days;
  if (!props_.snapshot_window.empty()) p.snapshot_window = props_.snapshot_window;
  p.transit_encryption_enabled = props_.transit_encryption;
  resource_ = &add<CfnReplicationGroup>("Resource", std::move(p));
  resource_->apply_removal_policy(props_.removal_policy);
}

void ReplicationGroup::require_cluster_mode(bool on, const char* accessor) const {
  if (cluster_mode() != on)
    throw Error(node().path(), std::string(accessor) + " exists only with cluster mode " + (on ? "on" : "off"),
                on ? "set num_node_groups, or use primary_endpoint_*() / reader_endpoint_*()"
                   : "use configuration_endpoint_*() in cluster mode");
}

Value ReplicationGroup::replication_group_id() const { return resource_->ref(); }

Value ReplicationGroup::primary_endpoint_address() const {
  require_cluster_mode(false, "the primary endpoint");
  return resource_->attr_primary_end_point_address();
}
Value ReplicationGroup::primary_endpoint_port() const {
  require_cluster_mode(false, "the primary endpoint");
  return resource_->attr_primary_end_point_port();
}
Value ReplicationGroup::reader_endpoint_address() const {
  require_cluster_mode(false, "the reader endpoint");
  return resource_->attr_reader_end_point_address();
}
Value ReplicationGroup::reader_endpoint_port() const {
  require_cluster_mode(false, "the reader endpoint");
  return resource_->attr_reader_end_point_port();
}
Value ReplicationGroup::configuration_endpoint_address() const {
  require_cluster_mode(true, "the configuration endpoint");
  return resource_->attr_configuration_end_point_address();
}
Value ReplicationGroup::configuration_endpoint_port() const {
  require_cluster_mode(true, "the configuration endpoint");
  return resource_->attr_configuration_end_point_port();
}

void ReplicationGroup::grant_read_auth_token(iam::IGrantable& grantee) const {
  if (secret_ == nullptr)
    throw Error(node().path(), "the replication group has no AUTH token to read", "keep .auth_token = true");
  secret_->grant_read(grantee);
}

}  // namespace cdk::elasticache
