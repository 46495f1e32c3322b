// CfnInclude's readers (emit_include.cpp) on the tiny fake spec, compared byte
// for byte with expected_include/. After an intended change to that emitter,
// rewrite them with: CDKPP_UPDATE_GOLDEN=1 ./cfngen_tests
#include "emit_include.hpp"
#include "expected_files.hpp"
#include "model.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;
const fs::path kDir = CFNGEN_TEST_DIR;

cfngen::Spec fake_spec() {
  auto spec = cfngen::parse_spec(cfngen::read_file((kDir / "fake/spec.json").string()));
  cfngen::apply_patches(spec, cfngen::parse_patches(cfngen::read_file((kDir / "fake/patches.json").string())));
  return spec;
}

TEST(IncludeReaders, OneFilePerShardPlusTheTableOfShards) {
  cfngen::Options o;
  o.shards = 3;
  auto files = cfngen::generate_include_readers(fake_spec(), o);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files.back().path, "src/l1/include_types.cpp");
  EXPECT_NE(files.back().content.find("include_types_02()"), std::string::npos);
}

TEST(IncludeReaders, OutputMatchesExpectedFilesByteForByte) {
  cfngen::Options o;
  o.shards = 2;
  auto files = cfngen::generate_include_readers(fake_spec(), o);
  cfngen_test::expect_files(kDir / "expected_include", files);
}

}  // namespace
