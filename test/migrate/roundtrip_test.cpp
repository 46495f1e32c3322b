// The round trip: each template (every sample's golden, and templates/*) was
// migrated to a program at build time and compiled; here the program runs
// (synth) and its template must say what the source says.
#include "core/template_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Case {
  std::string name, program, source;
};

// Test names say which template; the parameter itself need not be printed.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> read_cases() {
  std::vector<Case> out;
  std::ifstream in(CDKPP_MIGRATE_TEST_CASES);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    Case c;
    if (std::getline(fields, c.name, '\t') && std::getline(fields, c.program, '\t') && std::getline(fields, c.source))
      out.push_back(c);
  }
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// What a template says, without what synthesis writes on its own (the
/// construct path in each resource's Metadata) or CloudFormation reads the same
/// either way (a lone DependsOn name or a list of one, an empty Properties map,
/// the template format version and top-level Metadata, which migrate reports
/// as dropped).
json comparable(json t) {
  t.erase("AWSTemplateFormatVersion");
  t.erase("Metadata");
  for (auto& [_, r] : t["Resources"].items()) {
    if (r.contains("Metadata") && r["Metadata"].is_object()) {
      r["Metadata"].erase("aws:cdk:path");
      if (r["Metadata"].empty()) r.erase("Metadata");
    }
    if (r.contains("Properties") && r["Properties"].is_object() && r["Properties"].empty()) r.erase("Properties");
    if (r.contains("DependsOn")) {
      json deps = json::array();
      for (const auto& d : r["DependsOn"].is_array() ? r["DependsOn"] : json::array({r["DependsOn"]}))
        if (std::find(deps.begin(), deps.end(), d) == deps.end()) deps.push_back(d);
      r["DependsOn"] = deps;
    }
  }
  return t;
}

std::string differences(const json& want, const json& got) {
  std::string out;
  int shown = 0;
  for (const auto& op : json::diff(want, got)) {
    if (++shown > 20) return out + "  ...\n";
    const std::string path = op["path"].get<std::string>();
    const json source = want.contains(json::json_pointer(path)) ? want.at(json::json_pointer(path)) : json();
    out += "  " + op["op"].get<std::string>() + " " + path + ": source " + source.dump().substr(0, 200) +
           ", synthesized " + op.value("value", json()).dump().substr(0, 200) + "\n";
  }
  return out;
}

class MigratedProgram : public ::testing::TestWithParam<Case> {};

TEST_P(MigratedProgram, SynthesizesTheTemplateItWasMigratedFrom) {
  const Case& c = GetParam();
  const fs::path out = fs::path(CDKPP_MIGRATE_TEST_OUT) / c.name;
  fs::remove_all(out);
  fs::create_directories(out);
  const std::string log = (out / "synth.log").string();
  const std::string command =
      "'" + c.program + "' --out '" + (out / "assembly").string() + "' synth -q > '" + log + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << c.program << " synth failed:\n" << read(log);

  const json source = cdk::detail::read_template_text(read(c.source));
  const json synthesized = json::parse(read(out / "assembly" / (c.name + ".template.json")));
  const json want = comparable(source), got = comparable(synthesized);
  EXPECT_TRUE(want == got) << c.name << ": the synthesized template differs from " << c.source << ":\n"
                           << differences(want, got);
}

INSTANTIATE_TEST_SUITE_P(Templates, MigratedProgram, ::testing::ValuesIn(read_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(Comparable, ReadsALoneDependsOnAsAListAndDropsTheConstructPath) {
  json a = {{"Resources", {{"A", {{"Type", "AWS::SNS::Topic"}, {"DependsOn", "B"}, {"Properties", json::object()}}}}}};
  json b = {{"Resources",
             {{"A", {{"Type", "AWS::SNS::Topic"}, {"DependsOn", {"B"}}, {"Metadata", {{"aws:cdk:path", "S/A"}}}}}}}};
  EXPECT_EQ(comparable(a), comparable(b));
  b["Resources"]["A"]["Metadata"]["kept"] = 1;
  EXPECT_NE(comparable(a), comparable(b));
}

}  // namespace
