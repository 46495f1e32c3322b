#pragma once
// Stage 1 of cfngen: the resource specification as a typed model.
// Nothing here knows about C++ output; emit.hpp turns a Spec into files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfngen {

/// A property or attribute type, parsed from the trimmed spec's compact form:
/// "string", "integer", "number", "boolean", "json", "tag", "date-time",
/// a property type's name ("VpcConfig"), "list<T>", "map<T>", "union<T,U>".
struct TypeRef {
  enum class Kind { String, Integer, Number, Boolean, Json, Tag, DateTime, Named, List, Map, Union };
  Kind kind = Kind::String;
  std::string name;            ///< Named: the property type
  std::vector<TypeRef> items;  ///< List/Map: the element; Union: the alternatives

  /// Throws std::runtime_error on malformed text.
  static TypeRef parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] bool is_scalar() const noexcept {
    return kind == Kind::String || kind == Kind::Integer || kind == Kind::Number ||
           kind == Kind::Boolean || kind == Kind::DateTime;
  }
  friend bool operator==(const TypeRef&, const TypeRef&) = default;
};

struct Property {
  std::string name;
  TypeRef type;
  bool required = false;
  std::string replaces;                    ///< "", "yes" or "maybe"
  std::optional<std::string> default_json; ///< the documented default, as JSON text
  bool deprecated = false;
  std::vector<std::string> enum_values;
};

struct PropertyType {
  std::string name;
  std::vector<Property> properties;  ///< sorted by name
};

struct Attribute {
  std::string name;  ///< may contain dots: "Endpoint.Address"
  TypeRef type;
};

struct Tagging {
  std::string property;  ///< "Tags" for most types
  std::string variant;   ///< "standard", "map" or "asg"
};

struct Resource {
  std::string cfn_type;  ///< "AWS::EC2::VPC"
  std::string name;      ///< "VPC"
  std::vector<std::string> primary_identifier;
  std::optional<Tagging> tagging;
  std::vector<Property> properties;
  std::vector<Attribute> attributes;
  std::vector<PropertyType> types;

  [[nodiscard]] const PropertyType* find_type(std::string_view n) const;
  [[nodiscard]] PropertyType* find_type(std::string_view n);
};

struct Service {
  std::string name;           ///< "aws-ec2"
  std::string short_name;     ///< "ec2"
  std::string cfn_namespace;  ///< "AWS::EC2"
  std::vector<Resource> resources;
};

struct Spec {
  std::string source;   ///< "@aws-cdk/aws-service-spec"
  std::string version;  ///< "0.1.216"
  std::vector<Service> services;

  [[nodiscard]] Resource* find_resource(std::string_view cfn_type);
};

/// Parses the trimmed spec (JSON text, see tools/update-spec).
Spec parse_spec(std::string_view json_text);
/// Reads a file, gunzipping it when it ends in ".gz".
std::string read_file(const std::string& path);

/// "ec2;s3,iam lambda" -> {"ec2", "s3", "iam", "lambda"}: the service lists of
/// CDKPP_L1_SERVICES and the tools' --services.
std::vector<std::string> split_list(const std::string& s);

/// A named fix to the spec, with the reason it is needed (spec/patches.json).
struct Patch {
  std::string name;
  std::string reason;
  std::string resource;       ///< "AWS::EC2::VPC"
  std::string property_type;  ///< "" for the resource's own properties
  std::string property;
  std::optional<std::string> set_type;  ///< new type, compact form
  std::optional<bool> set_required;
  bool remove = false;
};
std::vector<Patch> parse_patches(std::string_view json_text);
/// Applies every patch; throws when a patch no longer matches the spec, so a
/// fix that upstream made unnecessary gets noticed and deleted.
void apply_patches(Spec& spec, const std::vector<Patch>& patches);

}  // namespace cfngen
