#include "assertions/matcher.hpp"

#include <fmt/format.h>

#include <regex>

namespace cdk::assertions {

using detail::Matcher;

namespace {
std::shared_ptr<Matcher> make(Matcher::Kind kind) {
  auto m = std::make_shared<Matcher>();
  m->kind = kind;
  return m;
}
}  // namespace

Match::Match(Value literal) : impl_([&] {
  auto m = make(Matcher::Kind::Literal);
  m->literal = std::move(literal);
  return m;
}()) {}

Match Match::object_like(std::vector<Field> fields) {
  auto m = make(Matcher::Kind::Object);
  m->fields = std::move(fields);
  m->partial = true;
  return Match(std::move(m));
}
Match Match::object_equals(std::vector<Field> fields) {
  auto m = make(Matcher::Kind::Object);
  m->fields = std::move(fields);
  return Match(std::move(m));
}
Match Match::array_with(std::vector<Match> items) {
  auto m = make(Matcher::Kind::Array);
  m->items = std::move(items);
  m->partial = true;
  return Match(std::move(m));
}
Match Match::array_equals(std::vector<Match> items) {
  auto m = make(Matcher::Kind::Array);
  m->items = std::move(items);
  return Match(std::move(m));
}
Match Match::exact(Value value) {
  auto m = make(Matcher::Kind::Exact);
  m->literal = std::move(value);
  return Match(std::move(m));
}
Match Match::absent() { return Match(make(Matcher::Kind::Absent)); }
Match Match::any_value() { return Match(make(Matcher::Kind::Any)); }
Match Match::string_like_regexp(std::string pattern) {
  auto m = make(Matcher::Kind::Regexp);
  m->regexp = std::move(pattern);
  return Match(std::move(m));
}
Match Match::not_(Match inner) {
  auto m = make(Matcher::Kind::Not);
  m->inner.push_back(std::move(inner));
  return Match(std::move(m));
}

namespace detail {

namespace {
std::string show(const Json* j) {
  if (j == nullptr) return "nothing";
  std::string s = j->dump();
  if (s.size() > 200) s = s.substr(0, 197) + "...";
  return s;
}

void fail(MatchResult& r, const std::string& path, std::string what) {
  r.failures.push_back(fmt::format("{}: {}", path.empty() ? "/" : path, std::move(what)));
}

bool scalar_equal(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

// A pattern given as JSON (from a literal value).
void match_json(const Json& pattern, const Json* actual, const std::string& path, bool partial, MatchResult& r) {
  if (actual == nullptr) {
    fail(r, path, fmt::format("expected {}, got nothing", show(&pattern)));
    return;
  }
  if (pattern.is_object()) {
    if (!actual->is_object()) {
      fail(r, path, fmt::format("expected an object, got {}", show(actual)));
      return;
    }
    for (const auto& [k, v] : pattern.items()) {
      auto it = actual->find(k);
      match_json(v, it == actual->end() ? nullptr : &*it, path + "/" + k, partial, r);
    }
    if (!partial)
      for (const auto& [k, v] : actual->items())
        if (!pattern.contains(k)) fail(r, path + "/" + k, fmt::format("unexpected key with {}", show(&v)));
    return;
  }
  if (pattern.is_array()) {
    if (!actual->is_array()) {
      fail(r, path, fmt::format("expected an array, got {}", show(actual)));
      return;
    }
    if (pattern.size() != actual->size()) {
      fail(r, path, fmt::format("expected {} element(s), got {}: {}", pattern.size(), actual->size(), show(actual)));
      return;
    }
    for (std::size_t i = 0; i < pattern.size(); ++i)
      match_json(pattern[i], &(*actual)[i], fmt::format("{}/{}", path, i), partial, r);
    return;
  }
  if (!scalar_equal(pattern, *actual)) fail(r, path, fmt::format("expected {}, got {}", show(&pattern), show(actual)));
}
}  // namespace

void match(const Match& m, const Json* actual, const std::string& path, bool partial_objects,
           const ValueResolver& resolve, MatchResult& r) {
  const Matcher& p = m.matcher();
  switch (p.kind) {
    case Matcher::Kind::Literal: match_json(resolve(p.literal), actual, path, partial_objects, r); return;
    case Matcher::Kind::Exact: match_json(resolve(p.literal), actual, path, false, r); return;
    case Matcher::Kind::Absent:
      if (actual != nullptr) fail(r, path, fmt::format("expected nothing, got {}", show(actual)));
      return;
    case Matcher::Kind::Any:
      if (actual == nullptr) fail(r, path, "expected a value, got nothing");
      return;
    case Matcher::Kind::Regexp:
      if (actual == nullptr || !actual->is_string() ||
          !std::regex_search(actual->get<std::string>(), std::regex(p.regexp)))
        fail(r, path, fmt::format("expected a string like /{}/, got {}", p.regexp, show(actual)));
      return;
    case Matcher::Kind::Not: {
      MatchResult inner;
      match(p.inner.front(), actual, path, partial_objects, resolve, inner);
      if (inner.ok()) fail(r, path, fmt::format("expected no match, got {}", show(actual)));
      return;
    }
    case Matcher::Kind::Object: {
      if (actual == nullptr || !actual->is_object()) {
        fail(r, path, fmt::format("expected an object, got {}", show(actual)));
        return;
      }
      for (const auto& [k, v] : p.fields) {
        auto it = actual->find(k);
        match(v, it == actual->end() ? nullptr : &*it, path + "/" + k, p.partial, resolve, r);
      }
      if (!p.partial)
        for (const auto& [k, v] : actual->items()) {
          bool listed = false;
          for (const auto& f : p.fields) listed = listed || f.first == k;
          if (!listed) fail(r, path + "/" + k, fmt::format("unexpected key with {}", show(&v)));
        }
      return;
    }
    case Matcher::Kind::Array: {
      if (actual == nullptr || !actual->is_array()) {
        fail(r, path, fmt::format("expected an array, got {}", show(actual)));
        return;
      }
      if (!p.partial) {
        if (p.items.size() != actual->size()) {
          fail(r, path, fmt::format("expected {} element(s), got {}", p.items.size(), actual->size()));
          return;
        }
        for (std::size_t i = 0; i < p.items.size(); ++i)
          match(p.items[i], &(*actual)[i], fmt::format("{}/{}", path, i), partial_objects, resolve, r);
        return;
      }
      // array_with: the patterns match elements in order, others may sit between.
      std::size_t next = 0;
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        bool found = false;
        while (next < actual->size() && !found) {
          MatchResult attempt;
          match(p.items[i], &(*actual)[next], path, partial_objects, resolve, attempt);
          found = attempt.ok();
          ++next;
        }
        if (!found) {
          fail(r, path, fmt::format("no element (in order) matches pattern {} of array_with; array is {}", i,
                                    show(actual)));
          return;
        }
      }
      return;
    }
  }
}

}  // namespace detail
}  // namespace cdk::assertions
