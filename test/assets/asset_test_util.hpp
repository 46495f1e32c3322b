#pragma once
// Helpers of the asset tests: small trees of files written under a temporary directory.
#include "core/test_util.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace assettest {

namespace fs = std::filesystem;

/// Writes `text` to `dir/relative`, making the directories on the way.
inline void write(const fs::path& dir, const std::string& relative, std::string_view text) {
  const fs::path p = dir / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// A small application: two source files, a nested one and a Dockerfile.
inline void write_app(const fs::path& dir) {
  write(dir, "index.py", "def handler(event, context):\n    return 'ok'\n");
  write(dir, "lib/util.py", "X = 1\n");
  write(dir, "lib/data/table.csv", "a,b\n1,2\n");
  write(dir, "Dockerfile", "FROM public.ecr.aws/docker/library/python:3.12-slim\nCOPY . /app\n");
}

/// The whole content of a file.
inline std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace assettest
