#pragma once
// JSON text of a Value, as aws-cdk-lib's Stack.toJsonString writes it
// (compact, keys in order): a string Value when everything is literal, else an
// Fn::Join "" whose parts put each token inside quotes. For target inputs.
#include <cdk/value.hpp>

#include <optional>
#include <string>

namespace cdk::events::detail {

Value json_text(const Value& value);

/// The length of the text when it holds no token.
std::optional<std::size_t> literal_length(const Value& text);

}  // namespace cdk::events::detail
