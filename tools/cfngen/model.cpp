#include "model.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cfngen {

namespace {

struct TypeParser {
  std::string_view text;
  std::size_t pos = 0;

  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error("bad type '" + std::string(text) + "' at " + std::to_string(pos) + ": " + what);
  }
  std::string_view word() {
    std::size_t start = pos;
    while (pos < text.size() && text[pos] != '<' && text[pos] != '>' && text[pos] != ',') ++pos;
    if (start == pos) fail("expected a name");
    return text.substr(start, pos - start);
  }
  void expect(char c) {
    if (pos >= text.size() || text[pos] != c) fail("unexpected character");
    ++pos;
  }
  TypeRef parse() {
    std::string_view w = word();
    TypeRef t;
    using K = TypeRef::Kind;
    if (w == "list" || w == "map" || w == "union") {
      t.kind = w == "list" ? K::List : w == "map" ? K::Map : K::Union;
      expect('<');
      t.items.push_back(parse());
      while (t.kind == K::Union && pos < text.size() && text[pos] == ',') {
        ++pos;
        t.items.push_back(parse());
      }
      expect('>');
      return t;
    }
    if (w == "string") t.kind = K::String;
    else if (w == "integer") t.kind = K::Integer;
    else if (w == "number") t.kind = K::Number;
    else if (w == "boolean") t.kind = K::Boolean;
    else if (w == "json") t.kind = K::Json;
    else if (w == "tag") t.kind = K::Tag;
    else if (w == "date-time") t.kind = K::DateTime;
    else if (w == "null") t.kind = K::Json;
    else if (w[0] >= 'A' && w[0] <= 'Z') {
      t.kind = K::Named;
      t.name = std::string(w);
    } else {
      fail("unknown primitive");
    }
    return t;
  }
};

Property parse_property(const std::string& name, const nlohmann::json& j) {
  Property p;
  p.name = name;
  p.type = TypeRef::parse(j.at("type").get<std::string>());
  p.required = j.value("required", false);
  p.replaces = j.value("replaces", "");
  if (j.contains("default")) {
    const auto& d = j["default"];
    p.default_json = d.is_string() ? d.get<std::string>() : d.dump();
  }
  p.deprecated = j.value("deprecated", false);
  if (j.contains("enum")) {
    for (const auto& e : j["enum"]) p.enum_values.push_back(e.is_string() ? e.get<std::string>() : e.dump());
  }
  return p;
}

std::vector<Property> parse_properties(const nlohmann::json& j) {
  std::vector<Property> out;
  for (const auto& [name, p] : j.items()) out.push_back(parse_property(name, p));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace

TypeRef TypeRef::parse(std::string_view text) {
  TypeParser p{text};
  TypeRef t = p.parse();
  if (p.pos != text.size()) p.fail("trailing text");
  return t;
}

std::string TypeRef::to_string() const {
  switch (kind) {
    case Kind::String: return "string";
    case Kind::Integer: return "integer";
    case Kind::Number: return "number";
    case Kind::Boolean: return "boolean";
    case Kind::Json: return "json";
    case Kind::Tag: return "tag";
    case Kind::DateTime: return "date-time";
    case Kind::Named: return name;
    case Kind::List: return "list<" + items[0].to_string() + ">";
    case Kind::Map: return "map<" + items[0].to_string() + ">";
    case Kind::Union: {
      std::string s = "union<";
      for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i].to_string();
      return s + ">";
    }
  }
  return "?";
}

const PropertyType* Resource::find_type(std::string_view n) const {
  for (const auto& t : types)
    if (t.name == n) return &t;
  return nullptr;
}
PropertyType* Resource::find_type(std::string_view n) {
  for (auto& t : types)
    if (t.name == n) return &t;
  return nullptr;
}

Resource* Spec::find_resource(std::string_view cfn_type) {
  for (auto& s : services)
    for (auto& r : s.resources)
      if (r.cfn_type == cfn_type) return &r;
  return nullptr;
}

Spec parse_spec(std::string_view json_text) {
  auto j = nlohmann::json::parse(json_text);
  Spec spec;
  spec.source = j.value("source", "");
  spec.version = j.at("version").get<std::string>();
  for (const auto& js : j.at("services")) {
    Service s;
    s.name = js.at("name").get<std::string>();
    s.short_name = js.at("shortName").get<std::string>();
    s.cfn_namespace = js.at("namespace").get<std::string>();
    for (const auto& jr : js.at("resources")) {
      Resource r;
      r.cfn_type = jr.at("type").get<std::string>();
      r.name = jr.at("name").get<std::string>();
      if (jr.contains("primaryIdentifier")) r.primary_identifier = jr["primaryIdentifier"].get<std::vector<std::string>>();
      if (jr.contains("tagging")) {
        r.tagging = Tagging{jr["tagging"].at("property").get<std::string>(), jr["tagging"].at("variant").get<std::string>()};
      }
      r.properties = parse_properties(jr.at("properties"));
      for (const auto& [name, t] : jr.at("attributes").items()) r.attributes.push_back({name, TypeRef::parse(t.get<std::string>())});
      std::sort(r.attributes.begin(), r.attributes.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
      for (const auto& [name, props] : jr.at("types").items()) {
        r.types.push_back({name, parse_properties(props)});
      }
      std::sort(r.types.begin(), r.types.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
      s.resources.push_back(std::move(r));
    }
    std::sort(s.resources.begin(), s.resources.end(), [](const auto& a, const auto& b) { return a.cfn_type < b.cfn_type; });
    spec.services.push_back(std::move(s));
  }
  return spec;
}

std::string read_file(const std::string& path) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot open " + path);
    std::string out;
    char buf[1 << 16];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    bool bad = n < 0;
    gzclose(f);
    if (bad) throw std::runtime_error("cannot gunzip " + path);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Patch> parse_patches(std::string_view json_text) {
  auto j = nlohmann::json::parse(json_text);
  std::vector<Patch> out;
  for (const auto& jp : j.at("patches")) {
    Patch p;
    p.name = jp.at("name").get<std::string>();
    p.reason = jp.at("reason").get<std::string>();
    p.resource = jp.at("resource").get<std::string>();
    p.property_type = jp.value("propertyType", "");
    p.property = jp.at("property").get<std::string>();
    if (jp.contains("type")) p.set_type = jp["type"].get<std::string>();
    if (jp.contains("required")) p.set_required = jp["required"].get<bool>();
    p.remove = jp.value("remove", false);
    out.push_back(std::move(p));
  }
  return out;
}

void apply_patches(Spec& spec, const std::vector<Patch>& patches) {
  for (const auto& p : patches) {
    auto fail = [&](const std::string& what) {
      throw std::runtime_error("patch " + p.name + ": " + what + " (delete the patch if upstream fixed it)");
    };
    Resource* r = spec.find_resource(p.resource);
    if (!r) fail("no resource type " + p.resource);
    std::vector<Property>* props = &r->properties;
    if (!p.property_type.empty()) {
      PropertyType* t = r->find_type(p.property_type);
      if (!t) fail("no property type " + p.property_type);
      props = &t->properties;
    }
    auto it = std::find_if(props->begin(), props->end(), [&](const auto& x) { return x.name == p.property; });
    if (it == props->end()) fail("no property " + p.property);
    if (p.remove) {
      props->erase(it);
      continue;
    }
    if (p.set_type) {
      TypeRef t = TypeRef::parse(*p.set_type);
      if (t == it->type) fail("property already has type " + *p.set_type);
      it->type = t;
    }
    if (p.set_required) {
      if (*p.set_required == it->required) fail("required is already " + std::string(it->required ? "true" : "false"));
      it->required = *p.set_required;
    }
  }
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ";") {
    if (c == ';' || c == ',' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

}  // namespace cfngen
