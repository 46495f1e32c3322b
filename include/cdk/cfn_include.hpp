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
/// the template uses it (Ref and ${Name} in Fn::Sub) and left out.
///
/// A resource whose type has a generated L1 class becomes that class, with its
/// props() holding the template's values (tokens included), so L2 code reads
/// and changes them:
///
///   auto& vpc = legacy.get_resource<cdk::ec2::CfnVPC>("Vpc");
///   vpc.props().enable_dns_hostnames = true;
///
/// A top-level property that does not fit the typed props (an unknown key, a
/// token where a property type is expected) is left out of props() and kept as
/// the template writes it (untyped_properties() names them). Other types
/// (Custom::*, AWS::Serverless::*, services outside CDKPP_L1_INCLUDE_SERVICES,
/// which by default holds 30 common ones) stay CfnResource of their type. Tags::of(...) reaches the typed ones (merged
/// into the tags the template gives), not the generic ones. A template's Transform is kept (the stack gets
/// it); deploying such a template needs CAPABILITY_AUTO_EXPAND, which the
/// deploy sends.
#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include <concepts>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cdk {

class CfnCondition;
class CfnElement;
class CfnMapping;
class CfnParameter;

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
  CfnInclude(Construct& scope, std::string_view id, const CfnIncludeProps& props);

  /// The element with this logical id; cdk::Error naming the ones there are otherwise.
  [[nodiscard]] CfnResource& get_resource(std::string_view logical_id) const;
  /// The resource as its typed L1 class: `get_resource<cdk::ec2::CfnVPC>("Vpc")`.
  /// cdk::Error naming this construct, the file, the logical id and the type the
  /// resource has when it is of another type or kept as a generic CfnResource.
  template <class T>
    requires std::derived_from<T, CfnResource>
  [[nodiscard]] T& get_resource(std::string_view logical_id) const {
    CfnResource& resource = get_resource(logical_id);
    if (auto* typed = dynamic_cast<T*>(&resource)) return *typed;
    not_of_type(resource, logical_id, T::cfn_type_name);
  }
  /// The top-level properties of a typed resource kept as the template writes
  /// them (they did not fit its props; change them with add_property_override),
  /// in template order; empty for a generic one.
  [[nodiscard]] std::vector<std::string> untyped_properties(std::string_view logical_id) const;
  [[nodiscard]] CfnParameter& get_parameter(std::string_view logical_id) const;
  [[nodiscard]] CfnCondition& get_condition(std::string_view logical_id) const;
  [[nodiscard]] CfnMapping& get_mapping(std::string_view logical_id) const;
  [[nodiscard]] CfnElement& get_output(std::string_view logical_id) const;
  [[nodiscard]] CfnElement& get_rule(std::string_view logical_id) const;

 private:
  struct Loader;  // cfn_include.cpp
  [[nodiscard]] CfnElement& find(std::string_view section, std::string_view logical_id) const;
  [[noreturn]] void not_of_type(const CfnResource& resource, std::string_view logical_id,
                                std::string_view wanted) const;

  std::string template_file_;
  std::map<std::string, std::vector<std::string>, std::less<>> untyped_;

  std::map<std::string, std::map<std::string, CfnElement*, std::less<>>, std::less<>> sections_;
};

}  // namespace cdk
