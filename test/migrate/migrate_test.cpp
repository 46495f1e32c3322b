// cdkpp-migrate's translation: typed classes, references as values, logical
// ids kept, and every fallback counted. Whether the programs compile and
// synthesize their source is the round trip's business (roundtrip_test.cpp).
#include "code.hpp"
#include "test_catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using migrate_test::migrate_text;
using ::testing::HasSubstr;
using ::testing::Not;

std::string fallbacks_of(const migrate::Summary& s) {
  std::string out;
  for (const auto& f : s.fallbacks) out += f.where + ": " + f.why + "\n";
  return out;
}

TEST(Migrate, WritesAWholeProgramWithOneStackAndItsDescription) {
  const auto p = migrate_text(R"(
Description: a topic
Resources:
  Topic:
    Type: AWS::SNS::Topic
)");
  EXPECT_THAT(p.code, HasSubstr("#include <cdk/cdk.hpp>\n#include <cdk/sns/cfn_topic.hpp>\n"));
  EXPECT_THAT(p.code, HasSubstr("int main(int argc, char** argv) {\n  cdk::App app(argc, argv);\n"));
  EXPECT_THAT(p.code, HasSubstr("app.add<cdk::Stack>(\"Legacy\", {.description = \"a topic\"})"));
  EXPECT_THAT(p.code, HasSubstr("  stack.add<cdk::sns::CfnTopic>(\"Topic\");\n"));
  EXPECT_THAT(p.code, HasSubstr("return app.run();"));
  EXPECT_EQ(p.summary.resources, 1);
  EXPECT_EQ(p.summary.typed_resources, 1);
  EXPECT_TRUE(p.summary.fallbacks.empty()) << fallbacks_of(p.summary);
}

TEST(Migrate, TurnsRefAndGetAttIntoReferencesToTheElementsVariables) {
  const auto p = migrate_text(R"(
Parameters:
  Cidr: {Type: String}
Resources:
  Vpc8378EB38:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: !Ref Cidr}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc8378EB38
      CidrBlock: !GetAtt Vpc8378EB38.CidrBlock
      AvailabilityZone: !GetAtt [Vpc8378EB38, NotAnAttributeOfTheSpec]
)");
  // The hash of an AWS CDK id is left out of the variable's name, not the id.
  EXPECT_THAT(p.code, HasSubstr("auto& vpc = stack.add<cdk::ec2::CfnVPC>(\"Vpc8378EB38\", {.cidr_block = cidr.ref()});"));
  EXPECT_THAT(p.code, HasSubstr(".cidr_block = vpc.attr_cidr_block()"));
  EXPECT_THAT(p.code, HasSubstr(".availability_zone = vpc.get_att(\"NotAnAttributeOfTheSpec\")"));
  EXPECT_THAT(p.code, HasSubstr(".vpc_id = vpc.ref()"));
  EXPECT_THAT(p.code, HasSubstr("auto& cidr = stack.add<cdk::CfnParameter>(\"Cidr\", {.type = \"String\"});"));
}

TEST(Migrate, DefinesEveryElementAfterTheOnesItUses) {
  const auto p = migrate_text(R"(
Resources:
  A:
    Type: AWS::SNS::Subscription
    Properties: {Protocol: sqs, TopicArn: !Ref B, Endpoint: !GetAtt C.Arn}
  B: {Type: AWS::SNS::Topic, DependsOn: [C]}
  C: {Type: AWS::SQS::Queue}
)");
  const auto a = p.code.find("\"A\""), b = p.code.find("\"B\""), c = p.code.find("\"C\"");
  EXPECT_LT(c, b);
  EXPECT_LT(b, a);
  EXPECT_THAT(p.code, HasSubstr("b.add_depends_on(c);"));
}

TEST(Migrate, WritesIntrinsicsThroughFnAndAws) {
  const auto p = migrate_text(R"(
Conditions:
  IsProd: !Equals [!Ref "AWS::Region", eu-west-1]
  NotProd: !Not [!Condition IsProd]
Mappings:
  Sizes: {a: {b: 1}}
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ["-", [!Ref "AWS::StackName", !Select [1, !Split [",", "a,b"]]]]
      DelaySeconds: !FindInMap [Sizes, a, b]
      MaximumMessageSize: !If [NotProd, 1024, !Ref "AWS::NoValue"]
      RedriveAllowPolicy: !Sub ["${X}", {X: !Base64 !ImportValue shared}]
)");
  EXPECT_THAT(p.code, HasSubstr("cdk::Fn::condition_equals(cdk::Aws::region(), \"eu-west-1\")"));
  EXPECT_THAT(p.code, HasSubstr("cdk::Fn::condition_not(cdk::Fn::condition(is_prod))"));
  EXPECT_THAT(p.code, HasSubstr("cdk::Fn::join(\"-\", {cdk::Aws::stack_name(), cdk::Fn::select(1, cdk::Fn::split(\",\", \"a,b\"))})"));
  EXPECT_THAT(p.code, HasSubstr(".delay_seconds = sizes.find_in_map(\"a\", \"b\")"));
  EXPECT_THAT(p.code, HasSubstr("cdk::Fn::condition_if(not_prod, 1024, cdk::Aws::no_value())"));
  EXPECT_THAT(p.code, HasSubstr("cdk::Fn::sub(\"${X}\", {{\"X\", cdk::Fn::base64(cdk::Fn::import_value(\"shared\"))}})"));
}

TEST(Migrate, CarriesTheResourceAttributesOver) {
  const auto p = migrate_text(R"(
Conditions:
  On: !Equals [a, a]
Resources:
  B:
    Type: AWS::S3::Bucket
    Condition: On
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Metadata: {Owner: me, "aws:cdk:path": Old/Path}
  T:
    Type: AWS::SNS::Topic
    DeletionPolicy: Delete
    UpdatePolicy: {X: 1}
    CreationPolicy: {Y: 2}
)");
  EXPECT_THAT(p.code, HasSubstr("b.set_condition(on);"));
  EXPECT_THAT(p.code, HasSubstr("b.apply_removal_policy(cdk::RemovalPolicy::Retain);"));
  EXPECT_THAT(p.code, HasSubstr("b.add_metadata(\"Owner\", \"me\");"));
  EXPECT_THAT(p.code, Not(HasSubstr("Old/Path")));  // the program writes its own construct paths
  EXPECT_THAT(p.code, HasSubstr("t.set_deletion_policy(cdk::RemovalPolicy::Delete);"));
  EXPECT_THAT(p.code, HasSubstr("t.set_update_policy(cdk::Value::map({{\"X\", 1}}));"));
  EXPECT_THAT(p.code, HasSubstr("t.set_creation_policy(cdk::Value::map({{\"Y\", 2}}));"));
}

TEST(Migrate, WritesNestedPropertyTypesAndTagsTyped) {
  const auto p = migrate_text(R"(
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
      Tags: [{Key: team, Value: infra}]
)");
  EXPECT_THAT(p.code, HasSubstr(".tags = {{\"team\", \"infra\"}}"));
  EXPECT_THAT(p.code, HasSubstr(".versioning_configuration = cdk::s3::CfnBucket::VersioningConfigurationProperty{"
                                ".status = \"Enabled\"}"));
  EXPECT_TRUE(p.summary.fallbacks.empty()) << fallbacks_of(p.summary);
}

TEST(Migrate, KeepsALiteralOfAnotherTypeThanTheSpecsAsWritten) {
  const auto p = migrate_text(R"(
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties: {DelaySeconds: "5", FifoQueue: "true", QueueName: 42, Tags: []}
)");
  EXPECT_THAT(p.code, HasSubstr(".delay_seconds = cdk::Value(\"5\")"));
  EXPECT_THAT(p.code, HasSubstr(".fifo_queue = cdk::Value(\"true\")"));
  EXPECT_THAT(p.code, HasSubstr(".queue_name = cdk::Value(42)"));
  // An empty list of tags would be left out by the typed field: it is set raw.
  EXPECT_THAT(p.code, HasSubstr("q.set_property(\"Tags\", cdk::Value(cdk::Value::List{}));"));
  EXPECT_THAT(fallbacks_of(p.summary), HasSubstr("resource \"Q\" property Tags: kept as written"));
}

TEST(Migrate, SetsAPropertyRawWhenTheTypedPropsCannotHoldIt) {
  const auto p = migrate_text(R"(
Conditions:
  On: !Equals [a, a]
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: b
      VersioningConfiguration: !If [On, {Status: Enabled}, !Ref "AWS::NoValue"]
      NoSuchProperty: 1
      LoggingConfiguration: {NoSuchField: x}
)");
  EXPECT_THAT(p.code, HasSubstr("stack.add<cdk::s3::CfnBucket>(\"B\", {.bucket_name = \"b\"});"));
  EXPECT_THAT(p.code, HasSubstr(R"(b.set_property(
    "VersioningConfiguration",
    cdk::Fn::condition_if(on, cdk::Value::map({{"Status", "Enabled"}}), cdk::Aws::no_value())
  );)"));
  EXPECT_THAT(p.code, HasSubstr("b.set_property(\"NoSuchProperty\", 1);"));
  EXPECT_THAT(p.code, HasSubstr("b.set_property(\"LoggingConfiguration\", cdk::Value::map({{\"NoSuchField\", \"x\"}}));"));
  ASSERT_EQ(p.summary.fallbacks.size(), 3u) << fallbacks_of(p.summary);
  EXPECT_THAT(fallbacks_of(p.summary), HasSubstr("not a property of AWS::S3::Bucket in the spec"));
  EXPECT_THAT(fallbacks_of(p.summary), HasSubstr("\"NoSuchField\", which LoggingConfigurationProperty does not have"));
  EXPECT_EQ(p.summary.typed_resources, 1);
}

TEST(Migrate, WritesCfnResourceForATypeWithoutTypedClassOrARequiredPropertyItCannotType) {
  const auto p = migrate_text(R"(
Resources:
  Hook:
    Type: Custom::Hook
    Properties: {ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:f}
  Sub:
    Type: AWS::SNS::Subscription
    Properties: {TopicArn: t}
)");
  EXPECT_THAT(p.code, HasSubstr("stack.add<cdk::CfnResource>(\"Hook\", \"Custom::Hook\", cdk::Value::map({"));
  EXPECT_THAT(p.code, HasSubstr("stack.add<cdk::CfnResource>(\"Sub\", \"AWS::SNS::Subscription\""));
  EXPECT_EQ(p.summary.typed_resources, 0);
  EXPECT_THAT(fallbacks_of(p.summary), HasSubstr("no typed class for Custom::Hook"));
  EXPECT_THAT(fallbacks_of(p.summary), HasSubstr("lacks the required property Protocol"));
}

TEST(Migrate, WritesParametersMappingsRulesAndOutputsTyped) {
  const auto p = migrate_text(R"(
Parameters:
  Env: {Type: String, AllowedValues: [dev, prod], Default: dev, NoEcho: true, MinLength: 2}
Mappings:
  M: {dev: {Size: 1}}
Conditions:
  IsDev: !Equals [!Ref Env, dev]
Rules:
  R:
    Assertions: [{Assert: !Equals [!Ref Env, dev], AssertDescription: dev only}]
Resources:
  T: {Type: AWS::SNS::Topic}
Outputs:
  Arn: {Value: !Ref T, Description: the topic, Export: {Name: topic-arn}, Condition: IsDev}
)");
  EXPECT_THAT(p.code, HasSubstr(R"(auto& env = stack.add<cdk::CfnParameter>("Env", {
    .type = "String",
    .default_value = "dev",
    .allowed_values = {"dev", "prod"},
    .min_length = 2,
    .no_echo = true
  });)"));
  EXPECT_THAT(p.code, HasSubstr("stack.add<cdk::CfnMapping>(\"M\", {.mapping = {{\"dev\", {{\"Size\", 1}}}}});"));
  EXPECT_THAT(p.code, HasSubstr(R"(stack.add<cdk::CfnRule>("R", {
    .assertions = {{.assert_ = cdk::Fn::condition_equals(env.ref(), "dev"), .description = "dev only"}}
  });)"));
  EXPECT_THAT(p.code, HasSubstr(R"(stack.add<cdk::CfnOutput>("Arn", {
    .value = t.ref(),
    .description = "the topic",
    .export_name = "topic-arn",
    .condition = &is_dev
  });)"));
  EXPECT_THAT(p.code, Not(HasSubstr("class RawElement")));
  EXPECT_EQ(p.summary.outputs, 1);
}

TEST(Migrate, WritesAnOutputOrParameterTheTypedPropsCannotSayAsARawElement) {
  const auto p = migrate_text(R"(
Parameters:
  N: {Type: Number, AllowedValues: [1, 2]}
Resources:
  T: {Type: AWS::SNS::Topic}
Outputs:
  Arn: {Value: !Ref T, Export: {Name: !Sub "${AWS::StackName}-arn"}}
)");
  EXPECT_THAT(p.code, HasSubstr("class RawElement : public cdk::CfnElement {"));
  EXPECT_THAT(p.code, HasSubstr("stack.add<RawElement>(\"N\", cdk::Section::Parameters, "));
  EXPECT_THAT(p.code, HasSubstr("stack.add<RawElement>(\"Arn\", cdk::Section::Outputs, "));
  EXPECT_EQ(p.summary.fallbacks.size(), 2u) << fallbacks_of(p.summary);
}

TEST(Migrate, KeepsTheLogicalIdDefaultByOverride) {
  // "Default" is left out of logical ids made from paths, so it needs another construct id.
  const auto p = migrate_text("Resources:\n  Default: {Type: AWS::SNS::Topic}\n");
  EXPECT_THAT(p.code, HasSubstr("auto& default_ = stack.add<cdk::sns::CfnTopic>(\"Defaultresource\");"));
  EXPECT_THAT(p.code, HasSubstr("default_.override_logical_id(\"Default\");"));
}

TEST(Migrate, GivesElementsWhoseNamesClashDistinctVariables) {
  const auto p = migrate_text(R"(
Parameters:
  Stack: {Type: String}
Resources:
  Topic: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Ref Stack}}
  TOPIC: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Ref Topic}}
  Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt TOPIC.TopicName}}
)");
  EXPECT_THAT(p.code, HasSubstr("auto& stack_2 = stack.add<cdk::CfnParameter>(\"Stack\""));
  EXPECT_THAT(p.code, HasSubstr("auto& topic_2 = stack.add<cdk::sns::CfnTopic>(\"Topic\""));
  EXPECT_THAT(p.code, HasSubstr("auto& topic = stack.add<cdk::sns::CfnTopic>(\"TOPIC\", {.display_name = topic_2.ref()})"));
  EXPECT_THAT(p.code, HasSubstr(".queue_name = topic.attr_topic_name()"));
}

TEST(Migrate, ReportsTopLevelMetadataAndNullsAsDropped) {
  const auto p = migrate_text(R"({"Metadata": {"a": 1}, "Resources": {"T": {"Type": "AWS::SNS::Topic",
      "Properties": {"DisplayName": null}}}})");
  ASSERT_EQ(p.summary.dropped.size(), 2u);
  const std::string text = migrate::summary_text(p.summary, "out.cpp");
  EXPECT_THAT(text, HasSubstr("2 dropped"));
  EXPECT_THAT(text, HasSubstr("dropped: the template's top-level Metadata"));
  EXPECT_THAT(text, HasSubstr("dropped: resource \"T\": a null value"));
}

TEST(Migrate, SummaryCountsEachSectionAndListsEachFallback) {
  const auto p = migrate_text(R"(
Parameters: {P: {Type: String}}
Resources:
  A: {Type: Custom::A}
  B: {Type: AWS::SNS::Topic}
)");
  const std::string text = migrate::summary_text(p.summary, "legacy.cpp");
  EXPECT_THAT(text, HasSubstr("cdkpp-migrate: wrote legacy.cpp: 2 resources (1 typed, 1 cdk::CfnResource), "
                              "1 parameters, 0 mappings, 0 conditions, 0 rules, 0 outputs; 1 fallbacks, 0 dropped\n"));
  EXPECT_THAT(text, HasSubstr("  fallback: resource \"A\": cdk::CfnResource: the library has no typed class for Custom::A\n"));
}

TEST(Code, WritesStringsAsLiteralsThatHoldThemExactly) {
  EXPECT_EQ(migrate::string_literal("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\001\"");
  EXPECT_EQ(migrate::string_literal("#!/bin/bash\necho one two three four five six\n"),
            "R\"cdk(#!/bin/bash\necho one two three four five six\n)cdk\"");
  // Text that would end the raw literal is escaped instead.
  EXPECT_EQ(migrate::string_literal("#!/bin/bash\necho )cdk\" one two three four five six\n").substr(0, 1), "\"");
}

TEST(Code, WritesNumbersSoTheyReadBackTheSame) {
  EXPECT_EQ(migrate::scalar_literal(nlohmann::json(5)), "5");
  EXPECT_EQ(migrate::scalar_literal(nlohmann::json(5000000000LL)), "5000000000LL");
  EXPECT_EQ(migrate::scalar_literal(nlohmann::json(0.5)), "0.5");
  EXPECT_EQ(migrate::scalar_literal(nlohmann::json(2.0)), "2.0");
  EXPECT_EQ(migrate::scalar_literal(nlohmann::json(true)), "true");
}

TEST(Code, NamesVariablesInSnakeCaseWithoutTheCdkHash) {
  EXPECT_EQ(migrate::identifier("VpcpublicSubnet1RouteTable15C15F8E"), "vpcpublic_subnet1_route_table");
  EXPECT_EQ(migrate::identifier("MyBucket"), "my_bucket");
  EXPECT_EQ(migrate::identifier("Namespace"), "namespace_");
  EXPECT_EQ(migrate::identifier("3Tier"), "e_3_tier");
}

}  // namespace
