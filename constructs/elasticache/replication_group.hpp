#pragma once
/// cdk::elasticache::ReplicationGroup: a Valkey or Redis OSS replication group
/// (node-based ElastiCache) in private subnets of a VPC, secure by default:
/// encrypted at rest and in transit (TLS only), an AUTH token generated in
/// Secrets Manager, its own security group with no inbound rule, Multi-AZ with
/// automatic failover as soon as there is a replica, daily snapshots kept one
/// day, and a final snapshot when the stack deletes it.
///
///   auto& cache = stack.add<cdk::elasticache::ReplicationGroup>("Cache", {
///       .vpc = vpc, .num_cache_clusters = 2});        // primary + one replica in another AZ
///   cache.connections().allow_default_port_from(service);
///   cache.grant_read_auth_token(task_role);           // clients read the token at start
///   // clients connect with TLS to cache.primary_endpoint_address():cache.primary_endpoint_port()
///
/// The AWS CDK has no L2 for ElastiCache; the construct ids are cdkpp's own:
/// <id>/SecurityGroup, <id>/AuthToken (a secretsmanager::Secret), <id>/SubnetGroup
/// and <id>/Resource.
///
/// Subnets: the VPC's PrivateIsolated subnets when it has some, else its default
/// selection (private with egress); public subnets are refused.
///
/// Two shapes, as ElastiCache has them:
/// - cluster mode off (default): one shard of `num_cache_clusters` nodes (1-6),
///   a primary endpoint for writes and a reader endpoint for the replicas;
/// - cluster mode on (`num_node_groups` >= 1): that many shards of one primary and
///   `replicas_per_node_group` replicas each, reached through the configuration
///   endpoint; automatic failover is always on.
///
/// Not supported (set them on cfn_replication_group().props() if needed): custom
/// parameter groups, user groups (RBAC) instead of the AUTH token, log delivery,
/// data tiering, global datastores, restoring from a snapshot, IPv6/dual stack.
/// Windows are checked for their format and 60-minute minimum, not for overlap.
///
/// cdk-nag (AwsSolutions) passes AEC3 and AEC6 (encryption, AUTH) on the defaults
/// and still reports AEC4 for a single node (no Multi-AZ; set num_cache_clusters
/// = 2 or more) and, with Engine::Redis, AEC5 for port 6379 (set another port or
/// suppress with a reason).
#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::ec2 {
class IVpc;
class SecurityGroup;
}  // namespace cdk::ec2
namespace cdk::secretsmanager {
class Secret;
}

namespace cdk::elasticache {

class CfnReplicationGroup;
class CfnSubnetGroup;

/// The cache engine (Memcached has no replication groups).
enum class Engine : std::uint8_t {
  Valkey,  ///< the open-source fork of Redis; priced about 20% below Redis OSS on ElastiCache
  Redis,   ///< Redis OSS
};

/// "valkey" or "redis", as CloudFormation spells the engine.
constexpr const char* engine_name(Engine engine) noexcept {
  switch (engine) {
    case Engine::Valkey: return "valkey";
    case Engine::Redis: return "redis";
  }
  return "valkey";
}

/// The version a new group gets when engine_version is left empty.
constexpr const char* default_engine_version(Engine engine) noexcept {
  switch (engine) {
    case Engine::Valkey: return "8.0";
    case Engine::Redis: return "7.1";
  }
  return "8.0";
}

struct ReplicationGroupProps {
  Ptr<ec2::IVpc> vpc{};                          ///< required
  ec2::SubnetSelection subnets{};                ///< default PrivateIsolated if the VPC has them, else its private subnets
  Engine engine = Engine::Valkey;                ///< default Valkey
  std::string engine_version{};                  ///< e.g. "7.2"; default default_engine_version(engine) ("8.0" / "7.1")
  std::string cache_node_type = "cache.t4g.micro";  ///< default cache.t4g.micro (Graviton, the cheapest current generation)
  Optional<std::int64_t> num_cache_clusters{};       ///< cluster mode off: nodes, primary included, 1-6; default 1
  std::int64_t num_node_groups = 0;              ///< shards, 1-500, turns cluster mode on; default 0 (cluster mode off)
  Optional<std::int64_t> replicas_per_node_group{};       ///< cluster mode only: replicas per shard, 0-5; default 1
  Optional<bool> automatic_failover{};           ///< promote a replica when the primary fails; default on with a replica (always in cluster mode)
  Optional<bool> multi_az{};                     ///< replicas in other AZs than their primary; needs automatic failover; default as automatic_failover
  std::int64_t port = 6379;                      ///< 1-65535; default 6379
  List<Ptr<ec2::SecurityGroup>> security_groups{};         ///< default one made for the group, no inbound or outbound rule
  bool at_rest_encryption = true;                ///< encrypt disks and snapshots; default true
  Value kms_key_id{};                            ///< KMS key (id or ARN) for at-rest encryption; default the ElastiCache-owned key
  bool transit_encryption = true;                ///< TLS between clients and nodes; default true
  bool auth_token = true;                        ///< AUTH token generated into a Secrets Manager secret; needs transit_encryption; default true
  std::int64_t snapshot_retention_days = 1;      ///< automatic daily snapshots kept, 0-35 (0 turns them off); default 1
  std::string snapshot_window{};                 ///< "hh24:mi-hh24:mi" UTC, at least 60 minutes; default chosen by ElastiCache
  std::string maintenance_window{};              ///< "ddd:hh24:mi-ddd:hh24:mi" UTC (ddd: sun-sat), at least 60 minutes; default chosen by ElastiCache
  bool auto_minor_version_upgrade = true;        ///< default true
  std::string replication_group_name{};          ///< ReplicationGroupId: 1-40 letters, digits, hyphens; default generated by CloudFormation
  std::string description{};                     ///< default "Replication group <construct path>"
  Value notification_topic_arn{};                ///< SNS topic for ElastiCache events; default none
  RemovalPolicy removal_policy = RemovalPolicy::Snapshot;  ///< Snapshot (a final snapshot), Retain or Delete; default Snapshot
};

class ReplicationGroup : public Construct, public ec2::IConnectable {
 public:
  using Props = ReplicationGroupProps;
  ReplicationGroup(Construct& scope, std::string_view id, const ReplicationGroupProps& props);

  /// {"Ref": group}: the replication group id.
  [[nodiscard]] Value replication_group_id() const;
  /// Fn::GetAtt PrimaryEndPoint.Address / .Port: where writes go (cluster mode off;
  /// an error naming the path in cluster mode, which has a configuration endpoint instead).
  [[nodiscard]] Value primary_endpoint_address() const;
  [[nodiscard]] Value primary_endpoint_port() const;
  /// Fn::GetAtt ReaderEndPoint.Address / .Port: spreads reads over the replicas (cluster mode off).
  [[nodiscard]] Value reader_endpoint_address() const;
  [[nodiscard]] Value reader_endpoint_port() const;
  /// Fn::GetAtt ConfigurationEndPoint.Address / .Port: what cluster clients start from
  /// (cluster mode on; an error naming the path otherwise).
  [[nodiscard]] Value configuration_endpoint_address() const;
  [[nodiscard]] Value configuration_endpoint_port() const;

  /// The secret holding the AUTH token (a plain string), or nullptr with auth_token off.
  [[nodiscard]] secretsmanager::Secret* auth_token_secret() noexcept { return secret_; }
  /// secretsmanager:GetSecretValue and DescribeSecret on the AUTH token's secret;
  /// an error naming the path when the group has no AUTH token.
  void grant_read_auth_token(iam::IGrantable& grantee) const;

  [[nodiscard]] bool cluster_mode() const noexcept { return props_.num_node_groups > 0; }
  /// Nodes in the group, replicas included (what ElastiCache bills).
  [[nodiscard]] std::int64_t node_count() const noexcept;

  ec2::Connections& connections() override { return connections_; }
  [[nodiscard]] CfnReplicationGroup& cfn_replication_group() noexcept { return *resource_; }
  [[nodiscard]] CfnSubnetGroup& cfn_subnet_group() noexcept { return *subnet_group_; }

 private:
  void check() const;
  void check_shape() const;
  void check_windows() const;
  [[nodiscard]] std::string version() const;
  [[nodiscard]] bool has_replicas() const noexcept;
  [[nodiscard]] bool failover() const;
  [[nodiscard]] bool multi_az() const;
  void make_subnet_group();
  [[nodiscard]] std::vector<Value> make_security_groups();
  void make_auth_token();
  void make_replication_group(std::vector<Value> group_ids);
  void require_cluster_mode(bool on, const char* accessor) const;

  ReplicationGroupProps props_;
  CfnSubnetGroup* subnet_group_ = nullptr;
  CfnReplicationGroup* resource_ = nullptr;
  secretsmanager::Secret* secret_ = nullptr;
  ec2::Connections connections_;
};

}  // namespace cdk::elasticache
