#include <cdk/pipelines/code_pipeline.hpp>

#include "detail/build.hpp"

#include <cdk/aspects.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <algorithm>

namespace cdk::pipelines {

namespace {

// Builds the pipeline just before synthesis, unless build_pipeline() did.
class BuildBeforeSynthesis : public IAspect {
 public:
  explicit BuildBeforeSynthesis(CodePipeline& pipeline) : pipeline_(pipeline) {}
  void visit(Construct& c) override {
    if (&c == &pipeline_) pipeline_.build_pipeline();
  }

 private:
  CodePipeline& pipeline_;
};

// The stacks directly in `stage` (not in a stage inside it), in creation order.
std::vector<Stack*> stacks_of(const cdk::Stage& stage) {
  std::vector<Stack*> out;
  for (Construct* c : stage.node().find_all())
    if (auto* s = dynamic_cast<Stack*>(c); s != nullptr && cdk::Stage::of(*s) == &stage) out.push_back(s);
  return out;
}

}  // namespace

CodePipeline::CodePipeline(Construct& scope, std::string_view id, const CodePipelineProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  if (!props_.source)
    throw Error(path, "the pipeline has no source", "set .source = CodePipelineSource::connection(\"owner/repo\", \"main\", {...})");
  if (!props_.synth)
    throw Error(path, "the pipeline has no synth step", "set .synth = cmake_synth({.target = \"<your infra program>\"})");
  if (props_.synth->input != StepInput::Source)
    throw Error(path, "the synth step reads the synth output", "let it read the source (StepInput::Source, the default)");
  if (props_.synth->commands.empty())
    throw Error(path, "the synth step has no commands", "give it commands that build the program and run `<program> synth`");
  if (props_.primary_output_directory.empty())
    throw Error(path, "primary_output_directory is empty", "name the directory `synth` writes (\"cdk.out\")");
  Aspects::of(*this).add(std::make_shared<BuildBeforeSynthesis>(*this));
}

CodePipeline::~CodePipeline() = default;

void CodePipeline::check_unbuilt(const std::string& path) const {
  if (built())
    throw Error(path, "the pipeline is built already", "add every stage and wave before build_pipeline() or synthesis");
}

void CodePipeline::check_stack(const std::string& path, const Stack& stack) const {
  const auto& self = Stack::of(*this);
  const auto& name = stack.node().path();
  if (&stack == &self)
    throw Error(path, "stack " + name + " is the pipeline's own stack", "the UpdatePipeline stage deploys it; list only the app's other stacks");
  if (std::find(deployed_.begin(), deployed_.end(), &stack) != deployed_.end())
    throw Error(path, "stack " + name + " is deployed by another stage already", "deploy each stack in one stage");
  if (stack.environment_agnostic())
    throw Error(path, "stack " + name + " has no account and region",
                "give it .env = {.account = \"123456789012\", .region = \"eu-west-1\"}: the pipeline deploys to a concrete environment");
  const auto& env = self.env();
  if (env.region.empty() || env.account.empty())
    throw Error(path, "the pipeline's stack " + self.node().path() + " has no account and region",
                "give it .env = {.account, .region}: stacks are deployed from that environment");
}

void CodePipeline::check_stage(const std::string& path, const std::vector<Stack*>& stacks) {
  check_unbuilt(path);
  if (stacks.empty()) throw Error(path, "the stage has no stacks", "list the stacks it deploys");
  for (const auto* s : stacks) {
    if (s == nullptr) throw Error(path, "the stage lists a null stack", "list the stacks it deploys");
    check_stack(path, *s);
    if (std::count(stacks.begin(), stacks.end(), s) > 1)
      throw Error(path, "stack " + s->node().path() + " is listed twice", "list each stack once");
  }
  deployed_.insert(deployed_.end(), stacks.begin(), stacks.end());
}

StageDeployment& CodePipeline::add_stage(const std::string& name, const std::vector<Stack*>& stacks, AddStageOptions options) {
  auto& wave = new_wave(name, {}, false);
  return wave.add_stage(name, stacks, std::move(options));
}

StageDeployment& CodePipeline::add_stage(cdk::Stage& stage, AddStageOptions options) {
  return add_stage(stage.stage_name(), stacks_of(stage), std::move(options));
}

Wave& CodePipeline::add_wave(const std::string& name, WaveOptions options) { return new_wave(name, std::move(options), true); }

Wave& CodePipeline::new_wave(const std::string& name, WaveOptions options, bool prefix_actions) {
  const auto path = node().path() + "/" + name;
  check_unbuilt(path);
  if (name.empty()) throw Error(node().path(), "a stage or wave has no name", "name it");
  for (const char* reserved : {"Source", "Build", "UpdatePipeline", "Assets"})
    if (name == reserved)
      throw Error(path, "\"" + name + "\" is the name of a stage the pipeline makes", "give the stage or wave another name");
  for (const auto& w : waves_)
    if (w->name() == name) throw Error(path, "the pipeline has a stage or wave named \"" + name + "\" already", "give each its own name");
  waves_.push_back(std::make_unique<Wave>(*this, name, std::move(options), prefix_actions));
  return *waves_.back();
}

void CodePipeline::build_pipeline() {
  if (built()) return;
  pipeline_ = &detail::build(*this);
}

codepipeline::Pipeline& CodePipeline::pipeline() const {
  if (!built()) throw Error(node().path(), "the pipeline is not built yet", "call build_pipeline() first");
  return *pipeline_;
}

StageDeployment& Wave::add_stage(const std::string& name, const std::vector<Stack*>& stacks, AddStageOptions options) {
  const auto path = pipeline_.node().path() + "/" + name_ + (name == name_ ? "" : "/" + name);
  if (name.empty()) throw Error(path, "a stage has no name", "name it");
  for (const auto& s : stages_)
    if (s->name() == name) throw Error(path, "the wave has a stage named \"" + name + "\" already", "give each its own name");
  pipeline_.check_stage(path, stacks);
  stages_.push_back(std::make_unique<StageDeployment>(name, stacks, std::move(options)));
  return *stages_.back();
}

StageDeployment& Wave::add_stage(cdk::Stage& stage, AddStageOptions options) {
  return add_stage(stage.stage_name(), stacks_of(stage), std::move(options));
}

}  // namespace cdk::pipelines
