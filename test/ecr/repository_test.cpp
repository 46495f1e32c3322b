// ecr::Repository: scanning, tag mutability, lifecycle rules, grants, errors.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ecr/cfn_repository.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace ecr = cdk::ecr;

class RepositoryTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(RepositoryTest, ScansOnPushAndIsRetainedByDefault) {
  auto& repo = stack.add<ecr::Repository>("Repo");
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::ECR::Repository", Match::object_like({
      {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"},
      {"Properties", Match::object_equals({{"ImageScanningConfiguration", Match::object_equals({{"ScanOnPush", true}})}})}}));
  EXPECT_EQ(repo.repository_uri().name(), "RepositoryUri");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RepositoryTest, RendersImmutableTagsKmsAndLifecycleRulesInPriorityOrder) {
  auto& repo = stack.add<ecr::Repository>("Repo", {
      .repository_name = "team/web-app",
      .image_tag_mutability = ecr::TagMutability::Immutable,
      .lifecycle_rules = {{.description = "old untagged", .tag_status = ecr::TagStatus::Untagged, .max_image_age_days = 14},
                          {.tag_prefix_list = {"dev-"}, .max_image_count = 10},
                          {.max_image_count = 100}},
      .encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  const std::string expected =
      R"({"rules":[)"
      R"({"rulePriority":1,"description":"old untagged","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}},)"
      R"({"rulePriority":2,"selection":{"tagStatus":"tagged","tagPrefixList":["dev-"],"countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}},)"
      R"({"rulePriority":3,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":100},"action":{"type":"expire"}}]})";
  EXPECT_EQ(repo.lifecycle_policy_text(), expected);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECR::Repository", Match::object_like({
      {"RepositoryName", "team/web-app"}, {"ImageTagMutability", "IMMUTABLE"},
      {"EncryptionConfiguration", Match::object_equals({{"EncryptionType", "KMS"},
          {"KmsKey", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}})},
      {"LifecyclePolicy", Match::object_equals({{"LifecyclePolicyText", expected}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RepositoryTest, GrantPullAndPullPush) {
  auto& repo = stack.add<ecr::Repository>("Repo");
  auto& puller = stack.add<cdk::iam::Role>("Puller", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  auto& ci = stack.add<cdk::iam::Role>("Ci", {.assumed_by = cdk::iam::AccountRootPrincipal{}});
  repo.grant_pull(puller);
  repo.grant_pull_push(ci);
  auto t = Template::from_stack(stack);
  const auto arn = Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(repo.cfn_repository()), "Arn"})}});
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(puller.cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", Match::array_equals({"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                                                              "ecr:BatchGetImage"})}, {"Resource", arn}}),
          Match::object_like({{"Action", "ecr:GetAuthorizationToken"}, {"Resource", "*"}})})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(ci.cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({
          Match::object_like({{"Action", Match::array_with({"ecr:PutImage", "ecr:CompleteLayerUpload"})}, {"Resource", arn}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RepositoryTest, EmptyOnDeleteGoesWithRemovalPolicyDelete) {
  stack.add<ecr::Repository>("Scratch", {.removal_policy = cdk::RemovalPolicy::Delete, .empty_on_delete = true});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::ECR::Repository", Match::object_like({{"DeletionPolicy", "Delete"},
      {"Properties", Match::object_like({{"EmptyOnDelete", true}})}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THAT([&] { stack.add<ecr::Repository>("Kept", {.empty_on_delete = true}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/Kept")));
}

TEST_F(RepositoryTest, RejectsBadNamesAndLifecycleRulesNamingThePath) {
  auto bad = [&](const char* id, ecr::RepositoryProps p, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<ecr::Repository>(id, std::move(p)); }, std::string("Stack/") + id, text);
  };
  bad("Upper", {.repository_name = "WebApp"}, "lowercase");
  bad("Dashes", {.repository_name = "web--app"}, "both sides");
  bad("Neither", {.lifecycle_rules = {{}}}, "exactly one");
  bad("Both", {.lifecycle_rules = {{.max_image_count = 1, .max_image_age_days = 1}}}, "exactly one");
  bad("TaggedNoPrefix", {.lifecycle_rules = {{.tag_status = ecr::TagStatus::Tagged, .max_image_count = 5}}}, "tag_prefix_list");
  bad("AnyNotLast", {.lifecycle_rules = {{.max_image_count = 5}, {.tag_status = ecr::TagStatus::Untagged, .max_image_count = 1}}},
      "last rule");
  auto& repo = stack.add<ecr::Repository>("Ok");
  EXPECT_THAT([&] { (void)repo.repository_uri_for_digest("abc"); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("sha256")));
  EXPECT_THAT([&] { (void)repo.repository_uri_for_tag(""); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/Ok")));
}

}  // namespace
