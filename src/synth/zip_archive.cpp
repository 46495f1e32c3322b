// libzip is loaded when the first directory asset is archived, not when the
// program starts, as libcurl is (src/deploy/curl_transport.cpp): most programs
// have no directory asset, and linking it would map it and the libraries it
// needs at every start.
#include "synth/zip_archive.hpp"

#include <cdk/error.hpp>

#include <dlfcn.h>
#include <fmt/format.h>
#include <zip.h>

#include <ctime>
#include <mutex>

namespace cdk::detail {

namespace {

// The libzip functions we call, resolved from the shared library.
struct Libzip {
  decltype(&zip_open) open;
  decltype(&zip_source_file) source_file;
  decltype(&zip_source_free) source_free;
  decltype(&zip_file_add) file_add;
  decltype(&zip_dir_add) dir_add;
  decltype(&zip_file_set_mtime) set_mtime;
  decltype(&zip_file_set_external_attributes) set_attributes;
  decltype(&zip_set_file_compression) set_compression;
  decltype(&zip_close) close;
  decltype(&zip_discard) discard;
  decltype(&zip_strerror) strerror;
};

constexpr const char* kLibzip = "libzip.so.4";
constexpr std::uint32_t kFileMode = 0100644;
constexpr std::uint32_t kExecutableMode = 0100755;
constexpr std::uint32_t kDirectoryMode = 040755;
constexpr int kDosEpochYear = 1980;  // the earliest time a zip entry can hold

const Libzip& libzip() {
  static std::once_flag flag;
  static Libzip api{};
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
    load(api.source_file, "zip_source_file");
    load(api.source_free, "zip_source_free");
    load(api.file_add, "zip_file_add");
    load(api.dir_add, "zip_dir_add");
    load(api.set_mtime, "zip_file_set_mtime");
    load(api.set_attributes, "zip_file_set_external_attributes");
    load(api.set_compression, "zip_set_file_compression");
    load(api.close, "zip_close");
    load(api.discard, "zip_discard");
    load(api.strerror, "zip_strerror");
  });
  if (!failure.empty())
    throw Error("", fmt::format("cannot load libzip ({}) to archive a directory asset", failure),
                "install the libzip4 package");
  return api;
}

// libzip stores local time; the time_t that is 1980-01-01 00:00 here is stored
// as that same date in any time zone.
std::time_t dos_epoch() {
  std::tm tm{};
  tm.tm_year = kDosEpochYear - 1900;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

// Adds one entry; returns false with the archive's error left for the caller.
bool add_entry(const Libzip& z, zip_t* archive, const AssetFile& f, std::time_t when) {
  zip_int64_t index = -1;
  if (f.directory) {
    index = z.dir_add(archive, f.relative.c_str(), ZIP_FL_ENC_UTF_8);
  } else {
    zip_source_t* source = z.source_file(archive, f.source.c_str(), 0, -1);
    if (source == nullptr) return false;
    index = z.file_add(archive, f.relative.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      z.source_free(source);
      return false;
    }
    if (z.set_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) < 0) return false;
  }
  if (index < 0) return false;
  const auto i = static_cast<zip_uint64_t>(index);
  const std::uint32_t mode = f.directory ? kDirectoryMode : (f.executable ? kExecutableMode : kFileMode);
  return z.set_mtime(archive, i, when, 0) == 0 && z.set_attributes(archive, i, 0, ZIP_OPSYS_UNIX, mode << 16) == 0;
}

}  // namespace

void write_asset_zip(const std::vector<AssetFile>& files, const std::filesystem::path& out,
                     const std::string& construct_path) {
  const Libzip& z = libzip();
  int code = 0;
  zip_t* archive = z.open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr)
    throw Error(construct_path, fmt::format("cannot create {} (libzip error {})", out.string(), code),
                "check the output directory's permissions and free space");
  const std::time_t when = dos_epoch();
  for (const auto& f : files) {
    if (!add_entry(z, archive, f, when)) {
      std::string why = z.strerror(archive);
      z.discard(archive);
      throw Error(construct_path, fmt::format("cannot add {} to {}: {}", f.relative, out.string(), why),
                  "make the file readable or exclude it");
    }
  }
  if (z.close(archive) != 0) {
    std::string why = z.strerror(archive);
    z.discard(archive);
    throw Error(construct_path, fmt::format("cannot write {}: {}", out.string(), why),
                "check that the asset's files are readable and the disk has room");
  }
}

}  // namespace cdk::detail
