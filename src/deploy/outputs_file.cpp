#include "deploy/outputs_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <string>

#include "deploy/errors.hpp"

namespace cdk::deploy {

nlohmann::ordered_json read_outputs_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nlohmann::ordered_json::object();
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto doc = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!doc.is_object())
    throw DeployError(fmt::format("outputs file {} is not a JSON object of stacks; move it away or pass another "
                                  "--outputs-file (nothing was deployed)",
                                  path.string()));
  return doc;
}

namespace {

void apply_result(nlohmann::ordered_json& doc, const StackResult& r) {
  using Status = StackResult::Status;
  if (r.status == Status::Deleted || r.status == Status::Missing) {
    doc.erase(r.stack);
    return;
  }
  // Failed, skipped, cancelled or only prepared: the stack keeps the outputs it had.
  if (!r.ok() || r.status == Status::Prepared) return;
  auto& stack = doc[r.stack] = nlohmann::ordered_json::object();
  for (const auto& o : r.outputs) stack[o.key] = o.value;
}

}  // namespace

void write_outputs_file(const std::filesystem::path& path, const std::vector<StackResult>& results,
                        nlohmann::ordered_json previous) {
  for (const auto& r : results) apply_result(previous, r);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw DeployError(fmt::format("cannot write outputs file {}", path.string()));
    out << previous.dump(2) << '\n';
    if (!out.flush()) throw DeployError(fmt::format("cannot write outputs file {}", path.string()));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw DeployError(fmt::format("cannot write outputs file {}: {}", path.string(), ec.message()));
  }
}

}  // namespace cdk::deploy
