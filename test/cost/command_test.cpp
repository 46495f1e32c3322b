// The cost command: in process through App::run, and the hello and matomo
// samples run as real programs.
#include "core/test_util.hpp"
#include "cost/price_table.hpp"

#include <cdk/cdk.hpp>
#include <cdk/ec2/ec2.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_app.hpp"

#include <iostream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using cdk::detail::cost::PriceTable;
using cdktest::Json;
using ::testing::HasSubstr;
using ::testing::Not;

using cdk::testing::run;

double hourly_cost(std::string_view item, std::string_view region, std::string_view key = {}) {
  return *PriceTable::builtin().price(item, region, key) * PriceTable::builtin().hours_per_month();
}

class CostCommand : public ::testing::Test {
 protected:
  cdk::Stack& stack_with(const std::string& instance_type) {
    auto& stack = app.add<cdk::Stack>("Web", cdk::StackProps{.env = {.region = "eu-west-1"}});
    auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 1, .nat_gateways = 0});
    stack.add<cdk::ec2::Instance>("Box", {.vpc = vpc, .instance_type = instance_type});
    return stack;
  }

  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv no_outdir{"CDK_OUTDIR", nullptr};
  cdk::App app;
};

TEST_F(CostCommand, PrintsATablePerStackAndWritesNothing) {
  stack_with("t3.micro");
  auto r = run(app, {"cost"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Web (eu-west-1)"));
  EXPECT_THAT(r.out, HasSubstr("Web/Box/Resource"));
  EXPECT_THAT(r.out, HasSubstr(fmt::format("{:.2f}", hourly_cost("ec2.instance", "eu-west-1", "t3.micro"))));
  EXPECT_THAT(r.out, HasSubstr("Total: "));
  EXPECT_THAT(r.out, HasSubstr("size comes from the machine image"));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST_F(CostCommand, JsonFormatCarriesTheSameFigures) {
  stack_with("t3.micro");
  auto r = run(app, {"cost", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = Json::parse(r.out);
  EXPECT_EQ(j["price_date"], PriceTable::builtin().date());
  ASSERT_EQ(j["stacks"].size(), 1U);
  EXPECT_EQ(j["stacks"][0]["region"], "eu-west-1");
  EXPECT_NEAR(j["monthly_usd"].get<double>(), hourly_cost("ec2.instance", "eu-west-1", "t3.micro"), 1e-6);
  EXPECT_EQ(j["complete"], true);
}

TEST_F(CostCommand, UnknownInstanceTypeFailsWithTheResourcePathAfterTheEstimate) {
  stack_with("q9.enormous");
  auto r = run(app, {"cost"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.out, HasSubstr("no price"));
  EXPECT_THAT(r.out, HasSubstr("(incomplete"));
  EXPECT_THAT(r.err, HasSubstr("error: Web/Box/Resource"));
  EXPECT_THAT(r.err, HasSubstr("q9.enormous"));
}

TEST_F(CostCommand, BadArgumentsAreOneClearError) {
  stack_with("t3.micro");
  auto unknown = run(app, {"cost", "Nope"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no stack named \"Nope\""));
  auto storage = run(app, {"cost", "--storage", "Web/Files"});
  EXPECT_EQ(storage.code, 1);
  EXPECT_THAT(storage.err, HasSubstr("--storage takes PATH=GB"));
  auto format = run(app, {"cost", "--format", "yaml"});
  EXPECT_NE(format.code, 0);
  auto prices = run(app, {"cost", "--prices", (dir.path() / "none.json").string()});
  EXPECT_EQ(prices.code, 1);
  EXPECT_THAT(prices.err, HasSubstr("cannot read the price table"));
}

using cdk::testing::run_program;

#ifdef CDKPP_MATOMO
TEST(CostSamples, MatomoIsPricedAtLondonPricesFromItsTemplate) {
  cdktest::TempDir dir;
  auto p = run_program(CDKPP_MATOMO, dir.path(), "cost --format json");
  ASSERT_EQ(p.code, 0) << p.err;
  const auto j = Json::parse(p.out);
  ASSERT_EQ(j["stacks"].size(), 1U);
  const auto& s = j["stacks"][0];
  EXPECT_EQ(s["region"], "eu-west-2");
  EXPECT_EQ(s["region_from_option"], false);
  // One NAT gateway with its address, the NLB with one address per public
  // subnet (2 AZs), one t3.small, the MySQL db.t4g.micro with 20 GB gp3, the
  // database secret and the hosted zone.
  const auto& t = PriceTable::builtin();
  const double expected = hourly_cost("vpc.nat_gateway", "eu-west-2") + 3 * hourly_cost("vpc.public_ipv4", "eu-west-2") +
                          hourly_cost("elb.network", "eu-west-2") + hourly_cost("ec2.instance", "eu-west-2", "t3.small") +
                          hourly_cost("rds.instance", "eu-west-2", "mysql/db.t4g.micro") +
                          20 * *t.price("rds.storage", "eu-west-2", "gp3") +
                          *t.price("secretsmanager.secret", "eu-west-2") + *t.price("route53.hosted_zone", "eu-west-2");
  EXPECT_NEAR(j["monthly_usd"].get<double>(), expected, 1e-6);
  EXPECT_EQ(j["complete"], true);
  std::vector<std::string> usage;
  for (const auto& n : s["not_priced"]) usage.push_back(n["path"].get<std::string>() + ": " + n["what"].get<std::string>());
  EXPECT_THAT(usage, ::testing::Contains(HasSubstr("NATGateway: data processed")));
  EXPECT_THAT(usage, ::testing::Contains(HasSubstr("Matomo/Files/Resource: EFS Standard storage")));

  // The file system priced at a given size adds exactly that storage.
  auto sized = run_program(CDKPP_MATOMO, dir.path(), "cost --format json --storage Matomo/Files=10");
  ASSERT_EQ(sized.code, 0) << sized.err;
  EXPECT_NEAR(Json::parse(sized.out)["monthly_usd"].get<double>(), expected + 10 * *t.price("efs.standard", "eu-west-2"),
              1e-6);
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}
#endif

#ifdef CDKPP_HELLO
TEST(CostSamples, HelloHasNoFixedChargeAndSaysWhichRegionItAssumed) {
  cdktest::TempDir dir;
  auto p = run_program(CDKPP_HELLO, dir.path(), "cost --region eu-west-1");
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_THAT(p.out, HasSubstr("Hello (eu-west-1, from --region: the stack has no region)"));
  EXPECT_THAT(p.out, HasSubstr("no fixed monthly charges"));
  EXPECT_THAT(p.out, HasSubstr("Total: 0.00 USD a month for 1 stack\n"));
  EXPECT_THAT(p.out, HasSubstr("give a size with --storage Hello/Uploads=GB"));
  EXPECT_THAT(p.out, Not(HasSubstr("\n  no rule ")));  // every resource of hello has a rule
  auto unknown = run_program(CDKPP_HELLO, dir.path(), "cost --region mars-north-1");
  EXPECT_EQ(unknown.code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no prices for mars-north-1"));
}
#endif

}  // namespace
