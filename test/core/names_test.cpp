// cdk::Names must give aws-cdk-lib's names: a ported app keeps its physical names.
#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace {

using ::testing::HasSubstr;

// Builds the vector's path below a stack of its own and returns the leaf.
cdk::Construct& leaf_of(cdk::App& app, const nlohmann::json& v) {
  const auto stack_id = v.at("stack_id").get<std::string>();
  cdk::Construct* scope = app.node().try_find_child(stack_id);
  if (scope == nullptr) scope = &app.add<cdk::Stack>(stack_id, cdk::StackProps{.stack_name = v.at("stack_name")});
  for (const auto& id : v.at("path")) {
    const std::string name = id.get<std::string>();
    cdk::Construct* child = scope->node().try_find_child(name);
    scope = child != nullptr ? child : &scope->add<cdk::Construct>(name);
  }
  return *scope;
}

cdk::UniqueResourceNameOptions options_of(const nlohmann::json& o) {
  return {.max_length = o.value("maxLength", std::size_t{256}),
          .separator = o.value("separator", std::string()),
          .allowed_special_characters = o.value("allowedSpecialCharacters", std::string())};
}

TEST(Names, MatchEveryVectorGeneratedFromAwsCdkLib) {
  std::ifstream f(std::string(CDKPP_SOURCE_DIR) + "/test/data/names_vectors.json");
  const auto vectors = nlohmann::json::parse(f);
  ASSERT_EQ(vectors.size(), 90u);
  cdk::App app;
  for (const auto& v : vectors) {
    const auto& leaf = leaf_of(app, v);
    SCOPED_TRACE(leaf.node().path() + " " + v.at("options").dump());
    EXPECT_EQ(cdk::Names::unique_id(leaf), v.at("unique_id").get<std::string>());
    EXPECT_EQ(cdk::Names::unique_resource_name(leaf, options_of(v.at("options"))),
              v.at("unique_resource_name").get<std::string>());
  }
}

TEST(Names, UniqueIdOfAChildEqualsTheIdOfThatChildOnceMade) {
  cdk::App app;
  auto& service = app.add<cdk::Stack>("Stack").add<cdk::Construct>("Service");
  const std::string before = cdk::Names::unique_id(service, "Scaling");
  EXPECT_EQ(before, cdk::Names::unique_id(service.add<cdk::Construct>("Scaling")));
}

TEST(Names, ResourceNameFitsTheMaximumLength) {
  cdk::App app;
  auto* scope = &app.add<cdk::Stack>("Stack").add<cdk::Construct>(std::string(100, 'a'));
  scope = &scope->add<cdk::Construct>(std::string(100, 'b'));
  const auto name = cdk::Names::unique_resource_name(*scope, {.max_length = 63, .separator = "-"});
  EXPECT_EQ(name.size(), 62u);  // 2 x 27 readable characters and the 8-digit hash
}

TEST(Names, ResourceNameWithRoomForOnlyTheHashIsAnErrorNamingThePath) {
  cdk::App app;
  auto& c = app.add<cdk::Stack>("Stack").add<cdk::Construct>("Queue");
  try {
    (void)cdk::Names::unique_resource_name(c, {.max_length = 8});
    FAIL() << "expected an error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Stack/Queue"));
    EXPECT_THAT(e.what(), HasSubstr("max_length"));
  }
}

// aws-cdk-lib's own expectations for its generated physical names.
TEST(Names, PhysicalNameMatchesAwsCdkLibsGeneratedNames) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("TestStack", cdk::StackProps{.env = {.account = "012345678912", .region = "bermuda-triangle-1"}});
  auto& a = stack.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");
  EXPECT_EQ(cdk::Names::physical_name(a), "teststackteststackaa164c141d59b37c1b663");
  EXPECT_EQ(cdk::Names::physical_name(b), "teststackteststackab27595cd34d8188283a1f");
}

TEST(Names, PhysicalNameDiffersPerRegion) {
  cdk::App app;
  auto& one = app.add<cdk::Stack>("One", cdk::StackProps{.env = {.account = "012345678912", .region = "eu-west-1"}, .stack_name = "S"});
  auto& two = app.add<cdk::Stack>("Two", cdk::StackProps{.env = {.account = "012345678912", .region = "eu-west-2"}, .stack_name = "S"});
  EXPECT_NE(cdk::Names::physical_name(one.add<cdk::Construct>("R")), cdk::Names::physical_name(two.add<cdk::Construct>("R")));
}

TEST(Names, PhysicalNameWithoutAConcreteEnvironmentIsAnErrorNamingThePath) {
  cdk::App app;
  auto& c = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.region = "eu-west-1"}}).add<cdk::Construct>("Bucket");
  try {
    (void)cdk::Names::physical_name(c);
    FAIL() << "expected an error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Stack/Bucket"));
    EXPECT_THAT(e.what(), HasSubstr("account"));
  }
}

}  // namespace
