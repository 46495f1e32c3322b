#pragma once
// Deterministic zip archives of a directory, for file assets with packaging
// "zip" whose source is a directory (the AWS CDK CLI zips those at publish
// time too). The same content always gives the same bytes, so the same object
// key never receives two different archives.
#include <filesystem>

namespace cdk::deploy {

/// Writes `directory`'s files and subdirectories to the zip file `archive`
/// (replaced whole if it exists: libzip writes a temporary file and renames it).
///
/// What makes it deterministic:
/// - entries sorted by their relative path (byte order, '/' separators);
/// - every timestamp 1980-01-01 00:00:00, the earliest a zip can hold;
/// - permissions normalised: directories 0755, files 0755 when the owner may
///   execute them (a Lambda `bootstrap`), else 0644; owner ids not stored;
/// - deflate at libzip's default level, no extra fields.
/// Symbolic links to files are stored as the file they point to; a link to a
/// directory is refused (it could loop). Throws DeployError for an empty or
/// unreadable directory or when libzip is missing.
void zip_directory(const std::filesystem::path& directory, const std::filesystem::path& archive);

}  // namespace cdk::deploy
