#pragma once
// Staging: the assets of an assembly copied into its directory. Internal.
#include "synth/synthesizer.hpp"

#include <filesystem>

namespace cdk::detail {

/// Writes every asset of `assembly` into `dir` under its staged name (a
/// directory as a zip, a file as is, an image's build context as a directory),
/// once per name. An asset that `previous` (the assembly being replaced)
/// already holds is hard-linked from there instead of being read again: the
/// name holds the content hash. Throws cdk::Error naming the asset's path.
void stage_assets(const Assembly& assembly, const std::filesystem::path& dir, const std::filesystem::path& previous);

}  // namespace cdk::detail
