#pragma once
// Helpers shared by the deploy tests: a scripted transport for replaying
// recorded AWS answers, temporary directories and small cloud assemblies.
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "deploy/transport.hpp"

namespace cdk::deploy::testing {

/// A form field of a query-protocol request body ("Action", "StackName", ...).
std::string form_field(const std::string& body, const std::string& name);

/// Answers requests from a script: for each Action, a queue of responses (the
/// last one repeats). Records every request it saw.
class ScriptedTransport : public Transport {
 public:
  HttpResponse send(const HttpRequest& request) override;

  void on(const std::string& action, std::vector<HttpResponse> responses);
  /// Makes the next `count` requests fail as if the connection was refused.
  void refuse_next(int count) { refuse_ = count; }

  std::vector<HttpRequest> requests() const;
  std::vector<std::string> actions() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<HttpResponse>> script_;
  std::vector<HttpRequest> seen_;
  int refuse_ = 0;
};

HttpResponse xml_response(long status, std::string body);
/// The stack the scripted CloudFormation answers below describe: "Hello".
inline constexpr const char* hello_stack_arn =
    "arn:aws:cloudformation:eu-west-1:123456789012:stack/Hello/5f1e4a20-aaaa-11ef-8000-0a1b2c3d4e5f";
/// A successful CloudFormation answer to `action` with `result` inside <ActionResult>.
HttpResponse cfn_answer(const std::string& action, const std::string& result = "");
/// DescribeStacks answering that stack Hello is in `status`.
HttpResponse hello_described(const std::string& status);
/// A query-protocol error answer as AWS sends it.
HttpResponse aws_error(long status, const std::string& code, const std::string& message,
                       const std::string& type = "Sender");

/// Passes requests to another transport; `before` may throw or act (kill a server)
/// before request number n (0-based) goes out, `replace` may answer instead,
/// `lose_answer` may drop the answer of a request the server carried out.
class InterceptingTransport : public Transport {
 public:
  explicit InterceptingTransport(std::shared_ptr<Transport> inner) : inner_(std::move(inner)) {}
  HttpResponse send(const HttpRequest& request) override;

  std::function<void(int n, const std::string& action)> before;
  std::function<std::optional<HttpResponse>(int n, const std::string& action)> replace;
  /// Returning true drops the answer after the server has carried the request out.
  std::function<bool(int n, const std::string& action)> lose_answer;
  std::vector<std::string> actions() const;
  /// Form field `name` of every request of `action`, in the order they were sent.
  std::vector<std::string> fields(const std::string& action, const std::string& name) const;

 private:
  std::shared_ptr<Transport> inner_;
  mutable std::mutex mutex_;
  std::atomic<int> count_{0};
  std::vector<std::string> actions_;
  std::vector<std::string> bodies_;
};

/// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

struct TestStack {
  std::string id;
  nlohmann::json template_json;
  std::vector<std::string> dependencies = {};
  std::map<std::string, std::string> tags = {};
  std::string environment = "aws://unknown-account/unknown-region";
  bool termination_protection = false;
};

/// Writes manifest.json and one <id>.template.json per stack into `dir`.
void write_assembly(const std::filesystem::path& dir, const std::vector<TestStack>& stacks);

void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

}  // namespace cdk::deploy::testing
