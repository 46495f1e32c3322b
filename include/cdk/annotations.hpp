#pragma once
/// Messages attached to a construct. Errors fail synthesis; warnings are
/// printed (and fail it with --strict); infos are printed.
///
///   cdk::Annotations::of(bucket).add_warning("versioning is off");
#include <cdk/construct.hpp>

#include <string>

namespace cdk {

class Annotations {
 public:
  static constexpr const char* info_type = "aws:cdk:info";
  static constexpr const char* warning_type = "aws:cdk:warning";
  static constexpr const char* error_type = "aws:cdk:error";

  static Annotations of(Construct& scope) { return Annotations(scope); }
  void add_info(std::string message) { scope_.node().add_metadata(info_type, std::move(message)); }
  void add_warning(std::string message) { scope_.node().add_metadata(warning_type, std::move(message)); }
  void add_error(std::string message) { scope_.node().add_metadata(error_type, std::move(message)); }

 private:
  explicit Annotations(Construct& scope) : scope_(scope) {}
  Construct& scope_;
};

}  // namespace cdk
