#include "synth/tree_json.hpp"

#include "synth/json_text.hpp"

#include <cdk/app.hpp>
#include <cdk/cfn_resource.hpp>

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <ostream>
#include <sstream>
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
  // Json::dump(1) (tested against it). The text goes to `out` in blocks of
  // about 64 KB, so a large app's tree is never held whole.
  void write(std::ostream& out) {
    Writer w{out};
    w.text.reserve(Writer::block + (std::size_t{1} << 12));
    w.text += "{\n";
    w.key(1, "version");
    w.string("tree-0.1");
    w.text += ",\n";
    w.key(1, "tree");
    std::string path = app_.node().path();
    tree_node(w, app_, path, 1);
    w.text += "\n}\n";
    w.flush();
  }

  struct Writer {
    static constexpr std::size_t block = std::size_t{1} << 16;
    std::ostream& out;
    std::string text;  // not yet written to `out`

    void flush() {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
    void string(std::string_view s) { append_json_string(text, s); }
    void key(int level, std::string_view k) { append_member_key(text, static_cast<std::size_t>(level), k); }
    void close(int level, bool last) {  // the end of an object member that is an object
      text += '\n';
      text.append(static_cast<std::size_t>(level), ' ');
      text += last ? "}" : "},";
      if (text.size() >= block) flush();
    }
  };

  // Writes c's node at nesting `level`; `path` is c's path, grown and cut
  // back in place for the children.
  void tree_node(Writer& w, const Construct& c, std::string& path, int level) {
    w.text += "{\n";
    w.key(level + 1, "id");
    w.string(c.node().scope() ? std::string_view(c.node().id()) : std::string_view("App"));
    w.text += ",\n";
    w.key(level + 1, "path");
    w.string(path);
    w.text += ",\n";
    if (const auto* r = dynamic_cast<const CfnResource*>(&c)) {
      w.key(level + 1, "attributes");
      w.text += "{\n";
      w.key(level + 2, "aws:cdk:cloudformation:type");
      w.string(r->cfn_type());
      if (auto it = ids_.find(r); it != ids_.end()) {
        w.text += ",\n";
        w.key(level + 2, "aws:cdk:cloudformation:logicalId");
        w.string(it->second);
      }
      w.close(level + 1, false);
      w.text += '\n';
    }
    if (const auto& children = c.node().children(); !children.empty()) {
      w.key(level + 1, "children");
      w.text += "{\n";
      for (std::size_t i = 0; i < children.size(); ++i) {
        const std::string& id = children[i]->node().id();
        w.key(level + 2, id);
        const std::size_t size = path.size();
        if (!path.empty()) path += Node::path_separator;
        path += id;
        tree_node(w, *children[i], path, level + 2);
        path.resize(size);
        if (i + 1 < children.size()) w.text += ",\n";
      }
      w.close(level + 1, false);
      w.text += '\n';
    }
    auto [fqn, fresh] = fqns_.try_emplace(std::type_index(typeid(c)));
    if (fresh) fqn->second = fqn_of(typeid(c));
    w.key(level + 1, "constructInfo");
    w.text += "{\n";
    w.key(level + 2, "fqn");
    w.string(fqn->second);
    w.text += ",\n";
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

void write_tree_json(std::ostream& out, const App& app, const LogicalIds& ids) { TreeJson(app, ids).write(out); }

std::string tree_json_text(const App& app, const LogicalIds& ids) {
  std::ostringstream out;
  write_tree_json(out, app, ids);
  return std::move(out).str();
}

}  // namespace cdk::detail
