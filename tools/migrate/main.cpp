// cdkpp-migrate: writes a cdkpp program (C++) from a CloudFormation template.
//
//   cdkpp-migrate --template stack.yaml --stack-name Legacy --out legacy.cpp
//
// The program defines one stack whose synthesized template has the same
// elements, logical ids and properties as the source. A summary goes to
// stderr: counts, and every place where a typed class could not say a value
// exactly and it was written raw instead.
#include "catalog.hpp"
#include "program.hpp"
#include "source.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

void write_file(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return;
  }
  // Written beside the target and renamed: an error leaves no half a program.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::remove(tmp.c_str());
      throw migrate::Refusal(path + ": cannot be written");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw migrate::Refusal(path + ": cannot be written: " + ec.message());
  }
}

std::string default_stack_name(const std::string& template_path) {
  std::string stem = std::filesystem::path(template_path).stem().string();
  std::string out;
  bool upper = true;
  for (char c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cdkpp-migrate: a cdkpp program (C++) from a CloudFormation template (JSON or YAML)"};
  std::string template_path, stack_name, out_path;
  std::string spec = CDKPP_MIGRATE_SPEC, patches = CDKPP_MIGRATE_PATCHES, services = CDKPP_MIGRATE_SERVICES;
  app.add_option("--template,-t", template_path, "The template to migrate (JSON or YAML)")->required();
  app.add_option("--stack-name,-s", stack_name, "The stack's name in the program (default: from the file name)");
  app.add_option("--out,-o", out_path, "The C++ file to write ('-' for standard output)")->required();
  app.add_option("--spec", spec, "The resource specification the L1 classes were generated from")->capture_default_str();
  app.add_option("--patches", patches, "Its patches (spec/patches.json)")->capture_default_str();
  app.add_option("--services", services, "The L1 services the library was built with ('all' or 'ec2;s3')")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    if (stack_name.empty()) stack_name = default_stack_name(template_path);
    migrate::check_stack_name(stack_name);
    const migrate::Source source = migrate::read_source(template_path);
    const migrate::Catalog catalog(spec, patches, services);
    const migrate::Options options{stack_name, std::filesystem::path(template_path).filename().string()};
    const migrate::Program program = migrate::write_program(source, catalog, options);
    write_file(out_path, program.code);
    std::cerr << migrate::summary_text(program.summary, out_path);
  } catch (const migrate::Refusal& e) {
    std::cerr << "cdkpp-migrate: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cdkpp-migrate: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
