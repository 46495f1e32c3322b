#pragma once
// What the parts of a migration share: the template, the typed classes, and
// what has been found so far (elements used as values, fallbacks).
#include "catalog.hpp"
#include "source.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace migrate {

/// Something written less typed than it could be, with the reason.
struct Fallback {
  std::string where;  ///< "resource \"Fn\" property Code"
  std::string why;
};

struct Context {
  const Source& source;
  const Catalog& catalog;
  /// Resources written with their typed class (the others are cdk::CfnResource).
  std::map<std::string, const cfngen::plan::ResourcePlan*, std::less<>> typed{};
  /// Logical ids some other element uses (their constructs get a variable).
  std::set<std::string, std::less<>> used{};
  std::vector<Fallback> fallbacks{};
  /// What the program cannot write at all (a null value: cdkpp leaves nulls out).
  std::vector<std::string> dropped{};
  /// The element being written, for messages.
  const Element* current = nullptr;

  [[noreturn]] void refuse(const std::string& what) const {
    source.refuse((current ? describe(*current) + " " : std::string()) + what);
  }
  void fall_back(std::string where, std::string why) {
    fallbacks.push_back({(current ? describe(*current) : std::string()) + (where.empty() ? "" : " " + where),
                         std::move(why)});
  }
};

}  // namespace migrate
