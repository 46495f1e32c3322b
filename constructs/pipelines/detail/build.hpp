#pragma once
// Internal to cdk::pipelines: turns a CodePipeline's source, synth step and
// waves into a codepipeline::Pipeline.
namespace cdk::codepipeline {
class Pipeline;
}
namespace cdk::pipelines {
class CodePipeline;
}

namespace cdk::pipelines::detail {

/// Makes "<pipeline>/Pipeline" and everything it runs; throws cdk::Error for
/// what the pipeline checks when it is built.
codepipeline::Pipeline& build(CodePipeline& pipeline);

}  // namespace cdk::pipelines::detail
