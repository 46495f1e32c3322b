#include "security/suppression_metadata.hpp"

#include "security/other_tools.hpp"
#include "security/rules.hpp"

#include <cdk/construct.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace cdk::detail::security {

namespace {

struct Suppression {
  std::string id;       // cdkpp's or another tool's
  std::string finding;  // a cdk-nag finding the suppression is narrowed to, or empty
  std::string reason;
};

// "id[finding]: reason" or "id: reason", as security::suppress stores them.
Suppression parse(const std::string& data) {
  const auto colon = data.find(": ");
  std::string id = data.substr(0, colon);
  std::string finding;
  if (const auto open = id.find('['); open != std::string::npos && id.back() == ']') {
    finding = id.substr(open + 1, id.size() - open - 2);
    id.resize(open);
  }
  return {std::move(id), std::move(finding), data.substr(colon + 2)};
}

// Nearest first; a suppression made again higher up adds nothing.
std::vector<Suppression> covering(const Construct& resource) {
  std::vector<Suppression> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const Construct* c = &resource; c != nullptr; c = c->node().scope())
    for (const auto& m : c->node().metadata()) {
      if (m.type != kSuppressionType) continue;
      auto s = parse(m.data);
      if (seen.emplace(s.id, s.finding).second) out.push_back(std::move(s));
    }
  return out;
}

std::vector<std::string> words(std::string_view list) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < list.size();) {
    const auto end = std::min(list.find(' ', at), list.size());
    if (end > at) out.emplace_back(list.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// cdk-nag's IAM5 findings for the wildcard actions the resource allows.
void wildcard_actions(const Json& node, std::vector<std::string>& out) {
  if (node.is_array()) {
    for (const auto& item : node) wildcard_actions(item, out);
    return;
  }
  if (!node.is_object()) return;
  if (auto s = node.find("Statement"); s != node.end()) {
    const Json statements = s->is_array() ? *s : Json::array({*s});
    for (const auto& st : statements) {
      if (!st.is_object() || st.value("Effect", "") != "Allow" || !st.contains("Action")) continue;
      const auto& a = st["Action"];
      for (const auto& action : a.is_array() ? a : Json::array({a}))
        if (action.is_string() && action.get_ref<const std::string&>().find('*') != std::string::npos)
          out.push_back("Action::" + action.get<std::string>());
    }
  }
  for (const auto& [key, value] : node.items())
    if (key != "Statement") wildcard_actions(value, out);
}

struct Explanation {
  std::vector<std::string> actions;
  std::string reason;
};

// "a b c: reason", as security::explain_wildcard_resources stores it.
Explanation parse_explanation(const std::string& data) {
  const auto colon = data.find(": ");
  return {words(std::string_view(data).substr(0, colon)), data.substr(colon + 2)};
}

std::vector<Explanation> explanations(const Construct& resource) {
  std::vector<Explanation> out;
  for (const Construct* c = &resource; c != nullptr; c = c->node().scope())
    for (const auto& m : c->node().metadata())
      if (m.type == kWildcardResourcesType) out.push_back(parse_explanation(m.data));
  return out;
}

bool allows_any(const Json& statement, const std::vector<std::string>& actions) {
  if (!statement.is_object() || statement.value("Effect", "") != "Allow" || !statement.contains("Action")) return false;
  const auto& a = statement["Action"];
  for (const auto& action : a.is_array() ? a : Json::array({a}))
    if (action.is_string() && std::find(actions.begin(), actions.end(), action.get<std::string>()) != actions.end())
      return true;
  return false;
}

// cdk-nag's IAM5 findings ("Resource::...") for the wildcard resources of the
// statements that allow any of `actions`, anywhere in `node` (a policy's
// document, a role's inline policies).
void wildcard_resources(const Json& node, const std::vector<std::string>& actions, std::vector<std::string>& out) {
  if (node.is_array()) {
    for (const auto& item : node) wildcard_resources(item, actions, out);
    return;
  }
  if (!node.is_object()) return;
  if (auto s = node.find("Statement"); s != node.end()) {
    for (const auto& st : s->is_array() ? *s : Json::array({*s})) {
      if (!allows_any(st, actions) || !st.contains("Resource")) continue;
      const auto& r = st["Resource"];
      for (const auto& resource : r.is_array() ? r : Json::array({r}))
        if (auto flat = nag_form(resource); flat.find('*') != std::string::npos) out.push_back("Resource::" + flat);
    }
  }
  for (const auto& [key, value] : node.items())
    if (key != "Statement") wildcard_resources(value, actions, out);
}

class Sections {
 public:
  void add(Tool tool, const std::string& id, const std::string& reason, std::vector<std::string> applies_to = {}) {
    // Two cdkpp rules may be one rule of another tool (SG-WORLD-ADMIN and -ALL: EC23).
    if (!seen_.emplace(static_cast<int>(tool), id, applies_to).second) return;
    switch (tool) {
      case Tool::CdkNag: {
        Json e = {{"id", id}, {"reason", reason}};
        if (!applies_to.empty()) e["applies_to"] = std::move(applies_to);
        cdk_nag_.push_back(std::move(e));
        break;
      }
      case Tool::CfnNag: cfn_nag_.push_back({{"id", id}, {"reason", reason}}); break;
      case Tool::Checkov: checkov_.push_back({{"id", id}, {"comment", reason}}); break;
      case Tool::Guard: guard_.push_back(id); break;
    }
  }
  void write(Json& entry) && {
    append(entry, "cdk_nag", "rules_to_suppress", std::move(cdk_nag_));
    append(entry, "cfn_nag", "rules_to_suppress", std::move(cfn_nag_));
    append(entry, "checkov", "skip", std::move(checkov_));
    append(entry, "guard", "SuppressedRules", std::move(guard_));
  }

 private:
  // Beside what the resource's own metadata (add_metadata) already says.
  static void append(Json& entry, const char* tool, const char* list, Json items) {
    if (items.empty()) return;
    Json& section = entry["Metadata"][tool];
    if (!section.is_object()) section = Json::object();
    Json& existing = section[list];
    if (!existing.is_array()) existing = Json::array();
    for (auto& item : items) existing.push_back(std::move(item));
  }
  std::set<std::tuple<int, std::string, std::vector<std::string>>> seen_;
  Json cdk_nag_ = Json::array(), cfn_nag_ = Json::array(), checkov_ = Json::array(), guard_ = Json::array();
};

void add_equivalents(Sections& out, const Suppression& s, const Json& entry) {
  const auto type = entry.find("Type");
  if (type == entry.end() || !type->is_string()) return;
  // IAM-WILDCARD-ACTION speaks for the resource's own wildcard actions only:
  // cdk-nag's IAM5 is narrowed to them, and a resource without any gets nothing.
  std::vector<std::string> applies_to;
  if (s.id == "IAM-WILDCARD-ACTION") {
    if (auto p = entry.find("Properties"); p != entry.end()) wildcard_actions(*p, applies_to);
    if (applies_to.empty()) return;
  }
  for (const Equivalents* eq : equivalents(s.id, type->get<std::string>())) {
    for (const auto& id : words(eq->cdk_nag)) out.add(Tool::CdkNag, id, s.reason, applies_to);
    for (const auto& id : words(eq->cfn_nag)) out.add(Tool::CfnNag, id, s.reason);
    for (const auto& id : words(eq->checkov)) out.add(Tool::Checkov, id, s.reason);
    for (const auto& id : words(eq->guard)) out.add(Tool::Guard, id, s.reason);
  }
}

// One IAM5 entry per wildcard resource, with the reasons of every explanation
// that covers it (a role may need "*" for ECR and for ECS alike).
void add_explanations(Sections& out, const Construct& resource, const Json& entry) {
  const auto p = entry.find("Properties");
  if (p == entry.end()) return;
  std::vector<std::pair<std::string, std::string>> findings;  // finding, reasons
  for (const auto& e : explanations(resource)) {
    std::vector<std::string> found;
    wildcard_resources(*p, e.actions, found);
    for (const auto& finding : found) {
      auto it = std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.first == finding; });
      if (it == findings.end()) findings.emplace_back(finding, e.reason);
      else if (it->second.find(e.reason) == std::string::npos) it->second += "; " + e.reason;
    }
  }
  for (auto& [finding, reason] : findings) out.add(Tool::CdkNag, "AwsSolutions-IAM5", reason, {finding});
}

}  // namespace

void write_suppressions(const Construct& resource, Json& entry) {
  Sections sections;
  for (const auto& s : covering(resource)) {
    if (find_rule(s.id) != nullptr) {
      add_equivalents(sections, s, entry);
    } else if (auto tool = tool_of(s.id)) {
      sections.add(*tool, s.id, s.reason, s.finding.empty() ? std::vector<std::string>{} : std::vector{s.finding});
    }
  }
  add_explanations(sections, resource, entry);
  std::move(sections).write(entry);
}

}  // namespace cdk::detail::security
