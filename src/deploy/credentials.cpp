#include "deploy/credentials.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::optional<IniFile> read_ini(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_ini(buffer.str());
}

std::filesystem::path home_path(const EnvLookup& env, const std::string& var, const char* relative) {
  if (auto explicit_path = env(var); explicit_path && !explicit_path->empty()) return *explicit_path;
  auto home = env("HOME");
  if (!home || home->empty()) return {};
  return std::filesystem::path(*home) / relative;
}

std::string non_empty(const std::optional<std::string>& v) { return v ? *v : std::string(); }

std::string upper_service(std::string service) {
  std::transform(service.begin(), service.end(), service.begin(), [](unsigned char c) { return std::toupper(c); });
  std::replace(service.begin(), service.end(), '-', '_');
  return service;
}

}  // namespace

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

IniFile parse_ini(std::string_view text) {
  IniFile ini;
  std::string section;
  std::istringstream in{std::string(text)};
  std::string raw;
  while (std::getline(in, raw)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(std::string_view(line).substr(1, line.size() - 2));
      ini[section];
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos || section.empty()) continue;
    ini[section][trim(std::string_view(line).substr(0, eq))] = trim(std::string_view(line).substr(eq + 1));
  }
  return ini;
}

std::string AwsSettings::endpoint_for(const std::string& service, const std::string& in_region) const {
  if (!endpoint_override.empty()) return endpoint_override;
  if (auto v = env("AWS_ENDPOINT_URL_" + upper_service(service)); v && !v->empty()) return *v;
  if (auto v = env("AWS_ENDPOINT_URL"); v && !v->empty()) return *v;
  std::string suffix = in_region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
  return fmt::format("https://{}.{}.{}", service, in_region, suffix);
}

bool AwsSettings::custom_endpoint(const std::string& service) const {
  return !endpoint_override.empty() || non_empty(env("AWS_ENDPOINT_URL_" + upper_service(service))) != "" ||
         non_empty(env("AWS_ENDPOINT_URL")) != "";
}

AwsSettings resolve_settings(const AwsOptions& options, const EnvLookup& env, bool need_credentials) {
  AwsSettings s;
  s.env = env;
  s.endpoint_override = options.endpoint;
  bool explicit_profile = !options.profile.empty();
  s.profile = explicit_profile ? options.profile : non_empty(env("AWS_PROFILE"));
  if (s.profile.empty()) s.profile = non_empty(env("AWS_DEFAULT_PROFILE"));
  bool profile_chosen = !s.profile.empty();
  if (s.profile.empty()) s.profile = "default";

  auto credentials_file = read_ini(home_path(env, "AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials"));
  auto config_file = read_ini(home_path(env, "AWS_CONFIG_FILE", ".aws/config"));
  const std::map<std::string, std::string>* cred_section = nullptr;
  const std::map<std::string, std::string>* config_section = nullptr;
  if (credentials_file) {
    if (auto it = credentials_file->find(s.profile); it != credentials_file->end()) cred_section = &it->second;
  }
  if (config_file) {
    std::string name = s.profile == "default" ? "default" : "profile " + s.profile;
    if (auto it = config_file->find(name); it != config_file->end()) config_section = &it->second;
  }

  // Region: command line, environment, then the profile's config.
  s.region = options.region;
  if (s.region.empty()) s.region = non_empty(env("AWS_REGION"));
  if (s.region.empty()) s.region = non_empty(env("AWS_DEFAULT_REGION"));
  if (s.region.empty() && config_section) {
    if (auto it = config_section->find("region"); it != config_section->end()) s.region = it->second;
  }

  if (!need_credentials) return s;

  auto from_section = [&](const std::map<std::string, std::string>* section, const char* where) -> bool {
    if (!section) return false;
    auto id = section->find("aws_access_key_id");
    auto secret = section->find("aws_secret_access_key");
    if (id == section->end() || secret == section->end() || id->second.empty() || secret->second.empty()) {
      return false;
    }
    s.credentials.access_key_id = id->second;
    s.credentials.secret_access_key = secret->second;
    if (auto token = section->find("aws_session_token"); token != section->end()) {
      s.credentials.session_token = token->second;
    }
    s.credentials.source = fmt::format("profile {} ({})", s.profile, where);
    return true;
  };
  auto from_env = [&]() -> bool {
    auto id = non_empty(env("AWS_ACCESS_KEY_ID"));
    auto secret = non_empty(env("AWS_SECRET_ACCESS_KEY"));
    if (id.empty() || secret.empty()) return false;
    s.credentials = {id, secret, non_empty(env("AWS_SESSION_TOKEN")), "environment"};
    return true;
  };

  // An explicit --profile beats the environment; otherwise the environment comes
  // first, as in the AWS CLI.
  bool found = explicit_profile
                   ? (from_section(cred_section, "credentials file") || from_section(config_section, "config file"))
                   : (from_env() || from_section(cred_section, "credentials file") ||
                      from_section(config_section, "config file"));
  if (found) return s;

  if (profile_chosen && !cred_section && !config_section) {
    throw CredentialsError(fmt::format(
        "AWS profile '{}' not found in the shared credentials or config file (check AWS_PROFILE / --profile)",
        s.profile));
  }
  throw CredentialsError(
      "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile in "
      "~/.aws/credentials and select it with AWS_PROFILE or --profile");
}

}  // namespace cdk::deploy
