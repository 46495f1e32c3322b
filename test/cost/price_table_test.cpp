// The dated price table: the built-in one is complete and sourced, and a bad
// table is refused with a clear error.
#include "cost/price_table.hpp"
#include "support/expect_error.hpp"

#include <cdk/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using cdk::detail::cost::PriceTable;
using ::testing::HasSubstr;

std::string parse_error(std::string_view json) {
  return cdk::testing::error_of([&] { (void)PriceTable::parse(json, "test.json"); });
}

constexpr const char* kMinimal = R"({
  "date": "2026-01-02", "currency": "USD", "basis": "list prices", "regions": ["us-east-1", "eu-west-1"],
  "items": {"vpc.nat_gateway": {"unit": "gateway-hour", "what": "NAT gateway", "source": "https://aws.amazon.com/vpc/pricing/",
                                "prices": {"us-east-1": 0.045, "eu-west-1": 0.048}}}})";

TEST(PriceTable, BuiltInTableIsDatedAndCoversTheRegionsWithSourcedFigures) {
  const auto& t = PriceTable::builtin();
  EXPECT_EQ(t.date().size(), 10U);
  EXPECT_EQ(t.currency(), "USD");
  EXPECT_EQ(t.hours_per_month(), 730);
  for (const char* region : {"us-east-1", "eu-west-1"}) EXPECT_TRUE(t.has_region(region)) << region;
  for (const char* item : {"ec2.instance", "ebs.volume", "vpc.nat_gateway", "vpc.public_ipv4", "elb.application",
                           "elb.network", "fargate.vcpu", "fargate.memory", "rds.instance", "rds.storage",
                           "aurora.instance", "aurora.serverless_v2", "efs.standard", "s3.standard",
                           "secretsmanager.secret", "kms.key", "cloudwatch.alarm", "cloudwatch.dashboard", "route53.hosted_zone"}) {
    const auto& i = t.item(item);
    EXPECT_THAT(i.source, ::testing::StartsWith("https://aws.amazon.com/")) << item;
    for (const auto& region : t.regions()) EXPECT_FALSE(t.keys(item, region).empty()) << item << " " << region;
  }
  EXPECT_EQ(t.price("ec2.instance", "us-east-1", "t3.micro"), 0.0104);
  EXPECT_EQ(t.price("ec2.instance", "us-east-1", "no.such"), std::nullopt);
  EXPECT_EQ(t.price("vpc.nat_gateway", "sa-east-1"), std::nullopt);
}

TEST(PriceTable, TheSameInstanceTypesArePricedInEveryRegion) {
  const auto& t = PriceTable::builtin();
  const auto us = t.keys("ec2.instance", "us-east-1");
  for (const auto& region : t.regions()) EXPECT_EQ(t.keys("ec2.instance", region), us) << region;
}

TEST(PriceTable, ParsesAMinimalTable) {
  const auto t = PriceTable::parse(kMinimal, "test.json");
  EXPECT_EQ(t.date(), "2026-01-02");
  EXPECT_EQ(t.price("vpc.nat_gateway", "eu-west-1"), 0.048);
  EXPECT_EQ(t.hours_per_month(), 730);
}

TEST(PriceTable, RefusesFiguresThatAreNotPositiveNumbers) {
  std::string zero = kMinimal;
  zero.replace(zero.find("0.048"), 5, "0");
  EXPECT_THAT(parse_error(zero), HasSubstr("item vpc.nat_gateway eu-west-1 is not a positive number"));
  std::string text = kMinimal;
  text.replace(text.find("0.048"), 5, "\"cheap\"");
  EXPECT_THAT(parse_error(text), HasSubstr("is not a positive number"));
}

TEST(PriceTable, RefusesAnItemWithoutASourcePageOrARegion) {
  std::string no_source = kMinimal;
  no_source.replace(no_source.find("https://aws.amazon.com/vpc/pricing/"), 35, "somewhere");
  EXPECT_THAT(parse_error(no_source), HasSubstr("\"source\" must be an https:// page"));
  std::string no_region = kMinimal;
  no_region.replace(no_region.find(", \"eu-west-1\": 0.048"), 20, "");
  EXPECT_THAT(parse_error(no_region), HasSubstr("item vpc.nat_gateway has no figure for eu-west-1"));
}

TEST(PriceTable, RefusesATableWithoutADate) {
  std::string undated = kMinimal;
  undated.replace(undated.find("\"2026-01-02\""), 12, "\"soon\"");
  EXPECT_THAT(parse_error(undated), HasSubstr("\"date\" is not YYYY-MM-DD"));
  EXPECT_THAT(parse_error("[1, 2]"), HasSubstr("not a JSON object"));
  EXPECT_THAT(parse_error("{"), HasSubstr("not JSON"));
}

TEST(PriceTable, LoadsAFileAndNamesAMissingOne) {
  const auto file = std::filesystem::temp_directory_path() / "cdkpp-cost-prices-test.json";
  std::ofstream(file) << kMinimal;
  EXPECT_EQ(PriceTable::load(file).date(), "2026-01-02");
  std::filesystem::remove(file);
  EXPECT_THROW((void)PriceTable::load(file), cdk::Error);
}

TEST(PriceTable, TheRepositoryFileIsTheBuiltInTable) {
  const auto file = PriceTable::load(std::filesystem::path(CDKPP_SOURCE_DIR) / "data/prices/aws.json");
  EXPECT_EQ(file.date(), PriceTable::builtin().date());
  EXPECT_EQ(file.items().size(), PriceTable::builtin().items().size());
}

}  // namespace
