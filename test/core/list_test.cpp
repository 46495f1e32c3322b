// cdk::List: the list fields of construct props, a std::vector in every use.
#include <cdk/list.hpp>

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

struct Rule {
  std::string name;
  int priority = 0;
  bool operator==(const Rule&) const = default;
};

/// A props struct as the construct headers write them.
struct Props {
  cdk::List<Rule> rules{};
  cdk::List<std::string> names{};
  int count = 0;
};

std::size_t size_of(const std::vector<std::string>& v) { return v.size(); }
std::vector<std::string> copy_of(std::vector<std::string> v) { return v; }
template <class T>
std::size_t deduced_size(const std::vector<T>& v) {
  return v.size();
}

TEST(List, PropsWithListsStayAggregatesWithEmptyDefaults) {
  static_assert(std::is_aggregate_v<Props>);
  Props p{.count = 2};
  EXPECT_TRUE(p.rules.empty());
  EXPECT_TRUE(p.names.empty());
  EXPECT_EQ(p.count, 2);
}

TEST(List, FilledFromBracedListsInDesignatedInitializers) {
  Props p{.rules = {{"a", 1}, {.name = "b", .priority = 2}}, .names = {"x", "y", "z"}};
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_EQ(p.rules[1], (Rule{"b", 2}));
  EXPECT_EQ(p.names.back(), "z");
}

TEST(List, MadeAndAssignedFromStdVector) {
  const std::vector<std::string> given{"a", "b"};
  Props p{.names = given};
  EXPECT_EQ(p.names, given);
  const std::vector<std::string> other{"x", "y", "z"};
  p.names = other;
  EXPECT_EQ(p.names, other);
  EXPECT_EQ(other.size(), 3u);
  std::vector<std::string> moved{"c"};
  p.names = std::move(moved);
  EXPECT_EQ(p.names, std::vector<std::string>{"c"});
  p.names = {"d", "e"};
  EXPECT_EQ(p.names.size(), 2u);
}

TEST(List, PassesWhereAStdVectorIsTaken) {
  Props p{.names = {"a", "b", "c"}};
  EXPECT_EQ(size_of(p.names), 3u);
  EXPECT_EQ(copy_of(p.names), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(deduced_size(p.names), 3u);
  std::vector<std::string> copy = p.names;
  copy.push_back("d");
  EXPECT_EQ(p.names.size(), 3u) << "a copy, not a view";
  const std::vector<std::string>& view = p.names;
  EXPECT_EQ(&view.front(), &p.names.front());
}

TEST(List, KeepsTheVectorsConstructorsAndMembers) {
  cdk::List<int> filled(3, 7);
  EXPECT_EQ(filled, (std::vector<int>{7, 7, 7}));
  filled.push_back(8);
  filled.erase(filled.begin());
  EXPECT_EQ(filled, (std::vector<int>{7, 7, 8}));
  const std::vector<int> source{1, 2};
  cdk::List<int> ranged(source.begin(), source.end());
  EXPECT_EQ(ranged, source);
}

TEST(List, CopiesAndMovesLikeAVector) {
  Props a{.names = {"a"}};
  Props b = a;
  b.names.push_back("b");
  EXPECT_EQ(a.names.size(), 1u);
  Props c = std::move(b);
  EXPECT_EQ(c.names.size(), 2u);
  EXPECT_TRUE(b.names.empty());  // NOLINT(bugprone-use-after-move): a moved vector is empty
}

}  // namespace
