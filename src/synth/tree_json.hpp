#pragma once
// tree.json: every construct of the app with its id, path, CloudFormation
// type and logical id, and the C++ class that made it. Internal.
#include "synth/resolve.hpp"

#include <iosfwd>
#include <string>

namespace cdk {
class App;
}

namespace cdk::detail {

/// Writes tree.json's text to `out` as the tree is walked, as Json::dump(1)
/// would write it, with a trailing newline.
void write_tree_json(std::ostream& out, const App& app, const LogicalIds& ids);

/// The same text, whole.
std::string tree_json_text(const App& app, const LogicalIds& ids);

}  // namespace cdk::detail
