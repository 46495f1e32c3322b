// Dependency graphs: cycles named by node, deployment waves, DOT.
#include "synth/digraph.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::detail::Digraph;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Digraph chain() {
  // web -> app -> db, web -> db
  Digraph g;
  auto db = g.add_node("Db");
  auto app = g.add_node("App");
  auto web = g.add_node("Web");
  g.add_edge(app, db);
  g.add_edge(web, app);
  g.add_edge(web, db);
  return g;
}

TEST(FindCycle, NoneInAnAcyclicGraph) {
  EXPECT_EQ(cdk::detail::find_cycle(chain()), std::nullopt);
  EXPECT_EQ(cdk::detail::find_cycle(Digraph{}), std::nullopt);
}

TEST(FindCycle, ReturnsTheCycleWithTheFirstNodeRepeated) {
  Digraph g;
  auto a = g.add_node("A");
  auto b = g.add_node("B");
  auto c = g.add_node("C");
  auto d = g.add_node("D");
  g.add_edge(d, a);  // leads into the cycle but is not part of it
  g.add_edge(a, b);
  g.add_edge(b, c);
  g.add_edge(c, a);
  auto cycle = cdk::detail::find_cycle(g);
  ASSERT_TRUE(cycle.has_value());
  EXPECT_THAT(*cycle, ElementsAre(a, b, c, a));
  EXPECT_EQ(cdk::detail::describe_cycle(g, *cycle), "A -> B -> C -> A");
}

TEST(FindCycle, FindsASelfLoop) {
  Digraph g;
  g.add_node("Lonely");
  auto x = g.add_node("X");
  g.add_edge(x, x);
  auto cycle = cdk::detail::find_cycle(g);
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cdk::detail::describe_cycle(g, *cycle), "X -> X");
}

TEST(FindCycle, FindsACycleReachedLateInTheSearch) {
  Digraph g;
  for (int i = 0; i < 6; ++i) g.add_node("N" + std::to_string(i));
  g.add_edge(0, 1);
  g.add_edge(1, 2);
  g.add_edge(3, 4);
  g.add_edge(4, 5);
  g.add_edge(5, 3);
  auto cycle = cdk::detail::find_cycle(g);
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cdk::detail::describe_cycle(g, *cycle), "N3 -> N4 -> N5 -> N3");
}

TEST(DependencyWaves, PutEachNodeAfterEverythingItDependsOn) {
  auto waves = cdk::detail::dependency_waves(chain());
  EXPECT_THAT(waves, ElementsAre(ElementsAre(0u), ElementsAre(1u), ElementsAre(2u)));
}

TEST(DependencyWaves, IndependentNodesShareAWaveInIndexOrder) {
  Digraph g;
  auto net = g.add_node("Net");
  auto a = g.add_node("A");
  auto b = g.add_node("B");
  auto solo = g.add_node("Solo");
  auto top = g.add_node("Top");
  g.add_edge(a, net);
  g.add_edge(b, net);
  g.add_edge(top, a);
  g.add_edge(top, b);
  auto waves = cdk::detail::dependency_waves(g);
  EXPECT_THAT(waves, ElementsAre(ElementsAre(net, solo), ElementsAre(a, b), ElementsAre(top)));
}

TEST(DependencyWaves, EmptyGraphHasNoWaves) {
  EXPECT_TRUE(cdk::detail::dependency_waves(Digraph{}).empty());
}

TEST(ToDot, NamesEveryNodeAndArrow) {
  auto dot = cdk::detail::to_dot(chain(), "stacks");
  EXPECT_THAT(dot, HasSubstr("digraph"));
  EXPECT_THAT(dot, HasSubstr("label=\"stacks\""));
  EXPECT_THAT(dot, HasSubstr("0[label=Db]"));
  EXPECT_THAT(dot, HasSubstr("2[label=Web]"));
  EXPECT_THAT(dot, HasSubstr("1->0"));
  EXPECT_THAT(dot, HasSubstr("2->1"));
  EXPECT_THAT(dot, HasSubstr("2->0"));
}

TEST(ToDot, QuotesLabelsWithSpecialCharacters) {
  Digraph g;
  g.add_node("Stack/Vpc \"main\"");
  auto dot = cdk::detail::to_dot(g, "g");
  EXPECT_THAT(dot, HasSubstr(R"(label="Stack/Vpc \"main\"")"));
}

}  // namespace
