// CfnResource: type, properties, overrides and resource attributes.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

class CfnResourceTest : public ::testing::Test {
 protected:
  Json resource(const std::string& logical_id) {
    return cdktest::synth_template(app, "Stack").at("Resources").at(logical_id);
  }
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(CfnResourceTest, WritesTypeAndPropertiesInOrder) {
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue",
                              cdk::Value::map({{"VisibilityTimeout", 30}, {"FifoQueue", true}}));
  auto r = resource("Queue");
  EXPECT_EQ(r["Type"], "AWS::SQS::Queue");
  EXPECT_EQ(r["Properties"].dump(), R"({"VisibilityTimeout":30,"FifoQueue":true})");
  EXPECT_EQ(r.begin().key(), "Type");
}

TEST_F(CfnResourceTest, LeavesOutEmptyProperties) {
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::CfnResource>("Topic2", "AWS::SNS::Topic", cdk::Value::map({}));
  EXPECT_FALSE(resource("Topic").contains("Properties"));
  EXPECT_FALSE(resource("Topic2").contains("Properties"));
}

TEST_F(CfnResourceTest, SetPropertyReplacesOrAppends) {
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"A", 1}, {"B", 2}}));
  q.set_property("A", 10);
  q.set_property("C", "new");
  EXPECT_EQ(resource("Queue")["Properties"].dump(), R"({"A":10,"B":2,"C":"new"})");
  auto& t = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  t.set_property("DisplayName", "x");
  EXPECT_EQ(resource("Topic")["Properties"]["DisplayName"], "x");
}

TEST_F(CfnResourceTest, RejectsAnInvalidTypeNameNamingThePath) {
  for (const char* bad : {"S3Bucket", "AWS::S3", "AWS::S3::Bucket::Extra", "Custom::", ""}) {
    try {
      stack.add<cdk::CfnResource>("Bad", bad);
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const cdk::Error& e) {
      EXPECT_EQ(e.path(), "Stack/Bad");
    }
  }
  EXPECT_NO_THROW(stack.add<cdk::CfnResource>("Custom", "Custom::MyThing"));
  EXPECT_NO_THROW(stack.add<cdk::CfnResource>("Module", "MyOrg::Service::Thing"));
}

TEST_F(CfnResourceTest, RejectsPropertiesThatAreNotAMap) {
  EXPECT_THROW(stack.add<cdk::CfnResource>("Bad", "AWS::SNS::Topic", cdk::Value::list({1})), cdk::Error);
}

TEST_F(CfnResourceTest, AddOverrideSetsANestedPathCreatingObjects) {
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"A", 1}}));
  q.add_override("Properties.Redrive.Policy.MaxCount", 5);
  q.add_override("UpdatePolicy.AutoScalingReplacingUpdate.WillReplace", true);
  auto r = resource("Queue");
  EXPECT_EQ(r["Properties"], Json::parse(R"({"A": 1, "Redrive": {"Policy": {"MaxCount": 5}}})"));
  EXPECT_EQ(r["UpdatePolicy"], Json::parse(R"({"AutoScalingReplacingUpdate": {"WillReplace": true}})"));
}

TEST_F(CfnResourceTest, AddPropertyOverrideReplacesAnExistingValueAndResolvesTokens) {
  auto& b = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue",
                                        cdk::Value::map({{"Config", cdk::Value::map({{"Name", "old"}, {"Keep", 1}})}}));
  q.add_property_override("Config.Name", b.ref());
  q.add_property_override("Config.Name", b.get_att("Arn"));  // later wins
  EXPECT_EQ(resource("Queue")["Properties"]["Config"],
            Json::parse(R"({"Name": {"Fn::GetAtt": ["Bucket", "Arn"]}, "Keep": 1})"));
}

TEST_F(CfnResourceTest, OverrideThroughANonObjectReplacesItWithAnObject) {
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"A", "scalar"}}));
  q.add_property_override("A.B", 1);  // aws-cdk-lib does the same
  EXPECT_EQ(resource("Queue")["Properties"]["A"], Json::parse(R"({"B": 1})"));
}

TEST_F(CfnResourceTest, DeletionOverrideRemovesANestedValue) {
  auto& q = stack.add<cdk::CfnResource>(
      "Queue", "AWS::SQS::Queue",
      cdk::Value::map({{"A", cdk::Value::map({{"B", 1}, {"C", 2}})}, {"D", 3}}));
  q.add_property_deletion_override("A.B");
  q.add_deletion_override("Properties.D");
  EXPECT_EQ(resource("Queue")["Properties"], Json::parse(R"({"A": {"C": 2}})"));
}

TEST_F(CfnResourceTest, DeletionOverrideOfAMissingPathChangesNothing) {
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"A", 1}}));
  q.add_property_deletion_override("Missing.Deeper");
  q.add_deletion_override("UpdatePolicy.X");
  auto& t = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  t.add_property_deletion_override("Gone");
  auto r = resource("Queue");
  EXPECT_EQ(r["Properties"], Json::parse(R"({"A": 1})"));
  EXPECT_FALSE(r.contains("UpdatePolicy"));
  EXPECT_FALSE(resource("Topic").contains("Properties"));
}

TEST_F(CfnResourceTest, DependsOnIsSortedAndHasNoRepeats) {
  auto& c = stack.add<cdk::CfnResource>("Charlie", "AWS::SNS::Topic");
  auto& a = stack.add<cdk::CfnResource>("Alpha", "AWS::SNS::Topic");
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  q.add_depends_on(c);
  q.add_depends_on(a);
  q.add_depends_on(c);
  EXPECT_EQ(q.depends_on().size(), 2u);
  EXPECT_EQ(resource("Queue")["DependsOn"], Json::parse(R"(["Alpha", "Charlie"])"));
}

TEST_F(CfnResourceTest, DependsOnItselfIsRejected) {
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  EXPECT_THROW(q.add_depends_on(q), cdk::Error);
}

TEST_F(CfnResourceTest, DependsOnAResourceOfAnotherAppIsRejectedNamingIt) {
  cdk::App other;
  auto& foreign = other.add<cdk::Stack>("Other").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  try {
    q.add_depends_on(foreign);
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Queue");
    EXPECT_THAT(e.what(), HasSubstr("Other/Topic"));
  }
}

TEST_F(CfnResourceTest, DependsOnAResourceOfAnotherStackBecomesAStackDependency) {
  auto& other = app.add<cdk::Stack>("Other");
  auto& topic = other.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  q.add_depends_on(topic);
  auto assembly = cdk::detail::synthesize(app, {});
  auto t = cdktest::template_of(assembly, "Stack");
  EXPECT_FALSE(t["Resources"]["Queue"].contains("DependsOn"));
  ASSERT_EQ(assembly.stacks.size(), 2u);
  EXPECT_EQ(assembly.stacks[0].stack, &other);  // deployed first
  ASSERT_EQ(assembly.stacks[1].dependencies.size(), 1u);
  EXPECT_EQ(assembly.stacks[1].dependencies[0], &other);
}

TEST_F(CfnResourceTest, ConstructDependencyAddsDependsOnForEveryResourceBelow) {
  auto& db = stack.add<cdk::Construct>("Db");
  db.add<cdk::CfnResource>("Cluster", "AWS::RDS::DBCluster");
  db.add<cdk::CfnResource>("Instance", "AWS::RDS::DBInstance");
  auto& app_tier = stack.add<cdk::Construct>("App");
  app_tier.add<cdk::CfnResource>("Server", "AWS::EC2::Instance");
  app_tier.node().add_dependency(db);
  auto t = cdktest::synth_template(app, "Stack");
  const std::string server = cdk::detail::make_logical_id({"App", "Server"});
  EXPECT_EQ(t["Resources"][server]["DependsOn"],
            Json::array({cdk::detail::make_logical_id({"Db", "Cluster"}),
                         cdk::detail::make_logical_id({"Db", "Instance"})}));
}

TEST_F(CfnResourceTest, ConditionIsWrittenByLogicalId) {
  auto& p = stack.add<cdk::CfnParameter>("Env");
  auto& cond = stack.add<cdk::CfnCondition>(
      "IsProd", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals(p.value(), "prod")});
  auto& q = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  q.set_condition(cond);
  EXPECT_EQ(q.condition(), &cond);
  EXPECT_EQ(resource("Queue")["Condition"], "IsProd");
}

TEST_F(CfnResourceTest, RemovalPoliciesAreWrittenAsAttributes) {
  auto& a = stack.add<cdk::CfnResource>("A", "AWS::S3::Bucket");
  a.apply_removal_policy(cdk::RemovalPolicy::Retain);
  auto& b = stack.add<cdk::CfnResource>("B", "AWS::RDS::DBCluster");
  b.set_deletion_policy(cdk::RemovalPolicy::Snapshot);
  auto& c = stack.add<cdk::CfnResource>("C", "AWS::S3::Bucket");
  c.set_update_replace_policy(cdk::RemovalPolicy::RetainExceptOnCreate);
  auto& d = stack.add<cdk::CfnResource>("D", "AWS::S3::Bucket");
  d.apply_removal_policy(cdk::RemovalPolicy::Delete);
  auto t = cdktest::synth_template(app, "Stack")["Resources"];
  EXPECT_EQ(t["A"]["DeletionPolicy"], "Retain");
  EXPECT_EQ(t["A"]["UpdateReplacePolicy"], "Retain");
  EXPECT_EQ(t["B"]["DeletionPolicy"], "Snapshot");
  EXPECT_FALSE(t["B"].contains("UpdateReplacePolicy"));
  EXPECT_EQ(t["C"]["UpdateReplacePolicy"], "RetainExceptOnCreate");
  EXPECT_FALSE(t["C"].contains("DeletionPolicy"));
  EXPECT_EQ(t["D"]["DeletionPolicy"], "Delete");
}

TEST_F(CfnResourceTest, UpdateAndCreationPoliciesAreWrittenAsGiven) {
  auto& g = stack.add<cdk::CfnResource>("Group", "AWS::AutoScaling::AutoScalingGroup");
  g.set_update_policy(cdk::Value::map({{"AutoScalingRollingUpdate", cdk::Value::map({{"MaxBatchSize", 1}})}}));
  g.set_creation_policy(cdk::Value::map({{"ResourceSignal", cdk::Value::map({{"Count", 2}, {"Timeout", "PT15M"}})}}));
  auto r = resource("Group");
  EXPECT_EQ(r["UpdatePolicy"], Json::parse(R"({"AutoScalingRollingUpdate": {"MaxBatchSize": 1}})"));
  EXPECT_EQ(r["CreationPolicy"], Json::parse(R"({"ResourceSignal": {"Count": 2, "Timeout": "PT15M"}})"));
}

TEST_F(CfnResourceTest, MetadataHoldsUserEntriesAndTheConstructPath) {
  auto& group = stack.add<cdk::Construct>("Group");
  auto& q = group.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  q.add_metadata("cfn-lint", cdk::Value::map({{"ignore", cdk::Value::list({"W1"})}}));
  q.add_metadata("owner", "a");
  q.add_metadata("owner", "b");  // same key replaces
  auto r = resource(q.logical_id());
  EXPECT_EQ(r["Metadata"], Json::parse(R"({"cfn-lint": {"ignore": ["W1"]}, "owner": "b",
                                           "aws:cdk:path": "Stack/Group/Queue"})"));
}

TEST_F(CfnResourceTest, EveryResourceCarriesItsPathInMetadata) {
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  EXPECT_EQ(resource("Queue")["Metadata"]["aws:cdk:path"], "Stack/Queue");
  auto t = cdktest::template_of(cdk::detail::synthesize(app, {.path_metadata = false}), "Stack");
  EXPECT_FALSE(t["Resources"]["Queue"].contains("Metadata"));
}

TEST_F(CfnResourceTest, ARenderingErrorFailsSynthesisNamingTheResource) {
  // Inherited tags cannot be merged into a Tags property that is a token.
  auto& p = stack.add<cdk::CfnParameter>("TagList", cdk::CfnParameterProps{.type = "CommaDelimitedList"});
  stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value::map({{"Tags", p.value()}}),
                              cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  cdk::Tags::of(stack).add("team", "a");
  auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "Stack/Bucket");
  EXPECT_THAT(errors[0].message, HasSubstr("not a list"));
}

TEST_F(CfnResourceTest, ReferencesBetweenResourcesResolveToLogicalIds) {
  auto& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& group = stack.add<cdk::Construct>("Work");
  auto& q = group.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  stack.add<cdk::CfnResource>("Sub", "AWS::SNS::Subscription",
                              cdk::Value::map({{"TopicArn", topic.ref()}, {"Endpoint", q.get_att("Arn")}}));
  auto r = resource("Sub");
  EXPECT_EQ(r["Properties"]["TopicArn"], Json::parse(R"({"Ref": "Topic"})"));
  EXPECT_EQ(r["Properties"]["Endpoint"], (Json{{"Fn::GetAtt", Json::array({q.logical_id(), "Arn"})}}));
  EXPECT_EQ(q.logical_id(), cdk::detail::make_logical_id({"Work", "Queue"}));
}

}  // namespace
