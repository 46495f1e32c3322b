// The writer of the synthesized files must write exactly what Json::dump
// writes: goldens, asset hashes and the CDK CLI's diff all see these bytes.
#include "synth/json_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace {

using cdk::detail::append_json;
using cdk::detail::append_json_string;
using cdk::detail::Json;

std::string text(const Json& j, int indent, int level = 0) {
  std::string out;
  append_json(out, j, indent, level);
  return out;
}

TEST(JsonText, WritesWhatDumpWritesForEveryKindOfValue) {
  const Json doc = Json::parse(R"({
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "Tags": [{"Key": "Name", "Value": "a/b"}]}},
      "Empty": {"Properties": {}, "DependsOn": []},
      "Numbers": {"Int": -42, "Big": 18446744073709551615, "Zero": 0, "Float": 1.5, "Tiny": 1e-300, "Huge": 1e300, "NegZero": -0.0},
      "Flags": [true, false, null, [], {}, [[1, [2, []]]]]
    }
  })");
  for (int indent : {1, 2, 4}) EXPECT_EQ(text(doc, indent), doc.dump(indent)) << "indent " << indent;
  EXPECT_EQ(text(Json::object(), 1), "{}");
  EXPECT_EQ(text(Json::array(), 1), "[]");
  EXPECT_EQ(text(Json(3), 1), "3");
}

TEST(JsonText, DeepNestingAndLongStringsAsDumpWritesThem) {
  Json doc = "innermost";
  for (int i = 0; i < 80; ++i) doc = Json{{"level" + std::to_string(i), doc}};  // indents past 64 spaces
  EXPECT_EQ(text(doc, 1), doc.dump(1));
  EXPECT_EQ(text(doc, 3), doc.dump(3));
  const std::string long_text(500, 'x');
  const Json strings = {{long_text, long_text + "\n" + long_text}, {"k", long_text + "\"end"}};
  EXPECT_EQ(text(strings, 1), strings.dump(1));
}

TEST(JsonText, MemberKeysAreIndentedQuotedAndEscaped) {
  std::string out;
  cdk::detail::append_member_key(out, 3, "Key");
  cdk::detail::append_member_key(out, 0, "tab\tkey");
  EXPECT_EQ(out, "   \"Key\": \"tab\\tkey\": ");
}

TEST(JsonText, IndentsANestedValueAsTheEnclosingDumpWould) {
  const Json inner = {{"a", {1, 2}}, {"b", {{"c", "d"}}}};
  const Json outer = {{"x", {{"y", inner}}}};
  // The value of outer.x.y starts two levels deep.
  const std::string whole = outer.dump(1);
  const std::string part = text(inner, 1, 2);
  EXPECT_NE(whole.find(part), std::string::npos) << part;
}

TEST(JsonText, EscapesControlCharactersQuotesAndBackslashesAsDumpDoes) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  for (const std::string& s : {all, std::string("say \"hi\"\\n"), std::string(), std::string("\x7f")}) {
    std::string out;
    append_json_string(out, s);
    EXPECT_EQ(out, Json(s).dump());
  }
  std::string out = "prefix:";
  append_json_string(out, "tab\there");
  EXPECT_EQ(out, "prefix:\"tab\\there\"");
}

TEST(JsonText, KeepsUtf8AndRejectsBrokenUtf8AsDumpDoes) {
  std::string out = "[";
  append_json_string(out, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \"q\"\n");
  EXPECT_EQ(out, "[" + Json("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \"q\"\n").dump());
  std::string broken = "ok\xc3(";
  EXPECT_THROW(append_json_string(out, broken), nlohmann::json::type_error);
  EXPECT_THROW(static_cast<void>(Json(broken).dump()), nlohmann::json::type_error);
}

// Random documents: random nesting, keys and strings drawn from bytes that
// need every kind of treatment.
Json random_value(std::mt19937& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto random_string = [&] {
    static const std::string alphabet = std::string("abcXYZ019 /:-_.\"\\\t\n\r\b\f\x01\x1f\x7f") + "\xc3\xa9";
    std::string s;
    for (int i = pick(40); i > 0; --i) {  // long enough for whole 8-byte words
      const int k = pick(static_cast<int>(alphabet.size()) - 1);
      if (alphabet[k] == '\xc3') s += "\xc3\xa9";  // a whole two-byte character
      else s += alphabet[k];
    }
    return s;
  };
  switch (depth > 4 ? pick(5) : pick(7)) {
    case 0: return random_string();
    case 1: return static_cast<std::int64_t>(rng()) - (1LL << 31);
    case 2: return rng() % 2 == 0;
    case 3: return nullptr;
    case 4: return static_cast<double>(rng()) / 7.0;
    case 5: {
      Json a = Json::array();
      for (int i = pick(4); i > 0; --i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int i = pick(5); i > 0; --i) o[random_string()] = random_value(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonText, WritesWhatDumpWritesForRandomDocuments) {
  std::mt19937 rng(20261123);
  for (int i = 0; i < 500; ++i) {
    const Json doc = random_value(rng, 0);
    ASSERT_EQ(text(doc, 1), doc.dump(1)) << "document " << i;
  }
}

}  // namespace
