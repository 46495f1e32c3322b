#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/fn.hpp>
#include <cdk/names.hpp>
#include <cdk/rds/aurora_cluster.hpp>
#include <cdk/rds/cfn_db_cluster.hpp>
#include <cdk/rds/cfn_db_cluster_parameter_group.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/cfn_db_parameter_group.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>

#include "detail/common.hpp"

#include <algorithm>
#include <cmath>

namespace cdk::rds {

namespace {
bool half_step(double v) { return std::fabs(v * 2 - std::round(v * 2)) < 1e-9; }
}  // namespace

void AuroraCluster::check() const {
  const auto path = node().path();
  if (props_.engine.empty())
    throw Error(path, "no engine", "set .engine = cdk::rds::AuroraEngine::mysql_8_0() or postgres_16()");
  if (!props_.vpc) throw Error(path, "no VPC", "set .vpc = vpc");
  if (props_.backup_retention_days < 1 || props_.backup_retention_days > 35)
    throw Error(path, "backup retention of " + std::to_string(props_.backup_retention_days) + " days is out of range",
                "use 1 to 35 days");
  detail::check_removal_policy(*this, props_.removal_policy);
  const double lo = props_.serverless_v2_min_capacity, hi = props_.serverless_v2_max_capacity;
  if (lo < 0 || lo > 256 || hi < 1 || hi > 256 || lo > hi || !half_step(lo) || !half_step(hi))
    throw Error(path, "Serverless v2 capacity must be 0-256 ACUs (min) and 1-256 ACUs (max), min <= max, in steps of 0.5",
                "e.g. .serverless_v2_min_capacity = 0.5, .serverless_v2_max_capacity = 4");
  std::vector<std::string> ids{props_.writer.id()};
  for (const auto& r : props_.readers) {
    if (std::find(ids.begin(), ids.end(), r.id()) != ids.end())
      throw Error(path, "two instances have the id '" + r.id() + "'", "give each reader its own id");
    ids.push_back(r.id());
  }
  for (const auto& inst : ids)
    if (inst.empty()) throw Error(path, "an instance has an empty id", "name it, e.g. ClusterInstance::provisioned(\"writer\")");
  detail::check_log_exports(*this, props_.engine.spec(), props_.cloudwatch_logs_exports);
  if (props_.port != 0 && (props_.port < 1150 || props_.port > 65535))
    throw Error(path, "port " + std::to_string(props_.port) + " is out of range", "use 1150-65535");
  if (auto& a = props_.reader_auto_scaling) {
    if (a->max_readers < 1 || a->max_readers > 15 || a->min_readers < 0 || a->min_readers > a->max_readers)
      throw Error(path, "reader auto scaling needs 0 <= min_readers <= max_readers <= 15 and max_readers >= 1",
                  "e.g. {.min_readers = 1, .max_readers = 4}");
    if (a->target_cpu_percent <= 0 || a->target_cpu_percent > 100)
      throw Error(path, "reader auto scaling target CPU must be in (0, 100]", "e.g. 70");
  }
}

AuroraCluster::AuroraCluster(Construct& scope, std::string_view id, const AuroraClusterProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  check();
  const auto& spec = props_.engine.spec();
  const std::string username = props_.master_username.empty() ? spec.default_username : props_.master_username;
  detail::check_username(*this, username);
  const bool retain = props_.removal_policy == RemovalPolicy::Retain;
  auto subnet_group = detail::make_subnet_group(*this, *props_.vpc, props_.subnets, retain, detail::kClusterSubnetGroup);
  auto group_ids = detail::make_security_groups(*this, connections_,
                                                {.vpc = props_.vpc,
                                                 .given = props_.security_groups,
                                                 .description = "RDS security group",
                                                 .port = props_.port != 0 ? props_.port : spec.default_port});
  const bool managed = props_.manage_master_user_password;
  auto creds = managed ? detail::managed_credentials(username) : detail::make_credentials(*this, username, retain);
  secret_ = creds.secret;
  const ParameterGroups groups = make_parameter_groups();
  make_cluster(std::move(subnet_group), std::move(group_ids), creds, groups.cluster);
  if (secret_ != nullptr) detail::attach_secret(*secret_, resource_->ref(), "AWS::RDS::DBCluster");
  make_instance(props_.writer, true, groups.instance);
  for (const auto& ci : props_.readers) make_instance(ci, false, groups.instance)->add_depends_on(*instances_.front());
  if (props_.reader_auto_scaling) make_reader_scaling(*props_.reader_auto_scaling);
}

AuroraCluster::ParameterGroups AuroraCluster::make_parameter_groups() {
  const auto& spec = props_.engine.spec();
  ParameterGroups out;
  if (!props_.parameters.empty()) {
    CfnDBClusterParameterGroup::Props gp;
    gp.description = "Cluster parameter group for " + spec.parameter_group_family;
    gp.family = spec.parameter_group_family;
    gp.parameters = detail::parameters_value(props_.parameters);
    out.cluster = add<CfnDBClusterParameterGroup>("ParameterGroup", std::move(gp)).ref();
  }
  if (!props_.instance_parameters.empty()) {
    CfnDBParameterGroup::Props gp;
    gp.description = "Instance parameter group for " + spec.parameter_group_family;
    gp.family = spec.parameter_group_family;
    gp.parameters = detail::parameters_value(props_.instance_parameters);
    out.instance = add<CfnDBParameterGroup>("InstanceParameterGroup", std::move(gp)).ref();
  }
  return out;
}

void AuroraCluster::make_cluster(Value subnet_group, std::vector<Value> group_ids, const detail::Credentials& creds,
                                 const Value& parameter_group) {
  const auto& spec = props_.engine.spec();
  CfnDBCluster::Props p;
  p.backup_retention_period = props_.backup_retention_days;
  p.copy_tags_to_snapshot = true;
  if (!props_.cluster_identifier.empty()) p.db_cluster_identifier = props_.cluster_identifier;
  if (!parameter_group.is_null()) p.db_cluster_parameter_group_name = parameter_group;
  p.db_subnet_group_name = std::move(subnet_group);
  if (!props_.default_database_name.empty()) p.database_name = props_.default_database_name;
  if (props_.deletion_protection) p.deletion_protection = true;
  if (!props_.cloudwatch_logs_exports.empty()) p.enable_cloudwatch_logs_exports = props_.cloudwatch_logs_exports;
  if (props_.iam_authentication) p.enable_iam_database_authentication = true;
  p.engine = spec.engine;
  p.engine_version = spec.version;
  if (creds.managed_by_rds) p.manage_master_user_password = true;
  p.master_user_password = creds.password;
  p.master_username = creds.username;
  if (props_.port != 0) p.port = props_.port;
  if (!props_.preferred_backup_window.empty()) p.preferred_backup_window = props_.preferred_backup_window;
  bool serverless = props_.writer.is_serverless_v2();
  for (const auto& r : props_.readers) serverless = serverless || r.is_serverless_v2();
  if (serverless) {
    CfnDBCluster::ServerlessV2ScalingConfigurationProperty sv2;
    sv2.max_capacity = props_.serverless_v2_max_capacity;
    sv2.min_capacity = props_.serverless_v2_min_capacity;
    p.serverless_v2_scaling_configuration = std::move(sv2);
  }
  if (auto encrypted = detail::storage_encryption(*this, props_.storage_encrypted)) p.storage_encrypted = *encrypted;
  p.vpc_security_group_ids = Value(std::move(group_ids));
  resource_ = &add<CfnDBCluster>("Resource", std::move(p));
  resource_->apply_removal_policy(props_.removal_policy);
}

CfnDBInstance* AuroraCluster::make_instance(const ClusterInstance& ci, bool writer, const Value& parameter_group) {
  auto& holder = add<Construct>(ci.id());
  CfnDBInstance::Props ip;
  ip.db_cluster_identifier = resource_->ref();
  ip.db_instance_class = ci.instance_class();
  if (!parameter_group.is_null()) ip.db_parameter_group_name = parameter_group;
  ip.engine = props_.engine.spec().engine;
  if (ci.performance_insights()) ip.enable_performance_insights = true;
  ip.promotion_tier = ci.promotion_tier() >= 0 ? ci.promotion_tier() : (writer ? 0 : 2);
  ip.publicly_accessible = false;
  auto& inst = holder.add<CfnDBInstance>("Resource", std::move(ip));
  if (props_.removal_policy == RemovalPolicy::Retain) inst.apply_removal_policy(RemovalPolicy::Retain);
  instances_.push_back(&inst);
  return &inst;
}

void AuroraCluster::make_reader_scaling(const ReaderAutoScaling& a) {
  using namespace cdk::applicationautoscaling;
  auto& holder = add<Construct>("ReaderScaling");
  CfnScalableTarget::Props tp;
  tp.max_capacity = a.max_readers;
  tp.min_capacity = a.min_readers;
  tp.resource_id = Value("cluster:") + resource_->ref();
  tp.scalable_dimension = "rds:cluster:ReadReplicaCount";
  tp.service_namespace = "rds";
  auto& target = holder.add<CfnScalableTarget>("Target", std::move(tp));
  target.tags() = TagManager();  // newer than cfn-lint's schema, as in ecs/base_service.cpp
  // The cluster must be available (its instances created) before replicas can be added.
  for (auto* inst : instances_) target.add_depends_on(*inst);
  CfnScalingPolicy::TargetTrackingScalingPolicyConfigurationProperty tt;
  CfnScalingPolicy::PredefinedMetricSpecificationProperty pm;
  pm.predefined_metric_type = "RDSReaderAverageCPUUtilization";
  tt.predefined_metric_specification = std::move(pm);
  tt.scale_in_cooldown = a.scale_in_cooldown_seconds;
  tt.scale_out_cooldown = a.scale_out_cooldown_seconds;
  tt.target_value = a.target_cpu_percent;
  CfnScalingPolicy::Props sp;
  sp.policy_name = Names::unique_id(*this, "ReaderCpuTracking");  // unique in the account
  sp.policy_type = "TargetTrackingScaling";
  sp.scaling_target_id = target.ref();
  sp.target_tracking_scaling_policy_configuration = std::move(tt);
  holder.add<CfnScalingPolicy>("CpuTracking", std::move(sp));
}

Value AuroraCluster::cluster_identifier() const { return resource_->ref(); }
Value AuroraCluster::cluster_arn() const { return resource_->attr_db_cluster_arn(); }
Value AuroraCluster::cluster_endpoint_address() const { return resource_->attr_endpoint_address(); }
Value AuroraCluster::cluster_read_endpoint_address() const { return resource_->attr_read_endpoint_address(); }
Value AuroraCluster::cluster_endpoint_port() const { return resource_->attr_endpoint_port(); }

secretsmanager::CfnSecret& AuroraCluster::secret() { return detail::generated_secret(*this, secret_); }

Value AuroraCluster::secret_arn() const {
  return secret_ != nullptr ? secret_->ref() : Value::get_att(*resource_, "MasterUserSecret.SecretArn");
}

void AuroraCluster::grant_secret_read(iam::IGrantable& grantee) const {
  detail::grant_secret_read(secret_arn(), grantee);
}

}  // namespace cdk::rds
