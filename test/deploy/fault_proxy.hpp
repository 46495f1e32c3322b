#pragma once
// fault_proxy.py for one test: an HTTP proxy on a free 127.0.0.1 port in front
// of moto_server that hangs, drops or delays the answers of chosen actions.
// Started by the test, killed by its process id when the object goes away, and
// bounded by itself in requests and seconds.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace cdk::deploy::testing {

class FaultProxy {
 public:
  /// `faults` as the script takes them: "CreateStack=hang", "CreateStack=drop@1",
  /// "DescribeStacks=delay:0.5". Throws std::runtime_error when it does not start.
  FaultProxy(const std::string& target_url, const std::vector<std::string>& faults, int max_seconds = 60,
             int max_requests = 500);
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  [[nodiscard]] std::string url() const;  ///< http://127.0.0.1:PORT
  /// "ACTION FATE" per request so far (FATE: pass, hang, drop, delay).
  [[nodiscard]] std::vector<std::string> log() const;
  /// True when python3 can be found on PATH.
  static bool available();

 private:
  void stop();
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace cdk::deploy::testing
