#pragma once
// The Keyedin architecture as a function, so tests can build it too.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <string>
#include <vector>

namespace keyedin {

struct Settings {
  std::string region = "eu-west-1";       ///< default eu-west-1
  std::string name = "keyedin";           ///< prefix of the ECR repositories, CodeDeploy app name; default "keyedin"
  std::string zone = "example.com";       ///< the DNS zone to create; default example.com
  std::string domain = "example.com";     ///< the app's name in that zone; default the zone apex
  /// 0: no NAT, app instances in the public subnets (the cheap start);
  /// more: the app in the private subnets behind NAT; default 0
  int nat_gateways = 0;
  std::string instance_type = "t3.small"; ///< the on-demand base instance; default t3.small
  /// spot pools for scale-out, in priority order; default t3.small, t3a.small, t2.small
  std::vector<std::string> spot_instance_types{"t3.small", "t3a.small", "t2.small"};
  int max_capacity = 4;                   ///< the most app instances; default 4
  int requests_per_target = 1000;         ///< requests per instance per minute to scale at; default 1000
  /// a prebuilt AMI in `region` with Docker and the CodeDeploy agent;
  /// default the latest Amazon Linux 2023 and a boot script that installs them
  std::string ami{};
  std::string db_instance_type = "db.t4g.medium";  ///< the single Aurora writer; default db.t4g.medium
  std::string bastion_instance_type = "t3.micro";  ///< default t3.micro
  std::vector<std::string> ssh_cidrs{};   ///< who may SSH to the bastion; default nobody (Session Manager only)
  std::string alert_email{};              ///< gets failed-deployment notifications; default none (topic only)
  /// a directory holding a CodeDeploy revision (appspec.yml at its root, e.g.
  /// samples/keyedin/bundle): zipped, uploaded as an asset on deploy and
  /// deployed when the deployment group is made; default none (revisions come
  /// from the app's pipeline)
  std::string bundle{};
};

/// -c region=... -c name=... -c zone=... -c domain=... -c nat_gateways=N
/// -c instance_type=... -c spot_instance_types=a,b -c max_capacity=N
/// -c requests_per_target=N -c ami=ami-... -c db_instance_type=...
/// -c bastion_instance_type=... -c ssh_cidrs=a/32,b/32 -c alert_email=... -c bundle=DIR
/// Throws cdk::Error for a number that is not one.
Settings settings_from_context(const cdk::App& app);

/// Adds the Keyedin stack to the app and returns it.
cdk::Stack& build(cdk::App& app, const Settings& settings);

}  // namespace keyedin
