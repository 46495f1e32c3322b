#pragma once
/// Errors cdkpp reports: each names the construct path it concerns and what to do.
#include <cdk/container_instances.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace cdk {

/// One problem found in a user's app: `path: message (hint)`.
struct Diagnostic {
  enum class Level { Info, Warning, Error };
  Level level = Level::Error;
  std::string path;     ///< construct path, empty for app-wide problems
  std::string message;  ///< what is wrong
  std::string hint;     ///< what to do about it, may be empty
  std::string rule;     ///< the security rule that found it (cdk/security.hpp), or empty

  /// One line: `error: Stack/Vpc: message (hint)`.
  [[nodiscard]] std::string to_string() const;
};

/// Thrown for bad input found while the tree is built (duplicate ids, invalid
/// values): the user's program cannot go on.
class Error : public std::runtime_error {
 public:
  Error(std::string path, std::string message, std::string hint = {});
  [[nodiscard]] const std::string& path() const noexcept { return diag_.path; }
  [[nodiscard]] const Diagnostic& diagnostic() const noexcept { return diag_; }

 private:
  Diagnostic diag_;
};

/// Thrown by synthesis when validation found errors; holds all of them.
class SynthError : public std::runtime_error {
 public:
  explicit SynthError(std::vector<Diagnostic> errors);
  [[nodiscard]] const std::vector<Diagnostic>& errors() const noexcept { return errors_; }

 private:
  std::vector<Diagnostic> errors_;
};

}  // namespace cdk

CDKPP_EXTERN_VECTOR(cdk::Diagnostic);
