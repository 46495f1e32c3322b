// The archive itself is written as synthesis writes a directory asset's zip
// (synth/zip_archive.hpp); what differs is the listing: a staged directory is
// zipped as it is, empty directories included, as the AWS CDK CLI does.
#include "deploy/zip_directory.hpp"

#include <cdk/error.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/asset_files.hpp"
#include "deploy/errors.hpp"
#include "synth/zip_archive.hpp"

namespace cdk::deploy {
namespace {

namespace fs = std::filesystem;

/// Every file and directory under `root`, sorted by relative path.
std::vector<cdk::detail::AssetFile> list_entries(const fs::path& root) {
  std::vector<cdk::detail::AssetFile> entries;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) throw DeployError(fmt::format("cannot read directory {}: {}", root.string(), ec.message()));
  for (; it != end; it.increment(ec)) {
    if (ec) throw DeployError(fmt::format("cannot read directory {}: {}", root.string(), ec.message()));
    const fs::path& p = it->path();
    std::string name = p.lexically_relative(root).generic_string();  // not relative(): it resolves links
    if (it->is_symlink() && fs::is_directory(p)) {
      throw DeployError(fmt::format("{}: {} is a symbolic link to a directory, which is not zipped; copy the "
                                    "directory instead",
                                    root.string(), name));
    }
    if (fs::is_directory(p)) {
      entries.push_back({.relative = name + "/", .source = {}, .directory = true});
    } else if (fs::is_regular_file(p)) {
      const bool executable = (fs::status(p).permissions() & fs::perms::owner_exec) != fs::perms::none;
      entries.push_back({.relative = name, .source = p, .executable = executable});
    } else {
      throw DeployError(fmt::format("{}: {} is neither a file nor a directory (a dangling link?)", root.string(),
                                    name));
    }
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
  return entries;
}

}  // namespace

void zip_directory(const fs::path& directory, const fs::path& archive_path) {
  const auto entries = list_entries(directory);
  // libzip writes no archive at all for no entries.
  if (entries.empty()) throw DeployError(fmt::format("{} is empty: there is nothing to zip", directory.string()));
  try {
    cdk::detail::write_asset_zip(entries, archive_path, directory.string());
  } catch (const Error& e) {
    throw DeployError(e.what());
  }
}

}  // namespace cdk::deploy
