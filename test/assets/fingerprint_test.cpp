// Asset fingerprints: the hash follows the content (paths, bytes, execute
// bits), not where the directory lives, time stamps or excluded files; bad
// paths and links are one error naming the construct path.
#include "asset_test_util.hpp"
#include "support/expect_error.hpp"

#include <cdk/cdk.hpp>
#include <cdk/file_asset.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

namespace {

using assettest::write;
using assettest::write_app;
using cdk::testing::expect_error;
namespace fs = std::filesystem;

class FingerprintTest : public ::testing::Test {
 protected:
  cdktest::TempDir dir;
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  int next_ = 0;

  std::string hash_of(const fs::path& path, std::vector<std::string> exclude = {}) {
    auto& a = stack.add<cdk::FileAsset>("A" + std::to_string(next_++), {.path = path.string(), .exclude = std::move(exclude)});
    return a.asset_hash();
  }
};

TEST_F(FingerprintTest, SameContentInAnotherDirectoryHasTheSameHash) {
  write_app(dir.path() / "one");
  write_app(dir.path() / "elsewhere/two");
  const auto h = hash_of(dir.path() / "one");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, hash_of(dir.path() / "elsewhere/two"));
}

TEST_F(FingerprintTest, TimeStampsDoNotChangeTheHash) {
  write_app(dir.path() / "app");
  const auto before = hash_of(dir.path() / "app");
  fs::last_write_time(dir.path() / "app/index.py", fs::file_time_type::clock::now() - std::chrono::hours(48));
  EXPECT_EQ(before, hash_of(dir.path() / "app"));
}

TEST_F(FingerprintTest, OneByteChangedGivesAnotherHash) {
  write_app(dir.path() / "app");
  const auto before = hash_of(dir.path() / "app");
  write(dir.path() / "app", "lib/util.py", "X = 2\n");
  EXPECT_NE(before, hash_of(dir.path() / "app"));
}

TEST_F(FingerprintTest, ARenamedFileGivesAnotherHash) {
  write_app(dir.path() / "app");
  const auto before = hash_of(dir.path() / "app");
  fs::rename(dir.path() / "app/lib/util.py", dir.path() / "app/lib/utils.py");
  EXPECT_NE(before, hash_of(dir.path() / "app"));
}

TEST_F(FingerprintTest, AnExecuteBitGivesAnotherHash) {
  write_app(dir.path() / "app");
  const auto before = hash_of(dir.path() / "app");
  fs::permissions(dir.path() / "app/index.py", fs::perms::owner_exec, fs::perm_options::add);
  EXPECT_NE(before, hash_of(dir.path() / "app"));
}

TEST_F(FingerprintTest, ExcludedFilesDoNotChangeTheHash) {
  write_app(dir.path() / "app");
  const auto before = hash_of(dir.path() / "app", {"*.pyc", "tests", "lib/data/*.tmp"});
  write(dir.path() / "app", ".git/HEAD", "ref: refs/heads/main\n");      // a default exclude
  write(dir.path() / "app", "lib/__pycache__/util.pyc", "compiled");       // a name at any depth
  write(dir.path() / "app", "tests/test_index.py", "assert True\n");      // a directory and all below it
  write(dir.path() / "app", "lib/data/scratch.tmp", "scratch");           // a path from the root
  EXPECT_EQ(before, hash_of(dir.path() / "app", {"*.pyc", "tests", "lib/data/*.tmp"}));
  write(dir.path() / "app", "lib/data/more.csv", "c\n");
  EXPECT_NE(before, hash_of(dir.path() / "app", {"*.pyc", "tests", "lib/data/*.tmp"}));
}

TEST_F(FingerprintTest, AFileHashesItsContentNotItsName) {
  write(dir.path(), "a/package.zip", "PK-bytes");
  write(dir.path(), "b/other.zip", "PK-bytes");
  EXPECT_EQ(hash_of(dir.path() / "a/package.zip"), hash_of(dir.path() / "b/other.zip"));
}

TEST_F(FingerprintTest, ALinkInsideTheAssetIsFollowed) {
  write_app(dir.path() / "plain");
  write(dir.path() / "plain", "current.py", "X = 1\n");
  write_app(dir.path() / "linked");
  fs::create_symlink("lib/util.py", dir.path() / "linked/current.py");
  EXPECT_EQ(hash_of(dir.path() / "plain"), hash_of(dir.path() / "linked"));
}

TEST_F(FingerprintTest, ALinkLeavingTheAssetIsAnError) {
  write_app(dir.path() / "app");
  write(dir.path(), "secret.txt", "password");
  fs::create_symlink(dir.path() / "secret.txt", dir.path() / "app/secret.txt");
  expect_error([&] { stack.add<cdk::FileAsset>("Code", {.path = (dir.path() / "app").string()}); }, "Stack/Code",
               "points outside the asset");
}

TEST_F(FingerprintTest, ADanglingLinkOrALoopIsAnError) {
  write_app(dir.path() / "app");
  fs::create_symlink("nowhere.py", dir.path() / "app/broken.py");
  expect_error([&] { stack.add<cdk::FileAsset>("Broken", {.path = (dir.path() / "app").string()}); }, "Stack/Broken",
               "points nowhere");
  fs::remove(dir.path() / "app/broken.py");
  fs::create_symlink("..", dir.path() / "app/lib/up");
  expect_error([&] { stack.add<cdk::FileAsset>("Loop", {.path = (dir.path() / "app").string()}); }, "Stack/Loop",
               "makes a loop");
}

TEST_F(FingerprintTest, AMissingPathIsAnErrorNamingTheConstructPath) {
  const auto missing = (dir.path() / "no-such-dir").string();
  expect_error([&] { stack.add<cdk::FileAsset>("Code", {.path = missing}); }, "Stack/Code",
               "asset path " + missing + " does not exist");
}

TEST_F(FingerprintTest, AnEmptyDirectoryIsAnError) {
  fs::create_directories(dir.path() / "empty/.git");
  expect_error([&] { stack.add<cdk::FileAsset>("Code", {.path = (dir.path() / "empty").string()}); }, "Stack/Code",
               "has no files");
}

TEST_F(FingerprintTest, AnUnreadableFileIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file: permissions cannot make one unreadable";
  write_app(dir.path() / "app");
  fs::permissions(dir.path() / "app/index.py", fs::perms::none);
  expect_error([&] { stack.add<cdk::FileAsset>("Code", {.path = (dir.path() / "app").string()}); }, "Stack/Code",
               "cannot read");
}

}  // namespace
