#include <cdk/app.hpp>

#include "core/context.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace cdk {

namespace {

// An error found while the tree is built (a duplicate id, say) is thrown from
// the user's main before run(); print it as one line instead of an abort.
void install_terminate_handler() {
  static std::terminate_handler previous = std::set_terminate([] {
    if (auto e = std::current_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const Error& err) {
        std::fprintf(stderr, "%s\n", err.what());
        std::_Exit(1);
      } catch (const SynthError& err) {
        std::fprintf(stderr, "%s\n", err.what());
        std::_Exit(1);
      } catch (...) {
      }
    }
    if (previous) previous();
    std::abort();
  });
}

}  // namespace

App::App(AppProps props) : Construct(RootTag{}), props_(std::move(props)) {
  install_terminate_handler();
  for (const auto& [k, v] : props_.context) node().set_context(k, v);
}

App::App(int argc, char** argv) : Construct(RootTag{}) {
  install_terminate_handler();
  for (int i = 0; i < argc; ++i) args_.emplace_back(argv[i]);
  detail::load_context(*this, args_);
}

App::~App() = default;

bool App::context_flag(std::string_view key, bool fallback) const {
  const auto text = context(key);
  if (!text) return fallback;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw Error("", "context " + std::string(key) + "='" + *text + "' is neither true nor false",
              "pass -c " + std::string(key) + "=true or -c " + std::string(key) + "=false, or leave it out");
}

std::vector<std::string> App::context_list(std::string_view key) const {
  const auto text = context(key);
  return text ? detail::split_context_list(*text) : std::vector<std::string>{};
}

std::int64_t App::context_int(std::string_view key, std::int64_t fallback) const {
  const auto text = context(key);
  if (!text) return fallback;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end)
    throw Error("", "context " + std::string(key) + "='" + *text + "' is not a whole number",
                "pass -c " + std::string(key) + "=" + std::to_string(fallback) + ", or leave it out");
  return value;
}

}  // namespace cdk
