#pragma once
// migrate's whole job: a template in, a cdkpp program out (main with a
// cdk::App, one Stack, every element defined with its logical id kept), with
// a count of what could not be written typed.
#include "catalog.hpp"
#include "context.hpp"
#include "source.hpp"

#include <string>
#include <vector>

namespace migrate {

struct Options {
  std::string stack_name;     ///< the Stack's construct id (and CloudFormation stack name)
  std::string template_name;  ///< named in the program's opening comment
};

struct Summary {
  int parameters = 0, mappings = 0, conditions = 0, rules = 0, outputs = 0;
  int resources = 0;
  int typed_resources = 0;  ///< written with their typed L1 class
  std::vector<Fallback> fallbacks;
  std::vector<std::string> dropped;  ///< parts of the template the program does not write
};

struct Program {
  std::string code;
  Summary summary;
};

/// Throws Refusal for input it cannot translate faithfully.
Program write_program(const Source& source, const Catalog& catalog, const Options& options);

/// The summary for stderr: one line of counts, then one line per fallback.
std::string summary_text(const Summary& s, const std::string& out_name);

/// Throws Refusal unless `name` can be a stack name (a letter, then letters, digits, hyphens; at most 128).
void check_stack_name(const std::string& name);

}  // namespace migrate
