#pragma once
// The files an asset is made of, and its fingerprint. Shared by the asset
// constructs (the hash, at construction) and synthesis (staging). Internal.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail {

/// One entry of an asset, in the order it is hashed and archived.
struct AssetFile {
  std::string relative;            // '/'-separated below the asset root; empty for a single-file asset
  std::filesystem::path source;    // where its content is read (symbolic links followed)
  bool directory = false;
  bool executable = false;         // any execute bit set: kept, as Lambda needs it for `bootstrap`
  std::uintmax_t size = 0;
};

/// Left out of every directory asset: version control and the default assembly directory.
inline constexpr std::array<std::string_view, 5> kDefaultAssetExcludes = {".git", ".hg", ".svn", ".DS_Store", "cdk.out"};

/// True if `relative` (or its last component `name`) matches one of the glob
/// patterns. A pattern without '/' matches a name at any depth; one with '/'
/// matches the whole path from the asset root ('*' stays within a component).
bool asset_path_excluded(std::string_view relative, std::string_view name, const std::vector<std::string>& patterns);

/// The entries of the file or directory `root`: the file itself, or everything
/// below the directory except the default and the given excludes, sorted by
/// relative path; directories left empty are left out. Symbolic links are followed when they point inside the asset;
/// one that points outside it, dangles or loops is an error. Throws cdk::Error
/// naming `construct_path` for a missing path or an unreadable directory.
std::vector<AssetFile> list_asset_files(const std::filesystem::path& root, const std::vector<std::string>& exclude,
                                        const std::string& construct_path);

/// SHA-256 (64 lowercase hex digits) of the entries' relative paths, kinds,
/// execute bits and contents, in order, then `extra` (options that change what
/// is built from the files). Independent of where the asset lives and of time
/// stamps. Throws cdk::Error naming `construct_path` for an unreadable file.
std::string asset_fingerprint(const std::vector<AssetFile>& files, std::string_view extra,
                              const std::string& construct_path);

}  // namespace cdk::detail
