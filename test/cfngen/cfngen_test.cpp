// The generator on a tiny fake spec (fake/), compared byte for byte with the
// expected output (expected/). After an intended change to the generator, rewrite
// the expected files with: CDKPP_UPDATE_GOLDEN=1 ./cfngen_tests
#include "emit.hpp"
#include "expected_files.hpp"
#include "model.hpp"
#include "naming.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;
const fs::path kDir = CFNGEN_TEST_DIR;

cfngen::Spec fake_spec() {
  auto spec = cfngen::parse_spec(cfngen::read_file((kDir / "fake/spec.json").string()));
  cfngen::apply_patches(spec, cfngen::parse_patches(cfngen::read_file((kDir / "fake/patches.json").string())));
  return spec;
}

TEST(TypeRef, ParsesAndPrintsTheCompactForm) {
  for (const char* t : {"string", "list<Node>", "map<list<string>>", "union<string,json,list<Part>>", "tag"}) {
    EXPECT_EQ(cfngen::TypeRef::parse(t).to_string(), t);
  }
  EXPECT_THROW(cfngen::TypeRef::parse("list<string"), std::runtime_error);
  EXPECT_THROW(cfngen::TypeRef::parse("strange"), std::runtime_error);
}

TEST(Naming, SnakeCaseKeepsAcronymsTogether) {
  EXPECT_EQ(cfngen::snake_case("VPCGatewayAttachment"), "vpc_gateway_attachment");
  EXPECT_EQ(cfngen::snake_case("Ipv6CidrBlock"), "ipv6_cidr_block");
  EXPECT_EQ(cfngen::snake_case("IPv6Address"), "ipv6_address");
  EXPECT_EQ(cfngen::snake_case("EC2Fleet"), "ec2_fleet");
  EXPECT_EQ(cfngen::snake_case("DBInstance"), "db_instance");
  EXPECT_EQ(cfngen::snake_case("OnSourceDDoSProtectionConfig"), "on_source_ddos_protection_config");
  EXPECT_EQ(cfngen::snake_case("Endpoint.Address"), "endpoint_address");
}

TEST(Naming, PluralAcronymsKeepTheirS) {
  EXPECT_EQ(cfngen::snake_case("TargetGroupARNs"), "target_group_arns");
  EXPECT_EQ(cfngen::snake_case("CallbackURLs"), "callback_urls");
  EXPECT_EQ(cfngen::snake_case("AllowedVPCs"), "allowed_vpcs");
  EXPECT_EQ(cfngen::snake_case("ReplicationServersSecurityGroupsIDs"), "replication_servers_security_groups_ids");
  EXPECT_EQ(cfngen::snake_case("MemorySizeInGBs"), "memory_size_in_gbs");
  EXPECT_EQ(cfngen::snake_case("PreferredCacheClusterAZs"), "preferred_cache_cluster_azs");
  EXPECT_EQ(cfngen::snake_case("ARNsForWidgets"), "arns_for_widgets");
  EXPECT_EQ(cfngen::snake_case("SecurityGroupIds"), "security_group_ids");
  EXPECT_EQ(cfngen::snake_case("DBSubnetGroupName"), "db_subnet_group_name");
  EXPECT_EQ(cfngen::snake_case("VPCSecurityGroups"), "vpc_security_groups");
  EXPECT_EQ(cfngen::snake_case("SSESpecification"), "sse_specification");
  EXPECT_EQ(cfngen::snake_case("PrivateIPs"), "private_ips");
}

TEST(Naming, KeywordsAndMacrosGetATrailingUnderscore) {
  EXPECT_EQ(cfngen::escape_identifier("namespace"), "namespace_");
  EXPECT_EQ(cfngen::escape_identifier("linux"), "linux_");
  EXPECT_EQ(cfngen::escape_identifier("name"), "name");
}

TEST(Naming, ServiceNamespacesAreCdkModuleNames) {
  EXPECT_EQ(cfngen::service_namespace("ec2"), "ec2");
  EXPECT_EQ(cfngen::service_namespace("elasticloadbalancingv2"), "elbv2");
  EXPECT_EQ(cfngen::reference_url("AWS::EC2::VPC"),
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html");
}

TEST(Patches, ApplyByNameAndFailWhenStale) {
  auto spec = fake_spec();
  const auto* widget = spec.find_resource("AWS::Foo::Widget");
  ASSERT_NE(widget, nullptr);
  for (const auto& p : widget->properties)
    if (p.name == "Limit") EXPECT_EQ(p.type.to_string(), "integer");
  // Applying the same patch again finds nothing to fix: an error, so stale patches get deleted.
  EXPECT_THROW(cfngen::apply_patches(spec, cfngen::parse_patches(cfngen::read_file((kDir / "fake/patches.json").string()))),
               std::runtime_error);
}

TEST(Generator, UnknownServiceIsAnError) {
  auto spec = fake_spec();
  cfngen::Options o;
  o.services = {"nope"};
  EXPECT_THROW(cfngen::generate_library(spec, o), std::runtime_error);
}

TEST(Generator, OutputMatchesExpectedFilesByteForByte) {
  auto spec = fake_spec();
  cfngen::Options o;
  o.shards = 2;
  auto files = cfngen::generate_library(spec, o);
  auto tests = cfngen::generate_tests(spec, o, {"AWS::Foo::Widget"});
  for (auto& t : tests) t.path = "tests/" + t.path;
  files.insert(files.end(), tests.begin(), tests.end());

  cfngen_test::expect_files(kDir / "expected", files);
}

}  // namespace
