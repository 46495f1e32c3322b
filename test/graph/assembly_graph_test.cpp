// The app diagram: stacks as clusters, resources, references and stack arrows.
#include "graph/assembly_graph.hpp"

#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(AssemblyToDot, DrawsStacksResourcesReferencesAndStackDependencies) {
  cdk::App app;
  auto& net = app.add<cdk::Stack>("Net");
  auto& vpc = net.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC");
  auto& web = app.add<cdk::Stack>("Web");
  auto& sg = web.add<cdk::CfnResource>("Sg", "AWS::EC2::SecurityGroup", cdk::Value::map({{"VpcId", vpc.ref()}}));
  auto& inst = web.add<cdk::CfnResource>("Server", "AWS::EC2::Instance",
                                         cdk::Value::map({{"SecurityGroupIds", cdk::Value::list({sg.get_att("GroupId")})}}));
  auto& log = web.add<cdk::CfnResource>("Log", "AWS::Logs::LogGroup");
  inst.add_depends_on(log);
  auto dot = cdk::detail::assembly_to_dot(cdk::detail::synthesize(app, {}));
  EXPECT_THAT(dot, HasSubstr("digraph app {"));
  EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_Net\""));
  EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_Web\""));
  EXPECT_THAT(dot, HasSubstr("\"Web.Server\" [label=\"Server\\nAWS::EC2::Instance\"]"));
  EXPECT_THAT(dot, HasSubstr("\"Web.Server\" -> \"Web.Sg\";"));    // Fn::GetAtt
  EXPECT_THAT(dot, HasSubstr("\"Web.Server\" -> \"Web.Log\";"));   // DependsOn
  EXPECT_THAT(dot, Not(HasSubstr("\"Web.Sg\" -> \"Web.Server\"")));
  EXPECT_THAT(dot, HasSubstr("\"Web\" -> \"Net\" [style=dashed];"));
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(AssemblyToDot, IsTheSameForTheSameApp) {
  auto make = [] {
    cdk::App app;
    auto& s = app.add<cdk::Stack>("S");
    auto& a = s.add<cdk::CfnResource>("A", "AWS::SNS::Topic");
    s.add<cdk::CfnResource>("B", "AWS::SQS::Queue", cdk::Value::map({{"X", a.ref()}}));
    return cdk::detail::assembly_to_dot(cdk::detail::synthesize(app, {}));
  };
  EXPECT_EQ(make(), make());
}

}  // namespace
