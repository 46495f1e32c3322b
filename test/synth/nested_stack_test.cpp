// Nested stacks: the AWS::CloudFormation::Stack resource, the nested template
// as an asset of its deployment root, and values crossing the boundary as
// parameters and outputs, named as aws-cdk-lib names them.
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include "core/sha256.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

const cdk::detail::StackArtifact& artifact(const cdk::detail::Assembly& a, const cdk::Stack& s) {
  for (const auto& x : a.stacks)
    if (x.stack == &s) return x;
  throw std::runtime_error("no artifact for " + s.node().path());
}

// The app of the expectations below, also written with aws-cdk-lib 2.x:
//   parent: Bucket; Child (nested): Queue (QueueName = Bucket.ref);
//   Sibling (nested): Topic (DisplayName = Queue.Arn); parent: Param (Value = Queue.QueueName);
//   Other (top-level): T2 (DisplayName = Queue.ref); Child/Deep (nested): T3 (DisplayName = Bucket.Arn).
class Nested : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& parent = app.add<cdk::Stack>("Parent");
  cdk::CfnResource& bucket = parent.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::NestedStack& child = parent.add<cdk::NestedStack>("Child");
  cdk::CfnResource& queue =
      child.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"QueueName", bucket.ref()}}));

  void add_the_rest() {
    auto& sibling = parent.add<cdk::NestedStack>("Sibling");
    sibling.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", queue.get_att("Arn")}}));
    parent.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter",
                                 cdk::Value::map({{"Type", "String"}, {"Value", queue.get_att("QueueName")}}));
    auto& other = app.add<cdk::Stack>("Other");
    other.add<cdk::CfnResource>("T2", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", queue.ref()}}));
    auto& deep = child.add<cdk::NestedStack>("Deep");
    deep.add<cdk::CfnResource>("T3", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", bucket.get_att("Arn")}}));
  }
};

TEST_F(Nested, TheParentHoldsAStackResourceNamedLikeAwsCdkLib) {
  auto t = cdktest::synth_template(app, "Parent");
  const Json& r = t["Resources"]["ChildNestedStackChildNestedStackResourceC40294CA"];
  EXPECT_EQ(r["Type"], "AWS::CloudFormation::Stack");
  EXPECT_EQ(r["DeletionPolicy"], "Delete");
  EXPECT_EQ(r["UpdateReplacePolicy"], "Delete");
  EXPECT_EQ(r["Properties"]["Parameters"], Json::parse(R"({"referencetoParentBucketF1303654Ref": {"Ref": "Bucket"}})"));
  EXPECT_EQ(r["Metadata"]["aws:asset:path"], "ParentChild8B49BB45.nested.template.json");
  EXPECT_EQ(r["Metadata"]["aws:asset:property"], "TemplateURL");
  EXPECT_EQ(child.template_file(), "ParentChild8B49BB45.nested.template.json");
  EXPECT_EQ(child.node().path(), "Parent/Child");
}

TEST_F(Nested, TheTemplateUrlPointsAtTheNestedTemplatesHashInTheBootstrapBucket) {
  auto a = cdk::detail::synthesize(app, {});
  const auto& nested = artifact(a, child);
  const std::string hash = cdk::detail::sha256_hex(nested.template_text);
  const Json& url =
      artifact(a, parent).template_json["Resources"]["ChildNestedStackChildNestedStackResourceC40294CA"]["Properties"]["TemplateURL"];
  EXPECT_EQ(url, Json::parse(R"({"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"},
      "/", {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "/)" + hash + R"(.json"]]})"));
}

TEST_F(Nested, AKnownEnvironmentWritesTheRegionAndBucketAsLiterals) {
  cdk::App app2;
  auto& p = app2.add<cdk::Stack>("P", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& n = p.add<cdk::NestedStack>("N");
  n.add<cdk::CfnResource>("Q", "AWS::SQS::Queue");
  auto a = cdk::detail::synthesize(app2, {});
  const std::string hash = cdk::detail::sha256_hex(artifact(a, n).template_text);
  const auto& res = artifact(a, p).template_json["Resources"];
  ASSERT_EQ(res.size(), 1u);
  EXPECT_EQ(res.begin().value()["Properties"]["TemplateURL"],
            Json::parse(R"({"Fn::Join": ["", ["https://s3.eu-west-1.", {"Ref": "AWS::URLSuffix"},
                "/cdk-hnb659fds-assets-123456789012-eu-west-1/)" + hash + R"(.json"]]})"));
  EXPECT_EQ(n.env().region, "eu-west-1");
}

TEST_F(Nested, ValuesCrossEveryBoundaryAsAwsCdkLibPassesThem) {
  add_the_rest();
  auto a = cdk::detail::synthesize(app, {});
  const Json c = artifact(a, child).template_json;
  EXPECT_EQ(c["Resources"]["Queue"]["Properties"]["QueueName"], Json::parse(R"({"Ref": "referencetoParentBucketF1303654Ref"})"));
  EXPECT_EQ(c["Parameters"], Json::parse(R"({"referencetoParentBucketF1303654Ref": {"Type": "String"},
                                             "referencetoParentBucketF1303654Arn": {"Type": "String"}})"));
  EXPECT_EQ(c["Outputs"]["ParentChildQueueF3756401Arn"]["Value"], Json::parse(R"({"Fn::GetAtt": ["Queue", "Arn"]})"));
  EXPECT_EQ(c["Outputs"]["ParentChildQueueF3756401QueueName"]["Value"],
            Json::parse(R"({"Fn::GetAtt": ["Queue", "QueueName"]})"));
  EXPECT_EQ(c["Outputs"]["ParentChildQueueF3756401Ref"]["Value"], Json::parse(R"({"Ref": "Queue"})"));
  // Two levels down: the same parameter at each level.
  EXPECT_EQ(c["Resources"]["DeepNestedStackDeepNestedStackResource521F28B7"]["Properties"]["Parameters"],
            Json::parse(R"({"referencetoParentBucketF1303654Arn": {"Ref": "referencetoParentBucketF1303654Arn"}})"));

  const Json p = artifact(a, parent).template_json;
  EXPECT_EQ(p["Resources"]["Param"]["Properties"]["Value"],
            Json::parse(R"({"Fn::GetAtt": ["ChildNestedStackChildNestedStackResourceC40294CA",
                                           "Outputs.ParentChildQueueF3756401QueueName"]})"));
  EXPECT_EQ(p["Resources"]["SiblingNestedStackSiblingNestedStackResourceA54DD25B"]["Properties"]["Parameters"],
            Json::parse(R"({"referencetoParentChildNestedStackChildNestedStackResourceBD4C1B03OutputsParentChildQueueF3756401Arn":
                {"Fn::GetAtt": ["ChildNestedStackChildNestedStackResourceC40294CA", "Outputs.ParentChildQueueF3756401Arn"]}})"));
  // Another top-level stack: the parent exports the nested stack's output.
  const std::string name =
      "Parent:ExportsOutputFnGetAttChildNestedStackChildNestedStackResourceC40294CAOutputsParentChildQueueF3756401RefAF2FBD8A";
  EXPECT_EQ(cdktest::template_of(a, "Other")["Resources"]["T2"]["Properties"]["DisplayName"],
            Json::parse(R"({"Fn::ImportValue": ")" + name + R"("})"));
  EXPECT_EQ(p["Outputs"].begin().value()["Export"]["Name"], name);
}

TEST_F(Nested, OnlyTopLevelStacksAreArtifactsAndTheRootPublishesEveryNestedTemplate) {
  add_the_rest();
  auto a = cdk::detail::synthesize(app, {});
  const auto& artifacts = a.manifest["artifacts"];
  EXPECT_TRUE(artifacts.contains("Parent"));
  EXPECT_TRUE(artifacts.contains("Other"));
  EXPECT_FALSE(artifacts.contains("ParentChild8B49BB45"));
  EXPECT_EQ(artifacts["Other"]["dependencies"], Json::array({"Parent"}));
  const auto& files = artifact(a, parent).asset_manifest["files"];
  ASSERT_EQ(files.size(), 3u);
  const std::string hash = cdk::detail::sha256_hex(artifact(a, child).template_text);
  ASSERT_TRUE(files.contains(hash));
  EXPECT_EQ(files[hash]["source"], Json::parse(R"({"path": "ParentChild8B49BB45.nested.template.json", "packaging": "file"})"));
  EXPECT_EQ(files[hash]["destinations"].begin().value()["objectKey"], hash + ".json");
  // The root checks the bootstrap version (its assets need the bucket); nested templates do not.
  EXPECT_TRUE(artifact(a, parent).template_json["Parameters"].contains("BootstrapVersion"));
  EXPECT_FALSE(artifact(a, child).template_json["Parameters"].contains("BootstrapVersion"));
  // Nested elements' logical ids are in the root's metadata, by path.
  EXPECT_EQ(artifacts["Parent"]["metadata"]["/Parent/Child/Queue"][0]["data"], "Queue");
  // Nested stacks come right before their parent in the assembly.
  ASSERT_GE(a.stacks.size(), 4u);
  EXPECT_EQ(a.stacks[0].stack->node().path(), "Parent/Child/Deep");
  EXPECT_EQ(a.stacks[1].stack, &child);
}

TEST_F(Nested, TheAssemblyOnDiskHoldsEveryTemplateAndTheAssetManifestPointsAtThem) {
  add_the_rest();
  auto a = cdk::detail::synthesize(app, {});
  const auto dir = std::filesystem::temp_directory_path() / ("cdkpp-nested-" + std::to_string(::getpid()));
  cdk::detail::write_assembly(a, dir);
  const Json manifest = Json::parse(std::ifstream(dir / "Parent.assets.json"));
  for (const auto& [hash, entry] : manifest["files"].items()) {
    std::ifstream in(dir / entry["source"]["path"].get<std::string>());
    ASSERT_TRUE(in) << entry["source"]["path"];
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(cdk::detail::sha256_hex(text), hash);
  }
  std::filesystem::remove_all(dir);
}

TEST_F(Nested, PropsGoOnTheStackResource) {
  cdk::App app2;
  auto& p = app2.add<cdk::Stack>("P");
  auto& topic = p.add<cdk::CfnResource>("Alerts", "AWS::SNS::Topic");
  auto& n = p.add<cdk::NestedStack>("N", {.parameters = {{"Size", "10"}},
                                          .timeout_minutes = 30,
                                          .notification_arns = {topic.ref()},
                                          .description = "The database tier",
                                          .removal_policy = cdk::RemovalPolicy::Retain});
  auto& size = n.add<cdk::CfnParameter>("Size", cdk::CfnParameterProps{.type = "Number"});
  n.add<cdk::CfnResource>("Q", "AWS::SQS::Queue", cdk::Value::map({{"DelaySeconds", size.ref()}}));
  auto a = cdk::detail::synthesize(app2, {});
  const Json r = artifact(a, p).template_json["Resources"][n.nested_stack_resource().logical_id()];
  EXPECT_EQ(r["Properties"]["Parameters"], Json::parse(R"({"Size": "10"})"));
  EXPECT_EQ(r["Properties"]["TimeoutInMinutes"], 30);
  EXPECT_EQ(r["Properties"]["NotificationARNs"], Json::parse(R"([{"Ref": "Alerts"}])"));
  EXPECT_EQ(r["DeletionPolicy"], "Retain");
  EXPECT_EQ(artifact(a, n).template_json["Description"], "The database tier");
  std::vector<std::string> keys;
  for (const auto& [k, v] : r["Properties"].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"NotificationARNs", "Parameters", "TemplateURL", "TimeoutInMinutes"}));
  cdk::testing::keep_for_lint(p);
  cdk::testing::keep_for_lint(n);
}

TEST_F(Nested, TemplatesPassCfnLint) {
  add_the_rest();
  cdk::testing::keep_for_lint(parent);
  cdk::testing::keep_for_lint(child);
  EXPECT_FALSE(cdk::testing::keep_for_lint(dynamic_cast<cdk::Stack&>(app.node().find_child("Other"))).empty());
}

TEST_F(Nested, DependsOnAcrossTheBoundaryWaitsForTheNestedStack) {
  auto& waiter = parent.add<cdk::CfnResource>("Waiter", "AWS::SNS::Topic");
  waiter.add_depends_on(queue);
  auto& late = child.add<cdk::CfnResource>("Late", "AWS::SNS::Topic");
  late.add_depends_on(bucket);
  auto t = cdktest::synth_template(app, "Parent");
  EXPECT_EQ(t["Resources"]["Waiter"]["DependsOn"], Json::array({"ChildNestedStackChildNestedStackResourceC40294CA"}));
  EXPECT_EQ(t["Resources"]["ChildNestedStackChildNestedStackResourceC40294CA"]["DependsOn"], Json::array({"Bucket"}));
}

TEST_F(Nested, AValueGoingDownAndUpBetweenTheSameTwoResourcesIsACycle) {
  // The child's queue reads the bucket and the bucket reads the queue: the
  // nested stack waits for the bucket, which waits for the nested stack.
  bucket.set_property("BucketName", queue.get_att("QueueName"));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("dependency cycle between resources"));
}

TEST_F(Nested, ANestedStackOutsideAStackIsRefused) {
  try {
    app.add<cdk::NestedStack>("Loose");
    FAIL() << "expected an error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Loose"));
    EXPECT_THAT(e.what(), HasSubstr("must be created inside a stack"));
  }
  EXPECT_THROW(parent.add<cdk::NestedStack>("Slow", {.timeout_minutes = 0}), cdk::Error);
}

TEST_F(Nested, ANestedStackIsInItsParentsEnvironmentAndStage) {
  cdk::App app2;
  auto& prod = app2.add<cdk::Stage>("Prod", cdk::StageProps{.env = {.account = "111111111111", .region = "eu-west-1"}});
  auto& p = prod.add<cdk::Stack>("Db");
  auto& n = p.add<cdk::NestedStack>("Tables");
  n.add<cdk::CfnResource>("T", "AWS::DynamoDB::Table",
                          cdk::Value::map({{"KeySchema", cdk::Value::list({cdk::Value::map({{"AttributeName", "id"}, {"KeyType", "HASH"}})})},
                                           {"AttributeDefinitions", cdk::Value::list({cdk::Value::map({{"AttributeName", "id"}, {"AttributeType", "S"}})})},
                                           {"BillingMode", "PAY_PER_REQUEST"}}));
  EXPECT_EQ(n.env().account, "111111111111");
  EXPECT_EQ(n.template_path(), "assembly-Prod/" + n.template_file());
  auto a = cdk::detail::synthesize(app2, {});
  ASSERT_EQ(a.nested.size(), 1u);
  const auto& artifacts = a.nested[0].manifest["artifacts"];
  EXPECT_EQ(artifacts.size(), 2u);  // the stack and its assets (the nested template), not the nested stack
  EXPECT_TRUE(artifacts.contains(p.artifact_id()));
  EXPECT_TRUE(artifacts.contains(p.artifact_id() + ".assets"));
}

}  // namespace
