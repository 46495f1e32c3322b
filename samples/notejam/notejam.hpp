#pragma once
// The Notejam architecture as a function, so tests can build every environment.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace notejam {

/// What differs between dev, test and prod.
struct Sizing {
  std::string vpc_cidr{};                     ///< one /16 per environment, so they can be peered later; required
  std::int64_t task_cpu = 256;                ///< Fargate CPU units per task; default 256
  std::int64_t task_memory_mib = 512;         ///< MiB per task; default 512
  std::int64_t min_tasks = 1;                 ///< tasks kept running (and started with); default 1
  std::int64_t max_tasks = 2;                 ///< tasks CPU scaling may add up to; default 2
  double task_cpu_target_percent = 70;        ///< average service CPU the scaling keeps; default 70
  std::string db_instance_class{};            ///< Aurora writer and reader class; required
  std::int64_t db_readers = 0;                ///< Aurora Replicas CloudFormation creates (failover targets); default 0
  std::int64_t min_db_replicas = 0;           ///< replica count auto scaling keeps at least; default 0
  std::int64_t max_db_replicas = 1;           ///< replica count auto scaling may grow to, 0 for no replica scaling; default 1
  std::int64_t backup_retention_days = 1;     ///< Aurora continuous backups, 1-35 days; default 1
  bool deletion_protection = false;           ///< database, load balancer and stack termination protection; default false
  std::int64_t log_retention_days = 7;        ///< days application and build logs are kept (a CloudWatch Logs value); default 7
};

/// The environments one program builds: "dev", "test" and "prod".
inline constexpr std::string_view environments[] = {"dev", "test", "prod"};
/// -c env=all: all three in one run, one stage each.
inline constexpr std::string_view all_environments = "all";

/// The sizing of an environment; throws cdk::Error naming the allowed ones for any other name.
Sizing sizing_for(std::string_view environment);

struct Settings {
  std::string environment = "dev";                     ///< dev, test or prod; default dev
  std::string region = "eu-west-1";                    ///< default eu-west-1
  std::string account{};                               ///< the AWS account, 12 digits; default none (the deploy's)
  std::string zone = "example.com";                    ///< the existing public zone; default example.com
  std::string zone_id = "Z0123456789ABCDEFGHIJ";       ///< that zone's id (-c zone_id=); default an example id
  std::string domain{};                                ///< the app's name; default notejam.<zone> (prod), <env>.notejam.<zone>
  std::string repository = "example-org/notejam";      ///< GitHub owner/name the pipeline builds; default example-org/notejam
  std::string branch = "main";                         ///< the branch that deploys; default main
  std::string alarm_email{};                           ///< who the alarms mail; default nobody (topic only)
  std::int64_t db_password_version = 1;                ///< version of the SecureString /notejam/<env>/db-password; default 1
  bool first_deploy = false;                           ///< start no tasks: the image repository is still empty; default false
  std::string cdn_certificate_arn{};                   ///< ACM certificate in us-east-1 for `domain`: CloudFront serves the whole site; default none (CloudFront serves static files only)
  std::string cdn_web_acl_arn{};                       ///< CLOUDFRONT-scoped WAFv2 web ACL (us-east-1) for the distribution; default none
  Sizing sizing = sizing_for("dev");                   ///< default the dev sizing
};

/// -c env=dev|test|prod|all (sizing follows; all: each environment's own), -c region=, -c account=, -c zone=, -c zone_id=, -c domain=,
/// -c repository=owner/name, -c branch=, -c alarm_email=, -c db_password_version=,
/// -c first_deploy=true, -c cdn_certificate_arn=, -c cdn_web_acl_arn=.
/// Throws cdk::Error for an unknown environment, a bad version, an ARN that is
/// not a us-east-1 certificate or web ACL, or a CloudFront certificate with
/// -c delivery=true or -c env=all (one certificate cannot name three environments).
Settings settings_from_context(const cdk::App& app);

/// Names of the SecureString parameters the environment reads (created outside CloudFormation).
std::string db_password_parameter(const Settings& settings);
std::string secret_key_parameter(const Settings& settings);

/// Adds the environment's stage ("Dev", "Test", "Prod", with the account and
/// region) and in it the stack "Notejam" (stack name notejam-dev, notejam-test,
/// notejam-prod); returns the stack.
cdk::Stack& build(cdk::App& app, const Settings& settings);

/// The three environments, each with its own sizing and the settings'
/// `adjust`ed; returns their stacks by environment name. Throws cdk::Error
/// with -c domain= (each environment has its own name).
std::map<std::string, cdk::Stack*> build_all(cdk::App& app, const Settings& settings,
                                             const std::function<void(Settings&)>& adjust = {});

}  // namespace notejam
