// Validation plugins: synthesis runs the ones it is given over each stack,
// with the stack's view and constructs, and reports what they find.
#include "synth/stack_view.hpp"
#include "synth/synthesizer.hpp"
#include "synth/validation.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Reports each topic of a stack at the given level and records what it saw.
class TopicPlugin final : public cdk::detail::ValidationPlugin {
 public:
  explicit TopicPlugin(cdk::Diagnostic::Level level) : level_(level) {}
  [[nodiscard]] std::string_view name() const override { return "topics"; }
  [[nodiscard]] std::vector<cdk::Diagnostic> validate(const cdk::detail::StackUnderValidation& s) const override {
    std::vector<cdk::Diagnostic> out;
    seen.push_back(s.stack.node().path());
    for (const auto* topic : s.view.of_type("AWS::SNS::Topic")) {
      const std::string id(topic->id);
      out.push_back({level_, s.constructs.at(id)->node().path(), "a topic", "", "TOPIC"});
    }
    return out;
  }
  mutable std::vector<std::string> seen;

 private:
  cdk::Diagnostic::Level level_;
};

TEST(ValidationPlugins, RunOverEveryStackWithItsViewAndConstructs) {
  cdk::App app;
  app.add<cdk::Stack>("A").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  app.add<cdk::Stack>("B").add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  const TopicPlugin plugin(cdk::Diagnostic::Level::Warning);
  auto a = cdk::detail::synthesize(app, {.plugins = {&plugin}});
  EXPECT_THAT(plugin.seen, ElementsAre("A", "B"));
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].to_string(), "warning: A/Topic: a topic");
  EXPECT_EQ(a.diagnostics[0].rule, "TOPIC");
}

TEST(ValidationPlugins, NoneRunUnlessGiven) {
  cdk::App app;
  app.add<cdk::Stack>("A").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  EXPECT_TRUE(cdk::detail::synthesize(app, {}).diagnostics.empty());
}

TEST(ValidationPlugins, AnErrorFailsTheSynthesisAndAWarningOnlyWithStrict) {
  cdk::App app;
  app.add<cdk::Stack>("A").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  const TopicPlugin errors(cdk::Diagnostic::Level::Error);
  try {
    (void)cdk::detail::synthesize(app, {.plugins = {&errors}});
    FAIL() << "an error of a plugin let the synthesis through";
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].path, "A/Topic");
  }
  const TopicPlugin warnings(cdk::Diagnostic::Level::Warning);
  EXPECT_NO_THROW((void)cdk::detail::synthesize(app, {.plugins = {&warnings}}));
  try {
    (void)cdk::detail::synthesize(app, {.strict = true, .plugins = {&warnings}});
    FAIL() << "--strict let a plugin's warning through";
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_THAT(e.errors()[0].message, HasSubstr("[--strict]"));
  }
}

TEST(ValidationPlugins, EachStackArtifactCarriesTheViewOfItsTemplate) {
  cdk::App app;
  app.add<cdk::Stack>("A").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto a = cdk::detail::synthesize(app, {});
  ASSERT_EQ(a.stacks.size(), 1u);
  ASSERT_NE(a.stacks[0].view, nullptr);
  ASSERT_EQ(a.stacks[0].view->resources().size(), 1u);
  EXPECT_EQ(a.stacks[0].view->resources()[0].type, "AWS::SNS::Topic");
  EXPECT_EQ(a.stacks[0].view->resources()[0].entry, &a.stacks[0].template_json["Resources"].begin().value());
}

}  // namespace
