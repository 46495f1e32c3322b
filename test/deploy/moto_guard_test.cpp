// The replacement guard end to end against moto_server: deploy refuses to
// replace a queue (a stateful resource) until --allow-replace names it, and
// diff --fail-on-replace fails on the same change.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
