#include "fault_proxy.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef CDKPP_DEPLOY_TEST_DIR
#error "CDKPP_DEPLOY_TEST_DIR must name test/deploy (it holds fault_proxy.py)"
#endif

namespace cdk::deploy::testing {
namespace {

std::filesystem::path fresh_dir() {
  std::random_device random;
  auto dir = std::filesystem::temp_directory_path() / ("cdkpp-proxy-" + std::to_string(random()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

bool FaultProxy::available() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && ::access((std::filesystem::path(dir) / "python3").c_str(), X_OK) == 0) return true;
  }
  return false;
}

FaultProxy::FaultProxy(const std::string& target_url, const std::vector<std::string>& faults, int max_seconds,
                       int max_requests)
    : dir_(fresh_dir()) {
  std::vector<std::string> args = {"python3", std::string(CDKPP_DEPLOY_TEST_DIR) + "/fault_proxy.py",
                                   "--target", target_url, "--port-file", (dir_ / "port").string(),
                                   "--log", (dir_ / "log").string(),
                                   "--max-seconds", std::to_string(max_seconds),
                                   "--max-requests", std::to_string(max_requests)};
  for (const auto& f : faults) args.insert(args.end(), {"--fault", f});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::setpgid(0, 0);                      // own group: a pyenv shim may stand between us and python
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test process
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::execvp("python3", argv.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  pid_ = pid;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::ifstream in(dir_ / "port"); in >> port_ && port_ > 0) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("fault_proxy.py exited at start-up");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop();
  throw std::runtime_error("fault_proxy.py did not start listening");
}

void FaultProxy::stop() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

FaultProxy::~FaultProxy() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string FaultProxy::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<std::string> FaultProxy::log() const {
  std::vector<std::string> lines;
  std::ifstream in(dir_ / "log");
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace cdk::deploy::testing
