#pragma once
// The role EventBridge starts a pipeline with. Internal: not included by
// public headers.
namespace cdk::codepipeline {
class Pipeline;
}
namespace cdk::iam {
class Role;
}

namespace cdk::codepipeline_actions::detail {

/// `<Pipeline>/EventsRole`, made by the first source action that needs it: may
/// start this pipeline only (one per pipeline, as the AWS CDK's CodePipeline target has it).
iam::Role& pipeline_events_role(codepipeline::Pipeline& pipeline);

}  // namespace cdk::codepipeline_actions::detail
