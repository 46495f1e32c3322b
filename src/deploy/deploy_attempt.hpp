#pragma once
// Internal to the deployer's sources (deployer.cpp, resource_import.cpp): one
// stack's deploy while it runs, what is known of the stack so far, shared by
// the steps.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "deploy/deployer.hpp"

namespace cdk::deploy {

struct Deployer::Attempt {
  const StackArtifact& stack;
  const std::string& label;
  std::string region;
  CloudFormation cfn;
  nlohmann::json local;  ///< the template to deploy
  size_t total = 0;      ///< resources in it, for the progress count
  std::optional<StackDescription> existing;
  StackRequest request;
  nlohmann::json deployed = nlohmann::json::object();  ///< the deployed template; null when unreadable
  std::string stack_ref;   ///< the stack the started operation runs on
  std::string last_event;  ///< the newest event before the operation started

  [[nodiscard]] bool exists() const { return existing.has_value(); }
  [[nodiscard]] StackResult result(StackResult::Status status) const {
    StackResult r;
    r.stack = stack.stack_name;
    r.status = status;
    return r;
  }
  /// Nothing to do: what is deployed stays as it is.
  [[nodiscard]] StackResult unchanged() const {
    StackResult r = result(StackResult::Status::NoChanges);
    if (existing) {
      r.outputs = existing->outputs;
      r.stack_id = existing->id;
    }
    return r;
  }
};

/// "Hello: change set cdkpp-deploy-1 ready: 2 to add, 1 to modify (0 replaced), 0 to remove"
std::string change_set_summary(const std::string& label, const std::string& cs_name, const ChangeSetDescription& cs);
/// One line per resource change, each starting with a newline: "\n  [+] Queue AWS::SQS::Queue".
std::string change_lines(const ChangeSetDescription& cs);

}  // namespace cdk::deploy
