#include "moto_server.hpp"

#include "deploy/transport.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace cdk::deploy::testing {
namespace {

bool accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a loopback port");
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool MotoServer::available() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && ::access((std::filesystem::path(dir) / "moto_server").c_str(), X_OK) == 0) return true;
  }
  return false;
}

MotoServer::MotoServer(int port) : port_(port == 0 ? free_port() : port) { start(); }

// moto keeps its state in memory only and takes seconds to honour SIGTERM, so
// tests end it with SIGKILL.
MotoServer::~MotoServer() { stop(SIGKILL); }

std::string MotoServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void MotoServer::start() {
  std::string port = std::to_string(port_);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::setpgid(0, 0);  // own group, so stopping it also stops the python behind the pyenv shim
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test process
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execlp("moto_server", "moto_server", "-H", "127.0.0.1", "-p", port.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  pid_ = pid;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (accepts(port_)) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("moto_server exited at start-up (port " + port + ")");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop(SIGKILL);
  throw std::runtime_error("moto_server did not start listening on port " + port);
}

void MotoServer::stop(int signal) {
  if (pid_ <= 0) return;
  ::kill(-pid_, signal);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  // Wait until the port is free again so a restart can bind it.
  for (int i = 0; i < 100 && accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void MotoServer::kill_now() { stop(SIGKILL); }

void MotoServer::restart() {
  stop(SIGKILL);
  start();
}

void MotoServer::reset() {
  auto transport = make_curl_transport(std::chrono::seconds(30));
  HttpResponse r = transport->send({"POST", url() + "/moto-api/reset", {}, ""});
  if (r.status != 200) throw std::runtime_error("moto reset failed with HTTP " + std::to_string(r.status));
}

MotoServer& MotoServer::shared() {
  static MotoServer server;
  return server;
}

}  // namespace cdk::deploy::testing
