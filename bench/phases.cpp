// bench_phases: where the time of one synthesis goes, measured in-process on
// the synthetic app (synthetic/synthetic.hpp), against the time it takes to
// serialize the final JSON alone.
//   build/bin/bench_phases [STACKS] [RESOURCES_PER_STACK] [RUNS] [OUTDIR]
// Prints the median of each phase over RUNS:
//   build      constructing the tree (user code: the L2 constructs)
//   synthesize aspects, validation, logical ids, resolution, templates as text
//   write      writing the assembly files (manifest.json, tree.json, templates)
//   serialize  the final JSON documents to text and into files, nothing else
#include "synth/synthesizer.hpp"
#include "synthetic/synthetic.hpp"

#include <cdk/cdk.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

}  // namespace

int main(int argc, char** argv) {
  const int stacks = argc > 1 ? std::stoi(argv[1]) : 20;
  const int per_stack = argc > 2 ? std::stoi(argv[2]) : 500;
  const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
  const std::filesystem::path out = argc > 4 ? argv[4] : "bench-phases.out";
  std::filesystem::create_directories(out / "serialized");

  std::vector<double> build, synth, write_t, serialize;
  int resources = 0;
  std::size_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    auto t = Clock::now();
    cdk::App app(cdk::AppProps{.context = {{"stacks", std::to_string(stacks)},
                                           {"resources_per_stack", std::to_string(per_stack)}}});
    resources = synthetic::build(app, synthetic::settings_from_context(app));
    build.push_back(seconds_since(t));

    t = Clock::now();
    auto assembly = cdk::detail::synthesize(app, {});
    synth.push_back(seconds_since(t));

    t = Clock::now();
    cdk::detail::write_assembly(assembly, out / "assembly");
    write_t.push_back(seconds_since(t));

    // The floor: the same documents, already built, to text and to disk.
    t = Clock::now();
    bytes = 0;
    for (const auto& s : assembly.stacks) {
      const std::string text = s.template_json.dump(1) + "\n";
      bytes += text.size();
      write(out / "serialized" / s.stack->template_file(), text);
    }
    const std::string manifest = assembly.manifest.dump(1) + "\n";
    const std::string tree = assembly.tree.dump(1) + "\n";
    bytes += manifest.size() + tree.size();
    write(out / "serialized" / "manifest.json", manifest);
    write(out / "serialized" / "tree.json", tree);
    serialize.push_back(seconds_since(t));
  }
  const double b = median(build), s = median(synth), w = median(write_t), z = median(serialize);
  std::printf("app: %d stacks, %d resources, %zu bytes of JSON; median of %d runs\n", stacks, resources, bytes, runs);
  std::printf("build      %8.4f s\n", b);
  std::printf("synthesize %8.4f s\n", s);
  std::printf("write      %8.4f s\n", w);
  std::printf("serialize  %8.4f s  (final JSON to text and files, alone)\n", z);
  std::printf("synthesis (synthesize + write) / serialize: %.2fx\n", (s + w) / z);
  std::printf("build + synthesis / serialize:              %.2fx\n", (b + s + w) / z);
  return 0;
}
