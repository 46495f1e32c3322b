#pragma once
// `deploy --outputs-file`: {"Stack": {"OutputKey": "value"}}, updated by every
// deploy without losing what an earlier one wrote.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "deploy/deployer.hpp"

namespace cdk::deploy {

/// What an earlier deploy wrote to `path` ({} when there is no file). Read
/// before anything is deployed: a file that is there but is not a JSON object
/// is an error, so that it is never overwritten.
nlohmann::ordered_json read_outputs_file(const std::filesystem::path& path);

/// Writes `previous` updated by this deploy to `path` atomically (temporary
/// file, then rename): stacks that deployed get their outputs, deleted ones
/// are dropped, and stacks that failed, were skipped or were not part of this
/// deploy keep what they had.
void write_outputs_file(const std::filesystem::path& path, const std::vector<StackResult>& results,
                        nlohmann::ordered_json previous = nlohmann::ordered_json::object());

}  // namespace cdk::deploy
