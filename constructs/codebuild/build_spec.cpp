#include <cdk/codebuild/build_spec.hpp>

#include "detail/json_text.hpp"

#include <cdk/error.hpp>

#include <utility>

namespace cdk::codebuild {

namespace {

Value strings(const std::vector<std::string>& items) { return Value(items); }

void put(Value::Map& out, const char* key, Value v) {
  if (!v.is_null()) out.emplace_back(key, std::move(v));
}

Value phase(const BuildPhase& p, const std::map<std::string, std::string>& runtimes = {}) {
  Value::Map out;
  if (!runtimes.empty()) put(out, "runtime-versions", Value(runtimes));
  if (!p.on_failure.empty()) put(out, "on-failure", p.on_failure);
  if (!p.commands.empty()) put(out, "commands", strings(p.commands));
  if (!p.finally.empty()) put(out, "finally", strings(p.finally));
  return out.empty() ? Value() : Value(std::move(out));
}

Value env(const BuildSpecProps& p) {
  Value::Map out;
  if (!p.env_shell.empty()) put(out, "shell", p.env_shell);
  if (!p.env_variables.empty()) put(out, "variables", Value(p.env_variables));
  if (!p.env_parameter_store.empty()) put(out, "parameter-store", Value(p.env_parameter_store));
  if (!p.env_exported_variables.empty()) put(out, "exported-variables", strings(p.env_exported_variables));
  if (!p.env_secrets_manager.empty()) put(out, "secrets-manager", Value(p.env_secrets_manager));
  return out.empty() ? Value() : Value(std::move(out));
}

Value phases(const BuildSpecProps& p) {
  Value::Map out;
  put(out, "install", phase(p.install, p.runtime_versions));
  put(out, "pre_build", phase(p.pre_build));
  put(out, "build", phase(p.build));
  put(out, "post_build", phase(p.post_build));
  return out.empty() ? Value() : Value(std::move(out));
}

// A report's key may be a token (a report group's ARN): keys that are tokens
// are written as "\x01<n>" and json_text puts key_tokens[n] there.
Value reports(const BuildSpecProps& p, std::vector<Value>* key_tokens) {
  if (p.reports.empty()) return {};
  Value::Map out;
  for (const auto& [group, report] : p.reports) {
    Value::Map r;
    put(r, "files", strings(report.files));
    if (!report.base_directory.empty()) put(r, "base-directory", report.base_directory);
    if (!report.file_format.empty()) put(r, "file-format", report.file_format);
    if (group.kind() == Value::Kind::String) {
      out.emplace_back(group.as_string(), Value(std::move(r)));
    } else {
      out.emplace_back("\x01" + std::to_string(key_tokens->size()), Value(std::move(r)));
      key_tokens->push_back(group);
    }
  }
  return out;
}

Value artifacts(const BuildSpecProps& p) {
  if (p.artifact_files.empty()) return {};
  Value::Map out;
  put(out, "files", strings(p.artifact_files));
  if (!p.artifact_name.empty()) put(out, "name", p.artifact_name);
  if (p.artifact_discard_paths) put(out, "discard-paths", "yes");
  if (!p.artifact_base_directory.empty()) put(out, "base-directory", p.artifact_base_directory);
  return out;
}

bool has_commands(const BuildSpecProps& p) {
  for (const auto* ph : {&p.install, &p.pre_build, &p.build, &p.post_build})
    if (!ph->commands.empty()) return true;
  return false;
}

}  // namespace

BuildSpec BuildSpec::from_object(BuildSpecProps props) {
  BuildSpec s;
  s.kind_ = Kind::Object;
  s.props_ = std::move(props);
  return s;
}

BuildSpec BuildSpec::from_source_filename(std::string filename) {
  BuildSpec s;
  s.kind_ = Kind::Filename;
  s.filename_ = std::move(filename);
  return s;
}

void BuildSpec::check(const std::string& path) const {
  if (kind_ == Kind::Filename && filename_.empty())
    throw Error(path, "BuildSpec::from_source_filename has no file name", "pass the buildspec's path in the source");
  if (kind_ != Kind::Object) return;
  const auto& p = props_;
  if (p.version != "0.2" && p.version != "0.1")
    throw Error(path, "buildspec version \"" + p.version + "\" is not one CodeBuild reads", "use \"0.2\"");
  if (!has_commands(p))
    throw Error(path, "the buildspec runs no command", "add commands to .build (or install, pre_build, post_build)");
  for (const auto* ph : {&p.install, &p.pre_build, &p.build, &p.post_build})
    if (!ph->on_failure.empty() && ph->on_failure != "ABORT" && ph->on_failure != "CONTINUE")
      throw Error(path, "buildspec on_failure \"" + ph->on_failure + "\" is not ABORT or CONTINUE", "use one of them");
  if (p.artifact_files.empty() && (!p.artifact_base_directory.empty() || !p.artifact_name.empty() || p.artifact_discard_paths))
    throw Error(path, "the buildspec sets artifact options but no artifact_files", "list the files, e.g. {\"**/*\"}");
  for (const auto& [group, report] : p.reports) {
    if (group.is_null() || (group.kind() == Value::Kind::String && group.as_string().empty()))
      throw Error(path, "a buildspec report has no report group", "key it by a group name or a ReportGroup's ARN");
    if (report.files.empty())
      throw Error(path, "buildspec report " + (group.kind() == Value::Kind::String ? "\"" + group.as_string() + "\"" : group.to_string()) +
                            " has no files", "list the report files");
  }
}

Value BuildSpec::to_value(std::vector<Value>* key_tokens) const {
  if (kind_ != Kind::Object) return {};
  Value::Map out;
  put(out, "version", props_.version);
  put(out, "env", env(props_));
  put(out, "phases", phases(props_));
  put(out, "reports", reports(props_, key_tokens));
  put(out, "artifacts", artifacts(props_));
  if (!props_.cache_paths.empty()) put(out, "cache", Value::map({{"paths", strings(props_.cache_paths)}}));
  return out;
}

Value BuildSpec::render() const {
  switch (kind_) {
    case Kind::None: return {};
    case Kind::Filename: return filename_;
    case Kind::Object: {
      std::vector<Value> key_tokens;
      auto v = to_value(&key_tokens);
      return detail::json_text(v, 2, key_tokens);
    }
  }
  return {};
}

}  // namespace cdk::codebuild
