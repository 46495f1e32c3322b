#include "deploy/process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "deploy/errors.hpp"

extern char** environ;

namespace cdk::deploy {
namespace {

/// Both ends close on exec, so other children started at the same time (parallel
/// publishing) do not inherit them and keep a pipe open.
void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) throw DeployError(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
}

/// Writes all of `input` while draining the output, so neither side blocks on a full pipe.
std::string exchange(int to_child, int from_child, const std::string& input) {
  ::fcntl(to_child, F_SETFL, ::fcntl(to_child, F_GETFL) | O_NONBLOCK);  // write what fits, then read
  std::string output;
  size_t written = 0;
  if (input.empty()) {
    ::close(to_child);
    to_child = -1;
  }
  for (;;) {
    pollfd fds[2] = {{from_child, POLLIN, 0}, {to_child, POLLOUT, 0}};
    if (::poll(fds, to_child >= 0 ? 2 : 1, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (to_child >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = ::write(to_child, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      bool broken = n < 0 && errno != EAGAIN && errno != EINTR;
      if (broken || written == input.size()) {
        ::close(to_child);
        to_child = -1;
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[4096];
      ssize_t n = ::read(from_child, buffer, sizeof buffer);
      if (n > 0) {
        output.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  }
  if (to_child >= 0) ::close(to_child);
  return output;
}

}  // namespace

std::string ProcessResult::last_line() const {
  size_t end = output.find_last_not_of(" \r\n\t");
  if (end == std::string::npos) return {};
  size_t start = output.rfind('\n', end);
  return output.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          const std::filesystem::path& working_dir) {
  int in[2], out[2];
  make_pipe(in);
  make_pipe(out);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
  if (!working_dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, working_dir.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  ProcessResult result;
  if (rc != 0) {
    ::close(in[1]);
    ::close(out[0]);
    result.exit_code = 127;
    result.output = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
    return result;
  }
  // A child that exits without reading its input must not kill us with SIGPIPE:
  // block it in this thread only (others may be publishing too) and swallow it.
  sigset_t pipe_signal, previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  result.output = exchange(in[1], out[0], input);
  timespec no_wait{0, 0};
  while (sigtimedwait(&pipe_signal, nullptr, &no_wait) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  ::close(out[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace cdk::deploy
