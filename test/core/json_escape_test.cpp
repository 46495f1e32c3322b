#include <cdk/json_escape.hpp>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace {

TEST(JsonEscape, EscapesWhatJsonRequiresAndReadsBackToTheSameText) {
  const std::string text = std::string("say \"hi\"\\ \b\f\n\r\t") + '\x01' + " é";
  const std::string escaped = cdk::json_escaped(text);
  EXPECT_EQ(escaped, "say \\\"hi\\\"\\\\ \\b\\f\\n\\r\\t\\u0001 é");
  EXPECT_EQ(nlohmann::json::parse("\"" + escaped + "\"").get<std::string>(), text);
  std::string out = "x";
  cdk::append_json_escaped(out, "\"");
  EXPECT_EQ(out, "x\\\"");
}

}  // namespace
