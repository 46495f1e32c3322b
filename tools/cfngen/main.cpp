// cfngen: generates cdkpp's L1 classes from the trimmed resource specification.
//
//   cfngen --spec spec/aws-service-spec.json.gz --patches spec/patches.json
//          --out build/generated [--services "ec2;s3"] [--shards 48]
//          [--tests build/generated-tests --full-types test/l1/full_types.txt]
//   cfngen --spec ... --patches ... --include-out build/generated --include-shards 8 [--services ...]
#include "emit.hpp"
#include "emit_include.hpp"
#include "model.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(cfngen::read_file(path));
  for (std::string line; std::getline(in, line);) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cfngen: CloudFormation resource specification -> cdkpp L1 classes"};
  std::string spec_path, patches_path, out_dir, services = "all", tests_dir, full_types_path, stamp, include_dir;
  int shards = 1;
  int include_shards = 1;
  app.add_option("--spec", spec_path, "trimmed spec (spec/aws-service-spec.json.gz)")->required();
  app.add_option("--patches", patches_path, "spec fixes (spec/patches.json)");
  app.add_option("--out", out_dir, "output directory for the library's headers and sources");
  app.add_option("--services", services, "'all' or a ';' list of services (ec2;s3)");
  app.add_option("--shards", shards, "number of generated .cpp files")->check(CLI::Range(1, 999));
  app.add_option("--include-out", include_dir, "output directory for CfnInclude's readers of the typed props");
  app.add_option("--include-shards", include_shards, "number of generated CfnInclude reader files")
      ->check(CLI::Range(1, 999));
  app.add_option("--tests", tests_dir, "output directory for test/l1's generated tests");
  app.add_option("--full-types", full_types_path, "types the tests set every property of");
  app.add_option("--stamp", stamp, "file touched after success");
  CLI11_PARSE(app, argc, argv);

  try {
    cfngen::Spec spec = cfngen::parse_spec(cfngen::read_file(spec_path));
    if (!patches_path.empty()) cfngen::apply_patches(spec, cfngen::parse_patches(cfngen::read_file(patches_path)));
    cfngen::Options options;
    options.services = cfngen::split_list(services);
    options.shards = shards;
    if (!out_dir.empty()) {
      auto files = cfngen::generate_library(spec, options);
      int n = cfngen::write_files(out_dir, files);
      std::cout << "cfngen: " << spec.source << " " << spec.version << ": " << files.size() << " files, " << n
                << " changed\n";
    }
    if (!include_dir.empty()) {
      cfngen::Options include_options = options;
      include_options.shards = include_shards;
      auto files = cfngen::generate_include_readers(spec, include_options);
      int n = cfngen::write_files(include_dir, files);
      std::cout << "cfngen: include readers: " << files.size() << " files, " << n << " changed\n";
    }
    if (!tests_dir.empty()) {
      std::vector<std::string> full;
      if (!full_types_path.empty()) full = read_lines(full_types_path);
      auto files = cfngen::generate_tests(spec, options, full);
      int n = cfngen::write_files(tests_dir, files);
      std::cout << "cfngen: tests: " << files.size() << " files, " << n << " changed\n";
    }
    if (!stamp.empty()) std::ofstream(stamp, std::ios::trunc) << spec.version << "\n";
  } catch (const std::exception& e) {
    std::cerr << "cfngen: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
