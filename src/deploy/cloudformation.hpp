#pragma once
// Typed calls of the CloudFormation API (version 2010-05-15) used by deploy,
// diff and destroy. Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "deploy/aws_client.hpp"
#include "deploy/stack_status.hpp"

namespace cdk::deploy {

class AwsError;

struct StackOutput {
  std::string key;
  std::string value;
  std::string description;
  std::string export_name;
};

/// The value of the output with this key; empty when there is none.
std::string output_value(const std::vector<StackOutput>& outputs, const std::string& key);

struct StackDescription {
  std::string id;
  std::string name;
  std::string status;
  std::string status_reason;
  std::vector<StackOutput> outputs;
  std::map<std::string, std::string> parameters;
  std::map<std::string, std::string> tags;
  bool termination_protection = false;
};

struct StackEvent {
  std::string event_id;
  std::string logical_id;
  std::string physical_id;
  std::string resource_type;
  std::string status;
  std::string status_reason;
  std::string timestamp;  ///< ISO 8601 as sent
  std::string client_request_token{};  ///< of the operation that made the event; empty when none was sent or recorded
};

struct StackResourceSummary {
  std::string logical_id;
  std::string physical_id;
  std::string resource_type;
  std::string status;
};

struct ResourceChange {
  std::string action;  ///< Add | Modify | Remove | Import | Dynamic
  std::string logical_id;
  std::string resource_type;
  std::string replacement;  ///< True | False | Conditional, empty for Add/Remove
  /// Properties whose change requires recreation (Details[].Target, RequiresRecreation Always or Conditionally).
  std::vector<std::string> recreating{};
};

struct ChangeSetDescription {
  std::string id;
  std::string status;  ///< CREATE_PENDING | CREATE_IN_PROGRESS | CREATE_COMPLETE | FAILED | ...
  std::string status_reason;
  std::string execution_status;
  std::vector<ResourceChange> changes;
};

/// DescribeStackDriftDetectionStatus.
struct DriftDetectionStatus {
  std::string detection_status;  ///< DETECTION_IN_PROGRESS | DETECTION_COMPLETE | DETECTION_FAILED
  std::string drift_status;      ///< DRIFTED | IN_SYNC | UNKNOWN | NOT_CHECKED
  std::string reason;
  int drifted_resources = 0;
};

struct PropertyDifference {
  std::string path;             ///< /Properties/VersioningConfiguration/Status
  std::string expected;
  std::string actual;
  std::string difference_type;  ///< ADD | REMOVE | NOT_EQUAL
};

/// One resource of DescribeStackResourceDrifts.
struct ResourceDrift {
  std::string logical_id;
  std::string physical_id;
  std::string resource_type;
  std::string status;  ///< IN_SYNC | MODIFIED | DELETED | NOT_CHECKED
  std::vector<PropertyDifference> differences;
};

/// An existing resource an IMPORT change set brings under the stack.
struct ResourceToImport {
  std::string logical_id;
  std::string resource_type;
  std::map<std::string, std::string> identifier;  ///< the type's primary identifier, e.g. BucketName=...
};

/// What CreateStack/UpdateStack/CreateChangeSet send.
struct StackRequest {
  std::string stack_name;
  std::string template_body;  ///< exactly one of body and url
  std::string template_url;
  std::map<std::string, std::string> parameters;
  std::vector<std::string> use_previous_parameters;  ///< keys sent with UsePreviousValue=true
  std::map<std::string, std::string> tags;
  std::vector<std::string> capabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"};
  bool termination_protection = false;
  std::vector<ResourceToImport> resources_to_import{};  ///< for an IMPORT change set
};

class CloudFormation {
 public:
  static constexpr const char* api_version = "2010-05-15";
  explicit CloudFormation(ClientConfig config);

  /// nullopt when no such stack exists (DELETE_COMPLETE stacks count as absent).
  std::optional<StackDescription> describe_stack(const std::string& name_or_id) const;
  /// Newest first; reads pages until `stop_at_event_id` is seen (not returned) or `max_pages`.
  std::vector<StackEvent> describe_stack_events(const std::string& name_or_id, const std::string& stop_at_event_id,
                                                int max_pages = 10) const;
  /// The template as deployed (the original, not processed), or as a change set of the stack
  /// would deploy it; nullopt when the stack does not exist.
  std::optional<std::string> get_template(const std::string& name_or_id, const std::string& change_set = {}) const;
  std::string physical_resource_id(const std::string& stack, const std::string& logical_id) const;
  /// Every resource of the stack (ListStackResources, all pages).
  std::vector<StackResourceSummary> list_stack_resources(const std::string& name_or_id) const;

  // The mutating calls send a ClientRequestToken, the same on every retry of
  // one call. When an answer was lost and the retry is refused because the
  // first attempt was carried out (the stack exists, is busy, or has no
  // changes left), the call succeeds: the stack's newest event carries our
  // token, or no token at all on an endpoint that does not record them.
  std::string create_stack(const StackRequest& request) const;  ///< returns the stack id
  std::string update_stack(const StackRequest& request) const;
  void delete_stack(const std::string& name_or_id) const;
  void set_termination_protection(const std::string& name, bool enabled) const;

  struct ChangeSetIds {
    std::string id;
    std::string stack_id;
  };
  /// For each resource type of the template that can be imported, the names of
  /// its primary identifier (GetTemplateSummary's ResourceIdentifierSummaries).
  std::map<std::string, std::vector<std::string>> resource_identifiers(const std::string& template_body) const;

  /// `type` is CREATE, UPDATE or IMPORT.
  ChangeSetIds create_change_set(const StackRequest& request, const std::string& change_set_name,
                                 const std::string& type) const;
  ChangeSetDescription describe_change_set(const std::string& stack, const std::string& change_set) const;
  void execute_change_set(const std::string& stack, const std::string& change_set) const;
  void delete_change_set(const std::string& stack, const std::string& change_set) const;

  /// DetectStackDrift; returns the detection id.
  std::string detect_stack_drift(const std::string& stack) const;
  DriftDetectionStatus drift_detection_status(const std::string& detection_id) const;
  /// Every resource's drift (all pages).
  std::vector<ResourceDrift> describe_stack_resource_drifts(const std::string& stack) const;

  /// ContinueUpdateRollback for a stack in UPDATE_ROLLBACK_FAILED, leaving `skip` (logical ids) as they are.
  void continue_update_rollback(const std::string& stack, const std::vector<std::string>& skip) const;
  /// RollbackStack for a stack left in a failed state with rollback disabled.
  void rollback_stack(const std::string& stack) const;

  [[nodiscard]] const AwsClient& client() const noexcept { return client_; }

 private:
  [[nodiscard]] bool carried_out(const AwsError& error, const std::string& stack, const std::string& token) const;
  /// CreateStack or UpdateStack with a fresh token; returns the stack id.
  std::string submit_stack(const std::string& action, const StackRequest& request) const;

  AwsClient client_;
};

/// True for ChangeSetNotFound (and the emulator's ValidationError for an unknown change set).
bool is_missing_change_set(const class AwsError& error);
/// True for the ValidationError CloudFormation answers for a stack that does not exist.
bool is_missing_stack(const class AwsError& error);
/// True for "No updates are to be performed." (UpdateStack) and the change-set equivalents.
bool is_no_changes_message(std::string_view message);

}  // namespace cdk::deploy
