#pragma once
// How EventBridge starts a pipeline (source actions' rules). Internal: not
// included by public headers.
namespace cdk::codepipeline {
class Pipeline;
}
namespace cdk::events {
class Rule;
}
namespace cdk::iam {
class Role;
}

namespace cdk::codepipeline_actions::detail {

/// `<Pipeline>/EventsRole`, made by the first source action that needs it: may
/// start this pipeline only (one per pipeline, as the AWS CDK's CodePipeline target has it).
iam::Role& pipeline_events_role(codepipeline::Pipeline& pipeline);

/// Makes `pipeline` the target of `rule`, started as pipeline_events_role().
void start_pipeline_on(events::Rule& rule, codepipeline::Pipeline& pipeline);

}  // namespace cdk::codepipeline_actions::detail
