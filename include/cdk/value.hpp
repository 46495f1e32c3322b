#pragma once
/// cdk::Value: one type for everything a template can hold, literal or not.
///
/// A Value is a literal (null, bool, number, string, list, map) or an intrinsic
/// function (Ref, Fn::GetAtt, Fn::Join, ...). A Value that refers to an element
/// of the tree (a resource, a parameter) carries a pointer to that element, so
/// synthesis knows the dependency and can turn a use in another stack into an
/// export and an Fn::ImportValue. Values are immutable and cheap to copy.
///
///   cdk::Value name = bucket.ref();                 // {"Ref": "Bucket83908E77"}
///   cdk::Value arn = "arn:aws:s3:::" + name;         // Fn::Join
///   cdk::Value tags = cdk::Value::map({{"team", "infra"}});
#include <cdk/container_instances.hpp>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cdk {

class CfnElement;

namespace detail {
struct ValueNode;
}

class Value {
 public:
  enum class Kind : std::uint8_t {
    Null,       ///< absent: a property left out of the template
    Bool,
    Int,
    Double,
    String,
    List,
    Map,
    Ref,        ///< {"Ref": <logical id of target>} or {"Ref": "AWS::Region"}
    GetAtt,     ///< {"Fn::GetAtt": [<logical id of target>, <attribute>]}
    LogicalId,  ///< the target's logical id as a plain string (Fn::If, DependsOn)
    Intrinsic,  ///< {"Fn::Xxx": <argument>}
  };
  using List = std::vector<Value>;
  using Entry = std::pair<std::string, Value>;
  using Map = std::vector<Entry>;  ///< keeps insertion order

  Value() noexcept = default;
  Value(std::nullptr_t) noexcept {}  // NOLINT: implicit by design
  // Counting and releasing the node are out of line: inlined, they are most
  // of the code of the many structs that hold Values (every L1 Props), at
  // every place one is copied or dies.
  Value(const Value& other) noexcept;
  Value(Value&& other) noexcept : node_(std::exchange(other.node_, nullptr)) {}
  Value& operator=(const Value& other) noexcept;
  Value& operator=(Value&& other) noexcept;
  ~Value();
  Value(bool b);                     // NOLINT
  Value(double d);                   // NOLINT
  Value(const char* s);              // NOLINT
  Value(std::string s);              // NOLINT
  Value(std::string_view s);         // NOLINT
  Value(List items);                 // NOLINT
  Value(Map entries);                // NOLINT
  template <std::integral I>
    requires(!std::same_as<I, bool> && !std::same_as<I, char>)
  Value(I i) : Value(from_int(static_cast<std::int64_t>(i))) {}  // NOLINT
  template <class T>
    requires std::constructible_from<Value, const T&>
  Value(const std::vector<T>& items) : Value(to_list(items)) {}  // NOLINT
  template <class T>
    requires std::constructible_from<Value, const T&>
  Value(const std::map<std::string, T>& entries) : Value(to_map(entries)) {}  // NOLINT

  /// A list: `Value::list({"a", 1, other})`.
  static Value list(std::initializer_list<Value> items);
  /// A map in the given order: `Value::map({{"Key", "k"}, {"Value", v}})`.
  static Value map(std::initializer_list<Entry> entries);
  /// {"Ref": target}.
  static Value ref(const CfnElement& target);
  /// {"Ref": "AWS::Region"} and the other pseudo parameters.
  static Value pseudo(std::string_view name);
  /// {"Fn::GetAtt": [target, attribute]}.
  static Value get_att(const CfnElement& target, std::string_view attribute);
  /// The target's logical id as a string, for Fn::If conditions and DependsOn.
  static Value logical_id(const CfnElement& target);
  /// {name: argument}, e.g. intrinsic("Fn::Base64", v).
  static Value intrinsic(std::string_view name, Value argument);

  [[nodiscard]] Kind kind() const noexcept;
  [[nodiscard]] bool is_null() const noexcept { return node_ == nullptr; }
  /// True if neither this value nor anything inside it is an intrinsic.
  [[nodiscard]] bool is_literal() const noexcept;
  /// True for Ref, GetAtt, LogicalId and Intrinsic: known only at deploy time.
  [[nodiscard]] bool is_token() const noexcept;

  [[nodiscard]] bool as_bool() const;
  [[nodiscard]] std::int64_t as_int() const;
  [[nodiscard]] double as_double() const;  ///< Int or Double
  [[nodiscard]] const std::string& as_string() const;
  [[nodiscard]] const List& as_list() const;
  [[nodiscard]] const Map& as_map() const;
  /// The map entry with this key, or nullptr.
  [[nodiscard]] const Value* find(std::string_view key) const;

  /// For Ref/GetAtt/LogicalId of an element: the element; otherwise nullptr.
  [[nodiscard]] const CfnElement* target() const noexcept;
  /// Pseudo parameter name (Ref), attribute (GetAtt) or function name (Intrinsic).
  [[nodiscard]] const std::string& name() const;
  /// The argument of an Intrinsic.
  [[nodiscard]] const Value& argument() const;

  /// Calls f(element) for every element this value refers to, at any depth.
  template <class F>
  void for_each_target(F&& f) const {
    using Fn = std::remove_reference_t<F>;
    visit_targets(+[](const CfnElement* e, void* ctx) { (*static_cast<Fn*>(ctx))(*e); },
                  const_cast<void*>(static_cast<const void*>(&f)));
  }

  /// Concatenation of strings; becomes Fn::Join "" when either side is a token.
  friend Value operator+(const Value& a, const Value& b);
  friend bool operator==(const Value& a, const Value& b);

  /// Compact JSON-like text for messages (elements shown by their path).
  [[nodiscard]] std::string to_string() const;

 private:
  static Value from_int(std::int64_t i);
  template <class T>
  static List to_list(const std::vector<T>& items) {
    List out;
    out.reserve(items.size());
    for (const auto& i : items) out.emplace_back(i);
    return out;
  }
  template <class T>
  static Map to_map(const std::map<std::string, T>& entries) {
    Map out;
    out.reserve(entries.size());
    for (const auto& [k, v] : entries) out.emplace_back(k, Value(v));
    return out;
  }
  void visit_targets(void (*f)(const CfnElement*, void*), void* ctx) const;
  explicit Value(const detail::ValueNode* node) noexcept;  // takes over the node's one count

  // One pointer to a node that counts its Values (not a shared_ptr's 16 bytes
  // and control block): every property of every L1 resource is a Value.
  const detail::ValueNode* node_ = nullptr;
};

}  // namespace cdk

CDKPP_EXTERN_VECTOR(cdk::Value);
CDKPP_EXTERN_VECTOR(cdk::Value::Entry);
CDKPP_EXTERN_MAP(cdk::Value);
