#pragma once
/// An existing CloudFormation template brought into a stack, so a stack made
/// by hand (or by another tool) is adopted by a cdkpp app without replacing
/// anything: every parameter, mapping, condition, resource, rule and output
/// keeps its logical id, and references between them become references
/// between the elements, usable from the rest of the app.
///
///   auto& legacy = stack.add<cdk::CfnInclude>("Legacy", {.template_file = "legacy.yaml"});
///   cdk::CfnResource& bucket = legacy.get_resource("AssetsBucket");
///   bucket.add_property_override("VersioningConfiguration.Status", "Enabled");
///   web.add_environment("ASSETS", bucket.ref());
///
/// JSON and YAML (short forms such as !Ref, !Sub and !GetAtt included) are
/// read. A parameter given in `parameters` is replaced by that value wherever
/// the template uses it (Ref and ${Name} in Fn::Sub) and left out. Resources
/// are kept as the template writes them (CfnResource with its type; change
/// them with property overrides); Tags::of(...) does not reach them.
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <map>
#include <string>
#include <string_view>

namespace cdk {

class CfnCondition;
class CfnElement;
class CfnMapping;
class CfnParameter;
class CfnResource;

struct CfnIncludeProps {
  std::string template_file{};                ///< a JSON or YAML template; required
  std::map<std::string, Value> parameters{};  ///< parameters replaced by these values; default none
};

class CfnInclude : public Construct {
 public:
  using Props = CfnIncludeProps;

  /// Reads the template now; cdk::Error naming this construct's path and the
  /// file for a file that cannot be read, is not a template, or refers to an
  /// element it does not define.
  CfnInclude(Construct& scope, std::string_view id, CfnIncludeProps props);

  /// The element with this logical id; cdk::Error naming the ones there are otherwise.
  [[nodiscard]] CfnResource& get_resource(std::string_view logical_id) const;
  [[nodiscard]] CfnParameter& get_parameter(std::string_view logical_id) const;
  [[nodiscard]] CfnCondition& get_condition(std::string_view logical_id) const;
  [[nodiscard]] CfnMapping& get_mapping(std::string_view logical_id) const;
  [[nodiscard]] CfnElement& get_output(std::string_view logical_id) const;
  [[nodiscard]] CfnElement& get_rule(std::string_view logical_id) const;

 private:
  struct Loader;  // cfn_include.cpp
  [[nodiscard]] CfnElement& find(std::string_view section, std::string_view logical_id) const;

  std::map<std::string, std::map<std::string, CfnElement*, std::less<>>, std::less<>> sections_;
};

}  // namespace cdk
