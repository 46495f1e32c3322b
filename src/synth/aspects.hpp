#pragma once
// Aspects: visited over the whole tree before synthesis. Internal.
namespace cdk {
class App;
}

namespace cdk::detail {

/// Applies every aspect to the construct it was added to and everything below,
/// once each, including children that an aspect adds while it runs.
void invoke_aspects(App& app);

}  // namespace cdk::detail
