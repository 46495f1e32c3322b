#include "graph/render.hpp"

#include <cdk/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cdk::detail {

namespace fs = std::filesystem;

std::optional<fs::path> find_on_path(std::string_view name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A scratch directory removed when the rendering is done, whatever happens.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::error_code ec;
    std::string templ = (fs::temp_directory_path(ec) / "cdkpp-graph-XXXXXX").string();
    if (ec || ::mkdtemp(templ.data()) == nullptr)
      throw Error("", "cannot make a scratch directory for dot", "check that TMPDIR is writable");
    path = templ;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

}  // namespace

std::string render_with_dot(const std::string& dot_text, std::string_view format) {
  const auto dot = find_on_path("dot");
  if (!dot)
    throw Error("", fmt::format("Graphviz dot was not found on PATH; it draws --format {}", format),
                "install graphviz (tools/setup does) or use --format dot");
  ScratchDir scratch;
  const fs::path input = scratch.path / "app.dot";
  const fs::path output = scratch.path / fmt::format("app.{}", format);
  const fs::path errors = scratch.path / "errors.txt";
  {
    std::ofstream f(input, std::ios::binary);
    f << dot_text;
    if (!f) throw Error("", "cannot write " + input.string(), "check that TMPDIR is writable");
  }
  // Arguments go to dot as they are: no shell, so no quoting of paths.
  std::vector<std::string> args = {dot->string(), fmt::format("-T{}", format), "-o", output.string(), input.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, dot->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw Error("", fmt::format("cannot run {}: {}", dot->string(), std::strerror(spawned)),
                "check the graphviz installation or use --format dot");
  int status = 0;
  pid_t waited = 0;
  while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (waited < 0)
    throw Error("", fmt::format("cannot wait for {}: {}", dot->string(), std::strerror(errno)),
                "use --format dot and run dot yourself");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = read_all(errors);
    if (auto nl = why.find('\n'); nl != std::string::npos) why.resize(nl);
    throw Error("", fmt::format("dot -T{} failed: {}", format, why.empty() ? "no message" : why),
                "write the DOT text with --format dot and run dot on it to see every message");
  }
  return read_all(output);
}

}  // namespace cdk::detail
