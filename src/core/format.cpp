// fmt's out-of-line code, compiled once for the whole library. With
// FMT_HEADER_ONLY every source that formats compiled it again, seconds per
// file at -O3; the library still does not load libfmt.so (fast start).
#include <fmt/format-inl.h>

namespace fmt::detail {

// The two locale helpers fmt::format reaches for char, which format-inl.h
// declares as templates without instantiating them.
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;

}  // namespace fmt::detail
