// diff --template FILE: a stack against a template made elsewhere (aws-cdk-lib,
// by hand), JSON or YAML, with the port check; no AWS call is made.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::CliResult;
using testing::run_cli;
using testing::TempDir;
using testing::write_assembly;
using testing::write_file;

json resource(const std::string& type, json properties, const std::string& path) {
  return {{"Type", type}, {"Properties", std::move(properties)}, {"Metadata", {{"aws:cdk:path", path}}}};
}

/// The app's side: a database in a new subnet group, a queue, no bucket.
json ours() {
  return {{"Resources",
           {{"Db", resource("AWS::RDS::DBInstance", {{"DBSubnetGroupName", {{"Ref", "DbSubnetGroup"}}}},
                            "Shop/Db/Resource")},
            {"DbSubnetGroup", resource("AWS::RDS::DBSubnetGroup", {{"DBSubnetGroupDescription", "db"}},
                                       "Shop/Db/SubnetGroup/Default")},
            {"Jobs", resource("AWS::SQS::Queue", json::object(), "Shop/Jobs/Resource")}}}};
}

constexpr const char* theirs_yaml = R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBSubnetGroupName: !Ref DbSubnets
    Metadata:
      aws:cdk:path: Shop/Db/Resource
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: db
  Jobs:
    Type: AWS::SQS::Queue
  Uploads:
    Type: AWS::S3::Bucket
    Metadata:
      aws:cdk:path: Shop/Uploads/Resource
  CDKMetadata:
    Type: AWS::CDK::Metadata
    Properties:
      Analytics: v2:deflate64:abc
Parameters:
  BootstrapVersion:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /cdk-bootstrap/hnb659fds/version
)";

class DiffTemplate : public ::testing::Test {
 protected:
  TempDir assembly;
  TempDir files;

  void SetUp() override {
    write_assembly(assembly.path(), {{"Shop", ours()}, {"Other", {{"Resources", json::object()}}}});
    write_file(files.path() / "theirs.yaml", theirs_yaml);
  }
  CliResult diff(std::vector<std::string> more) {
    std::vector<std::string> args = {"diff", "--template", (files.path() / "theirs.yaml").string()};
    args.insert(args.end(), more.begin(), more.end());
    return run_cli(assembly.path(), args);
  }
};

TEST_F(DiffTemplate, ThePortCheckListsDeletionsCreationsReplacementsAndWhatDeployWouldRefuse) {
  CliResult r = diff({"Shop"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string file = (files.path() / "theirs.yaml").string();
  EXPECT_NE(r.out.find("Port check against " + file + "\n"
                       "  only in the file, deleted by the first deploy: 2\n"
                       "    AWS::RDS::DBSubnetGroup DbSubnets\n"
                       "    AWS::S3::Bucket Uploads  (holds data)\n"
                       "  only in the app, created: 1\n"
                       "    AWS::RDS::DBSubnetGroup DbSubnetGroup\n"
                       "  replaced: 1 (0 by a type change)\n"
                       "    AWS::RDS::DBInstance Db (replace: DBSubnetGroupName)  (holds data)\n"
                       "  aws-cdk-lib's own, not written by cdkpp (harmless): BootstrapVersion, CDKMetadata\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  refused by deploy: Shop/Db: the deploy replaces AWS::RDS::DBInstance Db (changed: "
                       "DBSubnetGroupName)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  refused by deploy: Shop/Uploads: the deploy deletes AWS::S3::Bucket Uploads"),
            std::string::npos)
      << r.out;
}

TEST_F(DiffTemplate, FailOnReplaceFailsAndAnIdenticalTemplateChecksClean) {
  EXPECT_EQ(diff({"Shop", "--fail-on-replace"}).exit_code, 1);
  write_file(files.path() / "theirs.yaml", ours().dump());
  CliResult same = diff({"Shop", "--fail-on-replace"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  EXPECT_NE(same.out.find("There were no differences"), std::string::npos) << same.out;
  EXPECT_NE(same.out.find("deploy would delete or replace no resource that holds data"), std::string::npos);
}

TEST_F(DiffTemplate, OneStackMustBeSelectedAndABadFileIsOneLine) {
  CliResult two = diff({});
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_EQ(two.err, "error: diff --template compares one stack with the file; 2 selected (Shop, Other): name one\n");
  write_file(files.path() / "theirs.yaml", "{\"Resources\": ");
  CliResult bad = diff({"Shop"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("error: " + (files.path() / "theirs.yaml").string() + ": not a CloudFormation template: ", 0),
            0u)
      << bad.err;
  CliResult missing = run_cli(assembly.path(), {"diff", "--template", (files.path() / "nope.json").string(), "Shop"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read the template file"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace cdk::deploy
