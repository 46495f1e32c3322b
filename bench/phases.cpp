// bench_phases: where the time of one synthesis goes, measured in-process on
// the synthetic app (synthetic/synthetic.hpp), against the time it takes to
// serialize the final JSON alone.
//   build/bin/bench_phases [STACKS] [RESOURCES_PER_STACK] [RUNS] [OUTDIR]
// Prints the median of each phase over RUNS, in wall and in CPU time (the
// CPU time is the steadier on a busy machine):
//   build      constructing the tree (user code: the L2 constructs)
//   synthesize aspects, validation, logical ids, resolution, templates as text
//   write      writing the assembly files (manifest.json, tree.json, templates)
//   serialize  the final JSON documents to text and into files, nothing else:
//              with Json::dump (nlohmann's serializer), and with the writer
//              synthesis uses (synth/json_text.hpp), which writes the same bytes
#include "synth/json_text.hpp"
#include "synth/synthesizer.hpp"
#include "synth/tree_json.hpp"
#include "synthetic/synthetic.hpp"

#include <cdk/cdk.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Wall and CPU seconds of one phase.
struct Lap {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_now();
  void end(std::vector<double>& walls, std::vector<double>& cpus) {
    walls.push_back(std::chrono::duration<double>(Clock::now() - wall).count());
    cpus.push_back(cpu_now() - cpu);
  }
};

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

  std::vector<double> build, synth, write_t, serialize, writer;          // wall
  std::vector<double> build_c, synth_c, write_c, serialize_c, writer_c;  // CPU
  int resources = 0;
  std::size_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    Lap lap;
    cdk::App app(cdk::AppProps{.context = {{"stacks", std::to_string(stacks)},
                                           {"resources_per_stack", std::to_string(per_stack)}}});
    resources = synthetic::build(app, synthetic::settings_from_context(app));
    lap.end(build, build_c);

    lap = Lap{};
    auto assembly = cdk::detail::synthesize(app, {});
    lap.end(synth, synth_c);

    lap = Lap{};
    cdk::detail::write_assembly(assembly, out / "assembly");
    lap.end(write_t, write_c);

    // The floor: the same documents, already built, to text and to disk.
    // (Synthesis writes tree.json as text directly; here it is a document.)
    const auto tree_json = cdk::detail::Json::parse(cdk::detail::tree_json_text(*assembly.app, assembly.logical_ids));
    auto serialize_all = [&](auto&& to_text) {
      bytes = 0;
      for (const auto& s : assembly.stacks) {
        const std::string text = to_text(s.template_json);
        bytes += text.size();
        write(out / "serialized" / s.stack->template_file(), text);
      }
      const std::string manifest = to_text(assembly.manifest);
      const std::string tree = to_text(tree_json);
      bytes += manifest.size() + tree.size();
      write(out / "serialized" / "manifest.json", manifest);
      write(out / "serialized" / "tree.json", tree);
    };
    lap = Lap{};
    serialize_all([](const cdk::detail::Json& j) { return j.dump(1) + "\n"; });
    lap.end(serialize, serialize_c);
    lap = Lap{};
    serialize_all([](const cdk::detail::Json& j) {
      std::string text;
      cdk::detail::append_json(text, j, 1);
      return text + "\n";
    });
    lap.end(writer, writer_c);
  }
  std::printf("app: %d stacks, %d resources, %zu bytes of JSON; median of %d runs\n", stacks, resources, bytes, runs);
  std::printf("phase          wall s    CPU s\n");
  auto line = [](const char* name, const std::vector<double>& w, const std::vector<double>& c) {
    std::printf("%-10s %9.4f %9.4f\n", name, median(w), median(c));
  };
  line("build", build, build_c);
  line("synthesize", synth, synth_c);
  line("write", write_t, write_c);
  line("serialize", serialize, serialize_c);
  line("  (writer)", writer, writer_c);
  std::printf("(serialize: the final JSON to text and files, alone, with Json::dump; writer: the same\n"
              " with the JSON writer synthesis uses)\n");
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  const double synth_w = median(synth) + median(write_t), synth_cpu = median(synth_c) + median(write_c);
  std::printf("synthesis (synthesize + write) / serialize: %.2fx wall, %.2fx CPU (/ writer: %.2fx, %.2fx)\n",
              ratio(synth_w, median(serialize)), ratio(synth_cpu, median(serialize_c)),
              ratio(synth_w, median(writer)), ratio(synth_cpu, median(writer_c)));
  std::printf("build + synthesis / serialize:              %.2fx wall, %.2fx CPU\n",
              ratio(median(build) + synth_w, median(serialize)),
              ratio(median(build_c) + synth_cpu, median(serialize_c)));
  return 0;
}
