// The replacement guard over template diffs and change set verdicts: which
// stateful resources deploy refuses to replace or delete, and how the user
// says a replacement is deliberate.
#include "deploy/replacement_guard.hpp"

#include <gtest/gtest.h>

#include "l1/replacement.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;

json db(const std::string& subnet_group) {
  return {{"Type", "AWS::RDS::DBInstance"},
          {"Properties", {{"DBSubnetGroupName", subnet_group}}},
          {"Metadata", {{"aws:cdk:path", "Shop/Db/Resource"}}}};
}

json stack(json resources) { return {{"Resources", std::move(resources)}}; }

GuardFindings judge(const json& before, const json& after, const std::vector<std::string>& allowed = {},
                    const std::vector<ResourceChange>* change_set = nullptr) {
  const TemplateDiff diff = diff_templates(before, after);
  return guard_replacements(
      {.diff = diff, .deployed = before, .local = after, .change_set = change_set, .allowed = allowed});
}

TEST(ReplacementGuard, ReplacingADatabaseIsRefusedNamingThePathThePropertyAndTheWayOut) {
  GuardFindings f = judge(stack({{"Db5D02A0A9", db("a")}}), stack({{"Db5D02A0A9", db("b")}}));
  ASSERT_EQ(f.refused.size(), 1u);
  EXPECT_EQ(f.refused[0],
            "Shop/Db: the deploy replaces AWS::RDS::DBInstance Db5D02A0A9 (changed: DBSubnetGroupName), which holds "
            "data; to do it deliberately, re-run with --allow-replace Shop/Db (or give the resource a removal "
            "policy of Delete)");
}

TEST(ReplacementGuard, AllowReplaceNamesItByPathLogicalIdOrWildcard) {
  const json before = stack({{"Db5D02A0A9", db("a")}});
  const json after = stack({{"Db5D02A0A9", db("b")}});
  for (const std::string allowed : {"Shop/Db", "Shop/Db/Resource", "Db5D02A0A9", "Shop/*"}) {
    EXPECT_TRUE(judge(before, after, {allowed}).empty()) << allowed;
  }
  EXPECT_FALSE(judge(before, after, {"Shop/Other"}).empty());
}

TEST(ReplacementGuard, AResourceThatSaysDeleteMayBeReplacedButRetainIsNotEnough) {
  json disposable = db("b");
  disposable["UpdateReplacePolicy"] = "Delete";
  EXPECT_TRUE(judge(stack({{"Db", db("a")}}), stack({{"Db", disposable}})).empty());
  json only_deletion = db("b");
  only_deletion["DeletionPolicy"] = "Delete";
  EXPECT_TRUE(judge(stack({{"Db", db("a")}}), stack({{"Db", only_deletion}})).empty());
  json retained = db("b");
  retained["UpdateReplacePolicy"] = "Retain";
  retained["DeletionPolicy"] = "Delete";
  EXPECT_EQ(judge(stack({{"Db", db("a")}}), stack({{"Db", retained}})).refused.size(), 1u)
      << "a retained old database still leaves the app on a new, empty one";
}

// RDS marks MultiAZ, backup retention and maintenance windows "maybe": they rarely replace, so a
// refusal would teach --allow-replace by reflex. Warned; the change set's True is refused.
TEST(ReplacementGuard, ConditionalReplacementsAreWarnedAndRefusedOnlyWhenTheChangeSetSaysTrue) {
  json before = stack({{"Db", db("a")}});
  json after = before;
  after["Resources"]["Db"]["Properties"]["MultiAZ"] = true;
  GuardFindings f = judge(before, after);
  EXPECT_TRUE(f.empty());
  ASSERT_EQ(f.warned.size(), 1u);
  EXPECT_NE(f.warned[0].find("Db: the deploy may replace AWS::RDS::DBInstance Db (changed: MultiAZ)"),
            std::string::npos)
      << f.warned[0];
  std::vector<ResourceChange> conditional = {
      {.action = "Modify", .logical_id = "Db", .resource_type = "AWS::RDS::DBInstance", .replacement = "Conditional"}};
  EXPECT_TRUE(judge(before, after, {}, &conditional).empty());
  std::vector<ResourceChange> certain = conditional;
  certain[0].replacement = "True";
  GuardFindings refused = judge(before, after, {}, &certain);
  ASSERT_EQ(refused.refused.size(), 1u);
  EXPECT_NE(refused.refused[0].find("the deploy replaces AWS::RDS::DBInstance Db (changed: MultiAZ)"),
            std::string::npos)
      << refused.refused[0];
}

TEST(ReplacementGuard, RemovingAStatefulResourceIsRefusedUnlessItsDeletionPolicyDecides) {
  json bucket = {{"Type", "AWS::S3::Bucket"}, {"Metadata", {{"aws:cdk:path", "Shop/Assets/Resource"}}}};
  GuardFindings f = judge(stack({{"Assets", bucket}}), stack(json::object()));
  ASSERT_EQ(f.refused.size(), 1u);
  EXPECT_NE(f.refused[0].find("Shop/Assets: the deploy deletes AWS::S3::Bucket Assets (gone from the template, no "
                              "DeletionPolicy)"),
            std::string::npos)
      << f.refused[0];
  for (const char* policy : {"Retain", "Snapshot", "Delete", "RetainExceptOnCreate"}) {
    json kept = bucket;
    kept["DeletionPolicy"] = policy;
    EXPECT_TRUE(judge(stack({{"Assets", kept}}), stack(json::object())).empty()) << policy;
  }
}

TEST(ReplacementGuard, StatelessResourcesAreReplacedFreely) {
  json sg = {{"Type", "AWS::EC2::SecurityGroup"}, {"Properties", {{"GroupDescription", "a"}}}};
  json changed = sg;
  changed["Properties"]["GroupDescription"] = "b";
  ASSERT_EQ(l1::replacement_of("AWS::EC2::SecurityGroup", "GroupDescription"), l1::Replacement::Always);
  EXPECT_TRUE(judge(stack({{"Sg", sg}}), stack({{"Sg", changed}})).empty());
  EXPECT_TRUE(judge(stack({{"Sg", sg}}), stack(json::object())).empty());
}

TEST(ReplacementGuard, TheChangeSetsVerdictCountsForResourcesWithoutAChangeOfTheirOwn) {
  json queue = {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"QueueName", {{"Ref", "Name"}}}}}};
  json t = stack({{"Jobs", queue}});
  std::vector<ResourceChange> changes = {{.action = "Modify", .logical_id = "Jobs", .resource_type = "AWS::SQS::Queue",
                                          .replacement = "True"}};
  GuardFindings f = judge(t, t, {}, &changes);
  ASSERT_EQ(f.refused.size(), 1u);
  EXPECT_NE(f.refused[0].find("Jobs: the deploy replaces AWS::SQS::Queue Jobs (CloudFormation's change set says so)"),
            std::string::npos)
      << f.refused[0];
  changes[0].recreating = {"QueueName"};  // from the change set's Details
  EXPECT_NE(judge(t, t, {}, &changes).refused.at(0).find("(changed: QueueName)"), std::string::npos);
  changes[0].replacement = "False";
  EXPECT_TRUE(judge(t, t, {}, &changes).empty());
}

TEST(ReplacementGuard, TheStatefulListHoldsDataStoresAndNotCompute) {
  for (const char* type : {"AWS::RDS::DBCluster", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem", "AWS::KMS::Key",
                           "AWS::SecretsManager::Secret", "AWS::Logs::LogGroup"})
    EXPECT_TRUE(is_stateful_type(type)) << type;
  for (const char* type : {"AWS::Lambda::Function", "AWS::ECS::Service", "AWS::EC2::SecurityGroup", "AWS::IAM::Role"})
    EXPECT_FALSE(is_stateful_type(type)) << type;
}

TEST(ReplacementData, ComesFromThePinnedSpecForEveryTypeSortedForLookup) {
  EXPECT_EQ(l1::replacement_of("AWS::RDS::DBInstance", "DBSubnetGroupName"), l1::Replacement::Always);
  EXPECT_EQ(l1::replacement_of("AWS::RDS::DBInstance", "MultiAZ"), l1::Replacement::Conditional);
  EXPECT_EQ(l1::replacement_of("AWS::SQS::Queue", "VisibilityTimeout"), l1::Replacement::Never);
  EXPECT_EQ(l1::replacement_of("Custom::Anything", "Name"), l1::Replacement::Never);
  const auto table = l1::replacing_properties();
  EXPECT_GT(table.size(), 4000u) << "every service, not only the generated ones";
  for (size_t i = 1; i < table.size(); ++i) {
    ASSERT_LT(std::tie(table[i - 1].type, table[i - 1].property), std::tie(table[i].type, table[i].property));
  }
}

}  // namespace
}  // namespace cdk::deploy
