#pragma once
// A real moto_server for one test: started on a free 127.0.0.1 port, stopped
// (its whole process group) when the object goes away.
#include <sys/types.h>

#include <string>

namespace cdk::deploy::testing {

class MotoServer {
 public:
  /// Starts moto_server (from PATH) on `port`, or on a free port when 0, and
  /// waits until it accepts connections. Throws std::runtime_error on failure.
  explicit MotoServer(int port = 0);
  ~MotoServer();
  MotoServer(const MotoServer&) = delete;
  MotoServer& operator=(const MotoServer&) = delete;

  [[nodiscard]] int port() const noexcept { return port_; }
  [[nodiscard]] std::string url() const;  ///< http://127.0.0.1:PORT
  /// Kills the server at once (SIGKILL), as a crash would.
  void kill_now();
  /// Starts it again on the same port (fresh, empty state).
  void restart();
  [[nodiscard]] bool running() const noexcept { return pid_ > 0; }

  /// Empties every moto backend (POST /moto-api/reset), much cheaper than a restart.
  void reset();

  /// True when moto_server can be found on PATH.
  static bool available();

  /// One server for the whole test process, started on first use and killed at
  /// exit: moto needs seconds to start and to import its backends.
  static MotoServer& shared();

 private:
  void start();
  void stop(int signal);
  int port_;
  pid_t pid_ = -1;
};

/// A TCP port on 127.0.0.1 nothing listens on right now.
int free_port();

}  // namespace cdk::deploy::testing
