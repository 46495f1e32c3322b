#include "support.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "deploy/endpoint.hpp"

namespace cdk::deploy::testing {

std::string form_field(const std::string& body, const std::string& name) {
  std::stringstream in(body);
  std::string pair;
  while (std::getline(in, pair, '&')) {
    auto eq = pair.find('=');
    if (url_decode(pair.substr(0, eq)) == name) return eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
  }
  return {};
}

HttpResponse ScriptedTransport::send(const HttpRequest& request) {
  std::lock_guard lock(mutex_);
  seen_.push_back(request);
  if (refuse_ > 0) {
    --refuse_;
    throw TransportError("Failed to connect to 127.0.0.1 port 9: Connection refused");
  }
  std::string action = form_field(request.body, "Action");
  if (action.empty()) action = request.method + " " + request.url;
  auto it = script_.find(action);
  if (it == script_.end() || it->second.empty()) {
    return aws_error(400, "UnscriptedAction", "the test did not script " + action);
  }
  HttpResponse r = it->second.front();
  if (it->second.size() > 1) it->second.pop_front();
  return r;
}

void ScriptedTransport::on(const std::string& action, std::vector<HttpResponse> responses) {
  std::lock_guard lock(mutex_);
  script_[action] = std::deque<HttpResponse>(responses.begin(), responses.end());
}

std::vector<HttpRequest> ScriptedTransport::requests() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

std::vector<std::string> ScriptedTransport::actions() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& r : seen_) out.push_back(form_field(r.body, "Action"));
  return out;
}

HttpResponse xml_response(long status, std::string body) {
  return HttpResponse{status, {{"Content-Type", "text/xml"}}, std::move(body)};
}

HttpResponse cfn_answer(const std::string& action, const std::string& result) {
  const std::string ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
  return xml_response(200, "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" +
                               action + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" +
                               action + "Response>");
}

HttpResponse hello_described(const std::string& status) {
  return cfn_answer("DescribeStacks", std::string("<Stacks><member><StackName>Hello</StackName><StackId>") +
                                          hello_stack_arn + "</StackId><StackStatus>" + status +
                                          "</StackStatus></member></Stacks>");
}

HttpResponse aws_error(long status, const std::string& code, const std::string& message, const std::string& type) {
  return xml_response(status, "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                              "<Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message +
                                  "</Message></Error><RequestId>b9b4e1f1-0000-4000-8000-000000000000</RequestId>"
                                  "</ErrorResponse>");
}

HttpResponse InterceptingTransport::send(const HttpRequest& request) {
  int n = count_++;
  std::string action = form_field(request.body, "Action");
  if (action.empty()) action = request.method;
  {
    std::lock_guard lock(mutex_);
    actions_.push_back(action);
    bodies_.push_back(request.body);
  }
  if (before) before(n, action);
  if (replace) {
    if (auto r = replace(n, action)) return *r;
  }
  HttpResponse response = inner_->send(request);
  if (lose_answer && lose_answer(n, action)) throw TransportError("connection reset after the request was sent");
  return response;
}

std::vector<std::string> InterceptingTransport::actions() const {
  std::lock_guard lock(mutex_);
  return actions_;
}

std::vector<std::string> InterceptingTransport::fields(const std::string& action, const std::string& name) const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < actions_.size(); ++i)
    if (actions_[i] == action) values.push_back(form_field(bodies_[i], name));
  return values;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("cdkpp-deploy-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_assembly(const std::filesystem::path& dir, const std::vector<TestStack>& stacks) {
  nlohmann::ordered_json manifest = {{"version", "36.0.0"}, {"artifacts", nlohmann::ordered_json::object()}};
  for (const auto& s : stacks) {
    std::string file = s.id + ".template.json";
    write_file(dir / file, s.template_json.dump(1) + "\n");
    nlohmann::ordered_json artifact = {{"type", "aws:cloudformation:stack"},
                               {"environment", s.environment},
                               {"properties", {{"templateFile", file}, {"stackName", s.id},
                                               {"terminationProtection", s.termination_protection}}},
                               {"displayName", s.id}};
    if (!s.tags.empty()) artifact["properties"]["tags"] = s.tags;
    if (!s.dependencies.empty()) artifact["dependencies"] = s.dependencies;
    manifest["artifacts"][s.id] = artifact;
  }
  manifest["artifacts"]["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  write_file(dir / "manifest.json", manifest.dump(1) + "\n");
}

}  // namespace cdk::deploy::testing
