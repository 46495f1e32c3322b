#pragma once
// The members of cdk::detail::OnDemand (cdk/on_demand.hpp). A source that
// defines a part type includes this and instantiates OnDemand for it:
//   template class cdk::detail::OnDemand<Node::Rare>;
#include <cdk/on_demand.hpp>

namespace cdk::detail {

template <class T>
OnDemand<T>::~OnDemand() {
  delete part_;
}

template <class T>
T& OnDemand<T>::get() {
  if (part_ == nullptr) part_ = new T();
  return *part_;
}

template <class T>
const T& OnDemand<T>::get_or_empty() const noexcept {
  static const T empty;
  return part_ != nullptr ? *part_ : empty;
}

}  // namespace cdk::detail
