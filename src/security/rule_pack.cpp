#include "security/rule_pack.hpp"

#include "security/rules.hpp"
#include "security/suppression_metadata.hpp"

namespace cdk::detail::security {

namespace {

class RulePack final : public ValidationPlugin {
 public:
  [[nodiscard]] std::string_view name() const override { return "cdkpp-security"; }
  [[nodiscard]] std::vector<Diagnostic> validate(const StackUnderValidation& s) const override {
    return check_stack(s.stack, s.view, s.constructs);
  }
  void annotate(const Construct& resource, Json& entry) const override { write_suppressions(resource, entry); }
};

}  // namespace

const ValidationPlugin& rule_pack_plugin() {
  static const RulePack pack;
  return pack;
}

}  // namespace cdk::detail::security
