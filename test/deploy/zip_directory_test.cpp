// Deterministic zips of directory assets.
#include "deploy/zip_directory.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <cstdlib>

#include "deploy/errors.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

namespace fs = std::filesystem;

void fill(const fs::path& dir, time_t mtime) {
  testing::write_file(dir / "index.py", "def handler(e, c):\n  return 1\n");
  testing::write_file(dir / "lib" / "b.py", "B = 2\n");
  testing::write_file(dir / "lib" / "a.py", "A = 1\n");
  testing::write_file(dir / "bootstrap", "#!/bin/sh\n");
  ::chmod((dir / "bootstrap").c_str(), 0700);
  fs::create_directories(dir / "empty");
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    utimbuf times{mtime, mtime};
    ::utime(e.path().c_str(), &times);
  }
}

TEST(ZipDirectory, TheSameContentGivesTheSameBytesWhereverAndWheneverItIsZipped) {
  testing::TempDir a, b, out;
  fill(a.path() / "src", 1'600'000'000);
  fill(b.path() / "elsewhere" / "copy", 1'700'000'000);
  zip_directory(a.path() / "src", out.path() / "1.zip");
  zip_directory(a.path() / "src", out.path() / "2.zip");
  ::setenv("TZ", "Asia/Kolkata", 1);
  zip_directory(b.path() / "elsewhere" / "copy", out.path() / "3.zip");
  ::unsetenv("TZ");
  std::string first = testing::read_file(out.path() / "1.zip");
  ASSERT_GT(first.size(), 100u);
  EXPECT_TRUE(first == testing::read_file(out.path() / "2.zip"));
  EXPECT_TRUE(first == testing::read_file(out.path() / "3.zip"));

  testing::write_file(a.path() / "src" / "lib" / "a.py", "A = 3\n");
  zip_directory(a.path() / "src", out.path() / "4.zip");
  EXPECT_FALSE(first == testing::read_file(out.path() / "4.zip"));
}

TEST(ZipDirectory, EntriesAreSortedWithFixedTimesAndNormalisedModes) {
  if (std::system("python3 -c 'import zipfile' 2>/dev/null") != 0) GTEST_SKIP() << "python3 is needed to read the zip";
  testing::TempDir dir, out;
  fill(dir.path() / "src", 1'600'000'000);
  zip_directory(dir.path() / "src", out.path() / "a.zip");
  std::string listing = (out.path() / "listing.txt").string();
  std::string command = "python3 -c \"import zipfile,sys\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): "
                        "print(i.filename, oct(i.external_attr >> 16), i.date_time[:3])\" " +
                        (out.path() / "a.zip").string() + " > " + listing;
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(testing::read_file(listing),
            "bootstrap 0o100755 (1980, 1, 1)\n"
            "empty/ 0o40755 (1980, 1, 1)\n"
            "index.py 0o100644 (1980, 1, 1)\n"
            "lib/ 0o40755 (1980, 1, 1)\n"
            "lib/a.py 0o100644 (1980, 1, 1)\n"
            "lib/b.py 0o100644 (1980, 1, 1)\n");
}

TEST(ZipDirectory, AnEmptyDirectoryOrALinkToADirectoryIsRefused) {
  testing::TempDir dir;
  fs::create_directories(dir.path() / "empty");
  EXPECT_THROW(zip_directory(dir.path() / "empty", dir.path() / "e.zip"), DeployError);
  testing::write_file(dir.path() / "src" / "a.txt", "a");
  fs::create_directory_symlink(dir.path() / "empty", dir.path() / "src" / "link");
  try {
    zip_directory(dir.path() / "src", dir.path() / "s.zip");
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_NE(std::string(e.what()).find("link is a symbolic link to a directory"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cdk::deploy
