// cdk::Optional: the holder of optional props fields (L1 nested properties, L2 options).
#include <cdk/optional.hpp>

#include <gtest/gtest.h>

#include <cstddef>
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

/// Deletes its values out of line, as the generated property types do.
struct OutOfLine {
  static inline int deleted = 0;
  std::string name;
  friend void cdk_delete_value(OutOfLine* value) noexcept;
};
void cdk_delete_value(OutOfLine* value) noexcept {
  ++OutOfLine::deleted;
  delete value;
}

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

TEST(Optional, GivesAStdOptional) {
  cdk::Optional<int> o;
  std::optional<int> copy = o;
  EXPECT_FALSE(copy);
  o = 4;
  copy = o;
  ASSERT_TRUE(copy);
  EXPECT_EQ(*copy, 4);
  cdk::Optional<Nested> n = Nested{.status = "Suspended"};
  std::optional<Nested> nested = n;
  EXPECT_EQ(nested->status, "Suspended");
}

TEST(Optional, ComparesLikeAStdOptional) {
  cdk::Optional<int> empty;
  cdk::Optional<int> three = 3;
  EXPECT_TRUE(empty == std::nullopt);
  EXPECT_TRUE(std::nullopt == empty);
  EXPECT_FALSE(three == std::nullopt);
  EXPECT_TRUE(three != std::nullopt);
  EXPECT_TRUE(three == 3);
  EXPECT_TRUE(3 == three);
  EXPECT_FALSE(three == 4);
  EXPECT_FALSE(empty == 3);
  EXPECT_TRUE(empty == cdk::Optional<int>());
  EXPECT_FALSE(empty == three);
  EXPECT_TRUE(three == cdk::Optional<int>(3));
  EXPECT_TRUE(three != cdk::Optional<int>(5));
  cdk::Optional<std::string> name = std::string("web");
  EXPECT_TRUE(name == "web");
}

/// A value of N bytes that counts its live objects.
template <std::size_t N>
struct Sized {
  static inline int live = 0;
  char bytes[N] = {};
  Sized() { ++live; }
  Sized(const Sized&) { ++live; }
  Sized(Sized&&) noexcept { ++live; }
  Sized& operator=(const Sized&) = default;
  Sized& operator=(Sized&&) noexcept = default;
  ~Sized() { --live; }
};

TEST(Optional, IsOnePointerToItsOwnCopyOfTheValue) {
  static_assert(sizeof(cdk::Optional<bool>) == sizeof(void*));
  static_assert(sizeof(cdk::Optional<Sized<256>>) == sizeof(void*));
  cdk::Optional<Nested> a = Nested{.status = "Enabled", .days = 1};
  cdk::Optional<Nested> b = a;
  b->days = 2;
  EXPECT_EQ(a->days, 1);  // a copy holds its own value
  cdk::Optional<Nested> c = std::move(b);
  EXPECT_EQ(c->days, 2);
  EXPECT_FALSE(b);  // NOLINT(bugprone-use-after-move): the value moves with its pointer
  const cdk::Optional<Nested>& same = c;
  c = same;  // assigning itself keeps the value
  EXPECT_EQ(c->status, "Enabled");
  c.emplace(*c);  // made from its own value
  EXPECT_EQ(c->days, 2);
}

template <class T>
void make_copy_move_and_drop() {
  T::live = 0;
  {
    cdk::Optional<T> a = T();
    cdk::Optional<T> b = a;
    cdk::Optional<T> c = std::move(a);
    cdk::Optional<T> d;
    d = b;
    d = std::move(c);
    d.emplace();
    b.reset();
    b = T();
    EXPECT_TRUE(d && b);
  }
  EXPECT_EQ(T::live, 0);
}

TEST(Optional, DestroysEveryValueItMadeOnce) {
  make_copy_move_and_drop<Sized<1>>();
  make_copy_move_and_drop<Sized<64>>();
}

TEST(Optional, DeletesThroughTheTypesOwnDeleteValue) {
  OutOfLine::deleted = 0;
  {
    cdk::Optional<OutOfLine> a{OutOfLine{"a"}};
    a.emplace(OutOfLine{"b"});  // a's first value goes
    EXPECT_EQ(a->name, "b");
    EXPECT_EQ(OutOfLine::deleted, 1);
    cdk::Optional<OutOfLine> c{OutOfLine{"c"}};
    a = std::move(c);  // "b" goes
    EXPECT_EQ(OutOfLine::deleted, 2);
    a.reset();  // "c" goes
    EXPECT_EQ(OutOfLine::deleted, 3);
    a = OutOfLine{"d"};
    cdk::Optional<OutOfLine> empty;
    a = std::nullopt;  // "d" goes; the empty one deletes nothing
    EXPECT_EQ(OutOfLine::deleted, 4);
    a = OutOfLine{"e"};
  }
  EXPECT_EQ(OutOfLine::deleted, 5);  // "e", with its holder
}

}  // namespace
