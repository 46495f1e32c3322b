#pragma once
// The status words CloudFormation answers with, named once: stack statuses
// (DescribeStacks), resource statuses (DescribeStackEvents) and change-set
// statuses (DescribeChangeSet), and the questions the deployer asks of them.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Stack.html
#include <string_view>

namespace cdk::deploy {

namespace stack_status {
inline constexpr std::string_view create_in_progress = "CREATE_IN_PROGRESS";
inline constexpr std::string_view create_complete = "CREATE_COMPLETE";
inline constexpr std::string_view create_failed = "CREATE_FAILED";
inline constexpr std::string_view update_complete = "UPDATE_COMPLETE";
inline constexpr std::string_view import_complete = "IMPORT_COMPLETE";
inline constexpr std::string_view delete_complete = "DELETE_COMPLETE";
inline constexpr std::string_view rollback_complete = "ROLLBACK_COMPLETE";
inline constexpr std::string_view rollback_failed = "ROLLBACK_FAILED";
inline constexpr std::string_view update_failed = "UPDATE_FAILED";  ///< an update failed with rollback disabled
inline constexpr std::string_view update_rollback_failed = "UPDATE_ROLLBACK_FAILED";
inline constexpr std::string_view update_rollback_complete = "UPDATE_ROLLBACK_COMPLETE";
/// A change set was created for a new stack but never executed: nothing is deployed.
inline constexpr std::string_view review_in_progress = "REVIEW_IN_PROGRESS";

// Every status of an operation still running ends so; every failure event ends
// in the other (resource and stack events alike).
inline constexpr std::string_view in_progress_suffix = "_IN_PROGRESS";
inline constexpr std::string_view complete_suffix = "_COMPLETE";
inline constexpr std::string_view failed_suffix = "_FAILED";
}  // namespace stack_status

namespace change_set_status {
inline constexpr std::string_view create_complete = "CREATE_COMPLETE";
inline constexpr std::string_view failed = "FAILED";
inline constexpr std::string_view delete_complete = "DELETE_COMPLETE";
/// ExecutionStatus while the change set waits to be executed.
inline constexpr std::string_view available = "AVAILABLE";
}  // namespace change_set_status

/// An operation is running on the stack (its status ends in _IN_PROGRESS).
bool is_in_progress(std::string_view status);
/// No operation is running: the status is settled, well or badly.
bool is_terminal(std::string_view status);
/// CREATE_COMPLETE, UPDATE_COMPLETE, IMPORT_COMPLETE (and DELETE_COMPLETE for deletes).
bool is_success(std::string_view status);
/// A resource or stack event that reports a failure (…_FAILED).
bool is_failed_event(std::string_view status);
/// A resource event that reports a finished step (…_COMPLETE), counted as progress.
bool is_complete_event(std::string_view status);
/// A stack whose first create failed and rolled back (or failed to): nothing usable
/// was ever created, and CloudFormation cannot update it; it must be deleted first.
bool is_failed_create(std::string_view status);
/// The change set is settled: ready to execute, failed, or gone.
bool is_change_set_settled(std::string_view status);

}  // namespace cdk::deploy
