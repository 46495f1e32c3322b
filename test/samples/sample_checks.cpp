#include "sample_checks.hpp"

#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace samples {

// As `synth` writes it: with the rule pack, whose suppressions go into the template.
std::string template_text(cdk::Stack& stack) {
  auto& app = dynamic_cast<cdk::App&>(stack.node().root());
  auto assembly = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
  for (const auto& a : assembly.stacks)
    if (a.stack == &stack) return a.template_text;
  return {};
}

std::vector<std::string> security_findings(cdk::App& app) {
  std::vector<std::string> out;
  for (const auto& d : cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}}).diagnostics)
    if (!d.rule.empty() && d.level != cdk::Diagnostic::Level::Info) out.push_back(d.path + " [" + d.rule + "]");
  return out;
}

void expect_matches_golden(const std::string& sample, cdk::Stack& stack) {
  const std::string text = template_text(stack);
  const auto file = std::filesystem::path(CDKPP_GOLDEN_DIR) / sample / stack.template_file();
  if (const char* update = std::getenv("CDKPP_UPDATE_GOLDENS"); update && std::string(update) == "1") {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return;
  }
  std::ifstream in(file, std::ios::binary);
  ASSERT_TRUE(in) << "no golden " << file << "; run the tests with CDKPP_UPDATE_GOLDENS=1 to write it";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_TRUE(golden.str() == text) << "template differs from " << file
                                    << "; if the change is intended, rerun with CDKPP_UPDATE_GOLDENS=1 and review the diff";
}

std::set<std::string> public_subnets(const Json& t) {
  std::set<std::string> out;
  for (const auto& [id, r] : t["Resources"].items())
    if (r["Type"] == "AWS::EC2::Subnet" && r["Properties"].value("MapPublicIpOnLaunch", false)) out.insert(id);
  return out;
}

namespace {
std::string group_of(const Json& v) {
  if (v.is_object() && v.contains("Fn::GetAtt")) return v["Fn::GetAtt"][0].get<std::string>();
  if (v.is_object() && v.contains("Ref")) return v["Ref"].get<std::string>();
  return v.dump();
}
Ingress rule(const std::string& group, const Json& p) {
  Ingress i{group, p.value("CidrIp", std::string()), p.value("FromPort", -1L), p.value("ToPort", -1L)};
  return i;
}
}  // namespace

std::vector<Ingress> ingress_rules(const Json& t) {
  std::vector<Ingress> out;
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] == "AWS::EC2::SecurityGroup" && r.contains("Properties"))
      for (const auto& p : r["Properties"].value("SecurityGroupIngress", Json::array())) out.push_back(rule(id, p));
    if (r["Type"] == "AWS::EC2::SecurityGroupIngress") out.push_back(rule(group_of(r["Properties"]["GroupId"]), r["Properties"]));
  }
  return out;
}

std::set<std::string> refs_in(const Json& j) {
  std::set<std::string> out;
  if (j.is_object()) {
    if (j.contains("Ref") && j["Ref"].is_string()) out.insert(j["Ref"].get<std::string>());
    for (const auto& [k, v] : j.items()) out.merge(refs_in(v));
  } else if (j.is_array()) {
    for (const auto& v : j) out.merge(refs_in(v));
  }
  return out;
}

}  // namespace samples
