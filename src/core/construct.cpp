#include <cdk/aspects.hpp>
#include <cdk/construct.hpp>

#include "core/on_demand.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cdk {

namespace {
void check_id(const Construct& scope, std::string_view id) {
  const std::string where = scope.node().path();
  if (id.empty())
    throw Error(where, "a construct id must not be empty", "give the construct a name such as \"Vpc\"");
  if (id.find(Node::path_separator) != std::string_view::npos)
    throw Error(where, fmt::format("construct id \"{}\" contains '/', the path separator", id),
                "use another character, e.g. '-'");
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f)
      throw Error(where, fmt::format("construct id \"{}\" contains a control character", id),
                  "use printable characters only");
  if (scope.node().try_find_child(id) != nullptr)
    throw Error(where, fmt::format("there is already a construct with id \"{}\" here", id),
                "ids must be unique among siblings; pick another id");
}
}  // namespace

Construct::Construct(RootTag) : node_(*this, nullptr, "") {}

Construct::Construct(Construct& scope, std::string_view id) : node_(*this, &scope, std::string(id)) {
  check_id(scope, id);
  scope.node_.children_.push_back(this);
}

Construct::~Construct() {
  // Children first, newest first, so nothing outlives what it was built from.
  while (!node_.owned_.empty()) node_.owned_.pop_back();
  if (node_.scope_ != nullptr) {
    auto& siblings = node_.scope_->node_.children_;
    siblings.erase(std::remove(siblings.begin(), siblings.end(), this), siblings.end());
  }
}

void Construct::adopt(Construct* child) {
  std::unique_ptr<Construct> owned(child);
  node_.owned_.push_back(std::move(owned));
}

std::string Node::path() const {
  if (scope_ == nullptr) return {};
  std::string parent = scope_->node().path();
  if (parent.empty()) return id_;
  return parent + path_separator + id_;
}

Construct& Node::root() const noexcept {
  const Node* n = this;
  while (n->scope_ != nullptr) n = &n->scope_->node();
  return n->self_;
}

std::vector<Construct*> Node::scopes() const {
  std::vector<Construct*> out;
  for (Construct* c = &self_; c != nullptr; c = c->node().scope()) out.push_back(c);
  std::reverse(out.begin(), out.end());
  return out;
}

Construct* Node::try_find_child(std::string_view id) const noexcept {
  for (Construct* c : children_)
    if (c->node().id_ == id) return c;
  return nullptr;
}

Construct& Node::find_child(std::string_view id) const {
  if (Construct* c = try_find_child(id)) return *c;
  throw Error(path(), fmt::format("no child with id \"{}\"", id), "check the id with node().children()");
}

Construct* Node::try_find(std::string_view relative_path) const noexcept {
  const Node* n = this;
  while (!relative_path.empty()) {
    auto slash = relative_path.find(path_separator);
    auto part = relative_path.substr(0, slash);
    Construct* c = n->try_find_child(part);
    if (c == nullptr) return nullptr;
    n = &c->node();
    relative_path = slash == std::string_view::npos ? std::string_view{} : relative_path.substr(slash + 1);
  }
  return &n->self_;
}

std::vector<Construct*> Node::find_all() const {
  std::vector<Construct*> out;
  std::vector<Construct*> todo{&self_};
  while (!todo.empty()) {
    Construct* c = todo.back();
    todo.pop_back();
    out.push_back(c);
    const auto& kids = c->node().children_;
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back(*it);
  }
  return out;
}

Construct* Node::default_child() const noexcept {
  if (Construct* c = try_find_child("Resource")) return c;
  return try_find_child("Default");
}

struct Node::Rare {
  std::vector<MetadataEntry> metadata;
  std::vector<Construct*> dependencies;
  std::vector<std::pair<std::string, std::string>> context;
  std::vector<std::shared_ptr<IAspect>> aspects;
  std::vector<const IAspect*> visited_by;  // each aspect visits a construct once
};

template class detail::OnDemand<Node::Rare>;

const std::vector<MetadataEntry>& Node::metadata() const noexcept { return rare_.get_or_empty().metadata; }
const std::vector<Construct*>& Node::dependencies() const noexcept { return rare_.get_or_empty().dependencies; }
const std::vector<std::shared_ptr<IAspect>>& Node::aspects() const noexcept { return rare_.get_or_empty().aspects; }

bool Node::mark_visited(const IAspect* aspect) {
  auto& visited = rare_.get().visited_by;
  if (std::find(visited.begin(), visited.end(), aspect) != visited.end()) return false;
  visited.push_back(aspect);
  return true;
}

void Node::add_metadata(std::string type, std::string data) {
  rare_.get().metadata.push_back({std::move(type), std::move(data)});
}

void Node::add_dependency(Construct& other) {
  if (&other.node().root() != &root())
    throw Error(path(), fmt::format("cannot depend on \"{}\", which belongs to another app", other.node().path()),
                "create both constructs in the same cdk::App");
  auto& deps = rare_.get().dependencies;
  if (std::find(deps.begin(), deps.end(), &other) == deps.end()) deps.push_back(&other);
}

std::optional<std::string> Node::try_get_context(std::string_view key) const {
  for (const Node* n = this; n != nullptr; n = n->scope_ ? &n->scope_->node() : nullptr)
    for (const auto& [k, v] : n->rare_.get_or_empty().context)
      if (k == key) return v;
  return std::nullopt;
}

void Node::set_context(std::string key, std::string value) {
  if (!children_.empty())
    throw Error(path(), fmt::format("cannot set context \"{}\" after children were added", key),
                "set context values before creating constructs in this scope");
  auto& context = rare_.get().context;
  for (auto& [k, v] : context)
    if (k == key) {
      v = std::move(value);
      return;
    }
  context.emplace_back(std::move(key), std::move(value));
}

void Aspects::add(std::shared_ptr<IAspect> aspect) { scope_.node().rare_.get().aspects.push_back(std::move(aspect)); }

}  // namespace cdk
