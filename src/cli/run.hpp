#pragma once
// The command line every cdkpp program gets from App::run. Internal.
namespace cdk {
class App;
}

namespace cdk::detail {
int run_cli(App& app, int argc, const char* const* argv);
}
