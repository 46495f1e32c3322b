#include "cli/findings_report.hpp"

#include "security/rules.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/stack.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

namespace cdk::detail {

namespace {

namespace sec = security;

struct Located {
  const StackArtifact* stack;
  sec::Result result;
  std::string template_uri;
  std::optional<std::size_t> line;  // of the resource's logical id in the written template
};

// Where `logical_id` opens its entry in the template as synth writes it
// (one space per level: resources sit at two).
std::optional<std::size_t> line_of(const std::string& template_text, const std::string& logical_id) {
  const auto resources = template_text.find("\n \"Resources\": {");
  if (resources == std::string::npos) return std::nullopt;
  const auto at = template_text.find("\n  \"" + logical_id + "\": {", resources);
  if (at == std::string::npos) return std::nullopt;
  return static_cast<std::size_t>(std::count(template_text.begin(), template_text.begin() + at, '\n')) + 2;
}

std::vector<Located> locate_all(const Assembly& assembly, const std::string& outdir) {
  std::vector<Located> out;
  for (const auto& a : assembly.stacks) {
    const auto uri = (std::filesystem::path(outdir) / a.stack->template_path()).generic_string();
    for (auto& r : sec::find_all(*a.stack, *a.view, a.owners)) {
      auto line = line_of(a.template_text, r.logical_id);
      out.push_back({&a, std::move(r), uri, line});
    }
  }
  return out;
}

// GitHub code scanning's scale: high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
const char* security_severity(sec::Severity s) {
  switch (s) {
    case sec::Severity::High: return "8.0";
    case sec::Severity::Medium: return "5.0";
    case sec::Severity::Low: return "2.0";
    case sec::Severity::Advice: return "1.0";
  }
  return "5.0";
}

const char* sarif_level(sec::Severity s) {
  switch (s) {
    case sec::Severity::High: return "error";
    case sec::Severity::Medium: return "warning";
    case sec::Severity::Low:
    case sec::Severity::Advice: return "note";
  }
  return "warning";
}

Json sarif_rule(const sec::Rule& r) {
  return {{"id", r.id},
          {"name", r.id},
          {"shortDescription", {{"text", r.title}}},
          {"fullDescription", {{"text", r.explanation}}},
          {"help", {{"text", r.fix}}},
          {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
          {"properties", {{"tags", {"security"}}, {"security-severity", security_severity(r.severity)}}}};
}

Json sarif_result(const Located& f, std::size_t rule_index) {
  const auto& r = *f.result.rule;
  Json physical = {{"artifactLocation", {{"uri", f.template_uri}}}};
  if (f.line) physical["region"] = {{"startLine", *f.line}};
  Json result = {{"ruleId", r.id},
                 {"ruleIndex", rule_index},
                 {"level", sarif_level(r.severity)},
                 {"message", {{"text", std::string(r.title) + ": " + f.result.detail + " (" + f.result.path + ")"}}},
                 {"locations", Json::array({{{"physicalLocation", std::move(physical)},
                                             {"logicalLocations", Json::array({{{"fullyQualifiedName", f.result.path},
                                                                                {"kind", "resource"}}})}}})}};
  if (f.result.suppressed)
    result["suppressions"] = Json::array({{{"kind", "inSource"}, {"justification", *f.result.suppressed}}});
  return result;
}

}  // namespace

std::string findings_json(const Assembly& assembly, const std::string& outdir) {
  Json findings = Json::array();
  std::map<std::string, int> counts{{"high", 0}, {"medium", 0}, {"low", 0}, {"suppressed", 0}};
  for (const auto& f : locate_all(assembly, outdir)) {
    const auto& r = *f.result.rule;
    const std::string severity(sec::to_string(r.severity));
    ++counts[f.result.suppressed ? "suppressed" : severity];
    findings.push_back({{"rule", r.id},
                        {"severity", severity},
                        {"stack", f.stack->stack->node().path()},
                        {"template", f.template_uri},
                        {"logicalId", f.result.logical_id},
                        {"line", f.line ? Json(*f.line) : Json()},
                        {"path", f.result.path},
                        {"title", r.title},
                        {"detail", f.result.detail},
                        {"fix", r.fix},
                        {"suppressed", f.result.suppressed.has_value()},
                        {"reason", f.result.suppressed ? Json(*f.result.suppressed) : Json()}});
  }
  Json out = {{"stacks", assembly.stacks.size()}, {"findings", std::move(findings)}, {"counts", Json::object()}};
  for (const auto& [k, n] : counts) out["counts"][k] = n;
  return out.dump(2) + "\n";
}

std::string findings_sarif(const Assembly& assembly, const std::string& outdir) {
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> index;
  for (const auto& r : sec::rules()) {
    index.emplace(r.id, rules.size());
    rules.push_back(sarif_rule(r));
  }
  Json results = Json::array();
  for (const auto& f : locate_all(assembly, outdir)) results.push_back(sarif_result(f, index.at(f.result.rule->id)));
  Json driver = {{"name", "cdkpp"}, {"rules", std::move(rules)}};
  Json run = {{"tool", {{"driver", std::move(driver)}}}, {"results", std::move(results)}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  return log.dump(2) + "\n";
}

}  // namespace cdk::detail
