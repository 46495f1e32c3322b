// Cross-stack references: exports, imports and stack dependencies, named as
// aws-cdk-lib names them.
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::AllOf;
using ::testing::HasSubstr;

class CrossStack : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& producer = app.add<cdk::Stack>("Producer-1");
  cdk::CfnResource& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::Stack& consumer = app.add<cdk::Stack>("Consumer");
};

// Expected values come from aws-cdk-lib 2.x with the same app:
//   new CfnResource(producer, 'Bucket', ...); consumer uses bucket.ref and bucket.getAtt('Arn').
TEST_F(CrossStack, RefAndGetAttBecomeExportsNamedLikeAwsCdkLib) {
  consumer.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
                                 cdk::Value::map({{"DisplayName", bucket.ref()}, {"Arn", bucket.get_att("Arn")}}));
  auto a = cdk::detail::synthesize(app, {});
  auto p = cdktest::template_of(a, "Producer-1");
  auto c = cdktest::template_of(a, "Consumer");
  EXPECT_EQ(p["Outputs"], Json::parse(R"({
    "ExportsOutputRefBucket239F7DF2": {"Value": {"Ref": "Bucket"},
      "Export": {"Name": "Producer-1:ExportsOutputRefBucket239F7DF2"}},
    "ExportsOutputFnGetAttBucketArn436138FE": {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]},
      "Export": {"Name": "Producer-1:ExportsOutputFnGetAttBucketArn436138FE"}}})"));
  EXPECT_EQ(c["Resources"]["Topic"]["Properties"], Json::parse(R"({
    "DisplayName": {"Fn::ImportValue": "Producer-1:ExportsOutputRefBucket239F7DF2"},
    "Arn": {"Fn::ImportValue": "Producer-1:ExportsOutputFnGetAttBucketArn436138FE"}})"));
}

TEST_F(CrossStack, ConsumerDependsOnProducerAndDeploysAfterIt) {
  // The consumer is created first, so only the dependency can order them.
  cdk::App app2;
  auto& cons = app2.add<cdk::Stack>("Consumer");
  auto& prod = app2.add<cdk::Stack>("Producer");
  auto& b = prod.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cons.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", b.ref()}}));
  auto a = cdk::detail::synthesize(app2, {});
  ASSERT_EQ(a.stacks.size(), 2u);
  EXPECT_EQ(a.stacks[0].stack, &prod);
  EXPECT_EQ(a.stacks[1].stack, &cons);
  EXPECT_EQ(a.manifest["artifacts"]["Consumer"]["dependencies"], Json::array({"Producer"}));
  EXPECT_FALSE(a.manifest["artifacts"]["Producer"].contains("dependencies"));
}

TEST_F(CrossStack, OneExportPerReferencedValueHoweverOftenItIsUsed) {
  consumer.add<cdk::CfnResource>("A", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", bucket.ref()}}));
  consumer.add<cdk::CfnResource>("B", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", "x-" + bucket.ref()}}));
  auto a = cdk::detail::synthesize(app, {});
  auto p = cdktest::template_of(a, "Producer-1");
  EXPECT_EQ(p["Outputs"].size(), 1u);
  auto c = cdktest::template_of(a, "Consumer");
  EXPECT_EQ(c["Resources"]["B"]["Properties"]["DisplayName"], Json::parse(R"({"Fn::Join": ["",
      ["x-", {"Fn::ImportValue": "Producer-1:ExportsOutputRefBucket239F7DF2"}]]})"));
}

TEST_F(CrossStack, ExportNameUsesTheProducersStackName) {
  cdk::App app2;
  auto& prod = app2.add<cdk::Stack>("Producer", cdk::StackProps{.stack_name = "shared-net"});
  auto& b = prod.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  app2.add<cdk::Stack>("Consumer").add<cdk::CfnResource>("T", "AWS::SNS::Topic",
                                                          cdk::Value::map({{"DisplayName", b.ref()}}));
  auto p = cdktest::template_of(cdk::detail::synthesize(app2, {}), "Producer");
  EXPECT_EQ(p["Outputs"]["ExportsOutputRefBucket239F7DF2"]["Export"]["Name"],
            "shared-net:ExportsOutputRefBucket239F7DF2");
}

TEST_F(CrossStack, ParameterOfAnotherStackIsExportedToo) {
  auto& p = producer.add<cdk::CfnParameter>("Env");
  consumer.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", p.value()}}));
  auto a = cdk::detail::synthesize(app, {});
  auto outputs = cdktest::template_of(a, "Producer-1")["Outputs"];
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs.begin().value()["Value"], Json::parse(R"({"Ref": "Env"})"));
}

TEST_F(CrossStack, ReferenceToAConstructOfAnotherAppIsAnErrorNamingIt) {
  cdk::App other;
  auto& foreign = other.add<cdk::Stack>("Elsewhere").add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  consumer.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", foreign.ref()}}));
  auto text = cdktest::synth_error_text(app);
  EXPECT_THAT(text, AllOf(HasSubstr("error: Consumer/T:"), HasSubstr("Elsewhere/Queue"), HasSubstr("another app")));
}

TEST_F(CrossStack, ReferenceAcrossEnvironmentsIsAnError) {
  cdk::App app2;
  auto& eu = app2.add<cdk::Stack>("Eu", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& b = eu.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& us = app2.add<cdk::Stack>("Us", cdk::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  us.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", b.ref()}}));
  auto text = cdktest::synth_error_text(app2);
  EXPECT_THAT(text, AllOf(HasSubstr("error: Us/T:"), HasSubstr("Eu/Bucket"), HasSubstr("aws://123456789012/eu-west-1"),
                          HasSubstr("aws://123456789012/us-east-1")));
}

TEST_F(CrossStack, ReferenceBetweenAnAgnosticAndAnExplicitEnvironmentIsAnError) {
  // aws-cdk-lib 2.x rejects this too: the agnostic stack may deploy anywhere.
  cdk::App app2;
  auto& eu = app2.add<cdk::Stack>("Eu", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& b = eu.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& any = app2.add<cdk::Stack>("Anywhere");
  any.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", b.ref()}}));
  EXPECT_THAT(cdktest::synth_error_text(app2),
              AllOf(HasSubstr("error: Anywhere/T:"), HasSubstr("aws://unknown-account/unknown-region")));
}

TEST_F(CrossStack, ReferenceWithinTheSameRegionOfAnUnknownAccountIsFine) {
  cdk::App app2;
  auto& p = app2.add<cdk::Stack>("P", cdk::StackProps{.env = {.region = "eu-west-1"}});
  auto& b = p.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  app2.add<cdk::Stack>("C", cdk::StackProps{.env = {.region = "eu-west-1"}})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", b.ref()}}));
  auto c = cdktest::template_of(cdk::detail::synthesize(app2, {}), "C");
  EXPECT_TRUE(c["Resources"]["T"]["Properties"]["DisplayName"].contains("Fn::ImportValue"));
}

TEST_F(CrossStack, MutualReferencesAreAStackCycleNamingBothStacks) {
  auto& topic = consumer.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
                                               cdk::Value::map({{"DisplayName", bucket.ref()}}));
  bucket.set_property("Name", topic.ref());
  auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("dependency cycle between stacks"));
  EXPECT_THAT(errors[0].message, AllOf(HasSubstr("Producer-1"), HasSubstr("Consumer")));
}

TEST_F(CrossStack, ExplicitStackDependenciesInACircleAreAnError) {
  bucket.set_property("X", 1);
  consumer.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  consumer.add_dependency(producer);
  producer.add_dependency(consumer);
  EXPECT_THAT(cdktest::synth_error_text(app),
              AllOf(HasSubstr("dependency cycle between stacks"), HasSubstr("Producer-1 -> Consumer -> Producer-1")));
}

// Weak references (@cdkpp/core:weakCrossStackReferences): an SSM parameter in
// the producer, a dynamic reference in the consumer, no export to lock.
TEST_F(CrossStack, WeakReferencesGoThroughAnSsmParameterInsteadOfAnExport) {
  consumer.node().set_context("@cdkpp/core:weakCrossStackReferences", "true");
  consumer.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
                                 cdk::Value::map({{"DisplayName", bucket.ref()}, {"Arn", "x-" + bucket.get_att("Arn")}}));
  auto a = cdk::detail::synthesize(app, {});
  auto p = cdktest::template_of(a, "Producer-1");
  auto c = cdktest::template_of(a, "Consumer");
  EXPECT_FALSE(p.contains("Outputs")) << p.dump();
  ASSERT_TRUE(p["Resources"].contains("WeakExportsOutputRefBucket7258B8CB")) << p["Resources"].dump();
  EXPECT_EQ(p["Resources"]["WeakExportsOutputRefBucket7258B8CB"], Json::parse(R"json({"Type": "AWS::SSM::Parameter",
    "Properties": {"Type": "String", "Name": "/cdkpp/Producer-1/WeakExportsOutputRefBucket7258B8CB",
      "Value": {"Ref": "Bucket"},
      "Description": "Read by other stacks of this app (a weak cross-stack reference)"}})json"));
  EXPECT_EQ(c["Resources"]["Topic"]["Properties"]["DisplayName"],
            "{{resolve:ssm:/cdkpp/Producer-1/WeakExportsOutputRefBucket7258B8CB}}");
  EXPECT_EQ(c["Resources"]["Topic"]["Properties"]["Arn"], Json::parse(R"({"Fn::Join": ["", ["x-",
      "{{resolve:ssm:/cdkpp/Producer-1/WeakExportsOutputFnGetAttBucketArn1AEDBEEE}}"]]})"));
  EXPECT_EQ(a.manifest["artifacts"]["Consumer"]["dependencies"], Json::array({"Producer-1"}))
      << "the consumer still deploys after the producer";
}

TEST(WeakReference, TemplatesOfBothStacksAreLintClean) {
  cdk::App app({.context = {{"@cdkpp/core:weakCrossStackReferences", "true"}}});
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  consumer.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
                                 cdk::Value::map({{"DisplayName", bucket.ref()}, {"TopicName", "x-" + bucket.ref()}}));
  cdk::testing::keep_for_lint(producer);
  cdk::testing::keep_for_lint(consumer);
}

TEST_F(CrossStack, WeakAndStrongConsumersOfOneValueGetOneParameterAndOneExport) {
  consumer.node().set_context("@cdkpp/core:weakCrossStackReferences", "true");
  consumer.add<cdk::CfnResource>("Weak", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", bucket.ref()}}));
  auto& strong = app.add<cdk::Stack>("Strong");
  strong.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", bucket.ref()}}));
  auto a = cdk::detail::synthesize(app, {});
  auto p = cdktest::template_of(a, "Producer-1");
  EXPECT_EQ(p["Outputs"].size(), 1u);
  EXPECT_EQ(p["Resources"].size(), 2u) << "the bucket and one parameter";
  EXPECT_TRUE(cdktest::template_of(a, "Strong")["Resources"]["T"]["Properties"]["DisplayName"].contains(
      "Fn::ImportValue"));
}

TEST_F(CrossStack, AWeakReferenceAcrossRegionsIsStillAnError) {
  cdk::App app2({.context = {{"@cdkpp/core:weakCrossStackReferences", "true"}}});
  auto& eu = app2.add<cdk::Stack>("Eu", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& b = eu.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& us = app2.add<cdk::Stack>("Us", cdk::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  us.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", b.ref()}}));
  EXPECT_THAT(cdktest::synth_error_text(app2), AllOf(HasSubstr("error: Us/T:"), HasSubstr("Eu/Bucket")));
}

TEST(ResourceCycle, IsAnErrorListingTheCycleByPaths) {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& sg_a = s.add<cdk::CfnResource>("A", "AWS::EC2::SecurityGroup");
  auto& sg_b = s.add<cdk::CfnResource>("B", "AWS::EC2::SecurityGroup");
  auto& c = s.add<cdk::CfnResource>("C", "AWS::EC2::SecurityGroup");
  sg_a.set_property("Peer", sg_b.ref());
  sg_b.set_property("Peer", c.get_att("GroupId"));
  c.add_depends_on(sg_a);
  auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "S");
  EXPECT_THAT(errors[0].message, HasSubstr("dependency cycle between resources: S/A -> S/B -> S/C -> S/A"));
}

TEST(ResourceCycle, DependsOnBothWaysIsACycle) {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& a = s.add<cdk::CfnResource>("A", "AWS::SNS::Topic");
  auto& b = s.add<cdk::CfnResource>("B", "AWS::SNS::Topic");
  a.add_depends_on(b);
  b.add_depends_on(a);
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("S/A -> S/B -> S/A"));
}

TEST(ResourceCycle, ReferenceInAnOverrideCountsForTheCycle) {
  // Overrides are an escape hatch but still create dependencies in CloudFormation.
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& a = s.add<cdk::CfnResource>("A", "AWS::SNS::Topic");
  auto& b = s.add<cdk::CfnResource>("B", "AWS::SNS::Topic");
  a.set_property("P", b.ref());
  b.add_property_override("P", a.ref());
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("dependency cycle between resources"));
}

}  // namespace
