#pragma once
/// Assertions on synthesized templates, for users' GoogleTest (or any) tests.
///
///   auto t = cdk::assertions::Template::from_stack(stack);
///   t.resource_count_is("AWS::EC2::Subnet", 4);
///   using cdk::assertions::Match;
///   t.has_resource_properties("AWS::EC2::VPC", Match::object_like({
///       {"CidrBlock", "10.0.0.0/16"},
///       {"Tags", Match::array_with({Match::object_like({{"Key", "Name"}})})}}));
///
/// A failed assertion throws cdk::assertions::AssertionError whose message
/// shows the closest candidate and where it differs; GoogleTest reports it.
#include <cdk/value.hpp>

#include <concepts>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk {
class CfnElement;
class Stack;
}  // namespace cdk

namespace cdk::assertions {

namespace detail {
struct Matcher;
}

class AssertionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A pattern for part of a template. A plain value matches itself; inside an
/// object_like pattern, nested objects are matched partially too.
class Match {
 public:
  using Field = std::pair<std::string, Match>;

  Match(Value literal);  // NOLINT: a value is the pattern that matches it
  template <class T>
    requires(std::constructible_from<Value, T &&> && !std::same_as<std::remove_cvref_t<T>, Value> &&
             !std::same_as<std::remove_cvref_t<T>, Match>)
  Match(T&& literal) : Match(Value(std::forward<T>(literal))) {}  // NOLINT

  /// An object with at least these keys (more are allowed, at every depth).
  static Match object_like(std::vector<Field> fields);
  /// An object with exactly these keys.
  static Match object_equals(std::vector<Field> fields);
  /// An array that holds elements matching these, in this order, among others.
  static Match array_with(std::vector<Match> items);
  /// An array of exactly these elements.
  static Match array_equals(std::vector<Match> items);
  /// Exactly this value, objects included (no partial matching).
  static Match exact(Value value);
  /// The key must not be there (inside object patterns).
  static Match absent();
  /// Anything but absent.
  static Match any_value();
  /// A string in which the regular expression finds a match.
  static Match string_like_regexp(std::string pattern);
  /// Anything the inner pattern does not match.
  static Match not_(Match inner);

  [[nodiscard]] const detail::Matcher& matcher() const noexcept { return *impl_; }

 private:
  explicit Match(std::shared_ptr<const detail::Matcher> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const detail::Matcher> impl_;
};

class Template {
 public:
  /// Synthesizes the stack's app in memory (nothing is written) and takes
  /// this stack's template. Throws cdk::SynthError when the app has errors.
  static Template from_stack(Stack& stack);
  /// A template from JSON text (a golden file, say).
  static Template from_json(std::string_view json);

  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  ~Template();

  void resource_count_is(std::string_view type, std::size_t count) const;
  void resource_properties_count_is(std::string_view type, const Match& properties, std::size_t count) const;
  /// Some resource of the type has properties matching (object_like at the top).
  void has_resource_properties(std::string_view type, const Match& properties) const;
  /// Some resource of the type matches as a whole entry (Type, Properties, DependsOn, ...).
  void has_resource(std::string_view type, const Match& resource) const;
  /// Every resource of the type has properties matching; there is at least one.
  void all_resources_properties(std::string_view type, const Match& properties) const;
  /// An output with this logical id ("*" for any) matches.
  void has_output(std::string_view logical_id, const Match& output) const;
  void has_parameter(std::string_view logical_id, const Match& parameter) const;
  void has_mapping(std::string_view logical_id, const Match& mapping) const;
  void has_condition(std::string_view logical_id, const Match& condition) const;

  /// Logical ids of the resources of the type whose properties match.
  [[nodiscard]] std::vector<std::string> find_resources(std::string_view type,
                                                        const Match& properties = Match::any_value()) const;
  /// Logical ids of the outputs that match.
  [[nodiscard]] std::vector<std::string> find_outputs(const Match& output = Match::any_value()) const;
  /// The logical id an element got in this template (from_stack only).
  [[nodiscard]] std::string logical_id(const CfnElement& element) const;
  /// JSON text at a JSON pointer ("/Resources/Vpc8378EB38/Properties/CidrBlock").
  [[nodiscard]] std::string at(std::string_view json_pointer) const;
  /// The whole template as indented JSON text.
  [[nodiscard]] std::string to_json() const;

 private:
  struct Impl;
  explicit Template(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cdk::assertions
