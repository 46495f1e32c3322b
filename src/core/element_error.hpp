#pragma once
// The error a template element's validate() reports; synthesis fills in the path. Internal.
#include <cdk/error.hpp>

#include <string>

namespace cdk::detail {

inline Diagnostic element_error(std::string message, std::string hint) {
  return Diagnostic{Diagnostic::Level::Error, "", std::move(message), std::move(hint)};
}

}  // namespace cdk::detail
