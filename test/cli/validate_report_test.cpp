// validate --format json|sarif: every security finding as data, located in
// the template synth writes (line of its logical id) and at its construct
// path; suppressed findings carry their reason.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>
#include <cdk/security.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_app.hpp"

#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::HasSubstr;
using cdk::testing::run;

// An open SSH port (high) and a VPC without flow logs (medium), suppressed.
class ValidateReport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& stack = app.add<cdk::Stack>("Shop", cdk::StackProps{.env = {.region = "eu-west-1"}});
    auto& vpc = stack.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC", cdk::Value::map({{"CidrBlock", "10.0.0.0/16"}}));
    cdk::security::suppress(vpc, "VPC-NO-FLOW-LOGS", "a short-lived test network, nothing to record");
    stack.add<cdk::CfnResource>("Ssh", "AWS::EC2::SecurityGroup", cdk::Value::map({
        {"GroupDescription", "ssh"}, {"VpcId", vpc.ref()},
        {"SecurityGroupIngress", cdk::Value::list({cdk::Value::map({
            {"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"CidrIp", "0.0.0.0/0"}})})}}));
  }
  static Json parse(const std::string& text) { return Json::parse(text); }
  // The 1-based line of `logical_id`'s entry in the template synth wrote.
  std::size_t line_in_template(const std::string& logical_id) const {
    std::ifstream in(dir.path() / "cdk.out" / "Shop.template.json");
    std::size_t n = 0;
    for (std::string l; std::getline(in, l);) {
      ++n;
      if (l.rfind("  \"" + logical_id + "\": {", 0) == 0) return n;
    }
    return 0;
  }

  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv no_outdir{"CDK_OUTDIR", nullptr};
  cdk::App app;
};

TEST_F(ValidateReport, JsonListsEveryFindingWithWhereItIs) {
  ASSERT_EQ(run(app, {"synth", "-q"}).code, 0);
  auto r = run(app, {"validate", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto report = parse(r.out);
  EXPECT_EQ(report["counts"], Json({{"high", 1}, {"low", 0}, {"medium", 0}, {"suppressed", 1}}));
  ASSERT_EQ(report["findings"].size(), 2u);
  for (const auto& f : report["findings"]) {
    EXPECT_EQ(f["template"], "cdk.out/Shop.template.json");
    EXPECT_EQ(f["line"], line_in_template(f["logicalId"].get<std::string>())) << f.dump();
    EXPECT_GT(f["line"].get<std::size_t>(), 0u);
    if (f["rule"] == "SG-WORLD-ADMIN") {
      EXPECT_EQ(f["severity"], "high");
      EXPECT_EQ(f["path"], "Shop/Ssh");
      EXPECT_EQ(f["suppressed"], false);
      EXPECT_TRUE(f["reason"].is_null());
    } else {
      EXPECT_EQ(f["rule"], "VPC-NO-FLOW-LOGS");
      EXPECT_EQ(f["suppressed"], true);
      EXPECT_EQ(f["reason"], "a short-lived test network, nothing to record");
    }
  }
}

TEST_F(ValidateReport, SarifHasTheRulesAndLocatedResults) {
  auto r = run(app, {"validate", "--format", "sarif", "--out", "findings.sarif"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("validate: findings.sarif (security: 1 finding(s) (1 high), 1 suppressed)"));
  std::ifstream in(dir.path() / "findings.sarif");
  std::stringstream text;
  text << in.rdbuf();
  auto log = parse(text.str());
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run0 = log["runs"][0];
  const auto& rules = run0["tool"]["driver"]["rules"];
  ASSERT_EQ(run0["results"].size(), 2u);
  for (const auto& result : run0["results"]) {
    const auto& rule = rules[result["ruleIndex"].get<std::size_t>()];
    EXPECT_EQ(rule["id"], result["ruleId"]);
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "cdk.out/Shop.template.json");
    if (result["ruleId"] == "SG-WORLD-ADMIN") {
      EXPECT_EQ(result["level"], "error");
      EXPECT_EQ(rule["properties"]["security-severity"], "8.0");
      EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "Shop/Ssh");
      EXPECT_FALSE(result.contains("suppressions"));
    } else {
      EXPECT_EQ(result["suppressions"][0]["kind"], "inSource");
      EXPECT_EQ(result["suppressions"][0]["justification"], "a short-lived test network, nothing to record");
    }
  }
  // Nothing but the report was written.
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST_F(ValidateReport, RulesNameTheSameFindingInOtherTools) {
  auto r = run(app, {"validate", "--rules"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("S3-PUBLIC-ACCESS (high)"));
  EXPECT_THAT(r.out, HasSubstr("  same finding in: cdk-nag AwsSolutions-S2; cfn-guard S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED; "
                               "checkov CKV_AWS_53 CKV_AWS_54 CKV_AWS_55 CKV_AWS_56\n"));
  EXPECT_THAT(r.out, HasSubstr("DB-PUBLIC-SUBNET (high)"));
  EXPECT_THAT(r.out, HasSubstr("same finding in: none of cdk-nag, cfn_nag, checkov, cfn-guard"));
}

TEST_F(ValidateReport, AnUnknownFormatIsRejected) {
  auto r = run(app, {"validate", "--format", "xml"});
  EXPECT_NE(r.code, 0);
  EXPECT_THAT(r.err, HasSubstr("--format"));
}

}  // namespace
