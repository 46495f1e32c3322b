#pragma once
// One element of the template as the statements that define it in the
// generated program.
#include "code.hpp"
#include "context.hpp"

#include <string>
#include <vector>

namespace migrate {

struct Statement {
  const Element* element = nullptr;
  Code add;                  ///< `stack.add<...>(...)`
  std::vector<Code> after;   ///< statements on the element's variable: `x.add_depends_on(y)`
  std::string header;        ///< the typed class's header, if any ("cdk/ec2/cfn_vpc.hpp")
  bool raw_element = false;  ///< uses the program's RawElement class
};

/// `stack.add<RawElement>(id, section, body)`: a parameter, rule or output
/// written as the template has it, when the typed props cannot say it exactly.
Statement raw_element(Context& ctx, const Element& e, const std::string& why);

Statement parameter_statement(Context& ctx, const Element& e);
Statement mapping_statement(Context& ctx, const Element& e);
Statement condition_statement(Context& ctx, const Element& e);
Statement rule_statement(Context& ctx, const Element& e);
Statement output_statement(Context& ctx, const Element& e);
Statement resource_statement(Context& ctx, const Element& e);

/// `var.call(args)` as code.
Code call(const Element& e, const std::string& method, std::vector<Code> args);

}  // namespace migrate
