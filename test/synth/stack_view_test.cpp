// The typed view of a synthesized template: references, parameter defaults,
// missing properties, the resource graph.
#include "synth/stack_view.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::detail::Json;
using cdk::detail::Reference;
using cdk::detail::StackView;
using Kind = cdk::detail::Reference::Kind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Json parse(const char* text) { return Json::parse(text); }

TEST(ReferencesIn, ReadsRefAndBothGetAttForms) {
  const auto refs = cdk::detail::references_in(parse(R"({
    "A": {"Ref": "Vpc"},
    "B": {"Fn::GetAtt": ["Db", "Endpoint.Address"]},
    "C": {"Fn::GetAtt": "Lb.DNSName"},
    "D": {"Fn::GetAtt": "Bare"}})"));
  EXPECT_THAT(refs, ElementsAre(Reference{Kind::Ref, "Vpc", ""}, Reference{Kind::GetAtt, "Db", "Endpoint.Address"},
                                Reference{Kind::GetAtt, "Lb", "DNSName"}, Reference{Kind::GetAtt, "Bare", ""}));
}

TEST(ReferencesIn, ReadsSubStringsButNotLiteralsOrTheVariablesItBinds) {
  const auto refs = cdk::detail::references_in(parse(R"([
    {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/${Role.Arn}/${!Literal}"},
    {"Fn::Sub": ["${Name}-${Queue}", {"Name": {"Ref": "Topic"}}]}])"));
  EXPECT_THAT(refs, ElementsAre(Reference{Kind::Sub, "AWS::Partition", ""}, Reference{Kind::Sub, "Bucket", ""},
                                Reference{Kind::Sub, "Role", "Arn"}, Reference{Kind::Sub, "Queue", ""},
                                Reference{Kind::Ref, "Topic", ""}));
}

TEST(ReferencesIn, ReadsImportValueAndWhatIsNestedInOtherIntrinsics) {
  const auto refs = cdk::detail::references_in(parse(R"({
    "Fn::Join": ["", [{"Fn::ImportValue": "Shared:VpcId"}, {"Fn::Select": [0, [{"Ref": "Subnet"}]]}]]})"));
  EXPECT_THAT(refs, ElementsAre(Reference{Kind::ImportValue, "Shared:VpcId", ""}, Reference{Kind::Ref, "Subnet", ""}));
}

TEST(ReferencesIn, FindsNoneInLiterals) {
  EXPECT_THAT(cdk::detail::references_in(parse(R"({"Name": "x", "Ports": [80, 443], "Ref": 3, "Other": 1})")),
              IsEmpty());
}

TEST(DirectTarget, IsTheIdOfARefOrGetAttAndNothingElse) {
  EXPECT_EQ(cdk::detail::direct_target(parse(R"({"Ref": "Vpc"})")), "Vpc");
  EXPECT_EQ(cdk::detail::direct_target(parse(R"({"Fn::GetAtt": ["Db", "Arn"]})")), "Db");
  EXPECT_EQ(cdk::detail::direct_target(parse(R"({"Fn::GetAtt": "Lb.DNSName"})")), "Lb");
  EXPECT_EQ(cdk::detail::direct_target(parse(R"({"Fn::Sub": "${Vpc}"})")), "");
  EXPECT_EQ(cdk::detail::direct_target(parse(R"("Vpc")")), "");
}

const Json kTemplate = parse(R"({
  "Parameters": {
    "Size": {"Type": "Number", "Default": 20},
    "Type": {"Type": "String", "Default": "t3.small"},
    "Flag": {"Type": "String", "Default": "TRUE"},
    "NoDefault": {"Type": "String"},
    "Ami": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "/aws/service/ami"}
  },
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "Subnet": {"Type": "AWS::EC2::Subnet",
               "Properties": {"VpcId": {"Ref": "Vpc"}, "MapPublicIpOnLaunch": true, "Tags": []}},
    "Instance": {"Type": "AWS::EC2::Instance",
                 "Properties": {"InstanceType": {"Ref": "Type"}, "ImageId": {"Ref": "Ami"},
                                "SubnetId": {"Ref": "Subnet"}, "Monitoring": {"Ref": "Flag"},
                                "Port": 8080, "Weight": 2.5, "Count": "3",
                                "Data": {"Volume": {"Size": {"Ref": "Size"}}, "Empty": null},
                                "Other": {"Ref": "NoDefault"}},
                 "DependsOn": ["Vpc", "Subnet"]},
    "Bare": {"Type": "AWS::SNS::Topic"},
    "Waiter": {"Type": "AWS::CloudFormation::WaitConditionHandle", "DependsOn": "Bare"}
  },
  "Outputs": {
    "VpcOut": {"Value": {"Ref": "Vpc"}, "Export": {"Name": "App:Vpc"}},
    "Two": {"Value": {"Fn::Join": ["", [{"Ref": "Vpc"}, {"Ref": "Subnet"}]]}, "Export": {"Name": "App:Two"}},
    "Plain": {"Value": {"Ref": "Bare"}}
  }})");

TEST(StackView, FindsResourcesByIdAndByTypeInTemplateOrder) {
  const StackView view(kTemplate);
  ASSERT_EQ(view.resources().size(), 5u);
  EXPECT_EQ(view.resources()[2].id, "Instance");
  ASSERT_NE(view.resource("Subnet"), nullptr);
  EXPECT_EQ(view.resource("Subnet")->type, "AWS::EC2::Subnet");
  EXPECT_EQ(view.resource("Nope"), nullptr);
  EXPECT_EQ(view.resource("Subnet", "AWS::EC2::VPC"), nullptr);
  const auto subnets = view.of_type("AWS::EC2::Subnet");
  ASSERT_EQ(subnets.size(), 1u);
  EXPECT_EQ(subnets[0]->id, "Subnet");
  EXPECT_THAT(view.of_type("AWS::S3::Bucket"), IsEmpty());
  EXPECT_TRUE(view.resource("Bare")->properties->is_object());  // no Properties: an empty object
  EXPECT_EQ(view.target(parse(R"({"Ref": "Vpc"})"), "AWS::EC2::VPC"), view.resource("Vpc"));
  EXPECT_EQ(view.target(parse(R"({"Ref": "Vpc"})"), "AWS::EC2::Subnet"), nullptr);
}

TEST(StackView, ReadsLiteralsOfEveryKind) {
  const StackView view(kTemplate);
  const Json& p = *view.resource("Instance")->properties;
  EXPECT_EQ(view.string_at(p, "Port"), "8080");
  EXPECT_EQ(view.string_at(p, "Weight"), "2.5");
  EXPECT_EQ(view.number_at(p, "Port"), 8080);
  EXPECT_EQ(view.number_at(p, "Count"), 3);  // a number written as a string
  EXPECT_EQ(view.string_at(*view.resource("Subnet")->properties, "MapPublicIpOnLaunch"), "true");
  EXPECT_EQ(view.bool_at(*view.resource("Subnet")->properties, "MapPublicIpOnLaunch"), true);
  EXPECT_NE(view.map_at(p, "Data"), nullptr);
  EXPECT_EQ(view.map_at(p, "Port"), nullptr);
  EXPECT_TRUE(view.list_at(*view.resource("Subnet")->properties, "Tags").empty());
}

TEST(StackView, ReadsARefToAParameterAsItsDefault) {
  const StackView view(kTemplate);
  const Json& p = *view.resource("Instance")->properties;
  EXPECT_EQ(view.string_at(p, "InstanceType"), "t3.small");
  EXPECT_EQ(view.number_at(p, "Data.Volume.Size"), 20);
  EXPECT_EQ(view.bool_at(p, "Monitoring"), true);  // "TRUE"
  EXPECT_EQ(view.string_at(p, "Other"), std::nullopt);    // a parameter without a default
  EXPECT_EQ(view.string_at(p, "SubnetId"), std::nullopt);  // a resource, not a literal
  // An SSM parameter's default names the parameter, not the value deployed.
  EXPECT_EQ(view.string_at(p, "ImageId"), std::nullopt);
  EXPECT_EQ(view.literal(parse(R"({"Ref": "AWS::Region"})")), nullptr);
}

TEST(StackView, GivesNothingForMissingProperties) {
  const StackView view(kTemplate);
  const Json& p = *view.resource("Instance")->properties;
  EXPECT_EQ(StackView::at(p, "Nope"), nullptr);
  EXPECT_EQ(StackView::at(p, "Data.Volume.Nope"), nullptr);
  EXPECT_EQ(StackView::at(p, "Port.Deeper"), nullptr);  // a path through a literal
  EXPECT_EQ(StackView::at(p, "Data.Empty"), nullptr);   // JSON null reads as absent
  EXPECT_EQ(view.string_at(p, "Nope"), std::nullopt);
  EXPECT_EQ(view.number_at(p, "Nope"), std::nullopt);
  EXPECT_EQ(view.bool_at(p, "Nope"), std::nullopt);
  EXPECT_TRUE(view.list_at(p, "Nope").empty());
  EXPECT_TRUE(view.items_at(p, "Nope").empty());
  EXPECT_EQ(view.map_at(p, "Nope"), nullptr);
  EXPECT_EQ(view.number_at(p, "InstanceType"), std::nullopt);  // "t3.small" is no number
  EXPECT_EQ(view.bool_at(p, "Port"), std::nullopt);
  const StackView empty(Json::object());
  EXPECT_TRUE(empty.resources().empty());
  EXPECT_TRUE(empty.graph().names.empty());
}

TEST(StackView, ReadsOneOrAListAsAList) {
  const StackView view(kTemplate);
  const Json doc = parse(R"({"One": {"Effect": "Allow"}, "Many": ["s3:*", "sqs:*"]})");
  EXPECT_EQ(view.items_at(doc, "One").size(), 1u);
  EXPECT_EQ(view.items_at(doc, "Many").size(), 2u);
  EXPECT_EQ(view.list_at(doc, "One").size(), 0u);
}

TEST(StackView, ReferencesOfAResourceIncludeItsDependsOn) {
  const StackView view(kTemplate);
  const auto refs = view.references(*view.resource("Instance"));
  EXPECT_THAT(refs, ElementsAre(Reference{Kind::Ref, "Type", ""}, Reference{Kind::Ref, "Ami", ""},
                                Reference{Kind::Ref, "Subnet", ""}, Reference{Kind::Ref, "Flag", ""},
                                Reference{Kind::Ref, "Size", ""}, Reference{Kind::Ref, "NoDefault", ""},
                                Reference{Kind::DependsOn, "Vpc", ""}, Reference{Kind::DependsOn, "Subnet", ""}));
  EXPECT_THAT(view.references(*view.resource("Waiter")), ElementsAre(Reference{Kind::DependsOn, "Bare", ""}));
}

TEST(StackView, GraphHasAnEdgePerResourceReferredToOnceInIdOrder) {
  const StackView view(kTemplate);
  const auto& g = view.graph();
  EXPECT_THAT(g.names, ElementsAre("Vpc", "Subnet", "Instance", "Bare", "Waiter"));
  using E = std::pair<std::size_t, std::size_t>;
  EXPECT_THAT(g.edges, ElementsAre(E{1, 0}, E{2, 1}, E{2, 0}, E{4, 3}));  // Instance: Subnet before Vpc
}

TEST(StackView, ExportsNameTheOneElementTheirValueRefersTo) {
  const StackView view(kTemplate);
  EXPECT_THAT(view.exports(), ElementsAre(std::pair<const std::string, std::string>{"App:Vpc", "Vpc"}));
}

}  // namespace
