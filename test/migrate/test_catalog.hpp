#pragma once
// Helpers of the migrate tests: the real catalog (loaded once) and a template
// text migrated in memory.
#include "catalog.hpp"
#include "program.hpp"
#include "source.hpp"

#include <string>

namespace migrate_test {

inline const migrate::Catalog& catalog() {
  static const migrate::Catalog c(CDKPP_MIGRATE_TEST_SPEC, CDKPP_MIGRATE_TEST_PATCHES, CDKPP_MIGRATE_TEST_SERVICES);
  return c;
}

/// The program for a template's text (JSON or YAML), stack "Legacy".
inline migrate::Program migrate_text(const std::string& text) {
  const migrate::Source source = migrate::parse_source(text, "test.yaml");
  return migrate::write_program(source, catalog(), {"Legacy", "test.yaml"});
}

}  // namespace migrate_test
