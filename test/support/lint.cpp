#include "support/lint.hpp"

#include "synth/synthesizer.hpp"

#include <cdk/app.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace cdk::testing {

std::filesystem::path keep_for_lint_in(Stack& stack, std::string_view folder) {
  auto& app = dynamic_cast<App&>(stack.node().root());
  auto assembly = cdk::detail::synthesize(app, {});
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir = std::filesystem::path(CDKPP_BINARY_DIR) / "lint" / folder;
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
