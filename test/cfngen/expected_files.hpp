#pragma once
// The generator's output against the files checked in under an expected
// directory: byte for byte, none missing, none stale. CDKPP_UPDATE_GOLDEN=1
// rewrites the directory instead (review the diff).
#include "emit.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace cfngen_test {

inline void expect_files(const std::filesystem::path& expected, const std::vector<cfngen::File>& files) {
  namespace fs = std::filesystem;
  if (std::getenv("CDKPP_UPDATE_GOLDEN")) {
    fs::remove_all(expected);
    cfngen::write_files(expected.string(), files);
    GTEST_SKIP() << "rewrote " << expected;
  }
  std::set<std::string> seen;
  for (const auto& f : files) {
    seen.insert(f.path);
    std::ifstream in(expected / f.path, std::ios::binary);
    ASSERT_TRUE(in) << "no expected file " << f.path;
    std::ostringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), f.content) << f.path;
  }
  for (const auto& e : fs::recursive_directory_iterator(expected))
    if (e.is_regular_file()) EXPECT_TRUE(seen.count(fs::relative(e.path(), expected).string())) << "stale " << e.path();
}

}  // namespace cfngen_test
