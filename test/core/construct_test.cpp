// The construct tree: ownership, paths, lookups, ids, metadata, context.
#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> ids(const std::vector<cdk::Construct*>& cs) {
  std::vector<std::string> out;
  for (auto* c : cs) out.push_back(c->node().id());
  return out;
}

TEST(Construct, AddReturnsAReferenceToAChildOwnedByTheScope) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& child = stack.add<cdk::Construct>("Child");
  EXPECT_EQ(child.node().scope(), &stack);
  EXPECT_EQ(&stack.node().find_child("Child"), &child);
  EXPECT_EQ(&child.node().root(), &app);
}

cdk::CfnResource& make_topic(cdk::Stack& stack) {
  // Everything here is a local of the helper; the tree keeps the objects.
  auto& group = stack.add<cdk::Construct>("Messaging");
  return group.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", "alerts"}}));
}

TEST(Construct, ConstructMadeInAHelperFunctionStaysValid) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& topic = make_topic(stack);
  stack.add<cdk::Construct>("After");  // more allocations after the helper returned
  EXPECT_EQ(topic.node().path(), "Stack/Messaging/Topic");
  EXPECT_EQ(topic.cfn_type(), "AWS::SNS::Topic");
  EXPECT_EQ(stack.node().try_find("Messaging/Topic"), &topic);
}

TEST(Construct, PathJoinsIdsFromBelowTheApp) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& a = stack.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");
  EXPECT_EQ(app.node().path(), "");
  EXPECT_EQ(app.node().id(), "");
  EXPECT_EQ(stack.node().path(), "Stack");
  EXPECT_EQ(b.node().path(), "Stack/A/B");
  EXPECT_EQ(b.node().id(), "B");
}

TEST(Construct, ChildrenKeepCreationOrder) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::Construct>("Zeta");
  stack.add<cdk::Construct>("Alpha");
  stack.add<cdk::Construct>("Mid");
  EXPECT_THAT(ids(stack.node().children()), ElementsAre("Zeta", "Alpha", "Mid"));
}

TEST(Construct, TryFindChildReturnsNullForAnUnknownId) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& a = stack.add<cdk::Construct>("A");
  EXPECT_EQ(stack.node().try_find_child("A"), &a);
  EXPECT_EQ(stack.node().try_find_child("B"), nullptr);
  EXPECT_EQ(stack.node().try_find_child("a"), nullptr);  // ids are case-sensitive
}

TEST(Construct, FindChildThrowsNamingTheScopeAndTheId) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  try {
    (void)stack.node().find_child("Missing");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack");
    EXPECT_THAT(e.what(), HasSubstr("Missing"));
  }
}

TEST(Construct, TryFindFollowsARelativePath) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& b = stack.add<cdk::Construct>("A").add<cdk::Construct>("B");
  EXPECT_EQ(app.node().try_find("Stack/A/B"), &b);
  EXPECT_EQ(stack.node().try_find("A/B"), &b);
  EXPECT_EQ(stack.node().try_find(""), &stack);
  EXPECT_EQ(stack.node().try_find("A/C"), nullptr);
  EXPECT_EQ(stack.node().try_find("B"), nullptr);
}

TEST(Construct, ScopesRunFromTheRootDownToTheConstruct) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& a = stack.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");
  EXPECT_THAT(b.node().scopes(), ElementsAre(&app, &stack, &a, &b));
  EXPECT_THAT(app.node().scopes(), ElementsAre(&app));
}

TEST(Construct, FindAllListsParentsBeforeChildrenInCreationOrder) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& a = stack.add<cdk::Construct>("A");
  a.add<cdk::Construct>("A1");
  stack.add<cdk::Construct>("B");
  a.add<cdk::Construct>("A2");  // added later, still listed under A
  EXPECT_THAT(ids(app.node().find_all()), ElementsAre("", "S", "A", "A1", "A2", "B"));
}

TEST(Construct, DefaultChildIsResourceThenDefault) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& l2 = stack.add<cdk::Construct>("Bucket");
  EXPECT_EQ(l2.node().default_child(), nullptr);
  auto& def = l2.add<cdk::Construct>("Default");
  EXPECT_EQ(l2.node().default_child(), &def);
  auto& res = l2.add<cdk::CfnResource>("Resource", "AWS::S3::Bucket");
  EXPECT_EQ(l2.node().default_child(), &res);
}

TEST(Construct, RejectsADuplicateIdNamingTheScopePath) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& first = stack.add<cdk::Construct>("Vpc");
  try {
    stack.add<cdk::Construct>("Vpc");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack");
    EXPECT_THAT(e.what(), HasSubstr("\"Vpc\""));
  }
  // The rejected construct left no trace in the tree.
  ASSERT_EQ(stack.node().children().size(), 1u);
  EXPECT_EQ(stack.node().children()[0], &first);
}

TEST(Construct, RejectsAnEmptyId) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  try {
    stack.add<cdk::Construct>("");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack");
    EXPECT_THAT(e.what(), HasSubstr("empty"));
  }
  EXPECT_TRUE(stack.node().children().empty());
}

TEST(Construct, RejectsAnIdContainingTheSeparator) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& group = stack.add<cdk::Construct>("Group");
  try {
    group.add<cdk::Construct>("a/b");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Group");
    EXPECT_THAT(e.what(), HasSubstr("a/b"));
  }
  EXPECT_TRUE(group.node().children().empty());
}

TEST(Construct, RejectsAnIdWithAControlCharacter) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  EXPECT_THROW(stack.add<cdk::Construct>("a\nb"), cdk::Error);
}

TEST(Construct, RejectedDerivedConstructIsRemovedFromItsScope) {
  // CfnResource checks its type after the base Construct attached itself.
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  EXPECT_THROW(stack.add<cdk::CfnResource>("Bad", "NotAType"), cdk::Error);
  EXPECT_EQ(stack.node().try_find_child("Bad"), nullptr);
  stack.add<cdk::CfnResource>("Bad", "AWS::SNS::Topic");  // the id is free again
}

TEST(Construct, MetadataKeepsEntriesInOrder) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& c = stack.add<cdk::Construct>("C");
  c.node().add_metadata("custom:owner", "team-a");
  c.node().add_metadata("custom:owner", "team-b");
  ASSERT_EQ(c.node().metadata().size(), 2u);
  EXPECT_EQ(c.node().metadata()[0].type, "custom:owner");
  EXPECT_EQ(c.node().metadata()[0].data, "team-a");
  EXPECT_EQ(c.node().metadata()[1].data, "team-b");
}

TEST(Construct, ContextIsInheritedFromTheNearestScopeThatHasIt) {
  cdk::App app(cdk::AppProps{.context = {{"stage", "dev"}, {"region", "eu-west-1"}}});
  auto& group = app.add<cdk::Construct>("Group");
  group.node().set_context("stage", "prod");
  auto& leaf = group.add<cdk::Construct>("Leaf");
  EXPECT_EQ(leaf.node().try_get_context("stage"), "prod");
  EXPECT_EQ(leaf.node().try_get_context("region"), "eu-west-1");
  EXPECT_EQ(leaf.node().try_get_context("missing"), std::nullopt);
  EXPECT_EQ(app.context("stage"), "dev");
  EXPECT_EQ(app.context_or("missing", "fallback"), "fallback");
}

TEST(Construct, SetContextAfterChildrenExistIsAnError) {
  cdk::App app;
  auto& group = app.add<cdk::Construct>("Group");
  group.add<cdk::Construct>("Child");
  try {
    group.node().set_context("stage", "prod");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Group");
    EXPECT_THAT(e.what(), HasSubstr("stage"));
  }
  EXPECT_THROW(app.node().set_context("x", "y"), cdk::Error);
}

TEST(Construct, SetContextTwiceKeepsTheLastValue) {
  cdk::App app;
  app.node().set_context("k", "1");
  app.node().set_context("k", "2");
  EXPECT_EQ(app.context("k"), "2");
}

TEST(Construct, DependencyOnAConstructOfAnotherAppIsRejected) {
  cdk::App one;
  cdk::App two;
  auto& a = one.add<cdk::Stack>("A").add<cdk::Construct>("X");
  auto& b = two.add<cdk::Stack>("B").add<cdk::Construct>("Y");
  try {
    a.node().add_dependency(b);
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "A/X");
    EXPECT_THAT(e.what(), HasSubstr("B/Y"));
  }
  EXPECT_TRUE(a.node().dependencies().empty());
}

TEST(Construct, AddDependencyKeepsOneEntryPerTarget) {
  cdk::App app;
  auto& s = app.add<cdk::Stack>("S");
  auto& a = s.add<cdk::Construct>("A");
  auto& b = s.add<cdk::Construct>("B");
  a.node().add_dependency(b);
  a.node().add_dependency(b);
  EXPECT_THAT(a.node().dependencies(), ElementsAre(&b));
}

TEST(Construct, StackOfFindsTheEnclosingStackOrThrows) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& deep = stack.add<cdk::Construct>("A").add<cdk::Construct>("B");
  EXPECT_EQ(&cdk::Stack::of(deep), &stack);
  auto& outside = app.add<cdk::Construct>("Outside");
  EXPECT_EQ(cdk::Stack::try_of(outside), nullptr);
  EXPECT_THROW((void)cdk::Stack::of(outside), cdk::Error);
  // Elements need a stack.
  try {
    outside.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Outside");
  }
}

}  // namespace
