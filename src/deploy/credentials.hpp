#pragma once
// The standard AWS credentials and region chain, as the AWS CLI and SDKs
// resolve it: environment variables, then the shared credentials file, then
// the shared config file, for the selected profile.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "deploy/sigv4.hpp"

namespace cdk::deploy {

/// Reads an environment variable; injectable so tests do not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup process_environment();

/// section -> key -> value of an INI file as the AWS tools write them.
using IniFile = std::map<std::string, std::map<std::string, std::string>>;
IniFile parse_ini(std::string_view text);

/// Options given on the command line; empty means "from the chain".
struct AwsOptions {
  std::string profile;   ///< --profile
  std::string region;    ///< --region
  std::string endpoint;  ///< --endpoint, applies to every service
};

/// Everything needed to talk to AWS, resolved once per command.
struct AwsSettings {
  Credentials credentials;
  std::string region;   ///< from options, AWS_REGION, AWS_DEFAULT_REGION, the profile; empty if none
  std::string profile;  ///< the profile used ("default" unless chosen)
  EnvLookup env;
  std::string endpoint_override;  ///< --endpoint

  /// Endpoint for `service` ("cloudformation", "s3") in `region`: --endpoint, then
  /// AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the public AWS endpoint.
  [[nodiscard]] std::string endpoint_for(const std::string& service, const std::string& region) const;
  /// True when an override is in effect (an emulator or private endpoint).
  [[nodiscard]] bool custom_endpoint(const std::string& service) const;
};

/// Resolves the profile and region and, unless `need_credentials` is false,
/// the credentials; throws CredentialsError with a hint when none are found.
AwsSettings resolve_settings(const AwsOptions& options, const EnvLookup& env, bool need_credentials = true);

}  // namespace cdk::deploy
