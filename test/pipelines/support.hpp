#pragma once
// Helpers of the pipelines tests: an app with a pipeline stack and app stacks
// in concrete environments, and the pipeline's stages read from the template.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/pipelines/pipelines.hpp>
#include <cdk/sqs/cfn_queue.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cdk::testing::pipelines {

inline const char* account = "111111111111";
inline const char* region = "eu-west-1";
inline const char* connection_arn =
    "arn:aws:codestar-connections:eu-west-1:111111111111:connection/aaaabbbb-cccc-dddd-eeee-ffff00001111";

class PipelinesTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& delivery = app.add<cdk::Stack>("Delivery", cdk::StackProps{.env = {.account = account, .region = region}});

  /// An app stack with one queue, in the pipeline's environment unless told.
  cdk::Stack& app_stack(const std::string& id, cdk::Environment env = {.account = account, .region = region}) {
    auto& s = app.add<cdk::Stack>(id, cdk::StackProps{.env = std::move(env)});
    s.add<cdk::sqs::CfnQueue>("Queue");
    return s;
  }

  cdk::pipelines::CodePipelineProps props() {
    return {.source = cdk::pipelines::CodePipelineSource::connection("acme/infra", "main", {.connection_arn = connection_arn}),
            .synth = cdk::pipelines::cmake_synth({.target = "infra"})};
  }

  cdk::pipelines::CodePipeline& pipeline(cdk::pipelines::CodePipelineProps p) {
    return delivery.add<cdk::pipelines::CodePipeline>("Pipeline", std::move(p));
  }
  cdk::pipelines::CodePipeline& pipeline() { return pipeline(props()); }

  /// The Stages of the delivery stack's pipeline, as written in the template.
  static nlohmann::json stages(const cdk::assertions::Template& t) {
    const auto resources = nlohmann::json::parse(t.to_json())["Resources"];
    for (const auto& [id, r] : resources.items())
      if (r["Type"] == "AWS::CodePipeline::Pipeline") return r["Properties"]["Stages"];
    ADD_FAILURE() << "no pipeline in the template";
    return nlohmann::json::array();
  }
  static std::vector<std::string> stage_names(const nlohmann::json& stages) {
    std::vector<std::string> out;
    for (const auto& s : stages) out.push_back(s["Name"]);
    return out;
  }
  /// The stage's actions as "<name>@<run order>".
  static std::vector<std::string> run_orders(const nlohmann::json& stage) {
    std::vector<std::string> out;
    for (const auto& a : stage["Actions"]) out.push_back(a["Name"].get<std::string>() + "@" + std::to_string(a["RunOrder"].get<int>()));
    return out;
  }
  static nlohmann::json action(const nlohmann::json& stage, const std::string& name) {
    for (const auto& a : stage["Actions"])
      if (a["Name"] == name) return a;
    ADD_FAILURE() << "no action " << name << " in stage " << stage["Name"];
    return {};
  }
};

}  // namespace cdk::testing::pipelines
