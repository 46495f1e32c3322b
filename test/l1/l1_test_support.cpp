#include "l1_test_support.hpp"

#include "synth/synthesizer.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace l1test {

namespace {

bool kind_matches(const nlohmann::ordered_json& j, std::string_view kind) {
  if (kind == "any") return true;
  // Tokens (Ref, Fn::*) are single-key maps; the tests set literals, so a map
  // where a scalar is expected is a real mismatch.
  if (kind == "string") return j.is_string();
  if (kind == "integer") return j.is_number_integer();
  if (kind == "number") return j.is_number();
  if (kind == "boolean") return j.is_boolean();
  if (kind == "list") return j.is_array();
  if (kind == "map") return j.is_object();
  return false;
}

}  // namespace

std::filesystem::path output_dir() {
  auto dir = std::filesystem::path(CDKPP_BINARY_DIR) / "l1-templates";
  std::filesystem::create_directories(dir);
  return dir;
}

Fixture::Fixture(std::string name)
    : name_(std::move(name)),
      app_(std::make_unique<cdk::App>()),
      scratch_app_(std::make_unique<cdk::App>()) {
  stack_ = &app_->add<cdk::Stack>(name_);
  scratch_ = &scratch_app_->add<cdk::Stack>("Scratch");
}

Fixture::~Fixture() = default;

void Fixture::required(const cdk::CfnResource& r, std::initializer_list<const char*> names) {
  Expectation e{&r, {}, true};
  for (const char* n : names) e.shapes.push_back({n, "any"});
  expectations_.push_back(std::move(e));
}

void Fixture::full(const cdk::CfnResource& r, std::initializer_list<Shape> shapes) {
  expectations_.push_back({&r, std::vector<Shape>(shapes), false});
}

void Fixture::check_missing(const cdk::CfnResource& r, std::string_view type, std::size_t n) {
  auto diags = static_cast<const cdk::Construct&>(r).validate();
  std::size_t errors = 0;
  for (const auto& d : diags) {
    if (d.level != cdk::Diagnostic::Level::Error) continue;
    ++errors;
    EXPECT_NE(d.message.find("missing required property "), std::string::npos) << d.message;
    EXPECT_NE(d.message.find(type), std::string::npos) << d.message;
    EXPECT_EQ(d.hint.rfind("set props.", 0), 0u) << d.hint;
  }
  EXPECT_EQ(errors, n) << type << " with no props";
}

void Fixture::synth_and_check() {
  cdk::detail::Assembly assembly;
  try {
    assembly = cdk::detail::synthesize(*app_, {});
  } catch (const cdk::SynthError& e) {
    std::string all;
    for (const auto& d : e.errors()) all += d.to_string() + "\n";
    FAIL() << "synthesis of " << name_ << " failed:\n" << all;
  }
  ASSERT_EQ(assembly.stacks.size(), 1u);
  const auto& tmpl = assembly.stacks[0].template_json;
  template_file_ = output_dir() / (name_ + ".template.json");
  std::ofstream(template_file_) << assembly.stacks[0].template_text;

  const auto& resources = tmpl.at("Resources");
  ASSERT_EQ(resources.size(), expectations_.size());
  for (const auto& e : expectations_) {
    const std::string id = e.resource->logical_id();
    ASSERT_TRUE(resources.contains(id)) << id;
    const auto& entry = resources.at(id);
    EXPECT_EQ(entry.at("Type"), e.resource->cfn_type());
    auto props = entry.contains("Properties") ? entry.at("Properties") : nlohmann::ordered_json::object();
    std::set<std::string> expected;
    for (const auto& s : e.shapes) {
      expected.insert(s.name);
      if (!props.contains(s.name)) {
        ADD_FAILURE() << e.resource->cfn_type() << ": property " << s.name << " not rendered";
        continue;
      }
      EXPECT_TRUE(kind_matches(props.at(s.name), s.kind))
          << e.resource->cfn_type() << "." << s.name << " should be " << s.kind << ", is " << props.at(s.name).dump();
    }
    for (const auto& [k, v] : props.items()) {
      EXPECT_TRUE(expected.count(k)) << e.resource->cfn_type() << ": unexpected property " << k;
    }
  }
}

void Fixture::lint() {
  ASSERT_FALSE(template_file_.empty()) << "synth_and_check() first";
  // lint_l1.py checks names and shapes against the pinned spec (independently
  // of the generator), then runs cfn-lint and fails on type errors, unknown
  // types and broken templates; it explains why the rest does not fail
  // (placeholder values, properties newer than cfn-lint's bundled schemas).
  // Types given every property are also checked for being complete (--all-set).
  bool all_full = !expectations_.empty();
  for (const auto& e : expectations_) all_full = all_full && !e.exact;
  const std::string cmd = std::string("python3 '" CDKPP_SOURCE_DIR "/test/l1/lint_l1.py' ") +
                          (all_full ? "--all-set '" : "'") + template_file_.string() + "' 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = ::pclose(pipe);
  std::cout << out;
  EXPECT_EQ(status, 0) << out;
}

}  // namespace l1test
