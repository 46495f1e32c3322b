#include <cdk/fn.hpp>
#include <algorithm>
#include <cdk/iam/principal.hpp>

namespace cdk::iam {

Value Principal::policy_fragment() const {
  // One entry per kind, in first-seen order; a kind with several ids gets a list.
  std::vector<std::pair<std::string, Value::List>> grouped;
  for (const auto& [kind, id] : entries_) {
    auto it = std::find_if(grouped.begin(), grouped.end(), [&](const auto& g) { return g.first == kind; });
    if (it == grouped.end()) {
      grouped.emplace_back(kind, Value::List{id});
    } else if (std::find(it->second.begin(), it->second.end(), id) == it->second.end()) {
      it->second.push_back(id);
    }
  }
  Value::Map out;
  for (auto& [kind, ids] : grouped) out.emplace_back(kind, ids.size() == 1 ? ids.front() : Value(std::move(ids)));
  return Value(std::move(out));
}

AccountPrincipal::AccountPrincipal(Value account_id)
    : Principal("AWS", Value("arn:") + Aws::partition() + Value(":iam::") + account_id + Value(":root")) {}

AccountRootPrincipal::AccountRootPrincipal() : AccountPrincipal(Aws::account_id()) {}

CompositePrincipal::CompositePrincipal(const std::vector<Principal>& principals) {
  for (const auto& p : principals)
    for (const auto& e : p.entries()) entries_.push_back(e);
}

}  // namespace cdk::iam
