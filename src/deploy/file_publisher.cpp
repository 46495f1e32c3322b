#include "deploy/file_publisher.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "deploy/errors.hpp"

namespace cdk::deploy {
namespace {

std::string read_bytes(std::ifstream& in, std::uint64_t count) {
  std::string data(count, '\0');
  in.read(data.data(), static_cast<std::streamsize>(count));
  data.resize(static_cast<size_t>(in.gcount()));
  return data;
}

std::string mebibytes(std::uint64_t bytes) { return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20)); }

void upload_in_parts(const S3Bucket& bucket, const std::string& key, const std::filesystem::path& file,
                     std::uint64_t size, const UploadLimits& limits, const ProgressLine& progress) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DeployError(fmt::format("cannot read {}", file.string()));
  const std::uint64_t parts = (size + limits.part_size - 1) / limits.part_size;
  std::string upload_id = bucket.create_multipart_upload(key, content_type_for(file));
  try {
    std::vector<std::string> etags;
    for (std::uint64_t part = 1; part <= parts; ++part) {
      std::string body = read_bytes(in, limits.part_size);
      if (body.empty() && part < parts) throw DeployError(fmt::format("{} got shorter while uploading", file.string()));
      etags.push_back(bucket.upload_part(key, upload_id, static_cast<int>(part), std::move(body)));
      if (progress) {
        progress(fmt::format("uploaded part {}/{} ({} of {})", part, parts,
                             mebibytes(std::min(size, part * limits.part_size)), mebibytes(size)));
      }
    }
    bucket.complete_multipart_upload(key, upload_id, etags);
  } catch (...) {
    bucket.abort_multipart_upload(key, upload_id);
    throw;
  }
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".zip") return "application/zip";
  if (ext == ".json") return "application/json";
  return "application/octet-stream";
}

bool upload_if_missing(const S3Bucket& bucket, const std::string& key, const std::filesystem::path& file,
                       const UploadLimits& limits, const ProgressLine& progress) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(file, ec);
  if (ec) throw DeployError(fmt::format("cannot read {}: {}", file.string(), ec.message()));
  if (bucket.has_object(key)) return false;
  if (size > limits.multipart_threshold) {
    upload_in_parts(bucket, key, file, size, limits, progress);
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DeployError(fmt::format("cannot read {}", file.string()));
  bucket.put_object(key, read_bytes(in, size), content_type_for(file));
  return true;
}

}  // namespace cdk::deploy
