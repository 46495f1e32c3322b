#include "synth/synthesizer.hpp"

#include "synth/aspects.hpp"
#include "synth/auto_split.hpp"
#include "synth/cross_region_writer.hpp"
#include "synth/asset_manifest.hpp"
#include "synth/digraph.hpp"
#include "synth/json_text.hpp"
#include "synth/manifest.hpp"
#include "synth/raw_override.hpp"
#include "synth/references.hpp"
#include "synth/stack_view.hpp"
#include "synth/tree_json.hpp"
#include "synth/validation.hpp"

#include "core/sha256.hpp"

#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/bootstrap.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/fn.hpp>
#include <cdk/nested_stack.hpp>
#include <cdk/stack.hpp>
#include <cdk/stage.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace cdk::detail {

namespace {

constexpr std::array<std::pair<Section, const char*>, 6> kSections{{
    {Section::Parameters, "Parameters"},
    {Section::Mappings, "Mappings"},
    {Section::Conditions, "Conditions"},
    {Section::Rules, "Rules"},
    {Section::Resources, "Resources"},
    {Section::Outputs, "Outputs"},
}};

Diagnostic::Level level_of(const std::string& type) {
  if (type == Annotations::error_type) return Diagnostic::Level::Error;
  if (type == Annotations::warning_type) return Diagnostic::Level::Warning;
  return Diagnostic::Level::Info;
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
  std::vector<const FileAsset*> file_assets;             // of its nested stacks too
  std::vector<const DockerImageAsset*> image_assets;     // of its nested stacks too
  std::vector<std::size_t> nested;                       // works of the stacks nested directly in it
  std::vector<NestedTemplateAsset> nested_templates;     // every nested stack's below it, once finished
};

// Where two resources meet: the lowest stack holding both (directly or through
// nested stacks), with the resource standing for each there (itself, or the
// resource of the nested stack it is in).
struct Meeting {
  const Stack* stack = nullptr;
  const CfnResource* a = nullptr;
  const CfnResource* b = nullptr;
};

// `r`'s stand-in in `ancestor`, a stack holding r's stack.
const CfnResource* stand_in(const CfnResource& r, const Stack& ancestor, const CrossStackReferences& refs) {
  const Stack* s = &refs.home(r);
  if (s == &ancestor) return &r;
  while (s->nested_parent() != &ancestor) s = s->nested_parent();
  return &static_cast<const NestedStack*>(s)->nested_stack_resource();
}

// The HTTPS URL of an object in the parent's bootstrap bucket, shaped as
// aws-cdk-lib writes it: an Fn::Join of literals, the region and URL suffix
// references and the bucket (an Fn::Sub where the environment is unknown).
Value nested_template_url(const Stack& parent, const std::string& key) {
  const std::string bucket = bootstrap::specialize(bootstrap::assets_bucket(parent.bootstrap_qualifier()), parent);
  const Value pieces[] = {"https://s3.", parent.region(), ".", Value::pseudo("AWS::URLSuffix"), "/",
                          bootstrap::cfnify(bucket), "/" + key};
  Value::List parts;
  for (const Value& p : pieces) {
    if (p.kind() == Value::Kind::String && !parts.empty() && parts.back().kind() == Value::Kind::String)
      parts.back() = Value(parts.back().as_string() + p.as_string());
    else
      parts.push_back(p);
  }
  return Fn::join("", std::move(parts));
}

// Nothing when the two are in different deployment roots.
std::optional<Meeting> meet(const CfnResource& a, const CfnResource& b, const CrossStackReferences& refs) {
  const Stack& home_a = refs.home(a);
  const Stack& home_b = refs.home(b);
  if (&home_a.deployment_root() != &home_b.deployment_root()) return std::nullopt;
  std::set<const Stack*> above_a;
  for (const Stack* s = &home_a; s != nullptr; s = s->nested_parent()) above_a.insert(s);
  const Stack* common = &home_b;
  while (!above_a.contains(common)) common = common->nested_parent();
  return Meeting{common, stand_in(a, *common, refs), stand_in(b, *common, refs)};
}

class Synthesizer {
 public:
  Synthesizer(App& app, const SynthOptions& options) : app_(app), options_(options) {}

  Assembly run() {
    invoke_aspects(app_);
    split_stacks();
    add_bootstrap_checks();
    collect();
    validate_tree();
    assign_logical_ids();
    for (auto& w : work_) render_stack(w);
    apply_construct_dependencies();
    add_exports();
    add_nested_values();
    check_resource_cycles();
    auto order = stack_order();
    // Every stack is finished (and its limits checked) even when errors were
    // found already, so that one run reports every problem; after a stack
    // cycle there is no order, and creation order serves.
    if (order.empty()) order = roots();
    Assembly out;
    out.stacks.reserve(work_.size());  // one artifact per stack: views point into them, so none may move
    for (std::size_t i : order) {
      const std::size_t first = out.stacks.size();
      finish_with_nested(i, out.stacks);
      for (std::size_t k = first; k < out.stacks.size(); ++k) check_stack(out.stacks[k]);
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
    make_manifests(app_, out);
    out.app = &app_;
    out.logical_ids = std::move(ids_);
    out.diagnostics = std::move(diagnostics_);
    return out;
  }

 private:
  void error(std::string path, std::string message, std::string hint) {
    errors_.push_back({Diagnostic::Level::Error, std::move(path), std::move(message), std::move(hint)});
  }

  void split_stacks() {
    try {
      for (auto& d : split_oversized_stacks(app_, refs_)) diagnostics_.push_back(std::move(d));
    } catch (const Error& ex) {
      error(ex.path(), ex.diagnostic().message, ex.diagnostic().hint);
    }
  }

  // Stacks with assets check the bootstrap version, as aws-cdk-lib's do;
  // an error here (a bad qualifier) is reported like any other.
  void add_bootstrap_checks() {
    try {
      add_bootstrap_version_checks(app_);
    } catch (const Error& ex) {
      error(ex.path(), ex.diagnostic().message, ex.diagnostic().hint);
    }
  }

  void collect() {
    std::string path;
    collect(app_, path);
    // Elements the automatic split moved into a nested stack made after them.
    for (auto& [e, p] : moved_) {
      auto& w = work_[stack_index_.at(&refs_.home(*e))];
      w.elements.push_back(e);
      w.paths.push_back(std::move(p));
    }
    if (work_.empty())
      error("", "the app has no stacks", "add one with app.add<cdk::Stack>(\"Name\")");
  }

  // Pre-order, as Node::find_all. `path` is c's path, grown and cut back in
  // place, so that no element's path is rebuilt from the root.
  void collect(Construct& c, std::string& path) {
    if (auto* s = dynamic_cast<Stack*>(&c)) {
      if (s->nested_parent() != nullptr) work_[stack_index_.at(s->nested_parent())].nested.push_back(work_.size());
      stack_index_[s] = work_.size();
      work_.emplace_back().stack = s;
    } else if (auto* e = dynamic_cast<CfnElement*>(&c)) {
      if (&refs_.home(*e) != &e->stack()) {
        moved_.emplace_back(e, path);
      } else {
        auto& w = work_[stack_index_.at(&e->stack())];
        w.elements.push_back(e);
        w.paths.push_back(path);
      }
    } else if (auto* f = dynamic_cast<FileAsset*>(&c)) {
      work_[stack_index_.at(&Stack::of(*f).deployment_root())].file_assets.push_back(f);
    } else if (auto* i = dynamic_cast<DockerImageAsset*>(&c)) {
      work_[stack_index_.at(&Stack::of(*i).deployment_root())].image_assets.push_back(i);
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
      if (w.stack->nested_parent() != nullptr) continue;  // CloudFormation names nested stacks
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
          else if (const auto* other = dynamic_cast<const CfnResource*>(&t);
                   other != nullptr && &refs_.home(t) != w.stack && stack_index_.contains(&t.stack()))
            add_nested_edge(*r, *other, false);
        };
        body.for_each_target(add_edge);
        for (const CfnResource* d : r->depends_on())
          if (&refs_.home(*d) != w.stack) add_nested_edge(*r, *d, true);
        for (const auto& o : r->overrides()) {
          o.value.for_each_target(add_edge);  // an override's references are dependencies too
          Json value = o.remove ? Json() : resolve(o.value);
          apply_override(json, o.path, o.remove ? nullptr : &value);
        }
        if (options_.path_metadata) json["Metadata"]["aws:cdk:path"] = path;
        for (const ValidationPlugin* plugin : options_.plugins) plugin->annotate(*r, json);
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

  // `a` waits for `b`, in another stack: in the stack where they meet (as the
  // resources of their nested stacks) when they share a deployment root, with
  // DependsOn there if `depends_on` (a reference orders itself); else, for
  // DependsOn, the one root after the other (a reference's export does that).
  void add_nested_edge(const CfnResource& a, const CfnResource& b, bool depends_on) {
    const auto m = meet(a, b, refs_);
    if (!m) {
      if (depends_on)
        work_[stack_index_.at(&refs_.home(a).deployment_root())].depends_on.insert(&refs_.home(b).deployment_root());
      return;
    }
    if (m->a == m->b) return;
    auto& w = work_[stack_index_.at(m->stack)];
    w.resources.add_edge(w.vertex.at(m->a), w.vertex.at(m->b));
    if (depends_on) extra_depends_on_.emplace_back(m->a, m->b);
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
          auto& w = work_[stack_index_.at(&refs_.home(*a))];
          for (const CfnResource* b : theirs) {
            if (a == b) continue;
            if (&refs_.home(*b) != &refs_.home(*a)) {
              add_nested_edge(*a, *b, true);
              continue;
            }
            w.resources.add_edge(w.vertex.at(a), w.vertex.at(b));
            add_depends_on(w, *a, *b);
          }
        }
      }
    }
    for (const auto& [a, b] : extra_depends_on_) add_depends_on(work_[stack_index_.at(&refs_.home(*a))], *a, *b);
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

  void add_depends_on(StackWork& w, const CfnResource& a, const CfnResource& b) {
    Json& deps = w.sections[static_cast<std::size_t>(Section::Resources)][ids_.at(&a)]["DependsOn"];
    if (deps.is_null()) deps = Json::array();
    deps.push_back(ids_.at(&b));
  }

  /// The SSM parameter a weak reference is read from.
  static Json weak_export(const ExportedValue& ex, Json value) {
    return Json{{"Type", "AWS::SSM::Parameter"},
                {"Properties",
                 {{"Type", "String"},
                  {"Name", ex.export_name},
                  {"Value", std::move(value)},
                  {"Description", "Read by other stacks of this app (a weak cross-stack reference)"}}}};
  }

  void add_exports() {
    for (auto& w : work_) {
      const auto& exports = refs_.exports_of(*w.stack);
      Json& outputs = w.sections[static_cast<std::size_t>(Section::Outputs)];
      outputs.get_ref<Json::object_t&>().reserve(outputs.size() + exports.size());
      Json& resources = w.sections[static_cast<std::size_t>(Section::Resources)];
      for (const auto& ex : exports) {
        Json& section = ex.weak ? resources : outputs;
        if (section.contains(ex.output_id)) {
          error(w.stack->node().path(),
                fmt::format("{} \"{}\" clashes with an automatic export", ex.weak ? "resource" : "output", ex.output_id),
                ex.weak ? "rename the resource" : "rename the output");
          continue;
        }
        section[ex.output_id] =
            ex.weak ? weak_export(ex, ex.value) : Json{{"Value", ex.value}, {"Export", {{"Name", ex.export_name}}}};
      }
      for (auto& [id, resource] : cross_region_writer(refs_.cross_region_exports_of(*w.stack)))
        add_unique(w, Section::Resources, id, std::move(resource), w.stack->node().path());
    }
    for (const auto& [consumer, producer] : refs_.dependencies())
      work_[stack_index_.at(consumer)].depends_on.insert(producer);
  }

  // The outputs and parameters that carry values across nested stacks'
  // boundaries, and each parameter's value on the nested stack's resource.
  void add_nested_values() {
    for (auto& w : work_) {
      if (w.stack->nested_parent() == nullptr) continue;
      const std::string path = w.stack->node().path();
      for (const auto& o : refs_.outputs_of(*w.stack))
        add_unique(w, Section::Outputs, o.id, Json{{"Value", o.value}}, path);
      const auto& resource = static_cast<const NestedStack*>(w.stack)->nested_stack_resource();
      Json& in_parent = resource_json(resource)["Properties"]["Parameters"];
      for (const auto& p : refs_.parameters_of(*w.stack)) {
        add_unique(w, Section::Parameters, p.id, Json{{"Type", "String"}}, path);
        in_parent[p.id] = p.value;
      }
    }
  }

  void add_unique(StackWork& w, Section section, const std::string& id, Json value, const std::string& path) {
    Json& entries = w.sections[static_cast<std::size_t>(section)];
    if (entries.contains(id)) {
      error(path, fmt::format("\"{}\" clashes with an element synthesis adds (for a nested stack or another region)", id),
            "rename the element");
      return;
    }
    entries[id] = std::move(value);
  }

  Json& resource_json(const CfnResource& r) {
    return work_[stack_index_.at(&refs_.home(r))].sections[static_cast<std::size_t>(Section::Resources)][ids_.at(&r)];
  }

  void check_resource_cycles() {
    for (const auto& w : work_)
      if (auto cycle = find_cycle(w.resources))
        error(w.stack->node().path(), "dependency cycle between resources: " + describe_cycle(w.resources, *cycle),
              "break the cycle, e.g. with a separate ingress/egress rule resource instead of inline rules");
  }

  // The checks of one finished stack, in deployment order. Its JSON and view
  // then go, unless the caller keeps them: the text is what is written.
  void check_stack(StackArtifact& a) {
    check_export_names(a);
    a.view = std::make_shared<const StackView>(a.template_json);  // in place: it points into the template
    run_plugins(a);
    if (!options_.keep_templates) {
      a.view.reset();
      a.template_json = Json();
    }
  }

  // CloudFormation takes an export name once per account and region; a second
  // stack exporting it would fail halfway through a deploy.
  void check_export_names(const StackArtifact& a) {
    if (!a.template_json.contains("Outputs")) return;
    for (const auto& [id, output] : a.template_json["Outputs"].items()) {
      const Json* name = output.contains("Export") ? &output["Export"]["Name"] : nullptr;
      if (name == nullptr || !name->is_string()) continue;  // a token is only known at deploy time
      const std::string where = a.stack->node().path() + " (output " + id + ")";
      const auto [seen, fresh] = exported_.try_emplace({a.stack->environment_uri(), name->get<std::string>()}, where);
      if (!fresh)
        error(a.stack->node().path(), "output " + id + ": export name " + name->get<std::string>() +
                                          " is already exported by " + seen->second + " in " + a.stack->environment_uri(),
              "give one of the outputs another export_name (export names are unique per account and region)");
    }
  }

  // A stage's assembly deploys on its own (the AWS CDK refuses the same):
  // DependsOn or node().add_dependency across stages would order two of them.
  void check_same_stage(const Stack& consumer, const Stack& producer) {
    const Stage* mine = Stage::of(consumer);
    const Stage* theirs = Stage::of(producer);
    if (mine == theirs) return;
    auto where = [](const Stage* s) { return s != nullptr ? "stage \"" + s->node().path() + "\"" : std::string("no stage"); };
    error(consumer.node().path(),
          fmt::format("depends on stack \"{}\" ({}), but this stack is in {}: dependencies cannot cross stages",
                      producer.node().path(), where(theirs), where(mine)),
          "put both stacks in one stage, or deploy the stages in order (e.g. a pipeline's stages)");
  }

  // The works of top-level stacks, in creation order.
  std::vector<std::size_t> roots() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < work_.size(); ++i)
      if (work_[i].stack->nested_parent() == nullptr) out.push_back(i);
    return out;
  }

  // The deployment order of the top-level stacks; a nested stack's
  // dependencies are its root's.
  std::vector<std::size_t> stack_order() {
    const auto tops = roots();
    Digraph g;
    std::unordered_map<const Stack*, std::size_t> node;
    for (std::size_t i : tops) node.emplace(work_[i].stack, g.add_node(work_[i].stack->node().path()));
    for (auto& w : work_) {
      for (const Stack* d : w.stack->dependencies()) w.depends_on.insert(d);
      const Stack& root = w.stack->deployment_root();
      for (const Stack* d : w.depends_on) {
        const Stack& other = d->deployment_root();
        if (&other == &root) continue;
        check_same_stage(root, other);
        g.add_edge(node.at(&root), node.at(&other));
        work_[stack_index_.at(&root)].depends_on.insert(&other);
      }
    }
    if (auto cycle = find_cycle(g)) {
      error("", "dependency cycle between stacks: " + describe_cycle(g, *cycle),
            "a stack cannot use values of a stack that uses its values; move the shared resources into one stack");
      return {};
    }
    std::vector<std::size_t> order;
    for (const auto& wave : dependency_waves(g))
      for (std::size_t n : wave) order.push_back(tops[n]);
    return order;
  }

  // The stacks nested in work i (deepest first), then i itself: each nested
  // template is done, and its hash known, before its parent's.
  void finish_with_nested(std::size_t i, std::vector<StackArtifact>& out) {
    for (std::size_t child : work_[i].nested) finish_with_nested(child, out);
    out.push_back(finish_stack(work_[i]));
    if (work_[i].stack->nested_parent() != nullptr) point_parent_at(work_[i], out.back());
  }

  // The nested stack's resource in its parent: TemplateURL of the published
  // template, asset metadata; the template joins its root's assets.
  void point_parent_at(const StackWork& w, const StackArtifact& a) {
    const auto& nested = *static_cast<const NestedStack*>(w.stack);
    const Stack& parent = nested.parent_stack();
    NestedTemplateAsset asset{nested.template_file(), sha256_hex(a.template_text)};
    const Value url = nested_template_url(parent, asset.hash + ".json");
    Json& resource = resource_json(nested.nested_stack_resource());
    Json& props = resource["Properties"];
    props["TemplateURL"] = Resolver(parent, ids_, nullptr, nested.node().path(), errors_)(url);
    Json sorted = object_with_capacity(props.size());
    std::vector<std::string> keys;
    for (const auto& [k, v] : props.items()) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) sorted[k] = std::move(props[k]);
    Json ordered = object_with_capacity(resource.size() + 1);
    ordered["Type"] = resource["Type"];
    ordered["Properties"] = std::move(sorted);
    for (auto& [k, v] : resource.items())
      if (k != "Type" && k != "Properties") ordered[k] = std::move(v);
    ordered["Metadata"]["aws:asset:path"] = asset.file;
    ordered["Metadata"]["aws:asset:property"] = "TemplateURL";
    resource = std::move(ordered);
    work_[stack_index_.at(&nested.deployment_root())].nested_templates.push_back(std::move(asset));
  }

  StackArtifact finish_stack(StackWork& w) {
    const Stack& stack = *w.stack;
    const std::string path = stack.node().path();
    Json t = object_with_capacity(1 + kSections.size());
    if (!stack.description().empty()) t["Description"] = stack.description();
    if (stack.transforms().size() == 1) t["Transform"] = stack.transforms().front();
    if (stack.transforms().size() > 1) t["Transform"] = stack.transforms();
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
    // A nested stack deploys with its root: the root's artifact holds its
    // dependencies, assets and metadata.
    if (stack.nested_parent() != nullptr) return a;
    for (const Stack* d : w.depends_on)
      if (d->nested_parent() == nullptr) a.dependencies.push_back(d);
    a.file_assets = w.file_assets;
    a.image_assets = w.image_assets;
    a.nested_templates = w.nested_templates;
    if (!a.file_assets.empty() || !a.image_assets.empty() || !a.nested_templates.empty())
      a.asset_manifest = make_asset_manifest(a);
    std::sort(a.dependencies.begin(), a.dependencies.end(),
              [&](const Stack* x, const Stack* y) { return stack_index_.at(x) < stack_index_.at(y); });

    a.metadata = object_with_capacity(w.elements.size());
    add_logical_id_metadata(w, a.metadata);
    for (const Construct* c : stack.node().find_all())
      for (const auto& m : c->node().metadata())
        a.metadata[metadata_key(*c)].push_back({{"type", m.type}, {"data", m.data}});
    return a;
  }

  // The logical id of each element of `w` and of the stacks nested in it.
  // Paths are unique, so each entry is appended without a lookup.
  void add_logical_id_metadata(const StackWork& w, Json& metadata) const {
    for (std::size_t i = 0; i < w.elements.size(); ++i)
      if (auto it = ids_.find(w.elements[i]); it != ids_.end()) {
        Json entry = object_with_capacity(2);
        entry["type"] = "aws:cdk:logicalId";
        entry["data"] = it->second;
        Json list = Json::array();
        list.push_back(std::move(entry));
        std::string key(1, '/');
        key += w.paths[i];
        metadata.get_ref<Json::object_t&>().emplace_back(std::move(key), std::move(list));
      }
    for (std::size_t child : w.nested) add_logical_id_metadata(work_[child], metadata);
  }

  void run_plugins(StackArtifact& a) {
    for (const CfnElement* e : work_[stack_index_.at(a.stack)].elements)
      if (auto it = ids_.find(e); it != ids_.end()) a.owners.emplace(it->second, e);
    const StackUnderValidation stack{*a.stack, *a.view, a.owners};
    for (const ValidationPlugin* plugin : options_.plugins)
      for (auto& d : plugin->validate(stack))
        (d.level == Diagnostic::Level::Error ? errors_ : diagnostics_).push_back(std::move(d));
  }


  App& app_;
  SynthOptions options_;
  std::vector<StackWork> work_;
  std::unordered_map<const Stack*, std::size_t> stack_index_;
  LogicalIds ids_;
  std::unordered_set<const CfnElement*> duplicate_ids_;  // elements whose logical id an earlier one has
  CrossStackReferences refs_{ids_};
  std::vector<std::pair<const CfnResource*, const CfnResource*>> extra_depends_on_;  // across nested stacks
  std::vector<std::pair<const CfnElement*, std::string>> moved_;  // by the automatic split, with their paths
  std::map<std::pair<std::string, std::string>, std::string> exported_;  // (environment, export name) -> first output
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

Assembly synthesize(App& app, const SynthOptions& options) { return Synthesizer(app, options).run(); }

}  // namespace cdk::detail
