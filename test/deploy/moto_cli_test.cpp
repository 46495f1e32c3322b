// The deploy, diff, destroy and bootstrap commands against a real moto_server
// on loopback, through the real curl transport.
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
using testing::TestStack;
using testing::write_assembly;

class MotoCli : public testing::MotoCliTest {};

TEST_F(MotoCli, DeployWithAChangeSetCreatesTheStackAndShowsProgress) {
  write_assembly(assembly.path(), {{"Hello", queue_stack(), {}, {{"team", "infra"}}}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Hello: deploying... (1 resources, us-east-1, change set)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Hello: change set cdkpp-deploy-"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" ready: 1 to add, 0 to modify (0 replaced), 0 to remove"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Hello | 0/1 |"), std::string::npos) << r.out;  // stack-level event lines
  EXPECT_NE(r.out.find("CREATE_COMPLETE"), std::string::npos);
  EXPECT_NE(r.out.find("✅ Hello (created)"), std::string::npos);
  auto d = cfn().describe_stack("Hello");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, "CREATE_COMPLETE");
  EXPECT_EQ(d->tags["team"], "infra");
}

TEST_F(MotoCli, DirectDeployPrintsOutputsAndWritesTheOutputsFile) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  auto outputs = assembly.path() / "out" / "outputs.json";
  std::filesystem::create_directories(outputs.parent_path());
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never", "--outputs-file",
                     outputs.string()});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  auto d = cfn().describe_stack("Hello");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->outputs.size(), 1u);
  EXPECT_NE(r.out.find("Hello.QueueName = " + d->outputs[0].value), std::string::npos) << r.out;
  json written = json::parse(testing::read_file(outputs));
  EXPECT_EQ(written, (json{{"Hello", {{"QueueName", d->outputs[0].value}}}}));
  EXPECT_FALSE(std::filesystem::exists(outputs.string() + ".tmp"));
}

TEST_F(MotoCli, RedeployingAnUnchangedTemplateSaysNoChangesAndChangesNothing) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  auto before = cfn().describe_stack_events("Hello", "");
  CliResult r = cli({"deploy", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ Hello (no changes)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Hello.QueueName = "), std::string::npos) << "outputs are shown for unchanged stacks too";
  EXPECT_EQ(cfn().describe_stack_events("Hello", "").size(), before.size());
}

TEST_F(MotoCli, ChangedTagsAloneAreDeployed) {
  write_assembly(assembly.path(), {{"Hello", queue_stack(), {}, {{"team", "a"}, {"old", "x"}}}});
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  write_assembly(assembly.path(), {{"Hello", queue_stack(), {}, {{"team", "a"}}}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ Hello (updated)"), std::string::npos) << r.out;
  EXPECT_EQ(cfn().describe_stack("Hello")->tags, (std::map<std::string, std::string>{{"team", "a"}}));
}

TEST_F(MotoCli, DirectUpdateAppliesTheNewTemplate) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  json updated = queue_stack();
  updated["Resources"]["Topic"] = {{"Type", "AWS::SNS::Topic"}};
  write_assembly(assembly.path(), {{"Hello", updated}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("✅ Hello (updated)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("UPDATE_COMPLETE"), std::string::npos);
  EXPECT_EQ(cfn().describe_stack("Hello")->status, "UPDATE_COMPLETE");
  EXPECT_EQ(json::parse(*cfn().get_template("Hello")), updated);
}

TEST_F(MotoCli, ParametersArePassedToTheStack) {
  json t = {{"Parameters", {{"Stage", {{"Type", "String"}, {"Default", "dev"}}}}},
            {"Resources", {{"Topic", {{"Type", "AWS::SNS::Topic"}}}}}};
  write_assembly(assembly.path(), {{"Hello", t}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never", "--parameters", "Stage=prod",
                     "Other:Stage=ignored"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_EQ(cfn().describe_stack("Hello")->parameters["Stage"], "prod");
}

TEST_F(MotoCli, CrossStackExportsDeployInDependencyOrderAndDestroyInReverse) {
  json consumer = {{"Resources",
                    {{"Topic", {{"Type", "AWS::SNS::Topic"},
                                {"Properties", {{"TopicName", {{"Fn::ImportValue", "shared-queue-name"}}}}}}}}}};
  // The consumer comes first in the manifest; its dependency must still deploy first.
  write_assembly(assembly.path(), {{"Consumer", consumer, {"Producer"}}, {"Producer", queue_stack("shared-queue-name")}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  auto producer_done = r.out.find("✅ Producer (created)");
  auto consumer_start = r.out.find("Consumer: deploying");
  ASSERT_NE(producer_done, std::string::npos);
  ASSERT_NE(consumer_start, std::string::npos);
  EXPECT_LT(producer_done, consumer_start);
  EXPECT_EQ(cfn().describe_stack("Consumer")->status, "CREATE_COMPLETE");

  CliResult d = cli({"destroy", "--force"});
  ASSERT_EQ(d.exit_code, 0) << explain(d);
  auto consumer_gone = d.out.find("✅ Consumer: destroyed");
  auto producer_start = d.out.find("Producer: destroying");
  ASSERT_NE(consumer_gone, std::string::npos) << d.out;
  ASSERT_NE(producer_start, std::string::npos) << d.out;
  EXPECT_LT(consumer_gone, producer_start);
  EXPECT_FALSE(cfn().describe_stack("Consumer"));
  EXPECT_FALSE(cfn().describe_stack("Producer"));
}

TEST_F(MotoCli, SelectingADependentStackDeploysItsDependencyToo) {
  json consumer = {{"Resources", {{"Topic", {{"Type", "AWS::SNS::Topic"}}}}}};
  write_assembly(assembly.path(), {{"Consumer", consumer, {"Producer"}}, {"Producer", queue_stack()}, {"Alone", consumer}});
  CliResult r = cli({"deploy", "Consumer", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_TRUE(cfn().describe_stack("Producer"));
  EXPECT_FALSE(cfn().describe_stack("Alone"));
}

TEST_F(MotoCli, DestroyingAStackTakesItsDependentsUnlessExclusively) {
  json topic = {{"Resources", {{"Topic", {{"Type", "AWS::SNS::Topic"}}}}}};
  write_assembly(assembly.path(), {{"Base", topic}, {"App", topic, {"Base"}}, {"Other", topic}});
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  CliResult only = cli({"destroy", "App", "--exclusively", "--force"});
  ASSERT_EQ(only.exit_code, 0) << explain(only);
  EXPECT_FALSE(cfn().describe_stack("App"));
  EXPECT_TRUE(cfn().describe_stack("Base"));
  ASSERT_EQ(cli({"deploy", "App", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  CliResult both = cli({"destroy", "Ba*", "--force"});
  ASSERT_EQ(both.exit_code, 0) << explain(both);
  EXPECT_FALSE(cfn().describe_stack("App"));
  EXPECT_FALSE(cfn().describe_stack("Base"));
  EXPECT_TRUE(cfn().describe_stack("Other"));
}

TEST_F(MotoCli, DestroyOfAMissingStackSaysSoAndSucceeds) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = cli({"destroy", "--force"});
  EXPECT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("Hello: stack does not exist, nothing to destroy"), std::string::npos);
}

TEST_F(MotoCli, DestroyWithoutForceAndWithoutATerminalRefuses) {
  if (isatty(STDIN_FILENO)) GTEST_SKIP() << "stdin is a terminal here";
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  CliResult r = cli({"destroy"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("re-run with --force"), std::string::npos) << r.err;
  EXPECT_TRUE(cfn().describe_stack("Hello"));
}

TEST_F(MotoCli, AFailingResourceIsReportedWithTheEmulatorsReason) {
  json bad = {{"Resources", {{"Subnet", {{"Type", "AWS::EC2::Subnet"},
                                          {"Properties", {{"VpcId", "vpc-00000000"}, {"CidrBlock", "10.0.0.0/24"}}}}}}}};
  write_assembly(assembly.path(), {{"Broken", bad}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("❌ Broken failed: Broken: CreateStack failed: InvalidVpcID.NotFound"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("left in CREATE_IN_PROGRESS"), std::string::npos) << r.err;

  // Recovery: destroy removes the stuck stack, then a good template deploys under the same name.
  CliResult d = cli({"destroy", "--force"});
  ASSERT_EQ(d.exit_code, 0) << explain(d);
  EXPECT_FALSE(cfn().describe_stack("Broken"));
  write_assembly(assembly.path(), {{"Broken", queue_stack()}});
  CliResult fixed = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  EXPECT_EQ(fixed.exit_code, 0) << explain(fixed);
  EXPECT_EQ(cfn().describe_stack("Broken")->status, "CREATE_COMPLETE");
}

TEST_F(MotoCli, DiffShowsChangesAgainstTheDeployedTemplate) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult before = cli({"diff"});
  ASSERT_EQ(before.exit_code, 0) << explain(before);
  EXPECT_NE(before.out.find("[+] AWS::SQS::Queue Queue"), std::string::npos) << before.out;
  ASSERT_EQ(cli({"deploy", "--method", "direct", "--require-approval", "never"}).exit_code, 0);
  EXPECT_NE(cli({"diff"}).out.find("There were no differences"), std::string::npos);
  json changed = queue_stack();
  changed["Resources"]["Queue"]["Properties"] = {{"VisibilityTimeout", 60}};
  write_assembly(assembly.path(), {{"Hello", changed}});
  CliResult after = cli({"diff", "--fail"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_NE(after.out.find("[~] AWS::SQS::Queue Queue\n └─ [+] .Properties: {\"VisibilityTimeout\":60}"),
            std::string::npos)
      << after.out;
}

TEST_F(MotoCli, LargeTemplatesNeedBootstrapAndThenGoThroughTheStagingBucket) {
  json big = {{"Resources", json::object()}};
  for (int i = 0; i < 40; ++i) {
    big["Resources"]["Topic" + std::to_string(i)] = {{"Type", "AWS::SNS::Topic"},
                                                     {"Metadata", {{"Padding", std::string(1500, 'x')}}}};
  }
  write_assembly(assembly.path(), {{"Big", big}});
  ASSERT_GT(testing::read_file(assembly.path() / "Big.template.json").size(), 51'200u);

  CliResult refused = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("over the 51200-byte limit"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("run 'bootstrap'"), std::string::npos);

  CliResult boot = cli({"bootstrap"});
  ASSERT_EQ(boot.exit_code, 0) << explain(boot);
  EXPECT_NE(boot.out.find("Staging bucket for us-east-1: "), std::string::npos) << boot.out;
  EXPECT_NE(cli({"bootstrap"}).out.find("✅ CDKToolkit (no changes)"), std::string::npos);

  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_NE(r.out.find("uploaded to s3://"), std::string::npos) << r.out;
  auto d = cfn().describe_stack("Big");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, "CREATE_COMPLETE");
  EXPECT_EQ(json::parse(*cfn().get_template("Big")), big);
}

// As `cdk bootstrap --trust`: the accounts are a stack parameter, kept by a
// later bootstrap that does not name them again.
TEST_F(MotoCli, BootstrapTrustsTheGivenAccountsAndKeepsThemOnTheNextRun) {
  CliResult bad = cli({"bootstrap", "--trust", "12345"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--trust '12345': expected a 12-digit AWS account id"), std::string::npos) << bad.err;
  EXPECT_FALSE(cfn().describe_stack("CDKToolkit"));

  CliResult boot = cli({"bootstrap", "--trust", "222222222222", "--trust", "333333333333"});
  ASSERT_EQ(boot.exit_code, 0) << explain(boot);
  auto d = cfn().describe_stack("CDKToolkit");
  ASSERT_TRUE(d);
  // moto writes a list parameter's value as a Python list ("['2222...', '3333...']"), AWS as "2222...,3333...".
  const std::string trusted = d->parameters["TrustedAccounts"];
  EXPECT_NE(trusted.find("222222222222"), std::string::npos) << trusted;
  EXPECT_NE(trusted.find("333333333333"), std::string::npos) << trusted;
  ASSERT_EQ(cli({"bootstrap"}).exit_code, 0);
  EXPECT_EQ(cfn().describe_stack("CDKToolkit")->parameters["TrustedAccounts"], trusted);
}

TEST_F(MotoCli, UnreachableEndpointFailsWithAClearLine) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  int port = testing::free_port();
  CliResult r = run_cli(assembly.path(), {"deploy", "--endpoint", "http://127.0.0.1:" + std::to_string(port),
                                          "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot reach cloudformation endpoint http://127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("moto-secret-not-shown"), std::string::npos);
}

TEST_F(MotoCli, MissingCredentialsStopBeforeAnyRequest) {
  testing::isolate_aws_environment(home.path(), /*with_keys=*/false);
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = cli({"deploy", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: no AWS credentials found"), std::string::npos) << r.err;
  EXPECT_FALSE(cfn().describe_stack("Hello"));
}

TEST_F(MotoCli, EndpointFromAwsEndpointUrlIsUsed) {
  ::setenv("AWS_ENDPOINT_URL", moto->url().c_str(), 1);
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = run_cli(assembly.path(), {"deploy", "--method", "direct", "--require-approval", "never"});
  ::unsetenv("AWS_ENDPOINT_URL");
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  EXPECT_TRUE(cfn().describe_stack("Hello"));
}

TEST_F(MotoCli, ConcurrentWavesDeployIndependentStacks) {
  json topic = {{"Resources", {{"Topic", {{"Type", "AWS::SNS::Topic"}}}}}};
  write_assembly(assembly.path(), {{"A", topic}, {"B", topic}, {"C", topic}, {"D", topic, {"A", "B", "C"}}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never", "--concurrency", "3"});
  ASSERT_EQ(r.exit_code, 0) << explain(r);
  for (const char* s : {"A", "B", "C", "D"}) EXPECT_TRUE(cfn().describe_stack(s)) << s;
  auto d_start = r.out.find("D: deploying");
  for (const char* s : {"✅ A (created)", "✅ B (created)", "✅ C (created)"}) {
    EXPECT_LT(r.out.find(s), d_start) << s;
  }
}

// moto records the flag at CreateStack (it neither enforces it on DeleteStack
// nor implements UpdateTerminationProtection; the replay tests cover changes).
TEST_F(MotoCli, TerminationProtectionFromTheManifestIsSetOnCreate) {
  TestStack kept{"Kept", queue_stack()};
  kept.termination_protection = true;
  write_assembly(assembly.path(), {kept});
  CliResult on = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  ASSERT_EQ(on.exit_code, 0) << explain(on);
  EXPECT_TRUE(cfn().describe_stack("Kept")->termination_protection);
}

TEST_F(MotoCli, AStackForAnotherAccountIsRefusedBeforeAnyChange) {
  // moto's credentials always belong to account 123456789012.
  write_assembly(assembly.path(), {{"Mine", queue_stack(), {}, {}, "aws://123456789012/us-east-1"},
                                   {"Theirs", queue_stack(), {}, {}, "aws://999999999999/us-east-1"}});
  CliResult r = cli({"deploy", "--method", "direct", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Theirs: the stack is for account 999999999999 but the credentials (environment) are for "
                       "account 123456789012"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(cfn().describe_stack("Mine"));
  EXPECT_FALSE(cfn().describe_stack("Theirs"));
  CliResult d = cli({"destroy", "Theirs", "--force"});
  EXPECT_EQ(d.exit_code, 1);
  EXPECT_NE(d.err.find("the stack is for account 999999999999"), std::string::npos) << d.err;
}

TEST_F(MotoCli, UnknownStackPatternFails) {
  write_assembly(assembly.path(), {{"Hello", queue_stack()}});
  CliResult r = cli({"deploy", "Nope", "--require-approval", "never"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: no stack matches 'Nope' (stacks in this app: Hello)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cdk::deploy
