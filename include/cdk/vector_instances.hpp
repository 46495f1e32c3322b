#pragma once
// The std::vector members a program's call sites use for cdkpp's list types,
// compiled once in the library instead of in every file that fills a list
// field of a props struct (each such field costs the compiler a few dozen
// functions otherwise, even when left empty: aggregate initialization must be
// able to destroy it).
//
// A public header names each element type it exposes in a list, at global
// scope once the type is complete:
//
//   CDKPP_EXTERN_VECTOR(cdk::ecs::PortMapping);
//
// and its module's vector_instances.cpp has the matching
// CDKPP_VECTOR_INSTANCE(cdk::ecs::PortMapping); (tools/check-vector-instances
// keeps the two lists equal). The members are construction from a braced
// list, copying and destruction; the others stay inline templates as usual.
// Only cdkpp's own element types: the standard lets a program instantiate its
// templates explicitly only for types the program defines. With a standard
// library other than GCC's the macros declare nothing.
#include <initializer_list>
#include <memory>
#include <vector>

#if defined(__GLIBCXX__)
#define CDKPP_DETAIL_VECTOR_MEMBERS(prefix, ...)                                                           \
  prefix std::vector<__VA_ARGS__>::vector(std::initializer_list<__VA_ARGS__>, const std::allocator<__VA_ARGS__>&); \
  prefix std::vector<__VA_ARGS__>::vector(const std::vector<__VA_ARGS__>&);                               \
  prefix std::vector<__VA_ARGS__>::~vector()
#define CDKPP_EXTERN_VECTOR(...) CDKPP_DETAIL_VECTOR_MEMBERS(extern template, __VA_ARGS__)
#define CDKPP_VECTOR_INSTANCE(...) CDKPP_DETAIL_VECTOR_MEMBERS(template, __VA_ARGS__)
#else
#define CDKPP_EXTERN_VECTOR(...) static_assert(true)
#define CDKPP_VECTOR_INSTANCE(...) static_assert(true)
#endif
