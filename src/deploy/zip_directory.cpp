// libzip is loaded when the first archive is made, as libcurl is when the
// first request is (curl_transport.cpp): linking it would make every start of
// every cdkpp program map libzip and the libcrypto/libbz2 it needs, and only
// publishing a zip asset uses it.
#include "deploy/zip_directory.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

namespace fs = std::filesystem;

// The libzip functions we call, resolved from the shared library.
struct Zip {
  decltype(&zip_open) open;
  decltype(&zip_close) close;
  decltype(&zip_discard) discard;
  decltype(&zip_strerror) strerror;
  decltype(&zip_source_file) source_file;
  decltype(&zip_source_free) source_free;
  decltype(&zip_file_add) file_add;
  decltype(&zip_dir_add) dir_add;
  decltype(&zip_file_set_mtime) set_mtime;
  decltype(&zip_file_set_external_attributes) set_attributes;
  decltype(&zip_set_file_compression) set_compression;
  decltype(&zip_error_init_with_code) error_init;
  decltype(&zip_error_strerror) error_text;
  decltype(&zip_error_fini) error_fini;
};

constexpr const char* kLibzip = "libzip.so.4";

const Zip& libzip() {
  static std::once_flag flag;
  static Zip api{};
  static std::string failure;
  std::call_once(flag, [] {
    void* lib = ::dlopen(kLibzip, RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      failure = ::dlerror();
      return;
    }
    auto load = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(lib, name));
      if (fn == nullptr && failure.empty()) failure = fmt::format("{} has no {}", kLibzip, name);
    };
    load(api.open, "zip_open");
    load(api.close, "zip_close");
    load(api.discard, "zip_discard");
    load(api.strerror, "zip_strerror");
    load(api.source_file, "zip_source_file");
    load(api.source_free, "zip_source_free");
    load(api.file_add, "zip_file_add");
    load(api.dir_add, "zip_dir_add");
    load(api.set_mtime, "zip_file_set_mtime");
    load(api.set_attributes, "zip_file_set_external_attributes");
    load(api.set_compression, "zip_set_file_compression");
    load(api.error_init, "zip_error_init_with_code");
    load(api.error_text, "zip_error_strerror");
    load(api.error_fini, "zip_error_fini");
  });
  if (!failure.empty()) throw DeployError(fmt::format("cannot load libzip ({}); install the libzip4 package", failure));
  return api;
}

struct Entry {
  std::string name;  ///< relative, '/' separated, directories end in '/'
  fs::path source;   ///< empty for directories
  mode_t mode = 0;
};

/// Every file and directory under `root`, sorted by name.
std::vector<Entry> list_entries(const fs::path& root) {
  std::vector<Entry> entries;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) throw DeployError(fmt::format("cannot read directory {}: {}", root.string(), ec.message()));
  for (; it != end; it.increment(ec)) {
    if (ec) throw DeployError(fmt::format("cannot read directory {}: {}", root.string(), ec.message()));
    const fs::path& p = it->path();
    std::string name = p.lexically_relative(root).generic_string();  // not relative(): it resolves links
    if (it->is_symlink() && fs::is_directory(p)) {
      throw DeployError(fmt::format("{}: {} is a symbolic link to a directory, which is not zipped; copy the "
                                    "directory instead",
                                    root.string(), name));
    }
    if (fs::is_directory(p)) {
      entries.push_back({name + "/", {}, S_IFDIR | 0755});
    } else if (fs::is_regular_file(p)) {
      bool executable = (fs::status(p).permissions() & fs::perms::owner_exec) != fs::perms::none;
      entries.push_back({name, p, static_cast<mode_t>(S_IFREG | (executable ? 0755 : 0644))});
    } else {
      throw DeployError(fmt::format("{}: {} is neither a file nor a directory (a dangling link?)", root.string(),
                                    name));
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

/// 1980-01-01 00:00:00 in local time: libzip turns a time_t into the zip's
/// DOS date with localtime(), so this gives the same fields in every time zone.
time_t earliest_zip_time() {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mon = 0;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

void add_entry(const Zip& z, zip_t* archive, const Entry& e, time_t when) {
  zip_int64_t index = -1;
  if (e.source.empty()) {
    index = z.dir_add(archive, e.name.c_str(), ZIP_FL_ENC_UTF_8);
  } else {
    zip_source_t* source = z.source_file(archive, e.source.c_str(), 0, 0);
    if (source != nullptr) {
      index = z.file_add(archive, e.name.c_str(), source, ZIP_FL_ENC_UTF_8);
      if (index < 0) z.source_free(source);
    }
  }
  bool ok = index >= 0 && z.set_mtime(archive, index, when, 0) == 0 &&
            z.set_attributes(archive, index, 0, ZIP_OPSYS_UNIX, static_cast<zip_uint32_t>(e.mode) << 16) == 0 &&
            (e.source.empty() || z.set_compression(archive, index, ZIP_CM_DEFLATE, 0) == 0);
  if (!ok) throw DeployError(fmt::format("cannot add {} to the zip: {}", e.name, z.strerror(archive)));
}

}  // namespace

void zip_directory(const fs::path& directory, const fs::path& archive_path) {
  std::vector<Entry> entries = list_entries(directory);
  // libzip writes no archive at all for no entries.
  if (entries.empty()) throw DeployError(fmt::format("{} is empty: there is nothing to zip", directory.string()));
  const Zip& z = libzip();
  int code = 0;
  zip_t* raw = z.open(archive_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (raw == nullptr) {
    zip_error_t error;
    z.error_init(&error, code);
    std::string text = z.error_text(&error);
    z.error_fini(&error);
    throw DeployError(fmt::format("cannot create {}: {}", archive_path.string(), text));
  }
  std::unique_ptr<zip_t, decltype(z.discard)> archive(raw, z.discard);
  const time_t when = earliest_zip_time();
  for (const Entry& e : entries) add_entry(z, archive.get(), e, when);
  if (z.close(archive.get()) != 0) {
    throw DeployError(fmt::format("cannot write {}: {}", archive_path.string(), z.strerror(archive.get())));
  }
  archive.release();  // zip_close freed it
}

}  // namespace cdk::deploy
