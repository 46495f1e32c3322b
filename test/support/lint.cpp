#include "support/lint.hpp"

#include "synth/synthesizer.hpp"

#include <cdk/app.hpp>

#include <gtest/gtest.h>

#include <fstream>

#ifndef CDKPP_TEST_FOLDER
#define CDKPP_TEST_FOLDER "misc"
#endif

namespace cdk::testing {

std::filesystem::path keep_for_lint(Stack& stack) {
  auto& app = dynamic_cast<App&>(stack.node().root());
  auto assembly = cdk::detail::synthesize(app, {});
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir = std::filesystem::path(CDKPP_BINARY_DIR) / "lint" / CDKPP_TEST_FOLDER;
  std::filesystem::create_directories(dir);
  std::filesystem::path file;
  for (const auto& a : assembly.stacks)
    if (a.stack == &stack) {
      file = dir / (std::string(info->test_suite_name()) + "." + info->name() + "." + stack.artifact_id() +
                    ".template.json");
      std::ofstream(file) << a.template_text;
    }
  return file;
}

}  // namespace cdk::testing
