#include "deploy/asset_manifest.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;

/// Fields of a source this publisher does not implement: refusing them beats
/// publishing something other than what the app asked for.
constexpr const char* unsupported_file_fields[] = {"executable"};
constexpr const char* unsupported_image_fields[] = {"executable",  "dockerBuildSecrets", "dockerBuildSsh",
                                                    "dockerOutputs", "cacheFrom",         "cacheTo"};

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <size_t N>
void refuse_unsupported(const std::filesystem::path& file, const std::string& id, const json& source,
                        const char* const (&fields)[N]) {
  for (const char* field : fields) {
    if (source.contains(field)) {
      throw DeployError(fmt::format("{}: asset {} uses source.{}, which cdkpp cannot publish yet", file.string(), id,
                                    field));
    }
  }
}

FileAsset read_file_asset(const std::filesystem::path& file, const std::string& id, const json& entry) {
  const json source = entry.value("source", json::object());
  refuse_unsupported(file, id, source, unsupported_file_fields);
  FileAsset a;
  a.id = id;
  a.display_name = text_of(entry, "displayName");
  a.path = text_of(source, "path");
  a.packaging = source.value("packaging", "file");
  if (a.path.empty()) throw DeployError(fmt::format("{}: file asset {} has no source.path", file.string(), id));
  if (a.packaging != "file" && a.packaging != "zip") {
    throw DeployError(fmt::format("{}: file asset {} has packaging '{}' (expected file or zip)", file.string(), id,
                                  a.packaging));
  }
  // value() returns a copy: keep it alive for the loop (items() only refers to it).
  const json destinations = entry.value("destinations", json::object());
  for (const auto& [dest_id, d] : destinations.items()) {
    a.destinations.push_back({dest_id, text_of(d, "bucketName"), text_of(d, "objectKey"), text_of(d, "region"),
                              text_of(d, "assumeRoleArn")});
    if (a.destinations.back().bucket_name.empty() || a.destinations.back().object_key.empty()) {
      throw DeployError(fmt::format("{}: file asset {} destination {} needs bucketName and objectKey", file.string(),
                                    id, dest_id));
    }
  }
  return a;
}

ImageAsset read_image_asset(const std::filesystem::path& file, const std::string& id, const json& entry) {
  const json source = entry.value("source", json::object());
  refuse_unsupported(file, id, source, unsupported_image_fields);
  ImageAsset a;
  a.id = id;
  a.display_name = text_of(entry, "displayName");
  a.directory = text_of(source, "directory");
  a.docker_file = text_of(source, "dockerFile");
  a.target = text_of(source, "dockerBuildTarget");
  a.platform = text_of(source, "platform");
  a.network_mode = text_of(source, "networkMode");
  a.cache_disabled = source.value("cacheDisabled", false);
  if (a.directory.empty()) {
    throw DeployError(fmt::format("{}: image asset {} has no source.directory", file.string(), id));
  }
  const json build_args = source.value("dockerBuildArgs", json::object());
  for (const auto& [k, v] : build_args.items()) {
    a.build_args[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  const json destinations = entry.value("destinations", json::object());
  for (const auto& [dest_id, d] : destinations.items()) {
    a.destinations.push_back({dest_id, text_of(d, "repositoryName"), text_of(d, "imageTag"), text_of(d, "region"),
                              text_of(d, "assumeRoleArn")});
    if (a.destinations.back().repository_name.empty() || a.destinations.back().image_tag.empty()) {
      throw DeployError(fmt::format("{}: image asset {} destination {} needs repositoryName and imageTag",
                                    file.string(), id, dest_id));
    }
  }
  return a;
}

}  // namespace

AssetManifest read_asset_manifest(const std::filesystem::path& file) {
  AssetManifest m;
  m.file = std::filesystem::absolute(file);
  m.dir = m.file.parent_path();
  std::ifstream in(m.file, std::ios::binary);
  if (!in) throw DeployError(fmt::format("cannot read asset manifest {}", m.file.string()));
  std::stringstream text;
  text << in.rdbuf();
  json doc;
  try {
    doc = json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw DeployError(fmt::format("{}: invalid JSON: {}", m.file.string(), e.what()));
  }
  if (!doc.is_object()) throw DeployError(fmt::format("{}: an asset manifest is a JSON object", m.file.string()));
  const json files = doc.value("files", json::object());
  const json images = doc.value("dockerImages", json::object());
  for (const auto& [id, entry] : files.items()) {
    m.files.push_back(read_file_asset(m.file, id, entry));
  }
  for (const auto& [id, entry] : images.items()) {
    m.images.push_back(read_image_asset(m.file, id, entry));
  }
  return m;
}

std::string partition_of(std::string_view region) {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  if (region.rfind("us-isob-", 0) == 0) return "aws-iso-b";
  if (region.rfind("us-iso-", 0) == 0) return "aws-iso";
  return "aws";
}

std::string substitute_placeholders(std::string_view text, const AssetEnvironment& env) {
  const std::pair<std::string_view, const std::string*> placeholders[] = {
      {"${AWS::AccountId}", &env.account}, {"${AWS::Region}", &env.region}, {"${AWS::Partition}", &env.partition}};
  std::string out;
  while (!text.empty()) {
    bool replaced = false;
    for (const auto& [name, value] : placeholders) {
      if (text.substr(0, name.size()) == name) {
        out += *value;
        text.remove_prefix(name.size());
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += text.front();
      text.remove_prefix(1);
    }
  }
  return out;
}

}  // namespace cdk::deploy
