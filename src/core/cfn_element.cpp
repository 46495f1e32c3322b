#include <cdk/cfn_element.hpp>
#include <cdk/stack.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace cdk {

CfnElement::CfnElement(Construct& scope, std::string_view id)
    : Construct(scope, id), stack_(Stack::of(scope)) {}

std::string CfnElement::logical_id() const { return stack_.logical_id(*this); }

void CfnElement::override_logical_id(std::string logical_id) {
  const bool ok = !logical_id.empty() && logical_id.size() <= 255 &&
                  std::all_of(logical_id.begin(), logical_id.end(),
                              [](unsigned char c) { return std::isalnum(c) != 0; });
  if (!ok)
    throw Error(node().path(), fmt::format("invalid logical id \"{}\"", logical_id),
                "logical ids are 1-255 characters, letters and digits only");
  logical_id_override_ = std::move(logical_id);
}

}  // namespace cdk
