// deploy --method prepare-change-set / execute-change-set, destroy's report of
// retained resources, rollback of a stable stack, drift of a stack not
// deployed and deploy --progress bar, against a real moto_server on loopback
// through the real curl transport.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "moto_cli_fixture.hpp"
#include "deploy/cloudformation.hpp"
#include "deploy/credentials.hpp"
#include "deploy/transport.hpp"
#include "moto_server.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::CliResult;
using testing::queue_stack;
using testing::MotoServer;
using testing::run_cli;
using testing::TempDir;
using testing::write_assembly;

class MotoCommands : public testing::MotoCliTest {
 protected:
  CliResult deploy(std::vector<std::string> more) {
    std::vector<std::string> args = {"deploy", "--require-approval", "never"};
    args.insert(args.end(), more.begin(), more.end());
    return cli(args);
  }
};

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST_F(MotoCommands, PrepareChangeSetPrintsItsChangesAndDeploysNothingThenExecuteCreatesTheStack) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult prepared = deploy({"--method", "prepare-change-set"});
  ASSERT_EQ(prepared.exit_code, 0) << explain(prepared);
  EXPECT_NE(prepared.out.find("Hello: change set cdkpp-deploy-change-set ready: 1 to add, 0 to modify (0 replaced), "
                              "0 to remove\n  [+] Queue AWS::SQS::Queue"),
            std::string::npos)
      << prepared.out;
  EXPECT_NE(prepared.out.find("✅ Hello (change set prepared)"), std::string::npos) << prepared.out;
  EXPECT_NE(prepared.out.find("'deploy --method execute-change-set --change-set-name cdkpp-deploy-change-set'"),
            std::string::npos);
  EXPECT_EQ(cfn().describe_stack("Hello")->status, "REVIEW_IN_PROGRESS") << "nothing is deployed yet";

  CliResult executed = deploy({"--method", "execute-change-set"});
  ASSERT_EQ(executed.exit_code, 0) << explain(executed);
  EXPECT_NE(executed.out.find("✅ Hello (created)"), std::string::npos) << executed.out;
  EXPECT_EQ(cfn().describe_stack("Hello")->status, "CREATE_COMPLETE");
}

TEST_F(MotoCommands, APreparedUpdateIsExecutedByNameAndTheOutputsFileKeepsItsValuesUntilThen) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  auto outputs = assembly.path() / "outputs.json";
  ASSERT_EQ(deploy({"--method", "direct", "--outputs-file", outputs.string()}).exit_code, 0);
  const json first_outputs = json::parse(testing::read_file(outputs));
  ASSERT_TRUE(first_outputs.contains("Hello"));
  json updated = queue_stack();
  updated["Resources"]["Topic"] = {{"Type", "AWS::SNS::Topic"}};
  write_assembly(assembly.path(), {{"Hello", updated}});

  CliResult prepared = deploy({"--method", "prepare-change-set", "--change-set-name", "Review-1", "--outputs-file",
                               outputs.string()});
  ASSERT_EQ(prepared.exit_code, 0) << explain(prepared);
  EXPECT_NE(prepared.out.find("ready: 1 to add"), std::string::npos) << prepared.out;
  EXPECT_NE(prepared.out.find("  [+] Topic AWS::SNS::Topic"), std::string::npos) << prepared.out;
  EXPECT_EQ(json::parse(*cfn().get_template("Hello")), queue_stack()) << "the deployed template is unchanged";
  EXPECT_EQ(json::parse(testing::read_file(outputs)), first_outputs);

  CliResult executed = deploy({"--method", "execute-change-set", "--change-set-name", "Review-1"});
  ASSERT_EQ(executed.exit_code, 0) << explain(executed);
  EXPECT_NE(executed.out.find("✅ Hello (updated)"), std::string::npos) << executed.out;
  EXPECT_EQ(json::parse(*cfn().get_template("Hello")), updated);
}

TEST_F(MotoCommands, ExecutingAChangeSetThatWasNeverPreparedIsOneLineAndChangesNothing) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult missing_stack = deploy({"--method", "execute-change-set", "--change-set-name", "Nope"});
  EXPECT_EQ(missing_stack.exit_code, 1);
  EXPECT_EQ(lines(missing_stack.err), 1u) << missing_stack.err;
  EXPECT_NE(missing_stack.err.find("Hello: the stack does not exist, so it has no change set Nope; prepare one with "
                                   "'deploy --method prepare-change-set --change-set-name Nope'"),
            std::string::npos)
      << missing_stack.err;
  EXPECT_FALSE(cfn().describe_stack("Hello"));

  ASSERT_EQ(deploy({"--method", "direct"}).exit_code, 0);
  CliResult missing_set = deploy({"--method", "execute-change-set", "--change-set-name", "Nope"});
  EXPECT_EQ(missing_set.exit_code, 1);
  EXPECT_EQ(lines(missing_set.err), 1u) << missing_set.err;
  EXPECT_NE(missing_set.err.find("Hello: the stack has no change set Nope;"), std::string::npos) << missing_set.err;
}

TEST_F(MotoCommands, ABadChangeSetNameIsRefusedBeforeAnythingIsSent) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult bad = deploy({"--method", "prepare-change-set", "--change-set-name", "9-lives"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: --change-set-name '9-lives': expected a letter, then letters, digits or '-' (at most 128 "
                     "characters)\n");
  CliResult direct = deploy({"--method", "direct", "--change-set-name", "Review"});
  EXPECT_EQ(direct.exit_code, 1);
  EXPECT_EQ(direct.err,
            "error: --change-set-name needs --method change-set, prepare-change-set or execute-change-set\n");
  EXPECT_FALSE(cfn().describe_stack("Hello"));
}

TEST_F(MotoCommands, DestroyListsWhatTheRemovalPoliciesKeepAndTheEmulatorKeepsIt) {
  json t = {{"Resources",
             {{"Data", {{"Type", "AWS::S3::Bucket"}, {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"},
                        {"Metadata", {{"aws:cdk:path", "Hello/Data/Resource"}}}}},
              {"Queue", {{"Type", "AWS::SQS::Queue"}}}}}};
  write_assembly(assembly.path(), {{"Hello", t}});
  ASSERT_EQ(deploy({"--method", "direct"}).exit_code, 0);
  const std::string bucket = cfn().physical_resource_id("Hello", "Data");
  ASSERT_FALSE(bucket.empty());
  CliResult r = cli({"destroy", "--force"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ Hello: destroyed\nHello: 1 resource is kept by its removal policy (delete it yourself when "
                       "no longer needed):\n  Hello/Data/Resource AWS::S3::Bucket " + bucket + " (Retain)\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("Queue"), std::string::npos) << "the queue is deleted, not kept";
  EXPECT_FALSE(cfn().describe_stack("Hello"));
  HttpResponse head = AwsClient(config(), "s3").rest("HeadBucket", "HEAD", "/" + bucket);
  EXPECT_EQ(head.status, 200) << "the retained bucket is still there";
}

TEST_F(MotoCommands, RollbackOfAStableStackSendsNothingAndAnUnknownSkipIsOneLine) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  ASSERT_EQ(deploy({"--method", "direct"}).exit_code, 0);
  CliResult r = cli({"rollback"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Hello: nothing to roll back (CREATE_COMPLETE)"), std::string::npos) << r.out;
  CliResult bad = cli({"rollback", "--skip", "Hello/Nope"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: --skip Hello/Nope: no resource of the selected stacks has that construct path or "
                     "logical id; nothing was rolled back\n");
  EXPECT_EQ(cfn().describe_stack("Hello")->status, "CREATE_COMPLETE");
}

TEST_F(MotoCommands, DriftOfAStackThatIsNotDeployedSaysSo) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = cli({"drift", "--fail"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Hello: stack does not exist, no drift to detect"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Number of stacks with drift: 0"), std::string::npos);
}

TEST_F(MotoCommands, ProgressBarShowsTheStackReachingItsEnd) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = deploy({"--method", "direct", "--progress", "bar"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Hello | [####################] 1/1 | "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| CREATE_COMPLETE | AWS::CloudFormation::Stack Hello"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cdk::deploy
