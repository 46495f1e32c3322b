#include "synth/synthesizer.hpp"

#include "synth/digraph.hpp"
#include "synth/json_text.hpp"
#include "synth/references.hpp"
#include "synth/stack_view.hpp"
#include "synth/validation.hpp"

#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/aspects.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/stack.hpp>

#include <cxxabi.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <typeindex>
#include <unordered_set>
#include <unistd.h>

namespace cdk::detail {

struct AspectInvoker {
  static void invoke(Construct& c, std::vector<IAspect*>& inherited) {
    const std::size_t base = inherited.size();
    for (const auto& a : c.node().aspects_) inherited.push_back(a.get());
    auto& applied = c.node().applied_aspects_;
    for (std::size_t i = 0; i < inherited.size(); ++i) {
      IAspect* a = inherited[i];
      if (std::find(applied.begin(), applied.end(), a) != applied.end()) continue;
      applied.push_back(a);
      a->visit(c);
    }
    // By index: an aspect may add children, and they are visited too.
    for (std::size_t i = 0; i < c.node().children().size(); ++i) invoke(*c.node().children()[i], inherited);
    inherited.resize(base);
  }
};

namespace {

constexpr std::array<std::pair<Section, const char*>, 6> kSections{{
    {Section::Parameters, "Parameters"},
    {Section::Mappings, "Mappings"},
    {Section::Conditions, "Conditions"},
    {Section::Rules, "Rules"},
    {Section::Resources, "Resources"},
    {Section::Outputs, "Outputs"},
}};

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

Diagnostic::Level level_of(const std::string& type) {
  if (type == Annotations::error_type) return Diagnostic::Level::Error;
  if (type == Annotations::warning_type) return Diagnostic::Level::Warning;
  return Diagnostic::Level::Info;
}

// Sets value at a dotted path inside `target`, creating objects on the way.
void apply_override(Json& target, const std::string& path, const Json* value) {
  Json* cur = &target;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      if (value == nullptr) {
        if (cur->is_object()) cur->erase(key);
      } else {
        (*cur)[key] = *value;
      }
      return;
    }
    if (value == nullptr) {
      // A deletion only walks what exists: it must not add empty entries.
      if (!cur->is_object() || !cur->contains(key)) return;
    } else if (!cur->contains(key) || !(*cur)[key].is_object()) {
      (*cur)[key] = Json::object();
    }
    cur = &(*cur)[key];
    start = dot + 1;
  }
}

// "/" + the path: how the manifest names a construct.
std::string metadata_key(const Construct& c) {
  std::string key(1, '/');
  key += c.node().path();
  return key;
}

// The template as written: indent 1 and a trailing newline, like
// aws-cdk-lib. Written into a buffer with room for the largest template
// CloudFormation takes: growing a string of hundreds of KB step by step
// copies it each time, and each free of the old block makes malloc
// consolidate its free lists. The unused room is never touched, so it costs
// address space, not memory.
std::string template_text(const Json& t) {
  std::string out;
  out.reserve(TemplateLimits::max_bytes + 1);
  append_json(out, t, 1);
  out += '\n';
  return out;
}

std::vector<const CfnResource*> resources_below(const Construct& c) {
  std::vector<const CfnResource*> out;
  for (const Construct* x : c.node().find_all())
    if (const auto* r = dynamic_cast<const CfnResource*>(x)) out.push_back(r);
  return out;
}

struct StackWork {
  Stack* stack = nullptr;
  std::vector<const CfnElement*> elements;
  std::vector<std::string> paths;                             // of each element, computed once
  std::array<Json, kSections.size()> sections;
  std::set<const Stack*> depends_on;
  Digraph resources;                                          // resource dependency graph
  std::unordered_map<const CfnElement*, std::size_t> vertex;  // resource -> graph node
};

class Synthesizer {
 public:
  Synthesizer(App& app, const SynthOptions& options) : app_(app), options_(options) {}

  Assembly run() {
    std::vector<IAspect*> inherited;
    AspectInvoker::invoke(app_, inherited);
    collect();
    validate_tree();
    assign_logical_ids();
    for (auto& w : work_) render_stack(w);
    apply_construct_dependencies();
    add_exports();
    check_resource_cycles();
    auto order = stack_order();
    // Every stack is finished (and its limits checked) even when errors were
    // found already, so that one run reports every problem; after a stack
    // cycle there is no order, and creation order serves.
    if (order.size() != work_.size()) {
      order.resize(work_.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
    }
    Assembly out;
    for (std::size_t i : order) out.stacks.push_back(finish_stack(work_[i]));
    for (auto& a : out.stacks) {
      a.view = std::make_shared<const StackView>(a.template_json);  // in place: it points into the template
      run_plugins(a);
    }
    if (options_.strict) {
      for (auto& d : diagnostics_)
        if (d.level == Diagnostic::Level::Warning) {
          d.level = Diagnostic::Level::Error;
          d.message += " [--strict]";
          errors_.push_back(d);
        }
    }
    if (!errors_.empty()) throw SynthError(std::move(errors_));
    out.manifest = manifest(out);
    out.tree_text = tree_text();
    out.diagnostics = std::move(diagnostics_);
    return out;
  }

 private:
  void error(std::string path, std::string message, std::string hint) {
    errors_.push_back({Diagnostic::Level::Error, std::move(path), std::move(message), std::move(hint)});
  }

  void collect() {
    std::string path;
    collect(app_, path);
    if (work_.empty())
      error("", "the app has no stacks", "add one with app.add<cdk::Stack>(\"Name\")");
  }

  // Pre-order, as Node::find_all. `path` is c's path, grown and cut back in
  // place, so that no element's path is rebuilt from the root.
  void collect(Construct& c, std::string& path) {
    if (auto* s = dynamic_cast<Stack*>(&c)) {
      stack_index_[s] = work_.size();
      work_.emplace_back().stack = s;
    } else if (auto* e = dynamic_cast<CfnElement*>(&c)) {
      auto& w = work_[stack_index_.at(&e->stack())];
      w.elements.push_back(e);
      w.paths.push_back(path);
    }
    for (Construct* k : c.node().children()) {
      const std::size_t size = path.size();
      if (!path.empty()) path += Node::path_separator;
      path += k->node().id();
      collect(*k, path);
      path.resize(size);
    }
  }

  void validate_tree() {
    for (Construct* c : app_.node().find_all()) {
      for (Diagnostic d : c->validate()) {
        if (d.path.empty()) d.path = c->node().path();
        (d.level == Diagnostic::Level::Error ? errors_ : diagnostics_).push_back(std::move(d));
      }
      for (const auto& m : c->node().metadata()) {
        if (m.type.rfind("aws:cdk:", 0) != 0) continue;
        const auto level = level_of(m.type);
        if (m.type != Annotations::info_type && m.type != Annotations::warning_type && m.type != Annotations::error_type)
          continue;
        Diagnostic d{level, c->node().path(), m.data, ""};
        (level == Diagnostic::Level::Error ? errors_ : diagnostics_).push_back(std::move(d));
      }
    }
    std::map<std::string, const Stack*> names;
    for (const auto& w : work_) {
      auto key = w.stack->stack_name() + "@" + w.stack->environment_uri();
      auto [it, fresh] = names.emplace(key, w.stack);
      if (!fresh)
        error(w.stack->node().path(),
              fmt::format("stack name \"{}\" is also used by \"{}\" in the same environment", w.stack->stack_name(),
                          it->second->node().path()),
              "give one of them another stack_name");
    }
  }

  void assign_logical_ids() {
    std::size_t elements = 0;
    for (const auto& w : work_) elements += w.elements.size();
    ids_.reserve(elements);
    for (auto& w : work_) {
      std::unordered_map<std::string, const CfnElement*> seen;
      seen.reserve(w.elements.size());
      for (const CfnElement* e : w.elements) {
        std::string id;
        try {
          id = e->logical_id();
        } catch (const Error& ex) {
          error(e->node().path(), ex.diagnostic().message, ex.diagnostic().hint);
          continue;
        }
        auto [it, fresh] = seen.emplace(id, e);
        if (!fresh) {
          duplicate_ids_.insert(e);
          error(e->node().path(), fmt::format("logical id \"{}\" is also used by \"{}\"", id, it->second->node().path()),
                "rename one construct or change its override_logical_id");
        }
        ids_.emplace(e, std::move(id));
      }
    }
  }

  void render_stack(StackWork& w) {
    std::array<std::size_t, kSections.size()> sizes{};
    for (const CfnElement* e : w.elements) ++sizes[static_cast<std::size_t>(e->section())];
    for (std::size_t i = 0; i < sizes.size(); ++i) w.sections[i] = object_with_capacity(sizes[i]);
    for (std::size_t i = 0; i < w.elements.size(); ++i)
      if (w.elements[i]->section() == Section::Resources)
        w.vertex.emplace(w.elements[i], w.resources.add_node(w.paths[i]));

    for (std::size_t i = 0; i < w.elements.size(); ++i) {
      const CfnElement* e = w.elements[i];
      auto it = ids_.find(e);
      if (it == ids_.end()) continue;
      const std::string& path = w.paths[i];
      Value body;
      try {
        body = e->render();
      } catch (const Error& ex) {  // e.g. a typed L1 or tags that cannot render: name the construct
        error(path, ex.diagnostic().message, ex.diagnostic().hint);
        continue;
      }
      Resolver resolve(*w.stack, ids_, &refs_, path, errors_);
      Json json = resolve.resolve(body, 2);  // room for Metadata and DependsOn, added below and later

      if (const auto* r = dynamic_cast<const CfnResource*>(e)) {
        const std::size_t me = w.vertex.at(e);
        auto add_edge = [&](const CfnElement& t) {
          if (auto v = w.vertex.find(&t); v != w.vertex.end()) w.resources.add_edge(me, v->second);
        };
        body.for_each_target(add_edge);
        for (const CfnResource* d : r->depends_on())
          if (&d->stack() != w.stack) w.depends_on.insert(&d->stack());
        for (const auto& o : r->overrides()) {
          o.value.for_each_target(add_edge);  // an override's references are dependencies too
          Json value = o.remove ? Json() : resolve(o.value);
          apply_override(json, o.path, o.remove ? nullptr : &value);
        }
        if (options_.path_metadata) json["Metadata"]["aws:cdk:path"] = path;
      }
      Json& section = w.sections[static_cast<std::size_t>(e->section())];
      // Logical ids are unique in a stack (but for the reported duplicates),
      // so the linear lookup of operator[] is needed only for those.
      if (duplicate_ids_.contains(e))
        section[it->second] = std::move(json);
      else
        section.get_ref<Json::object_t&>().emplace_back(it->second, std::move(json));
    }
  }

  // node().add_dependency(other): every resource below one waits for every
  // resource below the other, or the whole stack when they are in two stacks.
  void apply_construct_dependencies() {
    for (Construct* c : app_.node().find_all()) {
      if (c->node().dependencies().empty()) continue;
      const auto mine = resources_below(*c);
      for (Construct* dep : c->node().dependencies()) {
        const auto theirs = resources_below(*dep);
        for (const CfnResource* a : mine) {
          auto& w = work_[stack_index_.at(&a->stack())];
          for (const CfnResource* b : theirs) {
            if (a == b) continue;
            if (&b->stack() != &a->stack()) {
              w.depends_on.insert(&b->stack());
              continue;
            }
            w.resources.add_edge(w.vertex.at(a), w.vertex.at(b));
            Json& deps = w.sections[static_cast<std::size_t>(Section::Resources)][ids_.at(a)]["DependsOn"];
            if (deps.is_null()) deps = Json::array();
            deps.push_back(ids_.at(b));
          }
        }
      }
    }
    // DependsOn: sorted and without repeats, like aws-cdk-lib writes it.
    for (auto& w : work_)
      for (auto& [id, res] : w.sections[static_cast<std::size_t>(Section::Resources)].items()) {
        if (!res.contains("DependsOn")) continue;
        std::vector<std::string> deps = res["DependsOn"].get<std::vector<std::string>>();
        std::sort(deps.begin(), deps.end());
        deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
        res["DependsOn"] = deps;
      }
  }

  void add_exports() {
    for (auto& w : work_) {
      const auto& exports = refs_.exports_of(*w.stack);
      Json& outputs = w.sections[static_cast<std::size_t>(Section::Outputs)];
      outputs.get_ref<Json::object_t&>().reserve(outputs.size() + exports.size());
      for (const auto& ex : exports) {
        if (outputs.contains(ex.output_id)) {
          error(w.stack->node().path(), fmt::format("output \"{}\" clashes with an automatic export", ex.output_id),
                "rename the output");
          continue;
        }
        Resolver resolve(*w.stack, ids_, nullptr, w.stack->node().path(), errors_);
        outputs[ex.output_id] = Json{{"Value", resolve(ex.value)}, {"Export", {{"Name", ex.export_name}}}};
      }
    }
    for (const auto& [consumer, producer] : refs_.dependencies())
      work_[stack_index_.at(consumer)].depends_on.insert(producer);
  }

  void check_resource_cycles() {
    for (const auto& w : work_)
      if (auto cycle = find_cycle(w.resources))
        error(w.stack->node().path(), "dependency cycle between resources: " + describe_cycle(w.resources, *cycle),
              "break the cycle, e.g. with a separate ingress/egress rule resource instead of inline rules");
  }

  std::vector<std::size_t> stack_order() {
    Digraph g;
    for (const auto& w : work_) g.add_node(w.stack->node().path());
    for (std::size_t i = 0; i < work_.size(); ++i) {
      for (const Stack* d : work_[i].stack->dependencies()) work_[i].depends_on.insert(d);
      for (const Stack* d : work_[i].depends_on) g.add_edge(i, stack_index_.at(d));
    }
    if (auto cycle = find_cycle(g)) {
      error("", "dependency cycle between stacks: " + describe_cycle(g, *cycle),
            "a stack cannot use values of a stack that uses its values; move the shared resources into one stack");
      return {};
    }
    std::vector<std::size_t> order;
    for (const auto& wave : dependency_waves(g)) order.insert(order.end(), wave.begin(), wave.end());
    return order;
  }

  StackArtifact finish_stack(StackWork& w) {
    const Stack& stack = *w.stack;
    const std::string path = stack.node().path();
    Json t = object_with_capacity(1 + kSections.size());
    if (!stack.description().empty()) t["Description"] = stack.description();
    for (std::size_t i = 0; i < kSections.size(); ++i)
      if (!w.sections[i].empty()) t[kSections[i].second] = std::move(w.sections[i]);

    auto count = [&](const char* section) { return t.contains(section) ? t[section].size() : std::size_t{0}; };
    auto limit = [&](const char* section, std::size_t max) {
      if (count(section) > max)
        error(path, fmt::format("template has {} {}, over CloudFormation's limit of {}", count(section), section, max),
              "split the stack into several stacks");
    };
    limit("Resources", TemplateLimits::max_resources);
    limit("Parameters", TemplateLimits::max_parameters);
    limit("Outputs", TemplateLimits::max_outputs);
    limit("Mappings", TemplateLimits::max_mappings);
    if (count("Resources") == 0)
      error(path, "stack has no resources", "CloudFormation cannot deploy an empty template; add a resource");

    StackArtifact a;
    a.stack = &stack;
    a.template_text = template_text(t);
    if (a.template_text.size() > TemplateLimits::max_bytes)
      error(path, fmt::format("template is {} bytes, over CloudFormation's limit of {}", a.template_text.size(),
                              TemplateLimits::max_bytes),
            "split the stack into several stacks");
    else if (a.template_text.size() > TemplateLimits::max_inline_bytes)
      diagnostics_.push_back({Diagnostic::Level::Info, path,
                              fmt::format("template is {} bytes, over {}: deploy uploads it to the staging bucket",
                                          a.template_text.size(), TemplateLimits::max_inline_bytes),
                              "run the bootstrap command once per account and region"});
    a.template_json = std::move(t);
    for (const Stack* d : w.depends_on) a.dependencies.push_back(d);
    std::sort(a.dependencies.begin(), a.dependencies.end(),
              [&](const Stack* x, const Stack* y) { return stack_index_.at(x) < stack_index_.at(y); });

    // Paths are unique, so each element's entry is appended without a lookup.
    a.metadata = object_with_capacity(w.elements.size());
    for (std::size_t i = 0; i < w.elements.size(); ++i)
      if (auto it = ids_.find(w.elements[i]); it != ids_.end()) {
        Json entry = object_with_capacity(2);
        entry["type"] = "aws:cdk:logicalId";
        entry["data"] = it->second;
        Json list = Json::array();
        list.push_back(std::move(entry));
        std::string key(1, '/');
        key += w.paths[i];
        a.metadata.get_ref<Json::object_t&>().emplace_back(std::move(key), std::move(list));
      }
    for (const Construct* c : stack.node().find_all())
      for (const auto& m : c->node().metadata())
        a.metadata[metadata_key(*c)].push_back({{"type", m.type}, {"data", m.data}});
    return a;
  }

  void run_plugins(const StackArtifact& a) {
    if (options_.plugins.empty()) return;
    std::unordered_map<std::string, const Construct*> owners;
    for (const CfnElement* e : work_[stack_index_.at(a.stack)].elements)
      if (auto it = ids_.find(e); it != ids_.end()) owners.emplace(it->second, e);
    const StackUnderValidation stack{*a.stack, *a.view, owners};
    for (const ValidationPlugin* plugin : options_.plugins)
      for (auto& d : plugin->validate(stack))
        (d.level == Diagnostic::Level::Error ? errors_ : diagnostics_).push_back(std::move(d));
  }

  // Moves each stack's metadata into the manifest.
  Json manifest(Assembly& out) const {
    Json artifacts = object_with_capacity(out.stacks.size() + 1);
    for (auto& a : out.stacks) {
      const Stack& s = *a.stack;
      Json props = {{"templateFile", s.template_file()},
                    {"stackName", s.stack_name()},
                    {"terminationProtection", s.termination_protection()},
                    {"validateOnSynth", false}};
      if (!s.tags().empty()) props["tags"] = s.tags();
      if (!s.description().empty()) props["description"] = s.description();
      Json art = {{"type", "aws:cloudformation:stack"}, {"environment", s.environment_uri()}, {"properties", props}};
      if (!a.dependencies.empty()) {
        Json deps = Json::array();
        for (const Stack* d : a.dependencies) deps.push_back(d->artifact_id());
        art["dependencies"] = deps;
      }
      if (!a.metadata.empty()) art["metadata"] = std::move(a.metadata);
      art["displayName"] = s.node().path();
      artifacts[s.artifact_id()] = std::move(art);
    }
    artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
    return Json{{"version", kAssemblyVersion}, {"artifacts", std::move(artifacts)}};
  }

  // tree.json, written as text as the tree is walked: it describes every
  // construct, and building it as a JSON document first cost a fifth of a
  // large app's synthesis in allocations. The format is that of
  // Json::dump(1) (tested against it).
  std::string tree_text() {
    TreeWriter w;
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

  struct TreeWriter {
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
  void tree_node(TreeWriter& w, const Construct& c, std::string& path, int level) {
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

  App& app_;
  SynthOptions options_;
  std::vector<StackWork> work_;
  std::unordered_map<const Stack*, std::size_t> stack_index_;
  LogicalIds ids_;
  std::unordered_set<const CfnElement*> duplicate_ids_;  // elements whose logical id an earlier one has
  std::unordered_map<std::type_index, std::string> fqns_;
  CrossStackReferences refs_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> diagnostics_;
};

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  f.close();
  if (!f) throw Error("", fmt::format("cannot write {}", p.string()), "check the directory's permissions and free space");
}

}  // namespace

Assembly synthesize(App& app, const SynthOptions& options) { return Synthesizer(app, options).run(); }

void write_assembly(const Assembly& assembly, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::path target = dir.empty() ? fs::path("cdk.out") : dir.lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "out/" is "out"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string stem = target.filename().string();
  const fs::path tmp = parent / fmt::format(".{}.tmp-{}", stem, ::getpid());
  const fs::path old = parent / fmt::format(".{}.old-{}", stem, ::getpid());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw Error("", fmt::format("cannot create {}: {}", tmp.string(), ec.message()), "check permissions");
  try {
    for (const auto& a : assembly.stacks) write_file(tmp / a.stack->template_file(), a.template_text);
    std::string manifest;
    append_json(manifest, assembly.manifest, 1);
    manifest += '\n';
    write_file(tmp / "manifest.json", manifest);
    write_file(tmp / "tree.json", assembly.tree_text);
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(tmp, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(tmp, ec);
    if (!fs::exists(target) && fs::exists(old)) fs::rename(old, target, ec);
    throw Error("", fmt::format("cannot write {}: {}", target.string(), e.code().message()),
                "check the directory's permissions and free space");
  } catch (...) {
    fs::remove_all(tmp, ec);
    if (!fs::exists(target) && fs::exists(old)) fs::rename(old, target, ec);
    throw;
  }
  fs::remove_all(old, ec);
}

}  // namespace cdk::detail
