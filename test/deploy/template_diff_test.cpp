#include "deploy/template_diff.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace cdk::deploy {
namespace {

using nlohmann::json;

json queue(int timeout) {
  return {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"VisibilityTimeout", timeout}}}};
}

TEST(TemplateDiff, IdenticalTemplatesHaveNoDifferences) {
  json t = {{"Resources", {{"Q", queue(30)}}}};
  EXPECT_TRUE(diff_templates(t, t).empty());
}

TEST(TemplateDiff, AddedRemovedAndModifiedResourcesAreListedWithPropertyPaths) {
  json before = {{"Resources", {{"Q", queue(30)}, {"Old", {{"Type", "AWS::SNS::Topic"}}}}}};
  json after = {{"Resources", {{"Q", queue(60)}, {"New", {{"Type", "AWS::SNS::Topic"}}}}},
                {"Outputs", {{"Url", {{"Value", {{"Ref", "Q"}}}}}}}};
  TemplateDiff d = diff_templates(before, after);
  ASSERT_EQ(d.changes.size(), 4u);
  std::ostringstream out;
  print_diff(out, "Hello", d);
  EXPECT_EQ(out.str(),
            "Stack Hello\n"
            "Resources\n"
            "[+] AWS::SNS::Topic New\n"
            "[-] AWS::SNS::Topic Old\n"
            "[~] AWS::SQS::Queue Q\n"
            " └─ [~] .Properties.VisibilityTimeout: 30 -> 60\n"
            "Outputs\n"
            "[+] Url\n");
}

TEST(TemplateDiff, ANewStackIsAllAdditions) {
  json after = {{"Resources", {{"Q", queue(30)}}}};
  TemplateDiff d = diff_templates(json::object(), after);
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].kind, TemplateChange::Kind::Added);
}

TEST(TemplateDiff, SecurityChangesAreIamAndSecurityGroupAdditionsOrModifications) {
  json sg = {{"Type", "AWS::EC2::SecurityGroup"},
             {"Properties", {{"SecurityGroupIngress", json::array({{{"CidrIp", "0.0.0.0/0"}}})}}}};
  json role = {{"Type", "AWS::IAM::Role"}};
  json before = {{"Resources", {{"Role", role}}}};
  json after = {{"Resources", {{"Sg", sg}, {"Q", queue(1)}}}};
  TemplateDiff d = diff_templates(before, after);
  auto security = d.security_changes();
  ASSERT_EQ(security.size(), 1u);  // the removed role narrows access; the queue is not security
  EXPECT_EQ(security[0]->logical_id, "Sg");
  std::ostringstream out;
  print_diff(out, "S", d);
  EXPECT_NE(out.str().find("Security changes"), std::string::npos);
}

TEST(TemplateDiff, TypeChangeIsReportedAsReplacement) {
  json before = {{"Resources", {{"X", {{"Type", "AWS::SNS::Topic"}}}}}};
  json after = {{"Resources", {{"X", {{"Type", "AWS::SQS::Queue"}}}}}};
  TemplateDiff d = diff_templates(before, after);
  ASSERT_EQ(d.changes.size(), 1u);
  ASSERT_EQ(d.changes[0].details.size(), 1u);
  EXPECT_EQ(d.changes[0].details[0], "[~] .Type: AWS::SNS::Topic -> AWS::SQS::Queue (replacement)");
}

TEST(TemplateDiff, DescriptionChangesCount) {
  TemplateDiff d = diff_templates({{"Description", "a"}}, {{"Description", "b"}});
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].section, "Description");
}

json db(const std::string& subnet_group, bool multi_az) {
  return {{"Type", "AWS::RDS::DBInstance"},
          {"Properties", {{"DBSubnetGroupName", subnet_group}, {"MultiAZ", multi_az}, {"DBInstanceClass", "db.t3.micro"}}}};
}

TEST(TemplateDiffReplacement, APropertyTheSpecMarksReplacesAndIsNamed) {
  json before = {{"Resources", {{"Db", db("a", false)}}}};
  json after = {{"Resources", {{"Db", db("b", false)}}}};
  TemplateDiff d = diff_templates(before, after);
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].replacement, l1::Replacement::Always);
  EXPECT_EQ(d.changes[0].replacing, std::vector<std::string>{"DBSubnetGroupName"});
  std::ostringstream out;
  print_diff(out, "Shop", d);
  EXPECT_EQ(out.str(),
            "Stack Shop\n"
            "Replacements (a new physical resource: what the old one held is not carried over)\n"
            "  [replace] AWS::RDS::DBInstance Db (DBSubnetGroupName)\n"
            "Resources\n"
            "[~] AWS::RDS::DBInstance Db (replace: DBSubnetGroupName)\n"
            " └─ [~] .Properties.DBSubnetGroupName: a -> b (requires replacement)\n");
}

TEST(TemplateDiffReplacement, TheStrongestVerdictWinsAndConditionalOnesAreSaidSo) {
  json before = {{"Resources", {{"Db", db("a", false)}}}};
  TemplateDiff multi_az = diff_templates(before, {{"Resources", {{"Db", db("a", true)}}}});
  EXPECT_EQ(multi_az.changes.at(0).replacement, l1::Replacement::Conditional) << "spec: MultiAZ maybe replaces";
  TemplateDiff both = diff_templates(before, {{"Resources", {{"Db", db("b", true)}}}});
  EXPECT_EQ(both.changes.at(0).replacement, l1::Replacement::Always);
  EXPECT_EQ(both.changes.at(0).replacing, std::vector<std::string>{"DBSubnetGroupName"}) << "only the strongest";
  std::ostringstream out;
  print_diff(out, "Shop", multi_az);
  EXPECT_NE(out.str().find("[~] AWS::RDS::DBInstance Db (may replace: MultiAZ)"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(".Properties.MultiAZ: false -> true (may cause replacement)"), std::string::npos);
}

TEST(TemplateDiffReplacement, MutablePropertiesMetadataAndNewResourcesReplaceNothing) {
  json before = {{"Resources", {{"Q", queue(30)}}}};
  json after = {{"Resources", {{"Q", queue(60)}, {"Db", db("a", false)}}}};
  after["Resources"]["Q"]["Metadata"] = {{"aws:cdk:path", "Shop/Q/Resource"}};
  TemplateDiff d = diff_templates(before, after);
  EXPECT_TRUE(d.replacements().empty());
  for (const auto& c : d.changes) EXPECT_FALSE(c.replaces()) << c.logical_id;
}

TEST(TemplateDiffReplacement, ATypeChangeAlwaysReplaces) {
  json before = {{"Resources", {{"X", {{"Type", "AWS::SNS::Topic"}}}}}};
  json after = {{"Resources", {{"X", {{"Type", "AWS::SQS::Queue"}}}}}};
  TemplateDiff d = diff_templates(before, after);
  ASSERT_EQ(d.replacements().size(), 1u);
  EXPECT_EQ(d.changes[0].replacing, std::vector<std::string>{"Type"});
}

}  // namespace
}  // namespace cdk::deploy

