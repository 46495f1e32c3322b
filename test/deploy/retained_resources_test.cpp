#include "deploy/retained_resources.hpp"

#include <gtest/gtest.h>

namespace cdk::deploy {
namespace {

using nlohmann::json;

const json stack_template = json::parse(R"({"Resources": {
  "Data": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
           "Metadata": {"aws:cdk:path": "App/Data/Resource"}},
  "Db": {"Type": "AWS::RDS::DBInstance", "DeletionPolicy": "Snapshot"},
  "Logs": {"Type": "AWS::Logs::LogGroup", "DeletionPolicy": "RetainExceptOnCreate"},
  "Maybe": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain", "Condition": "IsProd"},
  "Queue": {"Type": "AWS::SQS::Queue", "DeletionPolicy": "Delete"},
  "Topic": {"Type": "AWS::SNS::Topic"}}})");

TEST(RetainedResources, RetainSnapshotAndRetainExceptOnCreateAreKeptWithTheirPathsAndPhysicalIds) {
  std::map<std::string, std::string> physical = {
      {"Data", "app-data-1"}, {"Db", "db-1"}, {"Logs", "/app/logs"}, {"Queue", "q"}, {"Topic", "t"}};
  auto kept = retained_resources(stack_template, physical);
  ASSERT_EQ(kept.size(), 3u) << "Maybe was never created (its condition was false)";
  EXPECT_EQ(kept[0].path, "App/Data/Resource");
  EXPECT_EQ(kept[0].physical_id, "app-data-1");
  EXPECT_EQ(kept[0].policy, "Retain");
  EXPECT_EQ(kept[1].path, "Db") << "without construct metadata, the logical id";
  EXPECT_EQ(kept[1].policy, "Snapshot");
  EXPECT_EQ(kept[2].policy, "RetainExceptOnCreate");
}

TEST(RetainedResources, WithoutTheStacksResourcesEveryRetainedResourceIsListedWithoutPhysicalIds) {
  auto kept = retained_resources(stack_template, std::nullopt);
  ASSERT_EQ(kept.size(), 4u);
  for (const auto& r : kept) EXPECT_TRUE(r.physical_id.empty()) << r.logical_id;
}

TEST(RetainedResources, TheReportSaysWhatIsKeptOneLineEach) {
  auto kept = retained_resources(stack_template, std::map<std::string, std::string>{{"Data", "app-data-1"},
                                                                                    {"Db", "db-1"}});
  EXPECT_EQ(describe_retained("App", kept),
            "App: 2 resources are kept by their removal policy (delete them yourself when no longer needed):\n"
            "  App/Data/Resource AWS::S3::Bucket app-data-1 (Retain)\n"
            "  Db AWS::RDS::DBInstance db-1 (Snapshot: deleted after a final snapshot, which is kept)");
  EXPECT_EQ(describe_retained("App", {}), "");
}

TEST(RetainedResources, ATemplateWithoutResourcesKeepsNothing) {
  EXPECT_TRUE(retained_resources(json::object(), std::nullopt).empty());
  EXPECT_TRUE(retained_resources(json::parse(R"({"Resources": []})"), std::nullopt).empty());
}

}  // namespace
}  // namespace cdk::deploy
