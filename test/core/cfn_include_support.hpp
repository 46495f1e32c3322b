#pragma once
// What the CfnInclude tests share: a scratch directory for template files and
// the comparison of a synthesized template with the one included.
#include "core/test_util.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace cdktest {

/// The template without what synthesis adds or moves: aws:cdk:path metadata.
inline nlohmann::json comparable(const Json& t) {
  nlohmann::json out = nlohmann::json::parse(t.dump());
  for (auto& [_, r] : out["Resources"].items()) {
    if (!r.contains("Metadata")) continue;
    r["Metadata"].erase("aws:cdk:path");
    if (r["Metadata"].empty()) r.erase("Metadata");
  }
  return out;
}

/// A fixture with a directory of its own for the test's template files.
class TemplateFilesTest : public ::testing::Test {
 protected:
  std::filesystem::path dir = [] {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return std::filesystem::temp_directory_path() /
           ("cdkpp-include-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            info->test_suite_name() + "-" + info->name());
  }();
  void SetUp() override { std::filesystem::create_directories(dir); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

}  // namespace cdktest
