// Cross-region references (StackProps::cross_region_references): the producer
// writes the value into an SSM parameter of the consumer's region through a
// custom resource; the consumer reads it with a dynamic reference.
#include "core/test_util.hpp"
#include "security/rule_pack.hpp"
#include "support/lint.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

class CrossRegion : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& certs = app.add<cdk::Stack>("Certs", {.env = {.account = "111111111111", .region = "us-east-1"}});
  cdk::CfnResource& cert = certs.add<cdk::CfnResource>(
      "Cert", "AWS::CertificateManager::Certificate", cdk::Value::map({{"DomainName", "www.example.com"}}));
  cdk::Stack& web = app.add<cdk::Stack>("Web", {.env = {.account = "111111111111", .region = "eu-west-1"},
                                                .cross_region_references = true});

  void use_it() {
    web.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter",
                              cdk::Value::map({{"Type", "String"}, {"Value", cert.ref()}}));
  }
};

TEST_F(CrossRegion, TheConsumerReadsAParameterOfItsOwnRegionThatTheProducerWrites) {
  use_it();
  auto a = cdk::detail::synthesize(app, {});
  const Json w = cdktest::template_of(a, "Web");
  const std::string value = w["Resources"]["Param"]["Properties"]["Value"];
  ASSERT_THAT(value, HasSubstr("{{resolve:ssm:/cdkpp/xregion/Web/CrossRegionExportsOutputRefCert"));
  const std::string name = value.substr(14, value.size() - 16);

  const Json c = cdktest::template_of(a, "Certs");
  const Json& writer = c["Resources"]["CrossRegionExportWriterEuWest1"];
  EXPECT_EQ(writer["Type"], "Custom::CrossRegionExportWriter");
  EXPECT_EQ(writer["Properties"]["Region"], "eu-west-1");
  EXPECT_EQ(writer["Properties"]["Exports"], Json::parse(R"({")" + name + R"(": {"Ref": "Cert"}})"));
  EXPECT_EQ(writer["Properties"]["ServiceToken"], Json::parse(R"({"Fn::GetAtt": ["CrossRegionExportWriterFunction", "Arn"]})"));
  // The role writes /cdkpp/xregion/* of that region only.
  const Json& statements = c["Resources"]["CrossRegionExportWriterRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"];
  EXPECT_EQ(statements[0]["Resource"],
            Json::parse(R"([{"Fn::Sub": "arn:${AWS::Partition}:ssm:eu-west-1:${AWS::AccountId}:parameter/cdkpp/xregion/*"}])"));
  // The consumer deploys after the producer.
  EXPECT_EQ(a.manifest["artifacts"]["Web"]["dependencies"], Json::array({"Certs"}));
  EXPECT_FALSE(c.contains("Outputs"));
}

TEST_F(CrossRegion, OneWriterPerRegionAndOneParameterPerValueAndConsumer) {
  use_it();
  web.add<cdk::CfnResource>("Again", "AWS::SSM::Parameter", cdk::Value::map({{"Type", "String"}, {"Value", cert.ref()}}));
  auto& us = app.add<cdk::Stack>("Us", {.env = {.account = "111111111111", .region = "us-west-2"},
                                        .cross_region_references = true});
  us.add<cdk::CfnResource>("P", "AWS::SSM::Parameter", cdk::Value::map({{"Type", "String"}, {"Value", cert.ref()}}));
  const Json c = cdktest::synth_template(app, "Certs");
  EXPECT_EQ(c["Resources"]["CrossRegionExportWriterEuWest1"]["Properties"]["Exports"].size(), 1u);
  EXPECT_EQ(c["Resources"]["CrossRegionExportWriterUsWest2"]["Properties"]["Exports"].size(), 1u);
  EXPECT_EQ(c["Resources"]["CrossRegionExportWriterRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"][0]
                ["Resource"].size(),
            2u);
}

TEST_F(CrossRegion, WithoutTheSettingAReferenceToAnotherRegionIsStillAnError) {
  auto& plain = app.add<cdk::Stack>("Plain", {.env = {.account = "111111111111", .region = "eu-west-1"}});
  plain.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter", cdk::Value::map({{"Type", "String"}, {"Value", cert.ref()}}));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("cross_region_references = true"));
}

TEST_F(CrossRegion, AnotherAccountOrAnUnknownRegionIsStillAnError) {
  auto& other = app.add<cdk::Stack>("Other", {.env = {.account = "222222222222", .region = "eu-west-1"},
                                              .cross_region_references = true});
  other.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter", cdk::Value::map({{"Type", "String"}, {"Value", cert.ref()}}));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("refers to \"Certs/Cert\" in aws://111111111111/us-east-1"));
}

TEST_F(CrossRegion, TheWritersResourcesRaiseNoSecurityFinding) {
  use_it();
  auto a = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
  for (const auto& d : a.diagnostics)
    if (d.path.rfind("Certs", 0) == 0) EXPECT_EQ(d.level, cdk::Diagnostic::Level::Info) << d.to_string();
}

TEST_F(CrossRegion, TemplatesPassCfnLint) {
  use_it();
  cdk::testing::keep_for_lint(certs);
  cdk::testing::keep_for_lint(web);
}

}  // namespace
