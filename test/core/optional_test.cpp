// cdk::Optional: the holder of nested property types in the L1 classes.
#include <cdk/optional.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

namespace {

/// Counts live objects, so a test sees every value made is destroyed once.
struct Counted {
  static inline int live = 0;
  std::string name;
  explicit Counted(std::string n = "x") : name(std::move(n)) { ++live; }
  Counted(const Counted& o) : name(o.name) { ++live; }
  Counted(Counted&& o) noexcept : name(std::move(o.name)) { ++live; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() { --live; }
};

struct Nested {
  std::string status;
  int days = 0;
};

TEST(Optional, IsEmptyUntilSet) {
  cdk::Optional<Nested> o;
  EXPECT_FALSE(o.has_value());
  EXPECT_FALSE(o);
  EXPECT_THROW((void)o.value(), std::bad_optional_access);
  cdk::Optional<Nested> n = std::nullopt;
  EXPECT_FALSE(n);
}

TEST(Optional, TakesAValueOrADesignatedBracedList) {
  cdk::Optional<Nested> a = Nested{.status = "Enabled"};
  cdk::Optional<Nested> b = {{.status = "Suspended", .days = 3}};
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->status, "Enabled");
  EXPECT_EQ((*b).days, 3);
  EXPECT_EQ(b.value().status, "Suspended");
}

TEST(Optional, CopiesMovesAndAssignsLikeStdOptional) {
  Counted::live = 0;
  {
    cdk::Optional<Counted> a = Counted("a");
    cdk::Optional<Counted> b = a;
    EXPECT_EQ(Counted::live, 2);
    cdk::Optional<Counted> c = std::move(b);
    EXPECT_EQ(c->name, "a");
    cdk::Optional<Counted> d;
    d = c;
    d = Counted("d");
    EXPECT_EQ(d->name, "d");
    d = std::nullopt;
    EXPECT_FALSE(d);
    a.reset();
    EXPECT_FALSE(a);
    c.emplace("e");
    EXPECT_EQ(c->name, "e");
    a = c;
    EXPECT_EQ(a->name, "e");
  }
  EXPECT_EQ(Counted::live, 0);
}

TEST(Optional, TakesAStdOptional) {
  std::optional<Nested> empty;
  std::optional<Nested> set = Nested{.status = "Enabled"};
  cdk::Optional<Nested> o = set;
  EXPECT_EQ(o->status, "Enabled");
  o = empty;
  EXPECT_FALSE(o);
  o = std::move(set);
  EXPECT_EQ(o->status, "Enabled");
}

TEST(Optional, ValueOrGivesTheFallbackWhenEmpty) {
  cdk::Optional<int> o;
  EXPECT_EQ(o.value_or(7), 7);
  o = 3;
  EXPECT_EQ(o.value_or(7), 3);
}

}  // namespace
