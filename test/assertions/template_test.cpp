#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using cdk::assertions::AssertionError;
using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct Fixture {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Net");
  cdk::CfnResource& vpc = stack.add<cdk::CfnResource>(
      "Vpc", "AWS::EC2::VPC",
      cdk::Value::map({{"CidrBlock", "10.0.0.0/16"},
                       {"EnableDnsSupport", true},
                       {"Tags", cdk::Value::list({cdk::Value::map({{"Key", "Name"}, {"Value", "main"}})})}}));
  cdk::CfnResource& subnet_a = stack.add<cdk::CfnResource>(
      "SubnetA", "AWS::EC2::Subnet",
      cdk::Value::map({{"VpcId", vpc.ref()}, {"CidrBlock", "10.0.0.0/24"}, {"MapPublicIpOnLaunch", false}}));
  cdk::CfnResource& subnet_b = stack.add<cdk::CfnResource>(
      "SubnetB", "AWS::EC2::Subnet", cdk::Value::map({{"VpcId", vpc.ref()}, {"CidrBlock", "10.0.1.0/24"}}));
  cdk::CfnOutput& out = stack.add<cdk::CfnOutput>(
      "VpcId", cdk::CfnOutputProps{.value = vpc.ref(), .export_name = "net-vpc"});
};

std::string failure_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AssertionError& e) {
    return e.what();
  }
  return "no failure";
}

}  // namespace

TEST(Template, CountsResourcesByType) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  t.resource_count_is("AWS::EC2::Subnet", 2);
  t.resource_count_is("AWS::EC2::VPC", 1);
  EXPECT_THAT(failure_of([&] { t.resource_count_is("AWS::EC2::Subnet", 3); }),
              HasSubstr("Expected 3 resource(s) of type AWS::EC2::Subnet but found 2"));
}

TEST(Template, MatchesPropertiesPartiallyAndResolvesReferences) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({{"CidrBlock", "10.0.1.0/24"}}));
  t.has_resource_properties("AWS::EC2::Subnet", cdk::Value::map({{"VpcId", f.vpc.ref()}}));
  t.has_resource_properties("AWS::EC2::VPC", Match::object_like({
      {"Tags", Match::array_with({Match::object_like({{"Key", "Name"}})})}}));
}

TEST(Template, FailureShowsTheClosestCandidateAndWhereItDiffers) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  const auto msg = failure_of([&] {
    t.has_resource_properties("AWS::EC2::Subnet",
                              Match::object_like({{"CidrBlock", "10.0.1.0/24"}, {"MapPublicIpOnLaunch", true}}));
  });
  EXPECT_THAT(msg, HasSubstr("Template has 2 resource(s) with type AWS::EC2::Subnet, but none match"));
  EXPECT_THAT(msg, HasSubstr("The closest result is SubnetB with 1 mismatch"));
  EXPECT_THAT(msg, HasSubstr("/Properties/MapPublicIpOnLaunch: expected true, got nothing"));
}

TEST(Template, ObjectEqualsRejectsExtraKeysAndAbsentRequiresMissingKey) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  EXPECT_THROW(t.has_resource_properties("AWS::EC2::Subnet", Match::object_equals({{"CidrBlock", "10.0.1.0/24"}})),
               AssertionError);
  t.has_resource_properties("AWS::EC2::Subnet",
                            Match::object_equals({{"CidrBlock", "10.0.1.0/24"}, {"VpcId", Match::any_value()}}));
  t.has_resource_properties("AWS::EC2::Subnet",
                            Match::object_like({{"CidrBlock", "10.0.1.0/24"}, {"MapPublicIpOnLaunch", Match::absent()}}));
  EXPECT_THROW(t.has_resource_properties("AWS::EC2::Subnet", Match::object_like({
                   {"CidrBlock", "10.0.0.0/24"}, {"MapPublicIpOnLaunch", Match::absent()}})),
               AssertionError);
}

TEST(Template, ArrayWithMatchesInOrderAndArrayEqualsNeedsEveryElement) {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::CfnResource>("Q", "AWS::SQS::Queue", cdk::Value::map({{"L", cdk::Value::list({1, 2, 3})}}));
  auto t = Template::from_stack(s);
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"L", Match::array_with({1, 3})}}));
  EXPECT_THROW(t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"L", Match::array_with({3, 1})}})),
               AssertionError);
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"L", Match::array_equals({1, 2, 3})}}));
  EXPECT_THROW(t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"L", Match::array_equals({1, 2})}})),
               AssertionError);
}

TEST(Template, RegexpAndNotMatchers) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  t.has_resource_properties("AWS::EC2::VPC", Match::object_like({{"CidrBlock", Match::string_like_regexp("^10\\.")}}));
  t.has_resource_properties("AWS::EC2::VPC", Match::object_like({{"CidrBlock", Match::not_("192.168.0.0/16")}}));
  EXPECT_THROW(t.has_resource_properties("AWS::EC2::VPC", Match::object_like({{"CidrBlock", Match::not_("10.0.0.0/16")}})),
               AssertionError);
}

TEST(Template, FindsResourcesOutputsAndLogicalIds) {
  Fixture f;
  auto t = Template::from_stack(f.stack);
  EXPECT_THAT(t.find_resources("AWS::EC2::Subnet"), ::testing::ElementsAre("SubnetA", "SubnetB"));
  EXPECT_THAT(t.find_resources("AWS::EC2::Subnet", Match::object_like({{"CidrBlock", "10.0.0.0/24"}})),
              ::testing::ElementsAre("SubnetA"));
  EXPECT_EQ(t.logical_id(f.subnet_b), "SubnetB");
  t.has_output("VpcId", Match::object_like({{"Export", cdk::Value::map({{"Name", "net-vpc"}})}}));
  t.has_output("*", Match::object_like({{"Value", f.vpc.ref()}}));
  EXPECT_THAT(t.find_outputs(), ::testing::ElementsAre("VpcId"));
  EXPECT_EQ(t.at("/Resources/SubnetA/Properties/CidrBlock"), "\"10.0.0.0/24\"");
}

TEST(Template, WholeResourceAndAllResourcesAssertions) {
  Fixture f;
  f.subnet_b.add_depends_on(f.subnet_a);
  auto t = Template::from_stack(f.stack);
  t.has_resource("AWS::EC2::Subnet", Match::object_like({{"DependsOn", cdk::Value::list({"SubnetA"})}}));
  t.all_resources_properties("AWS::EC2::Subnet", Match::object_like({{"VpcId", f.vpc.ref()}}));
  EXPECT_THROW(t.all_resources_properties("AWS::EC2::Subnet", Match::object_like({{"MapPublicIpOnLaunch", false}})),
               AssertionError);
  t.resource_properties_count_is("AWS::EC2::Subnet", Match::object_like({{"MapPublicIpOnLaunch", false}}), 1);
}

TEST(Template, FromJsonWorksForGoldenFilesButNotWithReferences) {
  auto t = Template::from_json(R"({"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"x"}}}})");
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({{"BucketName", "x"}}));
  Fixture f;
  EXPECT_THROW(t.has_resource_properties("AWS::S3::Bucket", cdk::Value::map({{"BucketName", f.vpc.ref()}})),
               AssertionError);
  EXPECT_THROW(Template::from_json("[1,2]"), AssertionError);
}

TEST(Template, FromStackReportsSynthesisErrors) {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::CfnOutput>("Nothing", cdk::CfnOutputProps{});
  EXPECT_THROW(Template::from_stack(s), cdk::SynthError);
}
