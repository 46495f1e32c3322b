// Diagnostics and errors: one line each, with the construct path and a hint.
#include <cdk/error.hpp>

#include <gtest/gtest.h>

namespace {

TEST(Error, DiagnosticIsOneLineWithLevelPathMessageAndHint) {
  cdk::Diagnostic d{cdk::Diagnostic::Level::Warning, "Stack/Vpc", "too many AZs", "use max_azs"};
  EXPECT_EQ(d.to_string(), "warning: Stack/Vpc: too many AZs (use max_azs)");
  cdk::Diagnostic app_wide{cdk::Diagnostic::Level::Error, "", "no stacks", ""};
  EXPECT_EQ(app_wide.to_string(), "error: no stacks");
  cdk::Error e("A/B", "bad", "fix it");
  EXPECT_STREQ(e.what(), "error: A/B: bad (fix it)");
  cdk::SynthError s({d, app_wide});
  EXPECT_STREQ(s.what(), "warning: Stack/Vpc: too many AZs (use max_azs)\nerror: no stacks");
}

}  // namespace
