#include <cdk/codepipeline_actions/detail/events_role.hpp>

#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/iam/role.hpp>

namespace cdk::codepipeline_actions::detail {

iam::Role& pipeline_events_role(codepipeline::Pipeline& pipeline) {
  if (auto* existing = dynamic_cast<iam::Role*>(pipeline.node().try_find_child("EventsRole"))) return *existing;
  auto& role = pipeline.add<iam::Role>("EventsRole", {.assumed_by = iam::ServicePrincipal{"events.amazonaws.com"}});
  role.add_to_policy({.actions = {"codepipeline:StartPipelineExecution"}, .resources = {pipeline.pipeline_arn()}});
  return role;
}

void start_pipeline_on(events::Rule& rule, codepipeline::Pipeline& pipeline) {
  rule.cfn_rule().props().targets.push_back(
      {.arn = pipeline.pipeline_arn(), .id = "Target0", .role_arn = pipeline_events_role(pipeline).role_arn()});
}

}  // namespace cdk::codepipeline_actions::detail
