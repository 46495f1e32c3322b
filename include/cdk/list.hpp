#pragma once
/// cdk::List<T>: the list fields of construct props
/// (`ecs::ContainerDefinitionOptions::port_mappings`, `ec2::VpcProps::subnet_configuration`, ...).
///
/// It is a std::vector<T> (it derives from one and adds nothing): filled from
/// a braced list, read and changed with the vector's members, passed wherever
/// a `const std::vector<T>&` or a `std::vector<T>` is taken, and made from a
/// std::vector<T>.
///
///   stack.add<cdk::ecs::FargateService>("Web", {.security_groups = {web_sg, admin_sg}});
///   std::vector<cdk::ec2::Peer> peers = props.allow_from;   // a std::vector copy
///   props.allow_from = my_peers;                            // from a std::vector
///
/// Why not std::vector: a field's `{}` default makes the compiler instantiate
/// std::vector's defaulted constructor chain (six class templates, constexpr,
/// so at once) in every file that includes the header, whether or not the
/// program uses the field, and again in every file that fills the props. A
/// defaulted constructor cannot be declared extern; List's is written out
/// here, so a header can declare it extern for its element types
/// (CDKPP_EXTERN_VECTOR, cdk/container_instances.hpp) and the library
/// compiles it once.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace cdk {

template <class T>
class List : public std::vector<T> {
 public:
  using std::vector<T>::vector;
  List() noexcept;
  List(std::initializer_list<T> items);                                         // NOLINT: `.field = {a, b}`
  List(const std::vector<T>& items) : std::vector<T>(items) {}                  // NOLINT: a vector is a list
  List(std::vector<T>&& items) noexcept : std::vector<T>(std::move(items)) {}  // NOLINT
};

// Not inline: a header that declares them extern for T keeps every file that
// includes the header from compiling them (and the vector's chains under them).
// The braced list is List's own rather than the vector's inherited one: GCC 12
// leaves out the explicit instantiation of a base constructor that a file
// used through an inheriting constructor before it.
template <class T>
List<T>::List() noexcept {}
template <class T>
List<T>::List(std::initializer_list<T> items) : std::vector<T>(items) {}

// Lists of strings are in most props; the library compiles their two
// constructors (the element types of cdkpp's own are declared with
// CDKPP_EXTERN_VECTOR, cdk/container_instances.hpp).
extern template List<std::string>::List() noexcept;
extern template List<std::string>::List(std::initializer_list<std::string>);

}  // namespace cdk
