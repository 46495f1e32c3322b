#include <cdk/codepipeline/pipeline.hpp>

#include "detail/artifacts_key_policy.hpp"
#include "detail/names.hpp"

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline/cfn_pipeline.hpp>
#include <cdk/codepipeline/cross_region_support_stack.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/policy_statement.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/kms/cfn_key.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace cdk::codepipeline {

namespace {

constexpr std::size_t max_filters = 3;
constexpr std::size_t max_patterns = 8;
constexpr std::string_view codestar_provider = "CodeStarSourceConnection";

std::string_view execution_mode_name(ExecutionMode m) {
  switch (m) {
    case ExecutionMode::Queued: return "QUEUED";
    case ExecutionMode::Superseded: return "SUPERSEDED";
    case ExecutionMode::Parallel: return "PARALLEL";
  }
  return "SUPERSEDED";
}

std::string_view pull_request_event_name(GitPullRequestEvent e) {
  switch (e) {
    case GitPullRequestEvent::Open: return "OPEN";
    case GitPullRequestEvent::Updated: return "UPDATED";
    case GitPullRequestEvent::Closed: return "CLOSED";
  }
  return "OPEN";
}

template <class Criteria>
std::optional<Criteria> criteria(const std::vector<std::string>& includes, const std::vector<std::string>& excludes) {
  if (includes.empty() && excludes.empty()) return std::nullopt;
  Criteria c;
  if (!excludes.empty()) c.excludes = excludes;
  if (!includes.empty()) c.includes = includes;
  return c;
}

CfnPipeline::PipelineTriggerDeclarationProperty render_trigger(const Trigger& t) {
  CfnPipeline::GitConfigurationProperty git;
  git.source_action_name = t.source_action_name;
  for (const auto& f : t.push_filter)
    git.push.push_back({.branches = criteria<CfnPipeline::GitBranchFilterCriteriaProperty>(f.branches_includes, f.branches_excludes),
                        .file_paths = criteria<CfnPipeline::GitFilePathFilterCriteriaProperty>(f.file_paths_includes, f.file_paths_excludes),
                        .tags = criteria<CfnPipeline::GitTagFilterCriteriaProperty>(f.tags_includes, f.tags_excludes)});
  for (const auto& f : t.pull_request_filter) {
    CfnPipeline::GitPullRequestFilterProperty pr;
    pr.branches = criteria<CfnPipeline::GitBranchFilterCriteriaProperty>(f.branches_includes, f.branches_excludes);
    std::vector<std::string> events;
    for (auto e : f.events) events.emplace_back(pull_request_event_name(e));
    if (!events.empty()) pr.events = events;
    pr.file_paths = criteria<CfnPipeline::GitFilePathFilterCriteriaProperty>(f.file_paths_includes, f.file_paths_excludes);
    git.pull_request.push_back(std::move(pr));
  }
  return {.git_configuration = std::move(git), .provider_type = std::string(codestar_provider)};
}

CfnPipeline::ArtifactStoreProperty render_store(const ArtifactStore& store) {
  CfnPipeline::ArtifactStoreProperty out{.location = store.bucket_name, .type = "S3"};
  if (!store.key_id.is_null()) out.encryption_key = CfnPipeline::EncryptionKeyProperty{.id = store.key_id, .type = "KMS"};
  return out;
}

CfnPipeline::ActionDeclarationProperty render_action(const StageAction& a, const std::string& pipeline_region) {
  CfnPipeline::ActionDeclarationProperty out;
  const auto& c = a.config;
  out.action_type_id = CfnPipeline::ActionTypeIdProperty{.category = std::string(action_category_name(c.category)),
                                                         .owner = c.owner, .provider = c.provider, .version = c.version};
  if (!c.configuration.is_null()) out.configuration = c.configuration;
  for (const auto& i : c.inputs) out.input_artifacts.push_back({.name = i.name()});
  out.name = a.name;
  if (!a.variables_namespace.empty()) out.namespace_ = a.variables_namespace;
  if (!a.region.empty() && a.region != pipeline_region) out.region = a.region;
  for (const auto& o : c.outputs) out.output_artifacts.push_back({.name = o.name()});
  if (a.role != nullptr) out.role_arn = a.role->role_arn();
  else if (!a.role_arn.is_null()) out.role_arn = a.role_arn;
  out.run_order = a.run_order;
  return out;
}

}  // namespace

Pipeline::Pipeline(Construct& scope, std::string_view id, const PipelineProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  if (!props_.pipeline_name.empty()) detail::check_name(path, "pipeline name", props_.pipeline_name, ".@_-");
  if (props_.pipeline_type == PipelineType::V1 && props_.execution_mode && *props_.execution_mode != ExecutionMode::Superseded)
    throw Error(path, "execution mode " + std::string(execution_mode_name(*props_.execution_mode)) + " needs a V2 pipeline",
                "use PipelineType::V2, or the Superseded mode");
  if (props_.cross_account_keys && props_.artifact_bucket)
    throw Error(path, "cross_account_keys encrypts the artifact bucket the pipeline makes, and an artifact_bucket is given",
                "leave out artifact_bucket, or give a bucket encrypted with a KMS key that the other accounts may use");
  if (props_.artifact_bucket) {
    bucket_ = props_.artifact_bucket.get();
  } else if (props_.cross_account_keys) {
    make_artifacts_key();
    bucket_ = &add<s3::Bucket>("ArtifactsBucket", {.encryption = s3::BucketEncryption::Kms, .encryption_key_arn = key_->attr_arn()});
  } else {
    bucket_ = &add<s3::Bucket>("ArtifactsBucket");
  }
  role_ = &add<iam::Role>("Role", {.assumed_by = iam::ServicePrincipal{"codepipeline.amazonaws.com"}});
  grant_artifacts_read_write(*bucket_, *role_);
  own_store_ = artifact_store_of(*bucket_);
  CfnPipeline::Props l1;
  l1.role_arn = role_->role_arn();
  if (!props_.pipeline_name.empty()) l1.name = props_.pipeline_name;
  l1.pipeline_type = props_.pipeline_type == PipelineType::V2 ? "V2" : "V1";
  if (props_.execution_mode) l1.execution_mode = std::string(execution_mode_name(*props_.execution_mode));
  if (props_.restart_execution_on_update) l1.restart_execution_on_update = true;
  resource_ = &add<CfnPipeline>("Resource", std::move(l1));
  render_artifact_stores();
  for (const auto& [r, b] : props_.cross_region_replication_buckets) {
    if (b.bucket_name.empty())
      throw Error(path, "cross_region_replication_buckets[\"" + r + "\"] names no bucket", "set .bucket_name to a bucket in " + r);
    if (r.empty() || r == region())
      throw Error(path, "cross_region_replication_buckets lists \"" + r + "\", the pipeline's own region",
                  "list only other regions: the artifact bucket serves the pipeline's own");
  }
  // The pipeline checks its role's permissions when it is created.
  if (auto* policy = role_->default_policy()) resource_->node().add_dependency(*policy);
  auto variables = std::move(props_.variables);
  auto triggers = std::move(props_.triggers);
  props_.variables.clear();
  props_.triggers.clear();
  for (auto& v : variables) add_variable(std::move(v));
  for (auto& t : triggers) add_trigger(std::move(t));
}

Pipeline::~Pipeline() = default;

// As the AWS CDK's: kept only while the pipeline is (artifacts are transient),
// its id "ArtifactsBucketEncryptionKey/Resource" so that logical ids match.
void Pipeline::make_artifacts_key() {
  auto& scope = add<Construct>("ArtifactsBucketEncryptionKey");
  key_ = &scope.add<kms::CfnKey>("Resource", kms::CfnKey::Props{.enable_key_rotation = true});
  key_->apply_removal_policy(RemovalPolicy::Delete);
  render_key_policy();
}

void Pipeline::render_key_policy() {
  key_->props().key_policy = detail::artifacts_key_policy(readers_);
}

Value Pipeline::artifacts_key_arn() const { return key_ != nullptr ? key_->attr_arn() : Value(); }

void Pipeline::grant_artifacts_read_to(const Value& role_arn, const std::string& r) {
  if (role_arn.is_null())
    throw Error(node().path(), "grant_artifacts_read_to was given no role", "pass the ARN of the role that reads the artifacts");
  if (!r.empty() && r != region()) {
    (void)artifact_store(r, node().path());
    if (auto it = support_.find(r); it != support_.end()) it->second->grant_read_to(role_arn);
    return;
  }
  if (std::find(readers_.begin(), readers_.end(), role_arn) != readers_.end()) return;
  readers_.push_back(role_arn);
  bucket_->add_to_resource_policy({.actions = s3::actions::read(),
                                   .resources = {bucket_->bucket_arn(), bucket_->arn_for_objects("*")},
                                   .principals = Value::map({{"AWS", role_arn}})});
  if (key_ != nullptr) render_key_policy();
}

const std::string& Pipeline::region() const { return Stack::of(*this).env().region; }

void Pipeline::render_artifact_stores() {
  auto& l1 = resource_->props();
  if (stores_.empty()) {
    l1.artifact_store = render_store(own_store_);
    return;
  }
  l1.artifact_store.reset();
  l1.artifact_stores.clear();
  std::map<std::string, const ArtifactStore*> by_region{{region(), &own_store_}};
  for (const auto& [r, store] : stores_) by_region.emplace(r, &store);
  for (const auto& [r, store] : by_region) l1.artifact_stores.push_back({.artifact_store = render_store(*store), .region = r});
}

const ArtifactStore& Pipeline::artifact_store(const std::string& r, const std::string& path) {
  if (r.empty() || r == region()) return own_store_;
  if (auto it = stores_.find(r); it != stores_.end()) return it->second;
  const auto& stack = Stack::of(*this);
  if (region().empty())
    throw Error(path, "the action runs in " + r + ", and the pipeline's stack " + stack.node().path() +
                    " has no region to tell it apart from",
                "give the pipeline's stack .env = {.account = \"123456789012\", .region = \"eu-west-1\"}");
  return replication_store(r, path);
}

ArtifactStore& Pipeline::replication_store(const std::string& r, const std::string& path) {
  ArtifactStore store;
  if (auto given = props_.cross_region_replication_buckets.find(r); given != props_.cross_region_replication_buckets.end()) {
    store = {.region = r, .bucket_name = Value(given->second.bucket_name),
             .bucket_arn = Value("arn:") + Aws::partition() + Value(":s3:::" + given->second.bucket_name)};
    if (!given->second.encryption_key_arn.empty()) store.key_id = store.key_arn = Value(given->second.encryption_key_arn);
  } else {
    store = support_stack(r, path).store();
  }
  auto& out = stores_.emplace(r, std::move(store)).first->second;
  grant_artifacts_read_write(out, *role_);
  render_artifact_stores();
  return out;
}

// One support stack per account and region next to the pipeline's stack,
// shared by the pipelines of that account (as the AWS CDK's default).
CrossRegionSupportStack& Pipeline::support_stack(const std::string& r, const std::string& path) {
  auto& stack = Stack::of(*this);
  if (stack.env().account.empty())
    throw Error(path, "the action runs in " + r + ", and the pipeline's stack " + stack.node().path() +
                    " has no account for the replication bucket's support stack there",
                "give the pipeline's stack .env = {.account = \"123456789012\", .region = \"" + region() +
                    "\"}, or give the region's bucket in cross_region_replication_buckets");
  const Environment env{.account = stack.env().account, .region = r};
  Construct* scope = cdk::Stage::of(stack);
  if (scope == nullptr) scope = &stack.node().root();
  const auto id = CrossRegionSupportStack::id_for(env);
  auto* support = dynamic_cast<CrossRegionSupportStack*>(scope->node().try_find_child(id));
  if (support == nullptr) {
    if (scope->node().try_find_child(id) != nullptr)
      throw Error(path, "the construct " + id + " next to the pipeline's stack is not a cross-region support stack",
                  "give that construct another id");
    support = &scope->add<CrossRegionSupportStack>(id, CrossRegionSupportStackProps{
        .pipeline_stack_name = stack.stack_name(), .env = env, .create_kms_key = key_ != nullptr});
  } else if (key_ != nullptr && !support->has_kms_key()) {
    throw Error(path, "the support stack " + support->node().path() + " was made without a KMS key by a pipeline without cross_account_keys",
                "use cross_account_keys alike in the pipelines of one account, or give this one cross_region_replication_buckets");
  }
  stack.add_dependency(*support, "the pipeline's artifacts in " + r);
  support_.emplace(r, support);
  return *support;
}

Stage& Pipeline::add_stage(StageProps props) {
  const auto path = node().path() + "/" + props.stage_name;
  detail::check_name(path, "stage name", props.stage_name, ".@_-");
  if (node().try_find_child(props.stage_name) != nullptr)
    throw Error(path, "the pipeline already has a stage or construct named \"" + props.stage_name + "\"",
                "give each stage its own name");
  const auto name = props.stage_name;
  auto& stage = add<Stage>(name, std::move(props));
  stages_.push_back(&stage);
  refresh();
  return stage;
}

void Pipeline::check_variable(const Variable& v) const {
  const auto path = node().path();
  if (props_.pipeline_type != PipelineType::V2)
    throw Error(path, "variable \"" + v.name + "\" needs a V2 pipeline", "use PipelineType::V2 (the default)");
  detail::check_name(path, "variable name", v.name, "@_-", 128);
  for (const auto& other : props_.variables)
    if (other.name == v.name) throw Error(path, "variable \"" + v.name + "\" is declared twice", "declare it once");
}

void Pipeline::add_variable(Variable v) {
  check_variable(v);
  auto& l1 = resource_->props().variables;
  CfnPipeline::VariableDeclarationProperty d{.name = v.name};
  if (!v.default_value.empty()) d.default_value = v.default_value;
  if (!v.description.empty()) d.description = v.description;
  l1.push_back(std::move(d));
  props_.variables.push_back(std::move(v));
}

void Pipeline::check_trigger(const Trigger& t) const {
  const auto path = node().path();
  if (props_.pipeline_type != PipelineType::V2)
    throw Error(path, "triggers need a V2 pipeline", "use PipelineType::V2 (the default)");
  if (t.source_action_name.empty()) throw Error(path, "a trigger has no source_action_name", "name the source action it watches");
  if (t.push_filter.size() > max_filters || t.pull_request_filter.size() > max_filters)
    throw Error(path, "the trigger on \"" + t.source_action_name + "\" has more than 3 push or pull-request filters",
                "merge the filters (each takes up to 8 patterns per list)");
  auto too_many = [](const std::vector<std::string>& v) { return v.size() > max_patterns; };
  for (const auto& f : t.push_filter) {
    for (const auto* list : {&f.branches_includes, &f.branches_excludes, &f.file_paths_includes, &f.file_paths_excludes,
                             &f.tags_includes, &f.tags_excludes})
      if (too_many(*list)) throw Error(path, "a push filter of \"" + t.source_action_name + "\" lists more than 8 patterns", "use at most 8");
    if (f.branches_includes.empty() && f.branches_excludes.empty() && f.tags_includes.empty() && f.tags_excludes.empty())
      throw Error(path, "a push filter of \"" + t.source_action_name + "\" names no branch or tag",
                  "set branches_includes or tags_includes (file paths filter within branches)");
  }
  for (const auto& other : props_.triggers)
    if (other.source_action_name == t.source_action_name)
      throw Error(path, "the source action \"" + t.source_action_name + "\" has two triggers", "put the filters in one trigger");
}

void Pipeline::add_trigger(Trigger t) {
  check_trigger(t);
  resource_->props().triggers.push_back(render_trigger(t));
  props_.triggers.push_back(std::move(t));
}

Value Pipeline::pipeline_name() const { return resource_->ref(); }

Value Pipeline::pipeline_arn() const {
  return Value("arn:") + Aws::partition() + Value(":codepipeline:") + Aws::region() + Value(":") + Aws::account_id() +
         Value(":") + pipeline_name();
}

void Pipeline::refresh() {
  auto& l1 = resource_->props();
  l1.stages.clear();
  l1.disable_inbound_stage_transitions.clear();
  for (const auto* stage : stages_) {
    CfnPipeline::StageDeclarationProperty s;
    s.name = stage->stage_name();
    for (const auto& a : stage->actions()) s.actions.push_back(render_action(a, region()));
    l1.stages.push_back(std::move(s));
    if (!stage->props().transition_to_enabled)
      l1.disable_inbound_stage_transitions.push_back({.reason = stage->props().transition_disabled_reason,
                                                      .stage_name = stage->stage_name()});
  }
}

}  // namespace cdk::codepipeline
