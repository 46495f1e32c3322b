#pragma once
// Stage 2 of cfngen: C++ for a Spec. Pure functions from the model to file
// contents; writing them is main.cpp's business.
#include "model.hpp"

#include <string>
#include <vector>

namespace cfngen {

struct File {
  std::string path;  ///< relative to the output directory
  std::string content;
};

struct Options {
  /// Services to generate, by C++ namespace ("ec2"), spec short name or
  /// CloudFormation namespace ("AWS::EC2"); empty means all.
  std::vector<std::string> services;
  /// Number of generated .cpp files the resources are spread over (by weight);
  /// always exactly this many files, so the build system knows their names.
  int shards = 1;
};

/// include/cdk/<ns>/cfn_<type>.hpp, include/cdk/<ns>/cfn.hpp (umbrella),
/// src/l1/l1_<NN>.cpp, and src/l1/replacing_properties.cpp (the replacement
/// data of every type in the spec, for diff and deploy).
std::vector<File> generate_library(const Spec& spec, const Options& options);

/// Test sources for test/l1: every selected type instantiated with its required
/// properties (l1_required_<NN>_test.cpp, `shards` files), and the types named in
/// `full_types` with every property set (l1_full_test.cpp).
std::vector<File> generate_tests(const Spec& spec, const Options& options,
                                 const std::vector<std::string>& full_types);

/// Writes files below `dir`, leaving files whose content did not change alone
/// (so their timestamps do not trigger rebuilds). Returns how many were written.
int write_files(const std::string& dir, const std::vector<File>& files);

}  // namespace cfngen
