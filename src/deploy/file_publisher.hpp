#pragma once
// Publishes one file asset to one S3 destination: skipped when the object is
// already there (keys are content hashes, so an existing key holds the same
// bytes), a single PutObject up to a size, a multipart upload above it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "deploy/s3_bucket.hpp"

namespace cdk::deploy {

/// Where uploads switch to multipart, and the part size. S3 allows parts of 5 MiB
/// to 5 GiB and at most 10,000 of them; 8 MiB parts carry files up to 78 GiB.
struct UploadLimits {
  std::uint64_t multipart_threshold = 16ULL << 20;  ///< files larger than this go in parts; default 16 MiB
  std::uint64_t part_size = 8ULL << 20;             ///< bytes per part (the last may be smaller); default 8 MiB
};

using ProgressLine = std::function<void(const std::string& line)>;

/// The Content-Type for an object: application/zip for archives, JSON for
/// templates, else application/octet-stream.
std::string content_type_for(const std::filesystem::path& file);

/// Uploads `file` as `key` unless the key exists. Returns true when it uploaded.
/// `progress` gets one line per part of a multipart upload. A failed multipart
/// upload is aborted, so S3 keeps no orphaned parts.
bool upload_if_missing(const S3Bucket& bucket, const std::string& key, const std::filesystem::path& file,
                       const UploadLimits& limits, const ProgressLine& progress);

}  // namespace cdk::deploy
