#include "deploy/stack_status.hpp"

namespace cdk::deploy {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_in_progress(std::string_view status) { return ends_with(status, stack_status::in_progress_suffix); }

bool is_terminal(std::string_view status) { return !status.empty() && !is_in_progress(status); }

bool is_success(std::string_view status) {
  using namespace stack_status;
  return status == create_complete || status == update_complete || status == import_complete ||
         status == delete_complete;
}

bool is_failed_event(std::string_view status) { return ends_with(status, stack_status::failed_suffix); }

bool is_complete_event(std::string_view status) { return ends_with(status, stack_status::complete_suffix); }

bool is_failed_create(std::string_view status) {
  using namespace stack_status;
  return status == rollback_complete || status == create_failed || status == rollback_failed;
}

bool is_change_set_settled(std::string_view status) {
  using namespace change_set_status;
  return status == create_complete || status == failed || status == delete_complete;
}

}  // namespace cdk::deploy
