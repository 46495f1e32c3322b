// libcurl is loaded when the first request is made, not when the program
// starts: linking it makes the dynamic loader map it and about 30 libraries it
// needs at every start, which is half of a small app's synth (bench/README.md).
// Only the deploy commands ever make a request.
#include "deploy/transport.hpp"

#define CURL_DISABLE_TYPECHECK  // calls go through function pointers
#include <curl/curl.h>
#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace cdk::deploy {
namespace {

// The libcurl functions we call, resolved from the shared library.
struct Curl {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

constexpr const char* kLibcurl = "libcurl.so.4";
constexpr long long kConnectMs = 10'000;  // a connection that takes longer is not coming

// Loads libcurl once (and initialises it); throws TransportError when it is missing.
const Curl& curl() {
  static std::once_flag flag;
  static Curl api{};
  static std::string failure;
  std::call_once(flag, [] {
    void* lib = ::dlopen(kLibcurl, RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      failure = ::dlerror();
      return;
    }
    auto load = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(lib, name));
      if (fn == nullptr && failure.empty()) failure = fmt::format("{} has no {}", kLibcurl, name);
    };
    load(api.global_init, "curl_global_init");
    load(api.easy_init, "curl_easy_init");
    load(api.easy_cleanup, "curl_easy_cleanup");
    load(api.easy_setopt, "curl_easy_setopt");
    load(api.easy_perform, "curl_easy_perform");
    load(api.easy_getinfo, "curl_easy_getinfo");
    load(api.easy_strerror, "curl_easy_strerror");
    load(api.slist_append, "curl_slist_append");
    load(api.slist_free_all, "curl_slist_free_all");
    if (failure.empty()) api.global_init(CURL_GLOBAL_DEFAULT);
  });
  if (!failure.empty())
    throw TransportError(fmt::format("cannot load libcurl ({}); install the libcurl4 package", failure));
  return api;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  std::string_view line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto trim = [](std::string_view s) {
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
      return std::string(s);
    };
    static_cast<Headers*>(user)->emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
  }
  return size * count;
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(std::chrono::milliseconds timeout) : timeout_(timeout) {}

  HttpResponse send(const HttpRequest& request) override {
    // One easy handle per request keeps the transport thread-safe without locks.
    const Curl& c = curl();
    std::unique_ptr<CURL, decltype(c.easy_cleanup)> handle(c.easy_init(), c.easy_cleanup);
    if (!handle) throw TransportError("cannot initialise libcurl");
    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers) {
      list = c.slist_append(list, fmt::format("{}: {}", name, value).c_str());
    }
    // curl adds "Expect: 100-continue" to large bodies; AWS and moto do not need the round trip.
    list = c.slist_append(list, "Expect:");
    std::unique_ptr<curl_slist, decltype(c.slist_free_all)> headers(list, c.slist_free_all);

    HttpResponse response;
    char error[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    c.easy_setopt(h, CURLOPT_URL, request.url.c_str());
    c.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "HEAD") c.easy_setopt(h, CURLOPT_NOBODY, 1L);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
      c.easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
      c.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    c.easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    c.easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    c.easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    c.easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    c.easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
    c.easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    const auto timeout = request.timeout.count() > 0 ? std::min(request.timeout, timeout_) : timeout_;
    c.easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<long long>(1, timeout.count())));
    c.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::clamp<long long>(timeout.count(), 1, kConnectMs)));
    c.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(h, CURLOPT_USERAGENT, "cdkpp/0.1");
    CURLcode rc = c.easy_perform(h);
    if (rc != CURLE_OK) {
      throw TransportError(fmt::format("{} {}: {}", request.method, request.url,
                                       error[0] != '\0' ? error : c.easy_strerror(rc)));
    }
    c.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  std::chrono::milliseconds timeout_;
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(std::chrono::milliseconds timeout) {
  return std::make_unique<CurlTransport>(timeout);
}

std::string header_value(const Headers& headers, std::string_view name) {
  auto equal = [&](const std::string& h) {
    return std::equal(h.begin(), h.end(), name.begin(), name.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  for (const auto& [k, v] : headers) {
    if (equal(k)) return v;
  }
  return {};
}

}  // namespace cdk::deploy
