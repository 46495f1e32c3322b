// The replacement guard end to end against moto_server: deploy refuses to
// replace a queue (a stateful resource) until --allow-replace names it, and
// diff --fail-on-replace fails on the same change.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cdk/app.hpp>
#include <cdk/cfn_include.hpp>
#include <cdk/stack.hpp>

#include <filesystem>

#include "cli_harness.hpp"
#include "moto_cli_fixture.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::CliResult;
using testing::write_assembly;

json named_queue(const std::string& name) {
  return {{"Resources",
           {{"Jobs",
             {{"Type", "AWS::SQS::Queue"},
              {"Properties", {{"QueueName", name}}},
              {"Metadata", {{"aws:cdk:path", "Hello/Jobs/Resource"}}}}}}}};
}

class MotoGuard : public testing::MotoCliTest {
 protected:
  CliResult deploy(std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"deploy", "--require-approval", "never"};
    args.insert(args.end(), more.begin(), more.end());
    return cli(args);
  }
  std::string deployed_queue_name() {
    return json::parse(cfn().get_template("Hello").value_or("{}"))["Resources"]["Jobs"]["Properties"]["QueueName"];
  }
};

TEST_F(MotoGuard, ReplacingAQueueIsRefusedUntilAllowedAndNothingChangesMeanwhile) {
  write_assembly(assembly.path(), {{"Hello", named_queue("jobs-a")}});
  ASSERT_EQ(deploy().exit_code, 0);

  write_assembly(assembly.path(), {{"Hello", named_queue("jobs-b")}});
  CliResult refused = deploy();
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("Hello/Jobs: the deploy replaces AWS::SQS::Queue Jobs (changed: QueueName), which "
                             "holds data; to do it deliberately, re-run with --allow-replace Hello/Jobs"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(deployed_queue_name(), "jobs-a");
  EXPECT_EQ(cfn().describe_stack("Hello")->status, "CREATE_COMPLETE");

  CliResult refused_directly = deploy({"--method", "direct"});
  EXPECT_EQ(refused_directly.exit_code, 1) << refused_directly.out;
  EXPECT_EQ(deployed_queue_name(), "jobs-a");

  CliResult allowed = deploy({"--allow-replace", "Hello/Jobs"});
  ASSERT_EQ(allowed.exit_code, 0) << allowed.out << allowed.err;
  EXPECT_EQ(deployed_queue_name(), "jobs-b");
}

TEST_F(MotoGuard, ARefusalInOneStackDeploysNoneOfTheOthers) {
  json other = named_queue("other-a");
  write_assembly(assembly.path(), {{"Other", other}, {"Hello", named_queue("jobs-a")}});
  ASSERT_EQ(deploy().exit_code, 0);
  other["Resources"]["Jobs"]["Properties"]["VisibilityTimeout"] = 60;  // an update in place
  write_assembly(assembly.path(), {{"Other", other}, {"Hello", named_queue("jobs-b")}});
  CliResult refused = deploy();
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("Hello/Jobs: the deploy replaces AWS::SQS::Queue Jobs"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("no stack was deployed"), std::string::npos) << refused.err;
  const json deployed_other = json::parse(cfn().get_template("Other").value_or("{}"));
  EXPECT_FALSE(deployed_other["Resources"]["Jobs"]["Properties"].contains("VisibilityTimeout"))
      << "the stack deployed first in the same run is left as it was";
}

// A stack made by hand, adopted by an app through CfnInclude: the first deploy of the app keeps
// every resource (same physical ids), and the port check agrees beforehand. Queues, because the
// emulator recreates an SNS topic on any update, which CloudFormation does not.
TEST_F(MotoGuard, AStackAdoptedThroughCfnIncludeKeepsItsResources) {
  const json legacy = {{"Resources",
                        {{"Jobs", {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"QueueName", "legacy-jobs"}}}}},
                         {"Retries", {{"Type", "AWS::SQS::Queue"},
                                      {"Properties", {{"QueueName", "legacy-retries"},
                                                      {"Tags", {{{"Key", "peer"},
                                                                 {"Value", {{"Fn::GetAtt", {"Jobs", "QueueName"}}}}}}}}}}}}}};
  write_assembly(assembly.path(), {{"Legacy", legacy}});
  ASSERT_EQ(deploy().exit_code, 0);
  const std::string jobs = cfn().physical_resource_id("Legacy", "Jobs");
  const std::string retries = cfn().physical_resource_id("Legacy", "Retries");

  testing::TempDir files;
  testing::write_file(files.path() / "legacy.json", legacy.dump());
  cdk::App app;
  app.add<cdk::Stack>("Legacy").add<cdk::CfnInclude>("Template", {.template_file = (files.path() / "legacy.json").string()});
  std::filesystem::remove_all(assembly.path());
  app.synth(assembly.path().string());

  CliResult check = cli({"diff", "--fail-on-replace", "--template", (files.path() / "legacy.json").string(), "Legacy"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("  replaced: 0 (0 by a type change)"), std::string::npos) << check.out;
  CliResult adopted = deploy();
  ASSERT_EQ(adopted.exit_code, 0) << adopted.out << adopted.err;
  EXPECT_EQ(cfn().physical_resource_id("Legacy", "Jobs"), jobs);
  EXPECT_EQ(cfn().physical_resource_id("Legacy", "Retries"), retries);
}

TEST_F(MotoGuard, DiffMarksTheReplacementAndFailOnReplaceFailsOnIt) {
  write_assembly(assembly.path(), {{"Hello", named_queue("jobs-a")}});
  ASSERT_EQ(deploy().exit_code, 0);
  write_assembly(assembly.path(), {{"Hello", named_queue("jobs-b")}});
  CliResult plain = cli({"diff"});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("[~] AWS::SQS::Queue Jobs (replace: QueueName)"), std::string::npos) << plain.out;
  EXPECT_EQ(cli({"diff", "--fail-on-replace"}).exit_code, 1);

  json tagged = named_queue("jobs-a");
  tagged["Resources"]["Jobs"]["Properties"]["VisibilityTimeout"] = 60;
  write_assembly(assembly.path(), {{"Hello", tagged}});
  CliResult update = cli({"diff", "--fail-on-replace"});
  EXPECT_EQ(update.exit_code, 0) << update.out;
}

}  // namespace
}  // namespace cdk::deploy
