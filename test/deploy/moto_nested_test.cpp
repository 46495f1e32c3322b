// A stack with a nested stack, deployed against a real moto_server: the
// nested template is published to the bootstrap bucket with the parent's
// assets, CloudFormation fetches it from the TemplateURL, and a value of the
// parent reaches the nested stack as a parameter.
#include <gtest/gtest.h>

#include <cdk/cdk.hpp>

#include "cli_harness.hpp"
#include "moto_cli_fixture.hpp"
#include "synth/synthesizer.hpp"

#include <algorithm>

namespace cdk::deploy {
namespace {

using testing::CliResult;

const StackResourceSummary* find(const std::vector<StackResourceSummary>& resources, const std::string& id) {
  auto it = std::find_if(resources.begin(), resources.end(), [&](const auto& r) { return r.logical_id == id; });
  return it == resources.end() ? nullptr : &*it;
}

class MotoNested : public testing::MotoCliTest {
 protected:
  std::string nested_id;

  void synth(const std::string& queue_name) {
    cdk::App app;
    auto& parent = app.add<cdk::Stack>("Parent", {.env = {.account = "123456789012", .region = "us-east-1"}});
    auto& name = parent.add<cdk::CfnParameter>("QueueNameParam", cdk::CfnParameterProps{.type = "String", .default_value = queue_name});
    auto& child = parent.add<cdk::NestedStack>("Queues");
    child.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"QueueName", name.ref()}}));
    nested_id = child.nested_stack_resource().logical_id();
    cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), assembly.path());
  }
};

TEST_F(MotoNested, TheParentDeploysTheNestedTemplateFromTheBootstrapBucket) {
  ASSERT_EQ(cli({"bootstrap"}).exit_code, 0);
  synth("orders-from-parent");
  CliResult deployed = cli({"deploy", "Parent", "--require-approval", "never"});
  ASSERT_EQ(deployed.exit_code, 0) << explain(deployed);

  const auto parent = cfn().list_stack_resources("Parent");
  const auto* nested = find(parent, nested_id);
  ASSERT_NE(nested, nullptr) << "the parent has no nested stack resource";
  EXPECT_EQ(nested->resource_type, "AWS::CloudFormation::Stack");
  // The nested stack got the parent's parameter value and made the queue with it.
  auto d = cfn().describe_stack(nested->physical_id);
  ASSERT_TRUE(d.has_value());
  const auto queue = find(cfn().list_stack_resources(nested->physical_id), "Queue");
  ASSERT_NE(queue, nullptr);
  EXPECT_NE(queue->physical_id.find("orders-from-parent"), std::string::npos) << queue->physical_id;
  // `list` shows the parent only: the nested stack deploys with it.
  CliResult listed = cli({"list"});
  EXPECT_EQ(listed.out.find("Queues"), std::string::npos) << listed.out;
}

// A table in nested stack "Data" keyed by `key`; no nested stack when `key` is empty.
void synth_table(const std::filesystem::path& dir, const std::string& key) {
  cdk::App app;
  auto& parent = app.add<cdk::Stack>("Parent", {.env = {.account = "123456789012", .region = "us-east-1"}});
  parent.add<cdk::CfnResource>("Marker", "AWS::SQS::Queue");
  if (!key.empty()) {
    auto attribute = cdk::Value::map({{"AttributeName", key}, {"AttributeType", "S"}});
    parent.add<cdk::NestedStack>("Data").add<cdk::CfnResource>(
        "Table", "AWS::DynamoDB::Table",
        cdk::Value::map({{"BillingMode", "PAY_PER_REQUEST"},
                         {"AttributeDefinitions", cdk::Value::list({attribute})},
                         {"KeySchema", cdk::Value::list({cdk::Value::map({{"AttributeName", key}, {"KeyType", "HASH"}})})}}));
  }
  cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), dir);
}

TEST_F(MotoNested, TheGuardRefusesToReplaceOrDeleteATableInsideANestedStack) {
  ASSERT_EQ(cli({"bootstrap"}).exit_code, 0);
  synth_table(assembly.path(), "id");
  CliResult first = cli({"deploy", "Parent", "--require-approval", "never"});
  ASSERT_EQ(first.exit_code, 0) << explain(first);

  synth_table(assembly.path(), "pk");  // KeySchema replaces the table
  // `diff` looks into the nested stack: the table's replacement is named there.
  CliResult diff = cli({"diff", "Parent", "--fail-on-replace"});
  EXPECT_NE(diff.exit_code, 0) << explain(diff);
  EXPECT_NE(diff.out.find("nested stack DataNestedStackDataNestedStackResource"), std::string::npos) << explain(diff);
  EXPECT_NE(diff.out.find("KeySchema"), std::string::npos) << explain(diff);
  CliResult replaced = cli({"deploy", "Parent", "--require-approval", "never"});
  EXPECT_NE(replaced.exit_code, 0) << explain(replaced);
  EXPECT_NE((replaced.out + replaced.err).find("Parent/Data/Table"), std::string::npos) << explain(replaced);
  EXPECT_NE((replaced.out + replaced.err).find("no stack was deployed"), std::string::npos) << explain(replaced);

  synth_table(assembly.path(), "");  // the nested stack, and its table, gone
  CliResult removed = cli({"deploy", "Parent", "--require-approval", "never"});
  EXPECT_NE(removed.exit_code, 0) << explain(removed);
  EXPECT_NE((removed.out + removed.err).find("Parent/Data/Table"), std::string::npos) << explain(removed);

  // Named with --allow-replace, the guard lets it through. (The emulator then
  // fails the nested stack's update with HTTP 500, so only the guard is judged.)
  synth_table(assembly.path(), "pk");
  CliResult allowed = cli({"deploy", "Parent", "--require-approval", "never", "--allow-replace", "Parent/Data/Table"});
  EXPECT_EQ((allowed.out + allowed.err).find("no stack was deployed"), std::string::npos) << explain(allowed);
  EXPECT_EQ((allowed.out + allowed.err).find("Parent/Data/Table"), std::string::npos) << explain(allowed);
}

}  // namespace
}  // namespace cdk::deploy
