#pragma once
// Helpers shared by the core, synth, graph and cli tests: synthesize an app in
// memory and pick parts of its templates.
#include "core/logical_id.hpp"
#include "synth/references.hpp"
#include "synth/resolve.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/cdk.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace cdktest {

using Json = cdk::detail::Json;

/// The template of the stack at `stack_path` in a synthesized assembly.
inline Json template_of(const cdk::detail::Assembly& assembly, std::string_view stack_path) {
  for (const auto& s : assembly.stacks)
    if (s.stack->node().path() == stack_path) return s.template_json;
  ADD_FAILURE() << "no stack " << stack_path << " in the assembly";
  return Json::object();
}

/// Synthesizes `app` in memory and returns the template of one stack.
inline Json synth_template(cdk::App& app, std::string_view stack_path) {
  return template_of(cdk::detail::synthesize(app, {}), stack_path);
}

/// Synthesizes `app` expecting failure; returns the errors (empty on success).
inline std::vector<cdk::Diagnostic> synth_errors(cdk::App& app, cdk::detail::SynthOptions options = {}) {
  try {
    (void)cdk::detail::synthesize(app, options);
  } catch (const cdk::SynthError& e) {
    return e.errors();
  }
  ADD_FAILURE() << "synthesis succeeded but errors were expected";
  return {};
}

/// All error lines of a failed synthesis in one string, for substring checks.
inline std::string synth_error_text(cdk::App& app, cdk::detail::SynthOptions options = {}) {
  std::string out;
  for (const auto& d : synth_errors(app, options)) out += d.to_string() + "\n";
  return out;
}

/// Resolves `v` as it would be written into `stack`'s template.
inline Json resolve(const cdk::Stack& stack, const cdk::Value& v) {
  cdk::detail::LogicalIds ids;
  for (auto* c : stack.node().root().node().find_all())
    if (auto* e = dynamic_cast<const cdk::CfnElement*>(c)) ids.emplace(e, e->logical_id());
  std::vector<cdk::Diagnostic> errors;
  cdk::detail::CrossStackReferences refs(ids);
  cdk::detail::Resolver resolver(stack, ids, &refs, "probe", errors);
  Json j = resolver(v);
  if (!errors.empty()) throw cdk::SynthError(errors);
  return j;
}

/// A fresh empty directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cdkpp-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Changes the working directory for the lifetime of the object.
class ScopedCwd {
 public:
  explicit ScopedCwd(const std::filesystem::path& dir) : old_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedCwd() { std::filesystem::current_path(old_); }
  ScopedCwd(const ScopedCwd&) = delete;
  ScopedCwd& operator=(const ScopedCwd&) = delete;

 private:
  std::filesystem::path old_;
};

/// Sets (or unsets, with nullptr) an environment variable for a scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_) ::setenv(name_.c_str(), old_.c_str(), 1);
    else ::unsetenv(name_.c_str());
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::string old_;
  bool had_ = false;
};

/// Reads a whole file ("" when it does not exist).
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

}  // namespace cdktest
