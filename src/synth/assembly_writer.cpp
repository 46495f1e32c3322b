#include "synth/synthesizer.hpp"

#include "synth/asset_manifest.hpp"
#include "synth/asset_staging.hpp"
#include "synth/json_text.hpp"
#include "synth/tree_json.hpp"

#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <fmt/format.h>

#include <fstream>
#include <unistd.h>

namespace cdk::detail {

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  f.close();
  if (!f) throw Error("", fmt::format("cannot write {}", p.string()), "check the directory's permissions and free space");
}

void write_json(const std::filesystem::path& p, const Json& json) {
  std::string text;
  append_json(text, json, 1);
  text += '\n';
  write_file(p, text);
}

void write_tree(const std::filesystem::path& p, const Assembly& assembly) {
  std::ofstream f(p, std::ios::binary);
  if (assembly.app != nullptr) write_tree_json(f, *assembly.app, assembly.logical_ids);
  f.close();
  if (!f) throw Error("", fmt::format("cannot write {}", p.string()), "check the directory's permissions and free space");
}

}  // namespace

void write_assembly(const Assembly& assembly, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::path target = dir.empty() ? fs::path("cdk.out") : dir.lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/" is "out"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string stem = target.filename().string();
  const fs::path tmp = parent / fmt::format(".{}.tmp-{}", stem, ::getpid());
  const fs::path old = parent / fmt::format(".{}.old-{}", stem, ::getpid());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw Error("", fmt::format("cannot create {}: {}", tmp.string(), ec.message()), "check permissions");
  try {
    for (const auto& n : assembly.nested) {
      fs::create_directories(tmp / n.directory);
      write_json(tmp / n.directory / "manifest.json", n.manifest);
    }
    for (const auto& a : assembly.stacks) write_file(tmp / a.stack->template_path(), a.template_text);
    for (const auto& a : assembly.stacks) {
      if (a.asset_manifest.is_null()) continue;
      const Stage* stage = Stage::of(*a.stack);
      const fs::path dir = stage != nullptr ? tmp / stage->assembly_directory() : tmp;
      write_json(dir / (asset_manifest_id(*a.stack) + ".json"), a.asset_manifest);
    }
    // Stages' assets too go to the app's directory, as the AWS CDK stages them:
    // their asset manifests point there ("../asset.<hash>").
    stage_assets(assembly, tmp, fs::is_directory(target) ? target : fs::path());
    write_json(tmp / "manifest.json", assembly.manifest);
    write_tree(tmp / "tree.json", assembly);
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(tmp, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(tmp, ec);
    if (!fs::exists(target) && fs::exists(old)) fs::rename(old, target, ec);
    throw Error("", fmt::format("cannot write {}: {}", target.string(), e.code().message()),
                "check the directory's permissions and free space");
  } catch (...) {
    fs::remove_all(tmp, ec);
    if (!fs::exists(target) && fs::exists(old)) fs::rename(old, target, ec);
    throw;
  }
  fs::remove_all(old, ec);
}

}  // namespace cdk::detail
