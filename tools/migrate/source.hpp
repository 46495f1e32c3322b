#pragma once
// The template being migrated: read (JSON or YAML, short forms included, by
// core's template reader), checked for what migrate cannot honour, and indexed
// by logical id.
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace migrate {

/// Input migrate will not translate; the message is one line and names the
/// file and the element. Nothing is written after one.
class Refusal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Template sections, in the order the program defines their elements.
enum class Kind { Parameter, Mapping, Condition, Rule, Resource, Output };

struct Element {
  std::string id;            ///< the logical id, kept in the synthesized template
  Kind kind = Kind::Resource;
  const nlohmann::json* body = nullptr;
  std::string var;           ///< the C++ variable holding it
  std::string construct_id;  ///< the id given to add<>(): the logical id unless that cannot be one
};

struct Source {
  std::string name;  ///< the file, for messages
  nlohmann::json tpl;
  std::map<std::string, Element, std::less<>> elements;  ///< by logical id

  /// Elements of one section, by logical id.
  [[nodiscard]] std::vector<const Element*> of(Kind kind) const;
  [[nodiscard]] const Element* find(std::string_view id) const;
  /// Throws Refusal: "<file>: <what>".
  [[noreturn]] void refuse(const std::string& what) const;
};

/// Reads and checks a template file; throws Refusal.
Source read_source(const std::string& path);
/// The same for template text; `name` names it in messages.
Source parse_source(std::string_view text, std::string name);

/// "resource \"Vpc\"", "output \"Url\"": how messages name an element.
std::string describe(const Element& e);

}  // namespace migrate
