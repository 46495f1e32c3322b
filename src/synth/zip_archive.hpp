#pragma once
// Deterministic zip archives of directory assets. Internal.
#include "core/asset_files.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cdk::detail {

/// Writes `files` (a directory asset's entries, in their order) to `out`: the
/// same entries and contents give the same bytes on every run and machine
/// (fixed order, time stamps 1980-01-01 00:00, modes 0755 for directories and
/// executables, 0644 otherwise, deflate). libzip is loaded on first use.
/// Throws cdk::Error naming `construct_path` when the archive cannot be written.
void write_asset_zip(const std::vector<AssetFile>& files, const std::filesystem::path& out,
                     const std::string& construct_path);

}  // namespace cdk::detail
