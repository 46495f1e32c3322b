#include "synth/asset_staging.hpp"

#include "core/asset_files.hpp"
#include "synth/zip_archive.hpp"

#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>

#include <fmt/format.h>

#include <set>

namespace cdk::detail {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const Construct& asset, const fs::path& p, const std::error_code& ec) {
  throw Error(asset.node().path(), fmt::format("cannot stage {}: {}", p.string(), ec.message()),
              "check that the file is readable and the output directory has room");
}

// A hard link where the file system allows one, else a copy.
void link_or_copy(const fs::path& from, const fs::path& to, std::error_code& ec) {
  fs::create_hard_link(from, to, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  }
}

// Takes what the previous assembly staged under the same name; false if it has none.
bool reuse(const Construct& asset, const fs::path& previous, const fs::path& to) {
  std::error_code ec;
  if (previous.empty() || !fs::exists(previous, ec)) return false;
  if (fs::is_regular_file(previous, ec)) {
    link_or_copy(previous, to, ec);
    if (ec) fail(asset, to, ec);
    return true;
  }
  fs::create_directories(to, ec);
  for (fs::recursive_directory_iterator it(previous, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path target = to / fs::relative(it->path(), previous);
    if (it->is_directory()) fs::create_directories(target, ec);
    else link_or_copy(it->path(), target, ec);
    if (ec) break;
  }
  if (ec) fail(asset, to, ec);
  return true;
}

void copy_tree(const Construct& asset, const std::vector<AssetFile>& files, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  for (const auto& f : files) {
    const fs::path target = to / f.relative;
    if (f.directory) fs::create_directories(target, ec);
    else fs::copy_file(f.source, target, fs::copy_options::overwrite_existing, ec);  // follows links
    if (ec) fail(asset, f.source, ec);
  }
}

void stage_file_asset(const FileAsset& a, const fs::path& to) {
  if (a.is_directory()) {
    write_asset_zip(a.files(), to, a.node().path());
    return;
  }
  std::error_code ec;
  fs::copy_file(a.source_path(), to, fs::copy_options::overwrite_existing, ec);
  if (ec) fail(a, a.source_path(), ec);
}

}  // namespace

void stage_assets(const Assembly& assembly, const fs::path& dir, const fs::path& previous) {
  std::set<std::string> staged;
  auto prior = [&](const std::string& name) { return previous.empty() ? fs::path() : previous / name; };
  for (const auto& stack : assembly.stacks) {
    for (const FileAsset* a : stack.file_assets) {
      const std::string name = a->staged_name();
      if (!staged.insert(name).second || reuse(*a, prior(name), dir / name)) continue;
      stage_file_asset(*a, dir / name);
    }
    for (const DockerImageAsset* a : stack.image_assets) {
      const std::string name = a->staged_name();
      if (!staged.insert(name).second || reuse(*a, prior(name), dir / name)) continue;
      copy_tree(*a, a->files(), dir / name);
    }
  }
}

}  // namespace cdk::detail
