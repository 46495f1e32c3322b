#include "build.hpp"

#include "assets.hpp"
#include "bootstrap_role.hpp"
#include "deploy_order.hpp"

#include <cdk/cfn_output.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline_actions/codebuild_action.hpp>
#include <cdk/codepipeline_actions/manual_approval_action.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/pipelines/code_pipeline.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace cdk::pipelines::detail {

namespace {

using codepipeline::Artifact;

constexpr const char* capabilities = "CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND";

bool has_assets(const Stack& stack) {
  const auto a = assets_of(stack);
  return !a.files.empty() || !a.images.empty();
}

// How actions name a stack: its artifact id; a stack of a cdk::Stage, as CDK
// Pipelines names it, by its stack name without the "<stage name>-" prefix
// ("Network" for Prod-Network), which is readable and unique in the stage.
std::string action_stack_name(const Stack& stack) {
  const Stage* stage = Stage::of(stack);
  if (stage == nullptr) return stack.artifact_id();
  const std::string prefix = stage->stage_name() + "-";
  const std::string& name = stack.stack_name();
  return name.starts_with(prefix) ? name.substr(prefix.size()) : name;
}

// "<Stack artifact id>" with what a variables namespace refuses replaced.
std::string namespace_of(const Stack& stack) {
  auto ns = stack.artifact_id();
  std::replace_if(ns.begin(), ns.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '@' && c != '_' && c != '-'; }, '_');
  return ns;
}

class Builder {
 public:
  explicit Builder(CodePipeline& owner) : owner_(owner), props_(owner.props()) {}

  codepipeline::Pipeline& run() {
    collect_output_namespaces();
    for (const auto& wave : owner_.waves())
      for (const auto& d : wave->stages()) planned_.insert(planned_.end(), d->stacks().begin(), d->stacks().end());
    check_own_stack();
    pipeline_ = &owner_.add<codepipeline::Pipeline>("Pipeline", codepipeline::PipelineProps{
        .pipeline_name = props_.pipeline_name, .cross_account_keys = cross_account_keys(),
        .restart_execution_on_update = props_.self_mutation});
    props_.source->add_to(pipeline_->add_stage({.stage_name = "Source"}), source_);
    add_synth();
    if (props_.self_mutation) add_self_mutation();
    add_asset_stage({.pipeline = *pipeline_, .scope = owner_.add<Construct>("Assets"), .props = props_, .assembly = synth_output_},
                    planned_);
    for (const auto& wave : owner_.waves()) add_wave(*wave);
    return *pipeline_;
  }

 private:
  // SelfMutate deploys the pipeline's stack before the Assets stage runs.
  void check_own_stack() const {
    const auto& self = Stack::of(owner_);
    if (props_.self_mutation && has_assets(self))
      throw Error(owner_.node().path(), "the pipeline's own stack " + self.node().path() +
                  " has file or image assets, which SelfMutate would deploy before the Assets stage publishes them",
                  "move them to a stack the pipeline deploys in a stage, or set .self_mutation = false and deploy the "
                  "pipeline's stack with `<program> deploy`");
  }

  // Another account's deploy role reads the artifacts only through a key policy.
  bool cross_account_keys() const {
    const auto& account = Stack::of(owner_).env().account;
    const auto other = std::find_if(planned_.begin(), planned_.end(), [&](const Stack* s) { return s->env().account != account; });
    if (other == planned_.end()) return props_.cross_account_keys.value_or(false);
    if (props_.cross_account_keys == false)
      throw Error(owner_.node().path(), "stack " + (*other)->node().path() + " deploys to account " + (*other)->env().account +
                  ", and cross_account_keys is false",
                  "leave cross_account_keys unset (or true): another account's deploy role can read the artifacts "
                  "only through the key policy of a customer-managed key");
    return true;
  }

  // The stacks whose outputs steps read get a variables namespace on their Deploy action.
  void collect_output_namespaces() {
    auto collect = [&](const std::vector<Step>& steps) {
      for (const auto& step : steps)
        if (const auto* shell = std::get_if<ShellStep>(&step))
          for (const auto& [name, output] : shell->env_from_cfn_outputs) {
            if (!output)
              throw Error(owner_.node().path(), "step " + shell->id + " reads variable " + name + " from no output",
                          "name a CfnOutput of a stack the pipeline deploys");
            reading_outputs_.insert(&Stack::of(*output));
          }
    };
    for (const auto& wave : owner_.waves()) {
      collect(wave->pre());
      collect(wave->post());
      for (const auto& stage : wave->stages()) {
        collect(stage->pre());
        collect(stage->post());
      }
    }
  }

  codebuild::PipelineProject& project(Construct& scope, const ShellStep& step, bool synth) {
    codebuild::BuildSpecProps spec;
    for (const auto& [k, v] : step.env) spec.env_variables.emplace(k, Value(v));
    spec.install.commands = step.install_commands;
    spec.build.commands = step.commands;
    codebuild::ProjectProps p{.build_image = props_.build_image, .compute_type = props_.compute_type,
                              .encryption_key_arn = pipeline_->artifacts_key_arn()};
    if (synth) {
      spec.artifact_files = {"**/*"};
      spec.artifact_base_directory = props_.primary_output_directory;
      spec.cache_paths = step.cache_paths;
      if (props_.synth_compute_type) p.compute_type = props_.synth_compute_type;
      if (!step.cache_paths.empty()) p.cache = props_.synth_cache;
    }
    p.build_spec = codebuild::BuildSpec::from_object(std::move(spec));
    return scope.add<codebuild::PipelineProject>("CdkBuildProject", std::move(p));
  }

  void add_synth() {
    auto& scope = owner_.add<Construct>("Build").add<Construct>("Synth");
    auto& stage = pipeline_->add_stage({.stage_name = "Build"});
    stage.add_action(codepipeline_actions::CodeBuildAction{
        .action_name = "Synth", .project = project(scope, *props_.synth, true), .input = source_, .outputs = {synth_output_}});
  }

  // Lets the target's bootstrap roles read the assembly (the deploy role's own
  // policy covers only buckets of other accounts; a role of another account
  // needs the key policy too); in another region, the copy in that region's store.
  void grant_assembly_read(const Value& role_arn, const std::string& region) {
    pipeline_->grant_artifacts_read_to(role_arn, region);
  }

  Value::Map deploy_config(const Stack& stack, const char* mode) {
    const auto exec_role = bootstrap_role(stack, "cfn-exec-role");
    grant_assembly_read(exec_role, stack.env().region);
    return {{"ActionMode", mode}, {"StackName", stack.stack_name()},
            {"TemplatePath", synth_output_.at_path(stack.template_path()).location()}, {"RoleArn", exec_role},
            {"Capabilities", capabilities}};
  }

  void add_self_mutation() {
    const auto& self = Stack::of(owner_);
    const auto deploy_role = bootstrap_role(self, "deploy-role");
    grant_assembly_read(deploy_role, self.env().region);
    pipeline_->add_stage({.stage_name = "UpdatePipeline"}).add_action_as_role({
        .action_name = "SelfMutate", .role_arn = deploy_role,
        .config = {.category = codepipeline::ActionCategory::Deploy, .provider = "CloudFormation",
                   .inputs = {synth_output_}, .configuration = Value(deploy_config(self, "CREATE_UPDATE"))}});
  }

  struct Placement {
    codepipeline::Stage& stage;
    std::string prefix;  // of action names
    std::set<const Stack*> deployed;  // stacks whose outputs the step may read
  };

  std::int64_t add_step(const Step& step, std::int64_t run_order, const Placement& at) {
    const auto name = at.prefix + step_id(step);
    if (const auto* approval = std::get_if<ManualApprovalStep>(&step)) {
      at.stage.add_action(codepipeline_actions::ManualApprovalAction{
          .action_name = name, .additional_information = approval->comment, .run_order = run_order});
      return run_order + 1;
    }
    const auto& shell = std::get<ShellStep>(step);
    const auto path = owner_.node().path() + "/" + at.stage.stage_name() + "/" + name;
    if (shell.commands.empty()) throw Error(path, "the step has no commands", "give it .commands");
    codebuild::BuildEnvironmentVariables vars;
    for (const auto& [var, output] : shell.env_from_cfn_outputs) {
      const auto& stack = Stack::of(*output);
      if (at.deployed.count(&stack) == 0)
        throw Error(path, "variable " + var + " reads an output of stack " + stack.node().path() + ", which is not deployed before the step",
                    "read outputs of stacks deployed in an earlier stage, or in a post step of their own stage");
      vars[var] = {.value = Value("#{" + namespace_of(stack) + "." + stack.logical_id(*output) + "}")};
    }
    auto* scope = owner_.node().try_find_child(at.stage.stage_name());
    if (scope == nullptr) scope = &owner_.add<Construct>(at.stage.stage_name());
    auto& step_scope = scope->add<Construct>(name);
    at.stage.add_action(codepipeline_actions::CodeBuildAction{
        .action_name = name, .project = project(step_scope, shell, false),
        .input = shell.input == StepInput::Source ? source_ : synth_output_, .environment_variables = std::move(vars),
        .run_order = run_order});
    return run_order + 1;
  }

  std::int64_t add_steps(const std::vector<Step>& steps, std::int64_t run_order, const Placement& at) {
    for (const auto& s : steps) run_order = add_step(s, run_order, at);
    return run_order;
  }

  void check_dependencies(const std::string& path, const Stack& stack, const std::vector<Stack*>& group) {
    for (const auto* d : stack_dependencies(stack)) {
      const bool planned = std::find(planned_.begin(), planned_.end(), d) != planned_.end();
      const bool in_group = std::find(group.begin(), group.end(), d) != group.end();
      if (planned && !in_group && deployed_.count(d) == 0)
        throw Error(path, "stack " + stack.node().path() + " depends on " + d->node().path() + ", which deploys in parallel or later",
                    "deploy " + d->node().path() + " in an earlier stage, or in the same stage");
    }
  }

  void add_stack(codepipeline::Stage& stage, const std::string& prefix, const Stack& stack, std::int64_t run_order) {
    const auto& region = stack.env().region;
    const auto deploy_role = bootstrap_role(stack, "deploy-role");
    grant_assembly_read(deploy_role, region);
    const auto name = prefix + action_stack_name(stack);
    auto prepare = deploy_config(stack, "CHANGE_SET_REPLACE");
    prepare.insert(prepare.begin() + 2, {"ChangeSetName", change_set_name});
    stage.add_action_as_role({.action_name = name + ".Prepare", .run_order = run_order, .role_arn = deploy_role,
                              .config = {.category = codepipeline::ActionCategory::Deploy, .provider = "CloudFormation",
                                         .inputs = {synth_output_}, .configuration = Value(std::move(prepare))},
                              .region = region});
    Value::Map execute = {{"ActionMode", "CHANGE_SET_EXECUTE"}, {"StackName", stack.stack_name()}, {"ChangeSetName", change_set_name}};
    stage.add_action_as_role({.action_name = name + ".Deploy", .run_order = run_order + 1,
                              .variables_namespace = reading_outputs_.count(&stack) != 0 ? namespace_of(stack) : "",
                              .role_arn = deploy_role,
                              .config = {.category = codepipeline::ActionCategory::Deploy, .provider = "CloudFormation",
                                         .configuration = Value(std::move(execute))},
                              .region = region});
  }

  // One stage deployment from `run_order`; returns the run order after it.
  std::int64_t add_deployment(const StageDeployment& d, const Wave& wave, codepipeline::Stage& stage, std::int64_t run_order) {
    const auto prefix = wave.prefix_actions() ? d.name() + "." : std::string();
    const auto path = owner_.node().path() + "/" + wave.name();
    Placement at{stage, prefix, deployed_};
    run_order = add_steps(d.pre(), run_order, at);
    for (const auto* s : d.stacks()) check_dependencies(path, *s, d.stacks());
    for (const auto& level : deploy_levels(path, d.stacks())) {
      for (const auto* s : level) add_stack(stage, prefix, *s, run_order);
      run_order += 2;
    }
    at.deployed.insert(d.stacks().begin(), d.stacks().end());
    return add_steps(d.post(), run_order, at);
  }

  void add_wave(const Wave& wave) {
    auto& stage = pipeline_->add_stage({.stage_name = wave.name()});
    const auto start = add_steps(wave.pre(), 1, {stage, "", deployed_});
    std::int64_t end = start;
    for (const auto& d : wave.stages()) end = std::max(end, add_deployment(*d, wave, stage, start));
    for (const auto& d : wave.stages()) deployed_.insert(d->stacks().begin(), d->stacks().end());
    add_steps(wave.post(), end, {stage, "", deployed_});
  }

  CodePipeline& owner_;
  const CodePipelineProps& props_;
  codepipeline::Pipeline* pipeline_ = nullptr;
  Artifact source_{props_.source->artifact_name()};
  Artifact synth_output_{synth_output_name};
  std::set<const Stack*> reading_outputs_;
  std::vector<const Stack*> planned_;    // every stack the pipeline deploys
  std::set<const Stack*> deployed_;      // stacks of the waves finished so far
};

}  // namespace

codepipeline::Pipeline& build(CodePipeline& pipeline) { return Builder(pipeline).run(); }

}  // namespace cdk::pipelines::detail
