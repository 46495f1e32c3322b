#pragma once
// Every template a construct test produces is linted with cfn-lint: a test
// calls expect_lint_clean(stack) (or keep_for_lint) and the test program's
// `lint.<folder>` ctest entry runs cfn-lint once over all of them afterwards.
#include <cdk/stack.hpp>

#include <filesystem>

namespace cdk::testing {

/// Synthesizes the stack's app in memory and writes the stack's template to
/// <build>/lint/<folder>/<Suite>.<Test>.<Stack>.template.json for the lint run.
/// Returns the file written.
std::filesystem::path keep_for_lint(Stack& stack);

}  // namespace cdk::testing
