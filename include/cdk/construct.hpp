#pragma once
/// The construct tree: every construct has an id, a scope (its parent) and
/// children it owns. User code holds references; the tree keeps the objects.
///
///   auto& stack = app.add<cdk::Stack>("Prod");
///   auto& bucket = stack.add<cdk::CfnResource>("Logs", "AWS::S3::Bucket");
///   bucket.node().path();   // "Prod/Logs"
#include <cdk/error.hpp>
#include <cdk/on_demand.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk {

class Construct;
class IAspect;
namespace detail {
struct AspectInvoker;
}

/// One metadata entry on a construct (annotations are metadata too).
struct MetadataEntry {
  std::string type;  ///< e.g. "aws:cdk:warning"
  std::string data;
};

/// The tree-facing side of a construct: identity, place, children, metadata.
class Node {
 public:
  /// Separator of path components.
  static constexpr char path_separator = '/';

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  /// Ids from the app down to this construct, joined with '/'; "" for the app.
  [[nodiscard]] std::string path() const;
  /// The parent, or nullptr for the root.
  [[nodiscard]] Construct* scope() const noexcept { return scope_; }
  [[nodiscard]] Construct& root() const noexcept;
  /// All scopes from the root down to and including this construct.
  [[nodiscard]] std::vector<Construct*> scopes() const;
  [[nodiscard]] const std::vector<Construct*>& children() const noexcept { return children_; }
  [[nodiscard]] Construct* try_find_child(std::string_view id) const noexcept;
  /// Throws cdk::Error when there is no such child.
  [[nodiscard]] Construct& find_child(std::string_view id) const;
  /// A descendant by relative path ("Vpc/PublicSubnet1"), or nullptr.
  [[nodiscard]] Construct* try_find(std::string_view relative_path) const noexcept;
  /// This construct and all below it, parents before children, in creation order.
  [[nodiscard]] std::vector<Construct*> find_all() const;
  /// The child called "Resource" or "Default" (the L1 an L2 wraps), or nullptr.
  [[nodiscard]] Construct* default_child() const noexcept;

  void add_metadata(std::string type, std::string data);
  [[nodiscard]] const std::vector<MetadataEntry>& metadata() const noexcept;

  /// Everything in `other` must be created before everything in this construct.
  void add_dependency(Construct& other);
  [[nodiscard]] const std::vector<Construct*>& dependencies() const noexcept;

  /// Context value from this scope or the nearest scope above that has it
  /// (the app's context holds -c key=value and cdkpp.json).
  [[nodiscard]] std::optional<std::string> try_get_context(std::string_view key) const;
  /// Sets a context value for this scope and below; only before children exist.
  void set_context(std::string key, std::string value);

  /// Aspects added here visit this construct and everything below before synthesis.
  [[nodiscard]] const std::vector<std::shared_ptr<IAspect>>& aspects() const noexcept;

 private:
  friend class Construct;
  friend class Aspects;
  friend struct detail::AspectInvoker;
  Node(Construct& self, Construct* scope, std::string id) : self_(self), scope_(scope), id_(std::move(id)) {}

  Construct& self_;
  Construct* scope_;
  std::string id_;
  std::vector<Construct*> children_;                // in creation order
  std::vector<std::unique_ptr<Construct>> owned_;   // those made with add<T>

  // What few constructs have (metadata, dependencies, context, aspects), kept
  // apart and made on first use: the many leaves of a large tree (every L1
  // resource) carry one pointer for it instead of five vectors.
  struct Rare;
  /// Records that `aspect` visited this construct; false if it already had.
  bool mark_visited(const IAspect* aspect);
  detail::OnDemand<Rare> rare_;
};

/// Base of everything in the tree.
class Construct {
 public:
  /// Attaches this construct to `scope` under `id`. Ids are unique among
  /// siblings, not empty, and contain no '/'; a bad id throws cdk::Error.
  Construct(Construct& scope, std::string_view id);
  virtual ~Construct();
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;

  [[nodiscard]] Node& node() noexcept { return node_; }
  [[nodiscard]] const Node& node() const noexcept { return node_; }

  /// Creates a child owned by this construct and returns it:
  /// `scope.add<T>(id, args...)` constructs `T(scope, id, args...)`.
  template <class T, class... Args>
  T& add(std::string_view id, Args&&... args) {
    // A plain new and an out-of-line adopt: std::make_unique<T> would make the
    // compiler instantiate std::unique_ptr<T> for every construct type a program adds.
    T* child = new T(*this, id, std::forward<Args>(args)...);
    adopt(child);
    return *child;
  }

  /// Same, for constructs with a `Props` type, so that props can be written
  /// inline: `stack.add<cdk::CfnOutput>("Url", {.value = url})`. L2 and core
  /// constructors take their props by `const&`: a program that writes them
  /// inline never compiles their props struct's move constructor, nor those
  /// of its members. (The generated L1 classes take theirs by rvalue
  /// reference and move them in, since copying them in the library made it
  /// 20% slower to compile; props kept in a variable are copied by an inline
  /// overload, in the program that passes them.)
  template <class T>
    requires requires { typename T::Props; }
  T& add(std::string_view id, typename T::Props&& props) {
    return add<T, typename T::Props>(id, std::move(props));
  }

  /// Problems with this construct's own configuration, checked before synthesis.
  /// A diagnostic with an empty path gets this construct's path.
  [[nodiscard]] virtual std::vector<Diagnostic> validate() const { return {}; }

 protected:
  struct RootTag {};
  /// For the root of a tree (the App): no scope, empty id.
  explicit Construct(RootTag);

 private:
  /// Takes ownership of a construct just made with new.
  void adopt(Construct* child);
  Node node_;
};

// Compiled once, where the part is defined (src/core/on_demand.hpp).
extern template class detail::OnDemand<Node::Rare>;

}  // namespace cdk
