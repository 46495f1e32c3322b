#include <cdk/error.hpp>

#include <fmt/format.h>

namespace cdk {

std::string Diagnostic::to_string() const {
  const char* label = level == Level::Error ? "error" : level == Level::Warning ? "warning" : "info";
  std::string line = path.empty() ? fmt::format("{}: {}", label, message)
                                  : fmt::format("{}: {}: {}", label, path, message);
  if (!hint.empty()) line += fmt::format(" ({})", hint);
  return line;
}

Error::Error(std::string path, std::string message, std::string hint)
    : std::runtime_error(Diagnostic{Diagnostic::Level::Error, path, message, hint}.to_string()),
      diag_{Diagnostic::Level::Error, std::move(path), std::move(message), std::move(hint)} {}

namespace {
std::string summarize(const std::vector<Diagnostic>& errors) {
  std::string s;
  for (const auto& e : errors) {
    if (!s.empty()) s += '\n';
    s += e.to_string();
  }
  return s;
}
}  // namespace

SynthError::SynthError(std::vector<Diagnostic> errors)
    : std::runtime_error(summarize(errors)), errors_(std::move(errors)) {}

}  // namespace cdk
