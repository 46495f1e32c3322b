#pragma once
// The std::vector and std::map members a program's call sites use for
// cdkpp's list and map types, and cdk::List's two constructors, compiled
// once in the library instead of in every file that fills such a field of a
// props struct (each one costs the compiler a few dozen functions otherwise,
// even when left empty: aggregate initialization must be able to destroy it).
//
// A public header names each element type it exposes in a list, and each
// value type it exposes in a map keyed by strings, at global scope once the
// type is complete and before the first props struct with a list of it (a
// field's {} default read before it compiles the constructors after all; a
// list of Ptr<X> needs X declared only):
//
//   CDKPP_EXTERN_VECTOR(cdk::ecs::PortMapping);
//   CDKPP_EXTERN_MAP(cdk::ecs::Secret);          // std::map<std::string, cdk::ecs::Secret>
//
// and its module's container_instances.cpp has the matching
// CDKPP_VECTOR_INSTANCE(...) and CDKPP_MAP_INSTANCE(...)
// (tools/check-container-instances keeps the lists equal). The members are
// construction from a braced list, copying and destruction, and
// cdk::List<T>'s default and braced-list constructors; the others stay inline
// templates as usual. Only cdkpp's own types: the standard lets a
// program instantiate its templates explicitly only for types the program
// defines. With a standard library other than GCC's the macros declare
// nothing (a map's copy and destruction are its tree's, which only GCC's
// library names this way).
#include <cdk/list.hpp>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#if defined(__GLIBCXX__)
#define CDKPP_DETAIL_VECTOR_MEMBERS(prefix, ...)                                                           \
  prefix std::vector<__VA_ARGS__>::vector(std::initializer_list<__VA_ARGS__>, const std::allocator<__VA_ARGS__>&); \
  prefix std::vector<__VA_ARGS__>::vector(const std::vector<__VA_ARGS__>&);                               \
  prefix std::vector<__VA_ARGS__>::~vector();                                                            \
  prefix cdk::List<__VA_ARGS__>::List() noexcept;                                                       \
  prefix cdk::List<__VA_ARGS__>::List(std::initializer_list<__VA_ARGS__>)
#define CDKPP_DETAIL_MAP_ENTRY(...) std::pair<const std::string, __VA_ARGS__>
#define CDKPP_DETAIL_MAP_TREE(...)                                                                      \
  std::_Rb_tree<std::string, CDKPP_DETAIL_MAP_ENTRY(__VA_ARGS__), std::_Select1st<CDKPP_DETAIL_MAP_ENTRY(__VA_ARGS__)>, \
                std::less<std::string>, std::allocator<CDKPP_DETAIL_MAP_ENTRY(__VA_ARGS__)>>
#define CDKPP_DETAIL_MAP_MEMBERS(prefix, ...)                                                           \
  prefix std::map<std::string, __VA_ARGS__>::map(std::initializer_list<CDKPP_DETAIL_MAP_ENTRY(__VA_ARGS__)>, \
                                                 const std::less<std::string>&,                        \
                                                 const std::allocator<CDKPP_DETAIL_MAP_ENTRY(__VA_ARGS__)>&); \
  prefix CDKPP_DETAIL_MAP_TREE(__VA_ARGS__)::_Rb_tree(const CDKPP_DETAIL_MAP_TREE(__VA_ARGS__)&);        \
  prefix CDKPP_DETAIL_MAP_TREE(__VA_ARGS__)::~_Rb_tree()
#define CDKPP_EXTERN_VECTOR(...) CDKPP_DETAIL_VECTOR_MEMBERS(extern template, __VA_ARGS__)
#define CDKPP_VECTOR_INSTANCE(...) CDKPP_DETAIL_VECTOR_MEMBERS(template, __VA_ARGS__)
#define CDKPP_EXTERN_MAP(...) CDKPP_DETAIL_MAP_MEMBERS(extern template, __VA_ARGS__)
#define CDKPP_MAP_INSTANCE(...) CDKPP_DETAIL_MAP_MEMBERS(template, __VA_ARGS__)
#else
#define CDKPP_EXTERN_VECTOR(...) static_assert(true)
#define CDKPP_VECTOR_INSTANCE(...) static_assert(true)
#define CDKPP_EXTERN_MAP(...) static_assert(true)
#define CDKPP_MAP_INSTANCE(...) static_assert(true)
#endif
