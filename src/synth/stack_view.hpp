#pragma once
// A typed, read-only view of one synthesized template: its resources by
// logical id and by type, property readers that know parameter defaults,
// the references a value makes, and the resource dependency graph. Built
// once per stack; the graph, security and cost analyses read templates only
// through it, so that they agree on what a value is and what it points at.
// Internal.
#include "synth/digraph.hpp"
#include "synth/resolve.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cdk::detail {

/// One reference a template value makes.
struct Reference {
  enum class Kind {
    Ref,          // {"Ref": "Id"}
    GetAtt,       // {"Fn::GetAtt": ["Id", "Attr"]} or {"Fn::GetAtt": "Id.Attr"}
    Sub,          // "${Id}" or "${Id.Attr}" in an Fn::Sub string
    ImportValue,  // {"Fn::ImportValue": "export name"}
    DependsOn,    // an entry of a resource's DependsOn
  };
  Kind kind = Kind::Ref;
  /// The logical id referred to (which may name a parameter or a pseudo
  /// parameter such as AWS::Region); for ImportValue, the export name.
  std::string target;
  std::string attribute;  // of GetAtt and "${Id.Attr}"; "" otherwise

  friend bool operator==(const Reference&, const Reference&) = default;
};

/// Every reference inside `value`, in document order. In the two-element
/// Fn::Sub form, names the variable map binds are the map's, not references;
/// the map's values are read like any value. "${!Literal}" is text.
std::vector<Reference> references_in(const Json& value);

/// The logical id a value points at directly: a Ref or either Fn::GetAtt
/// form; "" for anything else.
std::string direct_target(const Json& value);

/// One resource of the template.
struct ResourceView {
  std::string_view id;     // logical id
  std::string_view type;   // "" when the entry has no Type
  const Json* entry;       // the whole entry (Type, Properties, DependsOn, ...)
  const Json* properties;  // never null: an empty object when there are none
  std::size_t index;       // position in the template
};

class StackView {
 public:
  /// The view points into the template's contents, which must outlive it
  /// unchanged (moving the Json is fine: its contents stay where they are).
  explicit StackView(const Json& tmpl);

  StackView(const StackView&) = delete;
  StackView& operator=(const StackView&) = delete;

  // --- resources ---------------------------------------------------------------
  /// Every resource, in template order.
  [[nodiscard]] std::span<const ResourceView> resources() const noexcept { return resources_; }
  /// The resource with this logical id, or nullptr.
  [[nodiscard]] const ResourceView* resource(std::string_view id) const;
  /// The resource with this logical id if it has type `type`, else nullptr.
  [[nodiscard]] const ResourceView* resource(std::string_view id, std::string_view type) const;
  /// The resources of one type, in template order.
  [[nodiscard]] std::vector<const ResourceView*> of_type(std::string_view type) const;
  /// The resource a value points at directly (Ref, Fn::GetAtt) if it has
  /// type `type` ("" for any), else nullptr.
  [[nodiscard]] const ResourceView* target(const Json& value, std::string_view type = {}) const;

  // --- reading values ------------------------------------------------------------
  // A path is keys separated by dots ("LaunchTemplateData.InstanceType"),
  // read inside `object` (a resource's properties, or any value inside
  // them). A {"Ref": parameter} reads as the parameter's Default, except for
  // SSM parameter types, whose Default names the SSM parameter, not its value.

  /// The value at `path` as written, or nullptr when absent (or JSON null).
  [[nodiscard]] static const Json* at(const Json& object, std::string_view path);
  /// The value at `path`, with a Ref to a parameter read as its Default;
  /// nullptr when absent.
  [[nodiscard]] const Json* value_at(const Json& object, std::string_view path) const;
  /// A string, or a number or boolean as text (integers exactly, others as
  /// "%g"); nullopt when absent or not a literal.
  [[nodiscard]] std::optional<std::string> string_at(const Json& object, std::string_view path) const;
  /// A number, or a string that is one ("8", " 2.5 ").
  [[nodiscard]] std::optional<double> number_at(const Json& object, std::string_view path) const;
  /// A boolean, or the string "true" / "false" in any case.
  [[nodiscard]] std::optional<bool> bool_at(const Json& object, std::string_view path) const;
  /// The elements of an array; empty when absent or not an array.
  [[nodiscard]] std::span<const Json> list_at(const Json& object, std::string_view path) const;
  /// CloudFormation's "one or a list" (Statement, Action): the elements of
  /// an array, or the single value; empty when absent.
  [[nodiscard]] std::vector<const Json*> items_at(const Json& object, std::string_view path) const;
  /// An object, or nullptr.
  [[nodiscard]] const Json* map_at(const Json& object, std::string_view path) const;

  /// The literal a value stands for: the value itself, or the Default of the
  /// parameter a {"Ref": ...} names; nullptr for a Ref without one.
  [[nodiscard]] const Json* literal(const Json& value) const;

  // --- references ----------------------------------------------------------------
  /// References a resource makes: those in its entry, and its DependsOn.
  [[nodiscard]] std::vector<Reference> references(const ResourceView& r) const;
  /// Export name -> logical id, for each output exported with a literal name
  /// whose value refers to one element of this stack.
  [[nodiscard]] const std::map<std::string, std::string>& exports() const noexcept { return exports_; }

  /// The resource dependency graph: node i is resources()[i] (named by its
  /// logical id); an edge (a, b) means a refers to or depends on b. A
  /// node's edges are in the order of their target's logical id, once each.
  /// Built on first use.
  [[nodiscard]] const Digraph& graph() const;

 private:
  std::vector<ResourceView> resources_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_type_;
  const Json* parameters_ = nullptr;
  std::map<std::string, std::string> exports_;
  mutable std::once_flag graph_once_;
  mutable Digraph graph_;
};

}  // namespace cdk::detail
