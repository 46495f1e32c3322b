#pragma once
// Every template a construct test produces is linted with cfn-lint: a test
// calls keep_for_lint(stack) and the test program's `lint.<folder>` ctest
// entry runs cfn-lint once over all of them afterwards.
#include <cdk/stack.hpp>

#include <filesystem>
#include <string_view>

#ifndef CDKPP_TEST_FOLDER
#define CDKPP_TEST_FOLDER "misc"
#endif

namespace cdk::testing {

/// Synthesizes the stack's app in memory and writes the stack's template to
/// <build>/lint/<folder>/<Suite>.<Test>.<Stack>.template.json for the lint run.
/// Returns the file written.
std::filesystem::path keep_for_lint_in(Stack& stack, std::string_view folder);

/// keep_for_lint_in the calling test program's folder (support/lint.cpp is
/// compiled once for all of them, so the folder comes from the caller).
inline std::filesystem::path keep_for_lint(Stack& stack) { return keep_for_lint_in(stack, CDKPP_TEST_FOLDER); }

}  // namespace cdk::testing
