#pragma once
// Small questions asked of a stack's template and events by deploy, destroy
// and rollback alike.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "deploy/cloudformation.hpp"

namespace cdk::deploy {

/// Resources in a template, for progress counts.
size_t resource_count(const nlohmann::json& tpl);
/// The id of the stack's newest event, so waiting shows only what follows; empty when there is none.
std::string newest_event_id(const CloudFormation& cfn, const std::string& stack);
/// The failure that caused the others: the first that is not a "Resource creation cancelled";
/// null when there are none.
const StackEvent* first_cause(const std::vector<StackEvent>& failures);
/// "Hello: Bucket (AWS::S3::Bucket) CREATE_FAILED: <reason>; the stack is now ROLLBACK_COMPLETE",
/// or the stack's own status and reason when no resource failed.
std::string failure_line(const std::string& label, const std::vector<StackEvent>& failures,
                         const StackDescription& final);

/// True when `name` names the template's resource: its logical id or its
/// construct path (aws:cdk:path metadata); an L2's path also names its default
/// child (`App/Data` for `App/Data/Resource`).
bool names_resource(const std::string& name, const std::string& logical_id, const nlohmann::json& resource);

}  // namespace cdk::deploy
