#pragma once
// Checking the cdk::Error a construct or function throws: the message for
// substring checks, or the path and a part of the message at once.
#include <cdk/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace cdk::testing {

/// The message of the cdk::Error that `f()` throws, or "no error" when it
/// returns, so a missing error fails the substring check that follows:
///
///   EXPECT_THAT(error_of([&] { stack.add<Vpc>("Vpc", {.max_azs = 0}); }), HasSubstr("Stack/Vpc: "));
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const cdk::Error& e) {
    return e.what();
  }
  return "no error";
}

/// Expects `f()` to throw a cdk::Error at construct path `path` whose message
/// contains `text`. Wrap calls in SCOPED_TRACE to name the case on failure.
template <class F>
void expect_error(F&& f, const std::string& path, std::string_view text) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one at " << path << " saying " << text;
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_THAT(e.what(), ::testing::HasSubstr(std::string(text)));
  }
}

}  // namespace cdk::testing
