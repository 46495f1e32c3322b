#pragma once
// JSON to text for the files synthesis writes (templates, manifest.json,
// tree.json). The output is byte for byte that of Json::dump(indent) with
// nlohmann's defaults (UTF-8 kept as is, invalid UTF-8 an error), at a
// fraction of its cost: runs of characters that need no escape are copied
// whole instead of one by one. Tested against Json::dump.
#include "synth/resolve.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cdk::detail {

// Appends `s` as a quoted, escaped JSON string.
void append_json_string(std::string& out, std::string_view s);

// Appends `indent` spaces, `key` quoted and escaped, and ": ": the start of
// an object member as Json::dump writes it.
void append_member_key(std::string& out, std::size_t indent, std::string_view key);

// Appends `j` as Json::dump(indent) writes it, nested `level` indents deep
// (what follows a newline inside it is indented by level * indent + indent).
void append_json(std::string& out, const Json& j, int indent, int level = 0);

}  // namespace cdk::detail
