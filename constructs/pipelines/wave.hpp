#pragma once
/// cdk::pipelines::Wave and StageDeployment: what a CDK pipeline deploys.
///
///   auto& wave = pipeline.add_wave("Regions", {.pre = {approve}});
///   wave.add_stage("Eu", {&eu_api, &eu_db});      // both stages deploy in parallel,
///   wave.add_stage("Us", {&us_api, &us_db});      // in one pipeline stage "Regions"
///   wave.add_stage(ap_stage);                     // a cdk::Stage: its stacks, named "Ap"
///
/// A stage deployment is a named group of the app's stacks, each with a
/// concrete env: listed by hand, or the stacks of a cdk::Stage. Each
/// stack deploys as two CloudFormation actions, "<Stack>.Prepare" (create a
/// change set) and "<Stack>.Deploy" (execute it); stacks that depend on
/// others of the stage deploy after them. In a wave made by add_wave each
/// action name is prefixed with "<Stage>.", so that names stay unique.
///
/// Pre and post steps run one after another in the order given (the AWS CDK
/// runs steps without dependencies in parallel): a stage's pre steps before
/// its stacks, its post steps after all of them; a wave's pre steps before
/// every stage of the wave, its post steps after all of them.
#include <cdk/list.hpp>
#include <cdk/pipelines/step.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cdk {
class Stack;
class Stage;
}

namespace cdk::pipelines {

class CodePipeline;

struct AddStageOptions {
  List<Step> pre{};          ///< before the stage's stacks; default none
  List<Step> post{};         ///< after them; default none
};

struct WaveOptions {
  List<Step> pre{};          ///< before every stage of the wave; default none
  List<Step> post{};         ///< after them all; default none
};

class StageDeployment {
 public:
  StageDeployment(std::string name, std::vector<Stack*> stacks, AddStageOptions options)
      : name_(std::move(name)), stacks_(std::move(stacks)), pre_(std::move(options.pre)), post_(std::move(options.post)) {}

  void add_pre(Step step) { pre_.push_back(std::move(step)); }
  void add_post(Step step) { post_.push_back(std::move(step)); }

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<Stack*>& stacks() const noexcept { return stacks_; }
  [[nodiscard]] const std::vector<Step>& pre() const noexcept { return pre_; }
  [[nodiscard]] const std::vector<Step>& post() const noexcept { return post_; }

 private:
  std::string name_;
  std::vector<Stack*> stacks_;
  std::vector<Step> pre_;
  std::vector<Step> post_;
};

class Wave {
 public:
  /// Made by CodePipeline::add_wave, or (`prefix_actions` false) add_stage.
  Wave(CodePipeline& pipeline, std::string name, WaveOptions options, bool prefix_actions = true)
      : pipeline_(pipeline), name_(std::move(name)), pre_(std::move(options.pre)), post_(std::move(options.post)),
        prefix_actions_(prefix_actions) {}

  /// Adds a stage that deploys in parallel with the wave's other stages.
  /// Throws cdk::Error as CodePipeline::add_stage does.
  StageDeployment& add_stage(const std::string& name, const std::vector<Stack*>& stacks, AddStageOptions options = {});
  /// The stacks directly in `stage`, named after its stage_name().
  StageDeployment& add_stage(cdk::Stage& stage, AddStageOptions options = {});
  void add_pre(Step step) { pre_.push_back(std::move(step)); }
  void add_post(Step step) { post_.push_back(std::move(step)); }

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<std::unique_ptr<StageDeployment>>& stages() const noexcept { return stages_; }
  [[nodiscard]] const std::vector<Step>& pre() const noexcept { return pre_; }
  [[nodiscard]] const std::vector<Step>& post() const noexcept { return post_; }
  /// Whether the stages' action names start with "<Stage>." (waves made by add_wave).
  [[nodiscard]] bool prefix_actions() const noexcept { return prefix_actions_; }

 private:
  CodePipeline& pipeline_;
  std::string name_;
  std::vector<Step> pre_;
  std::vector<Step> post_;
  bool prefix_actions_ = true;
  std::vector<std::unique_ptr<StageDeployment>> stages_;
};

}  // namespace cdk::pipelines
