#include "deploy/cloudformation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <cstdlib>
#include <random>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

QueryParams stack_params(const StackRequest& r, bool with_protection) {
  QueryParams p{{"StackName", r.stack_name}};
  if (!r.template_url.empty()) {
    p.emplace_back("TemplateURL", r.template_url);
  } else {
    p.emplace_back("TemplateBody", r.template_body);
  }
  int i = 1;
  for (const auto& [k, v] : r.parameters) {
    p.emplace_back(fmt::format("Parameters.member.{}.ParameterKey", i), k);
    p.emplace_back(fmt::format("Parameters.member.{}.ParameterValue", i), v);
    ++i;
  }
  for (const auto& k : r.use_previous_parameters) {
    p.emplace_back(fmt::format("Parameters.member.{}.ParameterKey", i), k);
    p.emplace_back(fmt::format("Parameters.member.{}.UsePreviousValue", i), "true");
    ++i;
  }
  i = 1;
  for (const auto& c : r.capabilities) p.emplace_back(fmt::format("Capabilities.member.{}", i++), c);
  i = 1;
  for (const auto& [k, v] : r.tags) {
    p.emplace_back(fmt::format("Tags.member.{}.Key", i), k);
    p.emplace_back(fmt::format("Tags.member.{}.Value", i), v);
    ++i;
  }
  if (with_protection && r.termination_protection) p.emplace_back("EnableTerminationProtection", "true");
  i = 1;
  for (const auto& imported : r.resources_to_import) {
    const std::string prefix = fmt::format("ResourcesToImport.member.{}.", i++);
    p.emplace_back(prefix + "ResourceType", imported.resource_type);
    p.emplace_back(prefix + "LogicalResourceId", imported.logical_id);
    int j = 1;
    for (const auto& [k, v] : imported.identifier) {
      p.emplace_back(fmt::format("{}ResourceIdentifier.entry.{}.key", prefix, j), k);
      p.emplace_back(fmt::format("{}ResourceIdentifier.entry.{}.value", prefix, j), v);
      ++j;
    }
  }
  return p;
}

pugi::xml_node result(const pugi::xml_document& doc, const std::string& action) {
  return doc.child((action + "Response").c_str()).child((action + "Result").c_str());
}

// A fresh ClientRequestToken ([a-zA-Z0-9][-a-zA-Z0-9]*, up to 128 characters).
// The request body is built once, so every retry of a call sends the same one.
std::string new_request_token() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return fmt::format("cdkpp-{:016x}{:016x}", random(), random());
}

// The refusals a retried call gets when its first attempt was carried out.
bool refused_as_done(const AwsError& e) {
  return e.code() == "AlreadyExistsException" || e.code() == "InvalidChangeSetStatus" ||
         e.code() == "InvalidChangeSetStatusException" || is_no_changes_message(e.message()) ||
         e.message().find("state and can not be updated") != std::string::npos;
}

}  // namespace

std::string output_value(const std::vector<StackOutput>& outputs, const std::string& key) {
  for (const auto& o : outputs) {
    if (o.key == key) return o.value;
  }
  return {};
}

bool is_missing_stack(const AwsError& error) {
  return error.code() == "ValidationError" && error.message().find("does not exist") != std::string::npos;
}

bool is_missing_change_set(const AwsError& error) {
  return error.code() == "ChangeSetNotFound" || error.code() == "ChangeSetNotFoundException" ||
         is_missing_stack(error);
}

bool is_no_changes_message(std::string_view message) {
  return message.find("No updates are to be performed") != std::string_view::npos ||
         message.find("didn't contain changes") != std::string_view::npos ||
         message.find("does not contain changes") != std::string_view::npos;
}

CloudFormation::CloudFormation(ClientConfig config) : client_(std::move(config), "cloudformation", api_version) {}

std::optional<StackDescription> CloudFormation::describe_stack(const std::string& name_or_id) const {
  std::shared_ptr<pugi::xml_document> doc;
  try {
    doc = client_.call("DescribeStacks", {{"StackName", name_or_id}});
  } catch (const AwsError& e) {
    if (is_missing_stack(e)) return std::nullopt;
    throw;
  }
  pugi::xml_node member = result(*doc, "DescribeStacks").child("Stacks").child("member");
  if (!member) return std::nullopt;
  StackDescription d;
  d.id = member.child_value("StackId");
  d.name = member.child_value("StackName");
  d.status = member.child_value("StackStatus");
  d.status_reason = member.child_value("StackStatusReason");
  if (d.status == stack_status::delete_complete) return std::nullopt;
  d.termination_protection = std::string_view(member.child_value("EnableTerminationProtection")) == "true";
  for (auto o : member.child("Outputs").children("member")) {
    d.outputs.push_back(
        {o.child_value("OutputKey"), o.child_value("OutputValue"), o.child_value("Description"),
         o.child_value("ExportName")});
  }
  for (auto p : member.child("Parameters").children("member")) {
    d.parameters[p.child_value("ParameterKey")] = p.child_value("ParameterValue");
  }
  for (auto t : member.child("Tags").children("member")) d.tags[t.child_value("Key")] = t.child_value("Value");
  return d;
}

std::vector<StackEvent> CloudFormation::describe_stack_events(const std::string& name_or_id,
                                                              const std::string& stop_at_event_id,
                                                              int max_pages) const {
  std::vector<StackEvent> events;
  std::string token;
  for (int page = 0; page < max_pages; ++page) {
    QueryParams params{{"StackName", name_or_id}};
    if (!token.empty()) params.emplace_back("NextToken", token);
    auto doc = client_.call("DescribeStackEvents", params);
    pugi::xml_node r = result(*doc, "DescribeStackEvents");
    for (auto m : r.child("StackEvents").children("member")) {
      StackEvent e{m.child_value("EventId"),      m.child_value("LogicalResourceId"),
                   m.child_value("PhysicalResourceId"), m.child_value("ResourceType"),
                   m.child_value("ResourceStatus"),     m.child_value("ResourceStatusReason"),
                   m.child_value("Timestamp"),          m.child_value("ClientRequestToken")};
      if (!stop_at_event_id.empty() && e.event_id == stop_at_event_id) return events;
      events.push_back(std::move(e));
    }
    token = r.child_value("NextToken");
    if (token.empty()) break;
  }
  return events;
}

std::optional<std::string> CloudFormation::get_template(const std::string& name_or_id,
                                                     const std::string& change_set) const {
  try {
    QueryParams p{{"StackName", name_or_id}, {"TemplateStage", "Original"}};
    if (!change_set.empty()) p.emplace_back("ChangeSetName", change_set);
    auto doc = client_.call("GetTemplate", p);
    return std::string(result(*doc, "GetTemplate").child_value("TemplateBody"));
  } catch (const AwsError& e) {
    if (is_missing_stack(e)) return std::nullopt;
    throw;
  }
}

std::string CloudFormation::physical_resource_id(const std::string& stack, const std::string& logical_id) const {
  auto doc = client_.call("DescribeStackResource", {{"StackName", stack}, {"LogicalResourceId", logical_id}});
  return result(*doc, "DescribeStackResource").child("StackResourceDetail").child_value("PhysicalResourceId");
}

std::vector<StackResourceSummary> CloudFormation::list_stack_resources(const std::string& name_or_id) const {
  std::vector<StackResourceSummary> out;
  std::string token;
  do {
    QueryParams params{{"StackName", name_or_id}};
    if (!token.empty()) params.emplace_back("NextToken", token);
    auto doc = client_.call("ListStackResources", params);
    pugi::xml_node r = result(*doc, "ListStackResources");
    for (auto m : r.child("StackResourceSummaries").children("member")) {
      out.push_back({m.child_value("LogicalResourceId"), m.child_value("PhysicalResourceId"),
                     m.child_value("ResourceType"), m.child_value("ResourceStatus")});
    }
    token = r.child_value("NextToken");
  } while (!token.empty());
  return out;
}

bool CloudFormation::carried_out(const AwsError& error, const std::string& stack, const std::string& token) const {
  if (error.attempts() < 2 || !refused_as_done(error)) return false;
  for (const auto& e : describe_stack_events(stack, "", 1))
    if (e.resource_type == "AWS::CloudFormation::Stack")
      return e.client_request_token.empty() || e.client_request_token == token;
  return false;
}

std::string CloudFormation::submit_stack(const std::string& action, const StackRequest& request) const {
  const std::string token = new_request_token();
  QueryParams p = stack_params(request, action == "CreateStack");
  p.emplace_back("ClientRequestToken", token);
  try {
    auto doc = client_.call(action, p);
    return result(*doc, action).child_value("StackId");
  } catch (const AwsError& e) {
    if (!carried_out(e, request.stack_name, token)) throw;
    return describe_stack(request.stack_name).value_or(StackDescription{}).id;
  }
}

std::string CloudFormation::create_stack(const StackRequest& request) const {
  return submit_stack("CreateStack", request);
}

std::string CloudFormation::update_stack(const StackRequest& request) const {
  return submit_stack("UpdateStack", request);
}

void CloudFormation::delete_stack(const std::string& name_or_id) const {
  client_.call("DeleteStack", {{"StackName", name_or_id}, {"ClientRequestToken", new_request_token()}});
}

void CloudFormation::set_termination_protection(const std::string& name, bool enabled) const {
  client_.call("UpdateTerminationProtection",
               {{"StackName", name}, {"EnableTerminationProtection", enabled ? "true" : "false"}});
}

std::map<std::string, std::vector<std::string>> CloudFormation::resource_identifiers(
    const std::string& template_body) const {
  auto doc = client_.call("GetTemplateSummary", {{"TemplateBody", template_body}});
  std::map<std::string, std::vector<std::string>> out;
  for (auto m : result(*doc, "GetTemplateSummary").child("ResourceIdentifierSummaries").children("member")) {
    auto& names = out[m.child_value("ResourceType")];
    for (auto id : m.child("ResourceIdentifiers").children("member")) names.emplace_back(id.child_value());
  }
  return out;
}

CloudFormation::ChangeSetIds CloudFormation::create_change_set(const StackRequest& request,
                                                               const std::string& change_set_name,
                                                               const std::string& type) const {
  QueryParams p = stack_params(request, false);
  p.emplace_back("ChangeSetName", change_set_name);
  p.emplace_back("ChangeSetType", type);
  p.emplace_back("ClientToken", new_request_token());
  try {
    auto doc = client_.call("CreateChangeSet", p);
    pugi::xml_node r = result(*doc, "CreateChangeSet");
    return {r.child_value("Id"), r.child_value("StackId")};
  } catch (const AwsError& e) {
    // The deployer names each change set once, so a retry refused with that
    // name is its own first attempt.
    if (e.attempts() < 2 || e.code() != "AlreadyExistsException") throw;
    return {describe_change_set(request.stack_name, change_set_name).id,
            describe_stack(request.stack_name).value_or(StackDescription{}).id};
  }
}

ChangeSetDescription CloudFormation::describe_change_set(const std::string& stack,
                                                         const std::string& change_set) const {
  auto doc = client_.call("DescribeChangeSet", {{"StackName", stack}, {"ChangeSetName", change_set}});
  pugi::xml_node r = result(*doc, "DescribeChangeSet");
  ChangeSetDescription d;
  d.id = r.child_value("ChangeSetId");
  d.status = r.child_value("Status");
  d.status_reason = r.child_value("StatusReason");
  d.execution_status = r.child_value("ExecutionStatus");
  for (auto m : r.child("Changes").children("member")) {
    pugi::xml_node rc = m.child("ResourceChange");
    ResourceChange c{rc.child_value("Action"), rc.child_value("LogicalResourceId"), rc.child_value("ResourceType"),
                     rc.child_value("Replacement")};
    for (auto detail : rc.child("Details").children("member")) {
      pugi::xml_node target = detail.child("Target");
      const std::string recreation = target.child_value("RequiresRecreation");
      const std::string name = target.child_value("Name");
      if ((recreation == "Always" || recreation == "Conditionally") && !name.empty() &&
          std::find(c.recreating.begin(), c.recreating.end(), name) == c.recreating.end())
        c.recreating.push_back(name);
    }
    d.changes.push_back(std::move(c));
  }
  return d;
}

void CloudFormation::execute_change_set(const std::string& stack, const std::string& change_set) const {
  const std::string token = new_request_token();
  try {
    client_.call("ExecuteChangeSet", {{"StackName", stack}, {"ChangeSetName", change_set}, {"ClientRequestToken", token}});
  } catch (const AwsError& e) {
    if (!carried_out(e, stack, token)) throw;
  }
}

void CloudFormation::delete_change_set(const std::string& stack, const std::string& change_set) const {
  client_.call("DeleteChangeSet", {{"StackName", stack}, {"ChangeSetName", change_set}});
}

std::string CloudFormation::detect_stack_drift(const std::string& stack) const {
  auto doc = client_.call("DetectStackDrift", {{"StackName", stack}});
  return result(*doc, "DetectStackDrift").child_value("StackDriftDetectionId");
}

DriftDetectionStatus CloudFormation::drift_detection_status(const std::string& detection_id) const {
  auto doc = client_.call("DescribeStackDriftDetectionStatus", {{"StackDriftDetectionId", detection_id}});
  pugi::xml_node r = result(*doc, "DescribeStackDriftDetectionStatus");
  return {r.child_value("DetectionStatus"), r.child_value("StackDriftStatus"), r.child_value("DetectionStatusReason"),
          std::atoi(r.child_value("DriftedStackResourceCount"))};
}

std::vector<ResourceDrift> CloudFormation::describe_stack_resource_drifts(const std::string& stack) const {
  std::vector<ResourceDrift> out;
  std::string token;
  do {
    QueryParams params{{"StackName", stack}};
    if (!token.empty()) params.emplace_back("NextToken", token);
    auto doc = client_.call("DescribeStackResourceDrifts", params);
    pugi::xml_node r = result(*doc, "DescribeStackResourceDrifts");
    for (auto m : r.child("StackResourceDrifts").children("member")) {
      ResourceDrift d{m.child_value("LogicalResourceId"), m.child_value("PhysicalResourceId"),
                      m.child_value("ResourceType"), m.child_value("StackResourceDriftStatus"), {}};
      for (auto p : m.child("PropertyDifferences").children("member")) {
        d.differences.push_back({p.child_value("PropertyPath"), p.child_value("ExpectedValue"),
                                 p.child_value("ActualValue"), p.child_value("DifferenceType")});
      }
      out.push_back(std::move(d));
    }
    token = r.child_value("NextToken");
  } while (!token.empty());
  return out;
}

void CloudFormation::continue_update_rollback(const std::string& stack, const std::vector<std::string>& skip) const {
  QueryParams p{{"StackName", stack}};
  for (size_t i = 0; i < skip.size(); ++i) p.emplace_back(fmt::format("ResourcesToSkip.member.{}", i + 1), skip[i]);
  p.emplace_back("ClientRequestToken", new_request_token());
  client_.call("ContinueUpdateRollback", p);
}

void CloudFormation::rollback_stack(const std::string& stack) const {
  client_.call("RollbackStack", {{"StackName", stack}, {"ClientRequestToken", new_request_token()}});
}

}  // namespace cdk::deploy
