#include "core/asset_files.hpp"

#include <cdk/error.hpp>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fnmatch.h>
#include <fstream>
#include <memory>

namespace cdk::detail {

namespace fs = std::filesystem;

namespace {

// Bumped when what goes into the fingerprint changes, so old and new hashes never meet.
constexpr std::string_view kFingerprintVersion = "cdkpp-asset-1";
constexpr std::size_t kReadChunk = 1 << 16;

bool within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

bool executable(fs::perms p) {
  return (p & (fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec)) != fs::perms::none;
}

class Walker {
 public:
  Walker(fs::path root, const std::vector<std::string>& exclude, const std::string& construct_path)
      : root_(std::move(root)), exclude_(exclude), path_(construct_path) {
    for (auto d : kDefaultAssetExcludes) exclude_.emplace_back(d);
  }

  std::vector<AssetFile> run() {
    std::error_code ec;
    const fs::path canonical = fs::canonical(root_, ec);
    if (ec) fail(fmt::format("cannot read directory {}: {}", root_.string(), ec.message()));
    canonical_root_ = canonical;
    std::vector<fs::path> open{canonical};
    walk(root_, "", open);
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(std::string message) const {
    throw Error(path_, std::move(message), "fix or exclude it (the asset's exclude patterns)");
  }

  // Sorted by name so the order is the same on every file system.
  std::vector<fs::directory_entry> entries(const fs::path& dir) const {
    std::vector<fs::directory_entry> list;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) list.push_back(*it);
    if (ec) fail(fmt::format("cannot read directory {}: {}", dir.string(), ec.message()));
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
    return list;
  }

  // `open` holds the canonical directories being walked, to find link loops.
  void walk(const fs::path& dir, const std::string& prefix, std::vector<fs::path>& open) {
    for (const auto& e : entries(dir)) {
      const std::string name = e.path().filename().string();
      const std::string rel = prefix.empty() ? name : prefix + "/" + name;
      std::error_code ec;
      const auto link = e.symlink_status(ec);
      const bool is_link = fs::is_symlink(link);
      if (asset_path_excluded(rel, name, exclude_)) continue;
      const auto status = fs::status(e.path(), ec);
      if (is_link) check_link(e.path(), ec);
      if (fs::is_directory(status)) {
        const fs::path canonical = fs::canonical(e.path(), ec);
        if (std::find(open.begin(), open.end(), canonical) != open.end())
          fail(fmt::format("symbolic link {} makes a loop", e.path().string()));
        out_.push_back({rel, e.path(), true, false, 0});
        open.push_back(canonical);
        walk(e.path(), rel, open);
        open.pop_back();
        // An empty directory (or one emptied by the excludes) is left out, so
        // that excluded files leave no trace in the hash or the archive.
        if (out_.back().relative == rel) out_.pop_back();
      } else if (fs::is_regular_file(status)) {
        out_.push_back({rel, e.path(), false, executable(status.permissions()), fs::file_size(e.path(), ec)});
      } else {
        fail(fmt::format("{} is not a file or directory", e.path().string()));
      }
    }
  }

  void check_link(const fs::path& p, std::error_code ec) const {
    const fs::path target = fs::canonical(p, ec);
    if (ec) fail(fmt::format("symbolic link {} points nowhere", p.string()));
    if (!within(target, canonical_root_))
      fail(fmt::format("symbolic link {} points outside the asset, to {}", p.string(), target.string()));
  }

  fs::path root_;
  fs::path canonical_root_;
  std::vector<std::string> exclude_;
  const std::string& path_;
  std::vector<AssetFile> out_;
};

struct DigestDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

}  // namespace

bool asset_path_excluded(std::string_view relative, std::string_view name, const std::vector<std::string>& patterns) {
  const std::string rel(relative);
  const std::string base(name);
  for (const auto& p : patterns) {
    if (p.empty()) continue;
    std::string pattern = p;
    while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
    if (pattern.find('/') == std::string::npos) {
      if (::fnmatch(pattern.c_str(), base.c_str(), 0) == 0) return true;
    } else {
      if (pattern.front() == '/') pattern.erase(0, 1);
      if (::fnmatch(pattern.c_str(), rel.c_str(), FNM_PATHNAME) == 0) return true;
    }
  }
  return false;
}

std::vector<AssetFile> list_asset_files(const fs::path& root, const std::vector<std::string>& exclude,
                                        const std::string& construct_path) {
  std::error_code ec;
  const auto status = fs::status(root, ec);
  if (!fs::exists(status))
    throw Error(construct_path, fmt::format("asset path {} does not exist", root.string()),
                "give a file or directory that exists (relative paths start at the working directory)");
  if (fs::is_regular_file(status))
    return {{"", root, false, executable(status.permissions()), fs::file_size(root, ec)}};
  if (!fs::is_directory(status))
    throw Error(construct_path, fmt::format("asset path {} is not a file or directory", root.string()),
                "give a file or directory");
  return Walker(root, exclude, construct_path).run();
}

std::string asset_fingerprint(const std::vector<AssetFile>& files, std::string_view extra,
                              const std::string& construct_path) {
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx(EVP_MD_CTX_new());
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  auto add = [&](std::string_view s) { EVP_DigestUpdate(ctx.get(), s.data(), s.size()); };
  constexpr std::string_view nul("\0", 1);
  add(kFingerprintVersion);
  add(nul);
  std::vector<char> buffer(kReadChunk);
  for (const auto& f : files) {
    add(f.directory ? "d" : (f.executable ? "x" : "f"));
    add(f.relative);
    add(nul);
    if (f.directory) continue;
    add(std::to_string(f.size));  // the length first, so no two sequences of files hash alike
    add(nul);
    std::ifstream in(f.source, std::ios::binary);
    if (!in)
      throw Error(construct_path, fmt::format("cannot read {}: {}", f.source.string(), std::strerror(errno)),
                  "make the file readable or exclude it");
    std::uintmax_t total = 0;
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
      add(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
      total += static_cast<std::uintmax_t>(in.gcount());
    }
    if (in.bad() || total != f.size)
      throw Error(construct_path, fmt::format("cannot read {} (it changed while it was read)", f.source.string()),
                  "make the file readable and leave it unchanged during synthesis");
  }
  add(extra);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest.data(), &size);
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace cdk::detail
