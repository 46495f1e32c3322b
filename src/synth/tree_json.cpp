#include "synth/tree_json.hpp"

#include "synth/json_text.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <typeindex>
#include <unordered_map>

namespace cdk::detail {

namespace {

// "cdkpp.ec2.Vpc" for cdk::ec2::Vpc: the construct's class as tree.json's fqn.
std::string fqn_of(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type.name(), nullptr, nullptr, &status),
                                              std::free);
  std::string s = status == 0 && name ? name.get() : type.name();
  if (s.rfind("cdk::", 0) == 0) s = "cdkpp::" + s.substr(5);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ':' && i + 1 < s.size() && s[i + 1] == ':') {
      out += '.';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

class TreeJson {
 public:
  TreeJson(const App& app, const LogicalIds& ids) : app_(app), ids_(ids) {}

  // tree.json, written as text as the tree is walked: it describes every
  // construct, and building it as a JSON document first cost a fifth of a
  // large app's synthesis in allocations. The format is that of
  // Json::dump(1) (tested against it).
  std::string text() {
    Writer w;
    w.out.reserve(std::size_t{1} << 16);
    w.out += "{\n";
    w.key(1, "version");
    w.string("tree-0.1");
    w.out += ",\n";
    w.key(1, "tree");
    std::string path = app_.node().path();
    tree_node(w, app_, path, 1);
    w.out += "\n}\n";
    return std::move(w.out);
  }

  struct Writer {
    std::string out;

    void string(std::string_view s) { append_json_string(out, s); }
    void key(int level, std::string_view k) { append_member_key(out, static_cast<std::size_t>(level), k); }
    void close(int level, bool last) {  // the end of an object member that is an object
      out += '\n';
      out.append(static_cast<std::size_t>(level), ' ');
      out += last ? "}" : "},";
    }
  };

  // Writes c's node at nesting `level`; `path` is c's path, grown and cut
  // back in place for the children.
  void tree_node(Writer& w, const Construct& c, std::string& path, int level) {
    w.out += "{\n";
    w.key(level + 1, "id");
    w.string(c.node().scope() ? std::string_view(c.node().id()) : std::string_view("App"));
    w.out += ",\n";
    w.key(level + 1, "path");
    w.string(path);
    w.out += ",\n";
    if (const auto* r = dynamic_cast<const CfnResource*>(&c)) {
      w.key(level + 1, "attributes");
      w.out += "{\n";
      w.key(level + 2, "aws:cdk:cloudformation:type");
      w.string(r->cfn_type());
      if (auto it = ids_.find(r); it != ids_.end()) {
        w.out += ",\n";
        w.key(level + 2, "aws:cdk:cloudformation:logicalId");
        w.string(it->second);
      }
      w.close(level + 1, false);
      w.out += '\n';
    }
    if (const auto& children = c.node().children(); !children.empty()) {
      w.key(level + 1, "children");
      w.out += "{\n";
      for (std::size_t i = 0; i < children.size(); ++i) {
        const std::string& id = children[i]->node().id();
        w.key(level + 2, id);
        const std::size_t size = path.size();
        if (!path.empty()) path += Node::path_separator;
        path += id;
        tree_node(w, *children[i], path, level + 2);
        path.resize(size);
        if (i + 1 < children.size()) w.out += ",\n";
      }
      w.close(level + 1, false);
      w.out += '\n';
    }
    auto [fqn, fresh] = fqns_.try_emplace(std::type_index(typeid(c)));
    if (fresh) fqn->second = fqn_of(typeid(c));
    w.key(level + 1, "constructInfo");
    w.out += "{\n";
    w.key(level + 2, "fqn");
    w.string(fqn->second);
    w.out += ",\n";
    w.key(level + 2, "version");
    w.string(CDKPP_VERSION);
    w.close(level + 1, true);
    w.close(level, true);
  }


 private:
  const App& app_;
  const LogicalIds& ids_;
  std::unordered_map<std::type_index, std::string> fqns_;
};

}  // namespace

std::string tree_json_text(const App& app, const LogicalIds& ids) { return TreeJson(app, ids).text(); }

}  // namespace cdk::detail
