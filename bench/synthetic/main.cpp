// bench_synthetic: the synthetic app of synthetic.hpp as a program.
//   build/bin/bench_synthetic -c stacks=20 -c resources_per_stack=500 synth --out out
#include "synthetic.hpp"

#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  synthetic::build(app, synthetic::settings_from_context(app));
  return app.run();
}
