#pragma once
// tree.json: every construct of the app with its id, path, CloudFormation
// type and logical id, and the C++ class that made it. Internal.
#include "synth/resolve.hpp"

#include <string>

namespace cdk {
class App;
}

namespace cdk::detail {

/// tree.json's text, as Json::dump(1) would write it, with a trailing newline.
std::string tree_json_text(const App& app, const LogicalIds& ids);

}  // namespace cdk::detail
