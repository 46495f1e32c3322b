#pragma once
// Helpers of the codepipeline tests: template matchers and a pipeline with a
// source stage, on which each test adds the stages it is about.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cdk::testing::pipeline {

using cdk::assertions::Match;

inline Match ref(const std::string& id) { return Match::object_equals({{"Ref", id}}); }
inline Match get_att(const std::string& id, const std::string& attribute) {
  return Match::object_equals({{"Fn::GetAtt", Match::array_equals({id, attribute})}});
}
inline Match join(std::vector<Match> parts) {
  return Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals(std::move(parts))})}});
}
/// arn:${Partition}:<service>:${Region}:${AccountId}:<first><rest...>
inline Match arn(const std::string& service, const std::string& first, std::vector<Match> rest = {}) {
  std::vector<Match> parts = {"arn:", ref("AWS::Partition"), ":" + service + ":", ref("AWS::Region"), ":",
                              ref("AWS::AccountId"), ":" + first};
  for (auto& r : rest) parts.push_back(std::move(r));
  return join(std::move(parts));
}
inline Match allow(std::vector<Match> actions, Match resource) {
  return Match::object_equals({{"Effect", "Allow"},
                               {"Action", actions.size() == 1 ? actions.front() : Match::array_equals(std::move(actions))},
                               {"Resource", std::move(resource)}});
}
/// The statements of the default policy of the role with this logical id.
inline Match policy_of(const std::string& role, Match statements) {
  return Match::object_like({{"Roles", Match::array_equals({ref(role)})},
                             {"PolicyDocument", Match::object_like({{"Statement", std::move(statements)}})}});
}

inline const char* connection_arn =
    "arn:aws:codestar-connections:eu-west-1:123456789012:connection/aaaabbbb-cccc-dddd-eeee-ffff00001111";

class PipelineTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::codepipeline::Artifact source{"Source"};

  /// A pipeline whose first stage reads GitHub through a connection ("GitHub" -> Source).
  cdk::codepipeline::Pipeline& pipeline(cdk::codepipeline::PipelineProps props = {}) {
    auto& p = stack.add<cdk::codepipeline::Pipeline>("Pipeline", std::move(props));
    p.add_stage({.stage_name = "Source"}).add_action(cdk::codepipeline_actions::CodeStarConnectionsSourceAction{
        .action_name = "GitHub", .connection_arn = connection_arn, .owner = "acme", .repo = "engine",
        .branch = "main", .output = source});
    return p;
  }
};

}  // namespace cdk::testing::pipeline
