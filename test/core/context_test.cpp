// Typed context readers: switches, lists and numbers, with one clear error each.
#include <cdk/cdk.hpp>

#include "support/expect_error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using cdk::testing::error_of;

cdk::App app_with(std::map<std::string, std::string> context) {
  return cdk::App(cdk::AppProps{.context = std::move(context)});
}

TEST(ContextFlag, ReadsTrueAndFalseAndFallsBackWhenUnset) {
  const auto app = app_with({{"on", "true"}, {"off", "false"}});
  EXPECT_TRUE(app.context_flag("on", false));
  EXPECT_FALSE(app.context_flag("off", true));
  EXPECT_TRUE(app.context_flag("unset", true));
}

TEST(ContextFlag, AnythingButTrueOrFalseIsAnErrorNamingTheKey) {
  const auto app = app_with({{"multi_az", "yes"}});
  const auto message = error_of([&] { (void)app.context_flag("multi_az", false); });
  EXPECT_THAT(message, HasSubstr("multi_az='yes' is neither true nor false"));
  EXPECT_THAT(message, HasSubstr("-c multi_az=true"));
}

TEST(ContextList, SplitsOnCommasTrimsAndDropsEmptyItems) {
  const auto app = app_with({{"cidrs", " 10.0.0.0/8, 192.168.0.0/16,,"}});
  EXPECT_THAT(app.context_list("cidrs"), ElementsAre("10.0.0.0/8", "192.168.0.0/16"));
  EXPECT_TRUE(app.context_list("unset").empty());
}

TEST(ContextList, TakesAJsonArrayFromAContextFile) {
  const auto app = app_with({{"types", R"(["t3.small", "m5.large"])"}});
  EXPECT_THAT(app.context_list("types"), ElementsAre("t3.small", "m5.large"));
}

TEST(ContextInt, ReadsWholeNumbersAndFallsBackWhenUnset) {
  const auto app = app_with({{"tasks", "4"}, {"offset", "-2"}});
  EXPECT_EQ(app.context_int("tasks", 1), 4);
  EXPECT_EQ(app.context_int("offset", 0), -2);
  EXPECT_EQ(app.context_int("unset", 7), 7);
}

TEST(ContextInt, TextOrAFractionIsAnErrorNamingTheKey) {
  const auto app = app_with({{"tasks", "2.5"}, {"count", "many"}});
  EXPECT_THAT(error_of([&] { (void)app.context_int("tasks", 1); }), HasSubstr("tasks='2.5' is not a whole number"));
  EXPECT_THAT(error_of([&] { (void)app.context_int("count", 1); }), HasSubstr("count='many' is not a whole number"));
}

}  // namespace
