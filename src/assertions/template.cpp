#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/stack.hpp>

#include "assertions/matcher.hpp"
#include "synth/synthesizer.hpp"

#include <fmt/format.h>

#include <limits>

namespace cdk::assertions {

using detail::Json;

struct Template::Impl {
  Json json;
  Stack* stack = nullptr;  // set by from_stack: lets patterns hold Refs
  cdk::detail::LogicalIds ids;

  Json resolve(const Value& v) {
    if (v.is_literal() || stack == nullptr) {
      if (!v.is_literal())
        throw AssertionError("a pattern with references needs a template made with Template::from_stack");
      return literal_json(v);
    }
    std::vector<Diagnostic> errors;
    cdk::detail::Resolver r(*stack, ids, nullptr, "pattern", errors);
    Json out = r(v);
    if (!errors.empty()) throw AssertionError(errors.front().to_string());
    return out;
  }

  static Json literal_json(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Bool: return v.as_bool();
      case Value::Kind::Int: return v.as_int();
      case Value::Kind::Double: return v.as_double();
      case Value::Kind::String: return v.as_string();
      case Value::Kind::List: {
        Json out = Json::array();
        for (const auto& i : v.as_list()) out.push_back(literal_json(i));
        return out;
      }
      case Value::Kind::Map: {
        Json out = Json::object();
        for (const auto& [k, i] : v.as_map()) out[k] = literal_json(i);
        return out;
      }
      default: return nullptr;
    }
  }

  detail::ValueResolver resolver() {
    return [this](const Value& v) { return resolve(v); };
  }

  const Json& section(const char* name) const {
    static const Json empty = Json::object();
    auto it = json.find(name);
    return it == json.end() ? empty : *it;
  }

  // Logical ids of resources of `type`, and for each the result of matching.
  struct Candidate {
    std::string id;
    detail::MatchResult result;
  };
  std::vector<Candidate> candidates(std::string_view type, const Match& m, bool properties_only) {
    std::vector<Candidate> out;
    const Json empty_props = Json::object();
    for (const auto& [id, r] : section("Resources").items()) {
      if (r.value("Type", std::string()) != type) continue;
      Candidate c{id, {}};
      if (properties_only) {
        auto p = r.find("Properties");
        detail::match(m, p == r.end() ? &empty_props : &*p, "/Properties", true, resolver(), c.result);
      } else {
        detail::match(m, &r, "", true, resolver(), c.result);
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  [[noreturn]] void report(std::string_view what, const std::vector<Candidate>& cs, const Json& entries) const {
    std::string msg = fmt::format("Template has {}, but none match as expected.", what);
    const Candidate* best = nullptr;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    for (const auto& c : cs)
      if (c.result.failures.size() < fewest) {
        fewest = c.result.failures.size();
        best = &c;
      }
    if (best != nullptr) {
      msg += fmt::format("\nThe closest result is {} with {} mismatch(es):", best->id, fewest);
      for (const auto& f : best->result.failures) msg += "\n  at " + f;
      std::string body = entries[best->id].dump(2);
      if (body.size() > 4000) body = body.substr(0, 4000) + "\n...";
      msg += "\n" + body;
    }
    throw AssertionError(msg);
  }

  void has_entry(const char* section_name, std::string_view logical_id, const Match& m) {
    const Json& entries = section(section_name);
    std::vector<Candidate> cs;
    for (const auto& [id, e] : entries.items()) {
      if (logical_id != "*" && id != logical_id) continue;
      Candidate c{id, {}};
      detail::match(m, &e, "", true, resolver(), c.result);
      if (c.result.ok()) return;
      cs.push_back(std::move(c));
    }
    if (cs.empty())
      throw AssertionError(fmt::format("Template has no {} entry {}", section_name,
                                       logical_id == "*" ? std::string("at all") : std::string(logical_id)));
    report(fmt::format("{} {} entr(ies) named {}", cs.size(), section_name, logical_id), cs, entries);
  }
};

Template::Template(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

Template Template::from_stack(Stack& stack) {
  auto* app = dynamic_cast<App*>(&stack.node().root());
  if (app == nullptr) throw AssertionError("the stack is not part of a cdk::App");
  auto assembly = cdk::detail::synthesize(*app, {});
  auto impl = std::make_unique<Impl>();
  for (auto& a : assembly.stacks)
    if (a.stack == &stack) impl->json = std::move(a.template_json);
  impl->stack = &stack;
  for (Construct* c : stack.node().find_all())
    if (auto* e = dynamic_cast<CfnElement*>(c)) impl->ids.emplace(e, e->logical_id());
  return Template(std::move(impl));
}

Template Template::from_json(std::string_view json) {
  auto impl = std::make_unique<Impl>();
  impl->json = Json::parse(json, nullptr, false);
  if (impl->json.is_discarded() || !impl->json.is_object()) throw AssertionError("template is not a JSON object");
  return Template(std::move(impl));
}

void Template::resource_count_is(std::string_view type, std::size_t count) const {
  std::size_t n = 0;
  for (const auto& [id, r] : impl_->section("Resources").items()) n += r.value("Type", std::string()) == type;
  if (n != count)
    throw AssertionError(fmt::format("Expected {} resource(s) of type {} but found {}", count, type, n));
}

void Template::resource_properties_count_is(std::string_view type, const Match& properties, std::size_t count) const {
  auto cs = impl_->candidates(type, properties, true);
  std::size_t n = 0;
  for (const auto& c : cs) n += c.result.ok();
  if (n != count)
    throw AssertionError(
        fmt::format("Expected {} resource(s) of type {} matching the properties but found {}", count, type, n));
}

void Template::has_resource_properties(std::string_view type, const Match& properties) const {
  auto cs = impl_->candidates(type, properties, true);
  for (const auto& c : cs)
    if (c.result.ok()) return;
  impl_->report(fmt::format("{} resource(s) with type {}", cs.size(), type), cs, impl_->section("Resources"));
}

void Template::has_resource(std::string_view type, const Match& resource) const {
  auto cs = impl_->candidates(type, resource, false);
  for (const auto& c : cs)
    if (c.result.ok()) return;
  impl_->report(fmt::format("{} resource(s) with type {}", cs.size(), type), cs, impl_->section("Resources"));
}

void Template::all_resources_properties(std::string_view type, const Match& properties) const {
  auto cs = impl_->candidates(type, properties, true);
  if (cs.empty()) throw AssertionError(fmt::format("Template has no resource of type {}", type));
  std::vector<Impl::Candidate> failing;
  for (auto& c : cs)
    if (!c.result.ok()) failing.push_back(std::move(c));
  if (!failing.empty())
    impl_->report(fmt::format("{} resource(s) with type {} that must all match; {} do not", cs.size(), type,
                              failing.size()),
                  failing, impl_->section("Resources"));
}

void Template::has_output(std::string_view logical_id, const Match& output) const {
  impl_->has_entry("Outputs", logical_id, output);
}
void Template::has_parameter(std::string_view logical_id, const Match& parameter) const {
  impl_->has_entry("Parameters", logical_id, parameter);
}
void Template::has_mapping(std::string_view logical_id, const Match& mapping) const {
  impl_->has_entry("Mappings", logical_id, mapping);
}
void Template::has_condition(std::string_view logical_id, const Match& condition) const {
  impl_->has_entry("Conditions", logical_id, condition);
}

std::vector<std::string> Template::find_resources(std::string_view type, const Match& properties) const {
  std::vector<std::string> out;
  for (const auto& c : impl_->candidates(type, properties, true))
    if (c.result.ok()) out.push_back(c.id);
  return out;
}

std::vector<std::string> Template::find_outputs(const Match& output) const {
  std::vector<std::string> out;
  for (const auto& [id, o] : impl_->section("Outputs").items()) {
    detail::MatchResult r;
    detail::match(output, &o, "", true, impl_->resolver(), r);
    if (r.ok()) out.push_back(id);
  }
  return out;
}

std::string Template::logical_id(const CfnElement& element) const {
  auto it = impl_->ids.find(&element);
  if (it == impl_->ids.end()) throw AssertionError(fmt::format("{} is not in this template", element.node().path()));
  return it->second;
}

std::string Template::at(std::string_view json_pointer) const {
  Json::json_pointer ptr{std::string(json_pointer)};
  if (!impl_->json.contains(ptr)) throw AssertionError(fmt::format("template has nothing at {}", json_pointer));
  return impl_->json.at(ptr).dump();
}

std::string Template::to_json() const { return impl_->json.dump(1) + "\n"; }

}  // namespace cdk::assertions
