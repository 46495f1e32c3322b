#pragma once
/// The lists of ec2 constructs that props hold (`List<Ptr<Subnet>>`,
/// `List<Ptr<SecurityGroup>>`), declared extern (cdk/container_instances.hpp).
/// A header with such a field includes this before its props: a list field's
/// `{}` default uses the library's constructors only where the compiler has
/// seen the declaration first, and these headers only forward-declare the
/// constructs.
#include <cdk/container_instances.hpp>
#include <cdk/ptr.hpp>

namespace cdk::ec2 {
class SecurityGroup;
class Subnet;
}  // namespace cdk::ec2

CDKPP_EXTERN_VECTOR(cdk::Ptr<cdk::ec2::SecurityGroup>);
CDKPP_EXTERN_VECTOR(cdk::Ptr<cdk::ec2::Subnet>);
