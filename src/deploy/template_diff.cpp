#include "deploy/template_diff.hpp"

#include <fmt/format.h>

#include <ostream>
#include <set>

namespace cdk::deploy {
namespace {

constexpr size_t max_value_width = 100;

std::string short_value(const nlohmann::json& v) {
  std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (text.size() > max_value_width) text = text.substr(0, max_value_width - 3) + "...";
  return text;
}

/// Appends one line per leaf that differs, naming its path (.Properties.Tags[0].Value).
void diff_values(const nlohmann::json& a, const nlohmann::json& b, const std::string& path,
                 std::vector<std::string>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, _] : a.items()) keys.insert(k);
    for (const auto& [k, _] : b.items()) keys.insert(k);
    for (const auto& k : keys) {
      std::string sub = path + "." + k;
      if (!a.contains(k)) {
        out.push_back(fmt::format("[+] {}: {}", sub, short_value(b[k])));
      } else if (!b.contains(k)) {
        out.push_back(fmt::format("[-] {}: {}", sub, short_value(a[k])));
      } else {
        diff_values(a[k], b[k], sub, out);
      }
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) diff_values(a[i], b[i], fmt::format("{}[{}]", path, i), out);
    return;
  }
  out.push_back(fmt::format("[~] {}: {} -> {}", path.empty() ? "." : path, short_value(a), short_value(b)));
}

/// The strongest replacement among the changed top-level properties, and which force it.
void judge_replacement(const nlohmann::json& a, const nlohmann::json& b, TemplateChange& c) {
  if (a.value("Type", "") != b.value("Type", "")) {
    c.replacement = l1::Replacement::Always;
    c.replacing = {"Type"};
    return;
  }
  static const nlohmann::json none = nlohmann::json::object();
  const auto& pa = a.contains("Properties") ? a["Properties"] : none;
  const auto& pb = b.contains("Properties") ? b["Properties"] : none;
  std::set<std::string> keys;
  for (const auto& [k, _] : pa.items()) keys.insert(k);
  for (const auto& [k, _] : pb.items()) keys.insert(k);
  for (const auto& k : keys) {
    if (pa.value(k, nlohmann::json()) == pb.value(k, nlohmann::json())) continue;
    const l1::Replacement r = l1::replacement_of(c.type, k);
    if (r == l1::Replacement::Never) continue;
    if (r > c.replacement) c.replacing.clear();
    if (r >= c.replacement) {
      c.replacement = r;
      c.replacing.push_back(k);
    }
  }
}

const char* replacement_word(l1::Replacement r) {
  return r == l1::Replacement::Always ? "replace" : "may replace";
}

/// " (requires replacement)" on a detail line of a property that forces one.
std::string replacement_note(const TemplateChange& c, std::string_view detail) {
  constexpr std::string_view prefix = ".Properties.";
  const auto at = detail.find(prefix);
  if (at == std::string_view::npos || at > 4) return "";  // "[~] .Properties.Name..."
  const std::string_view rest = detail.substr(at + prefix.size());
  const std::string_view name = rest.substr(0, rest.find_first_of(".[:"));
  for (const auto& p : c.replacing)
    if (p == name)
      return c.replacement == l1::Replacement::Always ? " (requires replacement)" : " (may cause replacement)";
  return "";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

const nlohmann::json& section_of(const nlohmann::json& t, const std::string& name) {
  static const nlohmann::json empty = nlohmann::json::object();
  if (!t.is_object()) return empty;
  auto it = t.find(name);
  return it != t.end() && it->is_object() ? *it : empty;
}

}  // namespace

bool is_security_type(std::string_view type) {
  static const std::set<std::string_view> types = {
      "AWS::IAM::Role",         "AWS::IAM::Policy",          "AWS::IAM::ManagedPolicy",
      "AWS::IAM::User",         "AWS::IAM::Group",           "AWS::IAM::InstanceProfile",
      "AWS::IAM::RolePolicy",   "AWS::IAM::UserPolicy",      "AWS::IAM::GroupPolicy",
      "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
      "AWS::Lambda::Permission", "AWS::S3::BucketPolicy",     "AWS::SQS::QueuePolicy",
      "AWS::SNS::TopicPolicy",  "AWS::KMS::Key",             "AWS::SecretsManager::ResourcePolicy",
      "AWS::ECR::Repository",   "AWS::Logs::ResourcePolicy"};
  return types.count(type) > 0;
}

std::vector<const TemplateChange*> TemplateDiff::security_changes() const {
  std::vector<const TemplateChange*> out;
  for (const auto& c : changes) {
    if (c.section == "Resources" && c.kind != TemplateChange::Kind::Removed && is_security_type(c.type)) {
      out.push_back(&c);
    }
  }
  return out;
}

std::vector<const TemplateChange*> TemplateDiff::replacements() const {
  std::vector<const TemplateChange*> out;
  for (const auto& c : changes)
    if (c.replaces()) out.push_back(&c);
  return out;
}

TemplateDiff diff_templates(const nlohmann::json& old_template, const nlohmann::json& new_template) {
  TemplateDiff diff;
  // Fixed section order, the order CloudFormation documents them in.
  static const char* sections[] = {"Parameters", "Mappings", "Conditions", "Rules", "Resources", "Outputs"};
  for (const char* name : sections) {
    const auto& a = section_of(old_template, name);
    const auto& b = section_of(new_template, name);
    std::set<std::string> ids;
    for (const auto& [k, _] : a.items()) ids.insert(k);
    for (const auto& [k, _] : b.items()) ids.insert(k);
    for (const auto& id : ids) {
      TemplateChange c;
      c.section = name;
      c.logical_id = id;
      const nlohmann::json& any = b.contains(id) ? b[id] : a[id];
      if (any.is_object()) c.type = any.value("Type", "");
      if (!a.contains(id)) {
        c.kind = TemplateChange::Kind::Added;
      } else if (!b.contains(id)) {
        c.kind = TemplateChange::Kind::Removed;
      } else if (a[id] != b[id]) {
        c.kind = TemplateChange::Kind::Modified;
        const bool resources = c.section == "Resources" && a[id].is_object() && b[id].is_object();
        if (resources) judge_replacement(a[id], b[id], c);
        if (resources && a[id].value("Type", "") != b[id].value("Type", "")) {
          c.details.push_back(fmt::format("[~] .Type: {} -> {} (replacement)", a[id].value("Type", ""),
                                          b[id].value("Type", "")));
        } else {
          diff_values(a[id], b[id], "", c.details);
        }
      } else {
        continue;
      }
      diff.changes.push_back(std::move(c));
    }
  }
  // Description, Transform, AWSTemplateFormatVersion and Metadata at the top level.
  for (const char* key : {"AWSTemplateFormatVersion", "Description", "Transform", "Metadata"}) {
    nlohmann::json a = old_template.is_object() && old_template.contains(key) ? old_template[key] : nlohmann::json();
    nlohmann::json b = new_template.is_object() && new_template.contains(key) ? new_template[key] : nlohmann::json();
    if (a == b) continue;
    TemplateChange c;
    c.section = key;
    c.kind = a.is_null() ? TemplateChange::Kind::Added
             : b.is_null() ? TemplateChange::Kind::Removed
                           : TemplateChange::Kind::Modified;
    if (c.kind == TemplateChange::Kind::Modified) diff_values(a, b, "", c.details);
    diff.changes.push_back(std::move(c));
  }
  return diff;
}

void print_diff(std::ostream& out, const std::string& stack, const TemplateDiff& diff) {
  out << "Stack " << stack << "\n";
  if (diff.empty()) {
    out << "There were no differences\n";
    return;
  }
  auto security = diff.security_changes();
  if (!security.empty()) {
    out << "Security changes (IAM, security groups, resource policies): review before deploying\n";
    for (const auto* c : security) out << fmt::format("  [{}] {} {}\n", c->kind == TemplateChange::Kind::Added ? '+' : '~', c->type, c->logical_id);
  }
  auto replaced = diff.replacements();
  if (!replaced.empty()) {
    out << "Replacements (a new physical resource: what the old one held is not carried over)\n";
    for (const auto* c : replaced)
      out << fmt::format("  [{}] {} {} ({})\n", replacement_word(c->replacement), c->type, c->logical_id,
                         joined(c->replacing));
  }
  std::string current;
  for (const auto& c : diff.changes) {
    if (c.section != current) {
      current = c.section;
      out << current << "\n";
    }
    char mark = c.kind == TemplateChange::Kind::Added ? '+' : c.kind == TemplateChange::Kind::Removed ? '-' : '~';
    std::string label = c.logical_id.empty() ? "" : (c.type.empty() ? c.logical_id : c.type + " " + c.logical_id);
    if (c.replaces()) label += fmt::format(" ({}: {})", replacement_word(c.replacement), joined(c.replacing));
    out << fmt::format("[{}] {}\n", mark, label);
    for (size_t i = 0; i < c.details.size(); ++i) {
      out << fmt::format(" {} {}{}\n", i + 1 == c.details.size() ? "└─" : "├─", c.details[i],
                         replacement_note(c, c.details[i]));
    }
  }
}

}  // namespace cdk::deploy
