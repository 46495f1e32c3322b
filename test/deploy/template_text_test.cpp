#include "core/template_text.hpp"

#include <gtest/gtest.h>

#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using cdk::detail::parse_template_text;
using cdk::detail::parse_yaml_subset;

const std::string data_dir = std::string(CDKPP_SOURCE_DIR) + "/test/deploy/data/";

TEST(TemplateText, TheYamlTheAwsCdkCliDeploysReadsBackAsOurJsonTemplate) {
  // Recorded from moto after `cdk deploy --app <hello assembly> --method=direct` (aws-cdk 2.1148.1).
  auto yaml = parse_template_text(testing::read_file(data_dir + "hello.deployed-by-cdk-cli.yaml"));
  ASSERT_TRUE(yaml);
  json ours = json::parse(testing::read_file(data_dir + "hello.template.json"));
  EXPECT_EQ(*yaml, ours);
}

TEST(TemplateText, JsonIsReadAsJson) {
  auto t = parse_template_text(R"(  {"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}})");
  ASSERT_TRUE(t);
  EXPECT_EQ((*t)["Resources"]["Q"]["Type"], "AWS::SQS::Queue");
}

TEST(TemplateText, ScalarsKeepTheirYamlTypes) {
  json v = parse_yaml_subset(
      "a: 60\nb: \"60\"\nc: true\nd: 'it''s'\ne: 1.5\nf: ~\ng: plain text: no\nh: \"tab\\tand \\\"quote\\\"\"\n"
      "i: 0.0.0.0/0 # a comment\nj: '#not a comment'\n");
  EXPECT_EQ(v["a"], 60);
  EXPECT_EQ(v["b"], "60");
  EXPECT_EQ(v["c"], true);
  EXPECT_EQ(v["d"], "it's");
  EXPECT_EQ(v["e"], 1.5);
  EXPECT_TRUE(v["f"].is_null());
  EXPECT_EQ(v["g"], "plain text: no");
  EXPECT_EQ(v["h"], "tab\tand \"quote\"");
  EXPECT_EQ(v["i"], "0.0.0.0/0");
  EXPECT_EQ(v["j"], "#not a comment");
}

TEST(TemplateText, NestedBlocksSequencesAndFlowCollections) {
  json v = parse_yaml_subset(
      "Resources:\n"
      "  Sg:\n"
      "    Type: AWS::EC2::SecurityGroup\n"
      "    Properties:\n"
      "      Ingress:\n"
      "      - IpProtocol: tcp\n"
      "        Ports: [80, 443]\n"
      "      -   IpProtocol: udp\n"
      "      Tags: {Name: web, Team: \"a, b\"}\n"
      "      Empty: []\n"
      "      Nested:\n"
      "        - - 1\n"
      "          - 2\n");
  const json& p = v["Resources"]["Sg"]["Properties"];
  EXPECT_EQ(p["Ingress"], json::parse(R"([{"IpProtocol":"tcp","Ports":[80,443]},{"IpProtocol":"udp"}])"));
  EXPECT_EQ(p["Tags"], json::parse(R"({"Name":"web","Team":"a, b"})"));
  EXPECT_EQ(p["Empty"], json::array());
  EXPECT_EQ(p["Nested"], json::parse("[[1,2]]"));
}

TEST(TemplateText, ShortFormIntrinsicsBecomeLongForm) {
  json v = parse_yaml_subset(
      "A: !Ref Bucket\nB: !GetAtt Queue.Arn\nC: !Sub 'arn:${AWS::Partition}:s3:::x'\n"
      "D: !Join ['', [a, !Ref B]]\nE: !Select\n  - 0\n  - !GetAZs ''\n");
  EXPECT_EQ(v["A"], json::parse(R"({"Ref":"Bucket"})"));
  EXPECT_EQ(v["B"], json::parse(R"({"Fn::GetAtt":["Queue","Arn"]})"));
  EXPECT_EQ(v["C"], json::parse(R"({"Fn::Sub":"arn:${AWS::Partition}:s3:::x"})"));
  EXPECT_EQ(v["D"], json::parse(R"({"Fn::Join":["",["a",{"Ref":"B"}]]})"));
  EXPECT_EQ(v["E"], json::parse(R"({"Fn::Select":[0,{"Fn::GetAZs":""}]})"));
}

TEST(TemplateText, BlockScalarsAndFoldedLines) {
  json v = parse_yaml_subset(
      "UserData: |\n  #!/bin/bash\n  echo hi\n\n  exit 0\nFolded: >-\n  one\n  two\nLong: a long plain\n  "
      "value continued\nQuoted: \"first\n  second\"\nAfter: x\n");
  EXPECT_EQ(v["UserData"], "#!/bin/bash\necho hi\n\nexit 0\n");
  EXPECT_EQ(v["Folded"], "one two");
  EXPECT_EQ(v["Long"], "a long plain value continued");
  EXPECT_EQ(v["Quoted"], "first second");
  EXPECT_EQ(v["After"], "x");
}

TEST(TemplateText, WhatItCannotReadIsNotAGuess) {
  EXPECT_FALSE(parse_template_text("a: &anchor 1\nb: *anchor\nc: !Unknown x\n"));
  EXPECT_FALSE(parse_template_text("{ broken json"));
  EXPECT_FALSE(parse_template_text("just a scalar"));
  EXPECT_THROW(parse_yaml_subset("a:\n\tb: 1\n"), std::runtime_error);
}

}  // namespace
}  // namespace cdk::deploy
