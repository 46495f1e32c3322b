#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/rds/cfn_db_parameter_group.hpp>
#include <cdk/rds/database_instance.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>

#include "detail/common.hpp"

namespace cdk::rds {

void DatabaseInstance::check() const {
  const auto path = node().path();
  if (props_.engine.empty())
    throw Error(path, "no engine", "set .engine = cdk::rds::DatabaseInstanceEngine::postgres_16() or mysql_8_0()");
  if (!props_.vpc) throw Error(path, "no VPC", "set .vpc = vpc");
  if (props_.backup_retention_days && (*props_.backup_retention_days < 0 || *props_.backup_retention_days > 35))
    throw Error(path, "backup retention of " + std::to_string(*props_.backup_retention_days) + " days is out of range",
                "use 0 to 35 days");
  if (props_.allocated_storage_gib < 20 || props_.allocated_storage_gib > 65536)
    throw Error(path, "allocated storage of " + std::to_string(props_.allocated_storage_gib) + " GiB is out of range",
                "use 20 to 65536 GiB");
  if (props_.max_allocated_storage_gib != 0 && props_.max_allocated_storage_gib <= props_.allocated_storage_gib)
    throw Error(path, "max_allocated_storage_gib must be larger than allocated_storage_gib", "raise it or leave it 0");
  detail::check_removal_policy(*this, props_.removal_policy);
  detail::check_log_exports(*this, props_.engine.spec(), props_.cloudwatch_logs_exports);
}

DatabaseInstance::DatabaseInstance(Construct& scope, std::string_view id, const DatabaseInstanceProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  check();
  const auto& spec = props_.engine.spec();
  const std::string username = props_.master_username.empty() ? spec.default_username : props_.master_username;
  detail::check_username(*this, username);
  const bool retain = props_.removal_policy == RemovalPolicy::Retain;
  const bool earlier_name = FeatureFlags::of(*this).is_enabled(flags::kCdkppRdsInstanceSubnetGroupUnderSubnets);
  auto subnet_group = detail::make_subnet_group(*this, *props_.vpc, props_.subnets, retain,
                                                earlier_name ? detail::kClusterSubnetGroup : detail::kInstanceSubnetGroup);
  auto group_ids = detail::make_security_groups(*this, connections_,
                                                {.vpc = props_.vpc,
                                                 .given = props_.security_groups,
                                                 .description = "Security group for " + std::string(id) + " database",
                                                 .port = props_.port != 0 ? props_.port : spec.default_port});
  const bool managed = props_.manage_master_user_password;
  auto creds = managed ? detail::managed_credentials(username) : detail::make_credentials(*this, username, retain);
  secret_ = creds.secret;
  make_instance(std::move(subnet_group), std::move(group_ids), creds);
  if (secret_ != nullptr) detail::attach_secret(*secret_, resource_->ref(), "AWS::RDS::DBInstance");
}

void DatabaseInstance::make_instance(Value subnet_group, std::vector<Value> group_ids, const detail::Credentials& creds) {
  const auto& spec = props_.engine.spec();
  CfnDBInstance::Props p;
  p.allocated_storage = std::to_string(props_.allocated_storage_gib);
  // aws-cdk-lib leaves these to the service (the same values): a port keeps them out.
  const bool as_aws_cdk = detail::keeps_aws_cdk_defaults(*this);
  if (auto v = props_.auto_minor_version_upgrade; v || !as_aws_cdk) p.auto_minor_version_upgrade = v.value_or(true);
  if (auto v = props_.backup_retention_days; v || !as_aws_cdk) p.backup_retention_period = v.value_or(1);
  p.copy_tags_to_snapshot = true;
  if (!props_.instance_identifier.empty()) p.db_instance_identifier = props_.instance_identifier;
  p.db_instance_class = props_.instance_type;
  if (!props_.database_name.empty()) p.db_name = props_.database_name;
  if (!props_.parameters.empty()) {
    CfnDBParameterGroup::Props gp;
    gp.description = "Parameter group for " + spec.parameter_group_family;
    gp.family = spec.parameter_group_family;
    gp.parameters = detail::parameters_value(props_.parameters);
    auto& pg = add<CfnDBParameterGroup>("ParameterGroup", std::move(gp));
    p.db_parameter_group_name = pg.ref();
  }
  p.db_subnet_group_name = std::move(subnet_group);
  if (props_.deletion_protection) p.deletion_protection = true;
  if (!props_.cloudwatch_logs_exports.empty()) p.enable_cloudwatch_logs_exports = props_.cloudwatch_logs_exports;
  if (props_.iam_authentication) p.enable_iam_database_authentication = true;
  p.engine = spec.engine;
  p.engine_version = spec.version;
  if (creds.managed_by_rds) p.manage_master_user_password = true;
  p.master_user_password = creds.password;
  p.master_username = creds.username;
  if (props_.max_allocated_storage_gib != 0) p.max_allocated_storage = props_.max_allocated_storage_gib;
  if (auto v = props_.multi_az; v || !as_aws_cdk) p.multi_az = v.value_or(false);
  if (props_.port != 0) p.port = std::to_string(props_.port);
  p.publicly_accessible = false;
  if (auto encrypted = detail::storage_encryption(*this, props_.storage_encrypted)) p.storage_encrypted = *encrypted;
  p.storage_type = storage_type_name(props_.storage_type.value_or(as_aws_cdk ? StorageType::Gp2 : StorageType::Gp3));
  p.vpc_security_groups = Value(std::move(group_ids));
  resource_ = &add<CfnDBInstance>("Resource", std::move(p));
  resource_->apply_removal_policy(props_.removal_policy);
}

Value DatabaseInstance::instance_identifier() const { return resource_->ref(); }
Value DatabaseInstance::instance_arn() const { return resource_->attr_db_instance_arn(); }
Value DatabaseInstance::endpoint_address() const { return resource_->attr_endpoint_address(); }
Value DatabaseInstance::endpoint_port() const { return resource_->attr_endpoint_port(); }

secretsmanager::CfnSecret& DatabaseInstance::secret() { return detail::generated_secret(*this, secret_); }

Value DatabaseInstance::secret_arn() const {
  return secret_ != nullptr ? secret_->ref() : Value::get_att(*resource_, "MasterUserSecret.SecretArn");
}

void DatabaseInstance::grant_secret_read(iam::IGrantable& grantee) const {
  detail::grant_secret_read(secret_arn(), grantee);
}

}  // namespace cdk::rds
