#pragma once
// Shared by the generated tests of test/l1 (build tree, generated-tests/) and the
// hand-written ones: build resources into a stack, synthesize it with the real
// synthesizer, and check what each resource rendered.
#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace l1test {

/// A property's expected JSON kind: "string", "integer", "number", "boolean",
/// "list", "map" or "any".
struct Shape {
  const char* name;
  const char* kind;
};

class Fixture {
 public:
  explicit Fixture(std::string name);
  ~Fixture();
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  [[nodiscard]] cdk::Stack& stack() noexcept { return *stack_; }

  /// `r` was given exactly its required properties: the template must hold
  /// exactly those (plus nothing else).
  void required(const cdk::CfnResource& r, std::initializer_list<const char*> names);
  /// `r` was given every property: each must render with its spec kind.
  void full(const cdk::CfnResource& r, std::initializer_list<Shape> shapes);
  /// A T made with no props reports each of its `n` required properties missing.
  template <class T>
  void missing(std::size_t n) {
    auto& r = scratch_->add<T>("M" + std::to_string(scratch_count_++));
    check_missing(r, T::cfn_type_name, n);
  }

  /// Synthesizes the app (validation included) and checks every resource.
  void synth_and_check();
  /// Runs test/l1/lint_l1.py on the synthesized template: names and shapes
  /// against the pinned spec, then cfn-lint (fails on E3012, E3001, E000x).
  void lint();

  [[nodiscard]] const std::filesystem::path& template_file() const noexcept { return template_file_; }

 private:
  struct Expectation {
    const cdk::CfnResource* resource;
    std::vector<Shape> shapes;
    bool exact;  // only these properties may appear
  };
  void check_missing(const cdk::CfnResource& r, std::string_view type, std::size_t n);

  std::string name_;
  std::unique_ptr<cdk::App> app_;
  cdk::Stack* stack_ = nullptr;
  std::unique_ptr<cdk::App> scratch_app_;
  cdk::Stack* scratch_ = nullptr;
  std::size_t scratch_count_ = 0;
  std::vector<Expectation> expectations_;
  std::filesystem::path template_file_;
};

/// Directory for templates the tests write (build tree: l1-templates/).
std::filesystem::path output_dir();

}  // namespace l1test
