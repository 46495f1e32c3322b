#include "matomo/matomo.hpp"
#include "sample_checks.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using cdk::assertions::Match;
using samples::Json;

namespace {
struct Matomo {
  cdk::App app;
  cdk::Stack& stack = matomo::build(app, matomo::Settings{});
  Json t = Json::parse(samples::template_text(stack));
};
}  // namespace

TEST(Matomo, MatchesItsGoldenTemplateAndLints) {
  Matomo m;
  samples::expect_matches_golden("matomo", m.stack);
  cdk::testing::keep_for_lint(m.stack);
}

TEST(Matomo, PassesTheSecurityRulesWithOneReasonedSuppression) {
  Matomo m;
  EXPECT_THAT(samples::security_findings(m.app), ::testing::IsEmpty());
}

TEST(Matomo, SynthesisIsDeterministic) {
  Matomo a;
  Matomo b;
  EXPECT_EQ(samples::template_text(a.stack), samples::template_text(b.stack));
}

TEST(Matomo, DatabaseIsPrivateEncryptedAndInIsolatedSubnets) {
  Matomo m;
  const auto public_ids = samples::public_subnets(m.t);
  ASSERT_FALSE(public_ids.empty());
  int groups = 0;
  for (const auto& [id, r] : m.t["Resources"].items()) {
    if (r["Type"] == "AWS::RDS::DBSubnetGroup") {
      ++groups;
      for (const auto& subnet : samples::refs_in(r["Properties"]["SubnetIds"])) {
        EXPECT_FALSE(public_ids.contains(subnet)) << subnet << " is public";
        EXPECT_THAT(subnet, ::testing::HasSubstr("data")) << "database subnets are the isolated data tier";
      }
    }
    if (r["Type"] == "AWS::RDS::DBInstance") {
      EXPECT_NE(r["Properties"].value("PubliclyAccessible", false), true);
      EXPECT_EQ(r["Properties"].value("StorageEncrypted", false), true);
    }
  }
  EXPECT_EQ(groups, 1);
}

TEST(Matomo, OnlyTheLoadBalancerIsOpenToTheWorldAndOnlyOnHttps) {
  Matomo m;
  const auto lbs = cdk::assertions::Template::from_stack(m.stack)
                       .find_resources("AWS::ElasticLoadBalancingV2::LoadBalancer");
  ASSERT_EQ(lbs.size(), 1u);
  const auto lb_groups = samples::refs_in(m.t["Resources"][lbs[0]]["Properties"]["SecurityGroups"]);
  std::set<std::string> lb_group_ids;
  for (const auto& [id, r] : m.t["Resources"][lbs[0]]["Properties"]["SecurityGroups"].items())
    if (r.contains("Fn::GetAtt")) lb_group_ids.insert(r["Fn::GetAtt"][0].get<std::string>());
  int world_open = 0;
  for (const auto& rule : samples::ingress_rules(m.t)) {
    if (rule.cidr != "0.0.0.0/0") continue;
    ++world_open;
    EXPECT_TRUE(lb_group_ids.contains(rule.group)) << rule.group << " is open to the world";
    EXPECT_EQ(rule.from, 443);
    EXPECT_EQ(rule.to, 443);
  }
  EXPECT_EQ(world_open, 1);
}

TEST(Matomo, SshReachesTheWebTierOnlyFromTheListedAddresses) {
  Matomo m;
  int ssh = 0;
  for (const auto& rule : samples::ingress_rules(m.t))
    if (rule.from == 22 && !rule.cidr.empty()) {
      ++ssh;
      EXPECT_EQ(rule.cidr, "203.0.113.10/32");
    }
  EXPECT_EQ(ssh, 1);
  auto t = cdk::assertions::Template::from_stack(m.stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 443}, {"Protocol", "TLS"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Port", 80}, {"Protocol", "TCP"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 22}, {"Protocol", "TCP"}}));
}

TEST(Matomo, WebTierSharesFilesOnEncryptedEfsAndHasADnsName) {
  Matomo m;
  auto t = cdk::assertions::Template::from_stack(m.stack);
  t.has_resource_properties("AWS::EFS::FileSystem", Match::object_like({{"Encrypted", true}}));
  t.resource_count_is("AWS::EFS::MountTarget", 2);
  t.has_resource_properties("AWS::Route53::RecordSet",
                            Match::object_like({{"Name", "analytics.example.com."}, {"Type", "A"}}));
  t.has_resource_properties("AWS::CertificateManager::Certificate",
                            Match::object_like({{"DomainName", "analytics.example.com"}}));
}

TEST(Matomo, ContextChangesTheSshSourcesAndTheDomain) {
  cdk::App app(cdk::AppProps{.context = {{"ssh_cidrs", "198.51.100.7/32,198.51.100.8/32"},
                                          {"domain", "stats.example.org"}, {"zone", "example.org"}}});
  auto& stack = matomo::build(app, matomo::settings_from_context(app));
  int ssh = 0;
  for (const auto& rule : samples::ingress_rules(Json::parse(samples::template_text(stack))))
    if (rule.from == 22 && !rule.cidr.empty()) ++ssh;
  EXPECT_EQ(ssh, 2);
  cdk::assertions::Template::from_stack(stack).has_resource_properties(
      "AWS::Route53::HostedZone", Match::object_like({{"Name", "example.org."}}));
}
