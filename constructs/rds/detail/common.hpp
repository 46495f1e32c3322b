#pragma once
// Pieces AuroraCluster and DatabaseInstance share (internal, not installed API).
#include <cdk/construct.hpp>
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/ptr.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdk::ec2 {
class Connections;
class IVpc;
class SecurityGroup;
}  // namespace cdk::ec2
namespace cdk::rds {
struct EngineSpec;
}
namespace cdk::secretsmanager {
class CfnSecret;
}
namespace cdk::iam {
class IGrantable;
}

namespace cdk::rds::detail {

/// A generated master secret `<db>/Secret` ({"username": ..., "password": generated})
/// and the values that resolve its fields at deploy time; or, managed by RDS,
/// no secret, the user name as text and no password.
struct Credentials {
  secretsmanager::CfnSecret* secret = nullptr;
  Value username;  ///< {{resolve:secretsmanager:<arn>:SecretString:username::}}
  Value password;
  bool managed_by_rds = false;  ///< ManageMasterUserPassword
};
/// The secret is retained with `retain` (a retained database needs its password), else deleted.
Credentials make_credentials(Construct& db, const std::string& username, bool retain);
/// RDS keeps the password (manage_master_user_password): nothing is made.
Credentials managed_credentials(const std::string& username);
/// The generated secret, or an error naming `db` when RDS keeps the password.
secretsmanager::CfnSecret& generated_secret(const Construct& db, secretsmanager::CfnSecret* secret);
/// Lets `grantee` read the master secret (GetSecretValue, DescribeSecret).
void grant_secret_read(const Value& secret_arn, iam::IGrantable& grantee);
/// `<secret>/Attachment`: the secret learns the database's endpoint.
void attach_secret(secretsmanager::CfnSecret& secret, Value target_id, const char* target_type);

/// Where a database's subnet group sits and what it says, as aws-cdk-lib names
/// them: `<db>/SubnetGroup/Default`, "Subnet group for <id> database" for an
/// instance; `<db>/Subnets/Default`, "Subnets for <id> database" for a cluster.
struct SubnetGroupNaming {
  const char* holder_id;
  const char* description_prefix;
};
inline constexpr SubnetGroupNaming kInstanceSubnetGroup{"SubnetGroup", "Subnet group for "};
inline constexpr SubnetGroupNaming kClusterSubnetGroup{"Subnets", "Subnets for "};

/// An AWS::RDS::DBSubnetGroup over the selected subnets (PrivateIsolated
/// unless the selection names a type or group), named by `naming`. Returns {"Ref"}.
Value make_subnet_group(Construct& db, ec2::IVpc& vpc, ec2::SubnetSelection selection, bool retain,
                        SubnetGroupNaming naming);

/// Parameters map rendered for a parameter group.
Value parameters_value(const std::map<std::string, std::string>& parameters);

/// Throws for what no RDS database takes: RetainExceptOnCreate, logs the engine cannot export.
void check_removal_policy(const Construct& db, RemovalPolicy policy);
void check_log_exports(const Construct& db, const EngineSpec& engine, const std::vector<std::string>& log_types);

/// The database's security groups: the given ones, else `<db>/SecurityGroup` (no outbound
/// rule). They join `connections`, whose default port becomes `port`. Returns their ids.
struct SecurityGroupsProps {
  Ptr<ec2::IVpc> vpc;
  std::vector<Ptr<ec2::SecurityGroup>> given;
  std::string description;  ///< of the group made when none is given
  std::int64_t port = 0;
};
std::vector<Value> make_security_groups(Construct& db, ec2::Connections& connections, const SecurityGroupsProps& props);

/// Checks a master user name: 1-16 letters/digits/underscores starting with a letter, not reserved.
void check_username(const Construct& db, const std::string& username);

/// The StorageEncrypted to write: the one given, else true; under
/// @cdkpp/core:awsCdkDefaults none (as aws-cdk-lib), with a warning on `db`
/// that names the deliberate way to encrypt.
std::optional<bool> storage_encryption(Construct& db, std::optional<bool> given);

/// True when `db` keeps aws-cdk-lib's defaults (@cdkpp/core:awsCdkDefaults).
bool keeps_aws_cdk_defaults(const Construct& db);

}  // namespace cdk::rds::detail
