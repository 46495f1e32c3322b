#pragma once
// Reading a template's text, JSON or YAML: a deployed template read back
// (CloudFormation returns it as it was sent; the AWS CDK CLI, for one, sends
// YAML), a template file given to `diff --template` or to CfnInclude. This reads JSON
// and the YAML that template tools write (block and flow collections, plain,
// quoted and block scalars, short-form intrinsic tags such as !Ref), which is
// enough to diff and to detect unchanged stacks. Anchors, aliases, multiple
// documents and complex keys are not supported: such a template reads as nullopt
// and counts as changed.
#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace cdk::detail {

/// JSON when the text starts with '{', else YAML; nullopt when it cannot be read or is not an object.
std::optional<nlohmann::json> parse_template_text(std::string_view text);

/// The same, but throws std::exception whose message says what could not be read (and where, for YAML).
nlohmann::json read_template_text(std::string_view text);

/// The YAML part alone; throws std::runtime_error with a line number on what it cannot read.
nlohmann::json parse_yaml_subset(std::string_view text);

}  // namespace cdk::detail
