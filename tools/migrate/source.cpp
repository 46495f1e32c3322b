#include "source.hpp"

#include "code.hpp"
#include "core/template_text.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace migrate {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxLogicalId = 255;

struct SectionName {
  const char* key;
  Kind kind;
  const char* word;
};
constexpr SectionName kSections[] = {
    {"Parameters", Kind::Parameter, "parameter"}, {"Mappings", Kind::Mapping, "mapping"},
    {"Conditions", Kind::Condition, "condition"}, {"Rules", Kind::Rule, "rule"},
    {"Resources", Kind::Resource, "resource"},    {"Outputs", Kind::Output, "output"}};
// Top-level keys besides the sections; Metadata is reported as dropped.
const std::set<std::string> kOtherKeys = {"AWSTemplateFormatVersion", "Description", "Metadata"};

bool alphanumeric(std::string_view id) {
  if (id.empty() || id.size() > kMaxLogicalId) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

/// AWS::Service::Resource, or Custom::Name: what cdk::CfnResource accepts.
bool valid_type(std::string_view type) {
  if (type.starts_with("Custom::")) return type.size() > 8;
  int parts = 1;
  for (std::size_t i = 0; i + 1 < type.size(); ++i)
    if (type[i] == ':' && type[i + 1] == ':') {
      ++parts;
      ++i;
    }
  return parts == 3 && type.front() != ':' && type.back() != ':';
}

std::string text_of(const json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

void check_top_level(const Source& s) {
  if (!s.tpl.is_object()) s.refuse("is not a template (not a JSON or YAML object)");
  if (s.tpl.contains("Transform"))
    s.refuse("uses a Transform (" + text_of(s.tpl["Transform"]) +
             "), which migrate cannot honour: migrate the processed template (the stack's template after the transform)");
  for (const auto& [key, _] : s.tpl.items()) {
    bool known = kOtherKeys.count(key) != 0;
    for (const auto& section : kSections) known = known || key == section.key;
    if (!known) s.refuse("has a top-level key \"" + key + "\" that is not a template section");
  }
  if (!s.tpl.contains("Resources") || !s.tpl["Resources"].is_object() || s.tpl["Resources"].empty())
    s.refuse("is not a template: it has no Resources");
  if (s.tpl.contains("Description") && !s.tpl["Description"].is_string())
    s.refuse("has a Description that is not a string");
}

void check_resource(const Source& s, const std::string& id, const json& body) {
  if (!body.is_object() || !body.contains("Type") || !body["Type"].is_string())
    s.refuse("resource \"" + id + "\" has no Type");
  const std::string type = body["Type"].get<std::string>();
  if (!valid_type(type))
    s.refuse("resource \"" + id + "\" has the type \"" + type + "\", which is not a CloudFormation type name");
  if (body.contains("Properties") && !body["Properties"].is_object())
    s.refuse("resource \"" + id + "\" has Properties that are not a map");
}

void index_elements(Source& s) {
  std::set<std::string> vars = {"stack", "app", "argc", "argv", "main", "build"};
  for (const auto& section : kSections) {
    if (!s.tpl.contains(section.key)) continue;
    const json& entries = s.tpl[section.key];
    if (!entries.is_object()) s.refuse(std::string("has a ") + section.key + " section that is not a map");
    for (const auto& [id, body] : entries.items()) {
      if (!alphanumeric(id))
        s.refuse(std::string(section.word) + " \"" + id + "\": a logical id must be 1-255 letters and digits");
      if (const Element* other = s.find(id))
        s.refuse(std::string(section.word) + " \"" + id + "\" has the logical id of " + describe(*other) +
                 ": cdkpp needs logical ids unique across sections; rename one in the template first");
      if (section.kind == Kind::Resource) check_resource(s, id, body);
      Element e{id, section.kind, &body, identifier(id), id};
      const std::string base = e.var;
      for (int n = 2; !vars.insert(e.var).second; ++n) e.var = base + "_" + std::to_string(n);
      // "Default" is left out of logical ids (cdk's rule); such an element gets
      // another construct id and its logical id back by override.
      if (id == "Default") e.construct_id = id + section.word;
      s.elements.emplace(id, std::move(e));
    }
  }
}

}  // namespace

std::vector<const Element*> Source::of(Kind kind) const {
  std::vector<const Element*> out;
  for (const auto& [_, e] : elements)
    if (e.kind == kind) out.push_back(&e);
  return out;
}

const Element* Source::find(std::string_view id) const {
  auto it = elements.find(id);
  return it == elements.end() ? nullptr : &it->second;
}

void Source::refuse(const std::string& what) const { throw Refusal(name + ": " + what); }

std::string describe(const Element& e) {
  for (const auto& section : kSections)
    if (section.kind == e.kind) return std::string(section.word) + " \"" + e.id + "\"";
  return "\"" + e.id + "\"";
}

Source parse_source(std::string_view text, std::string name) {
  Source s;
  s.name = std::move(name);
  try {
    s.tpl = cdk::detail::read_template_text(text);
  } catch (const std::exception& e) {
    s.refuse(std::string("is not a template JSON or YAML can read: ") + e.what());
  }
  check_top_level(s);
  index_elements(s);
  return s;
}

Source read_source(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Refusal(path + ": cannot be read (check the path and its permissions)");
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) throw Refusal(path + ": cannot be read");
  return parse_source(text.str(), path);
}

}  // namespace migrate
