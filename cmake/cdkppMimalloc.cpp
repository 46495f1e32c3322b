// Compiled into each program cdkpp_app() links with mimalloc (cmake/cdkppApp.cmake).
//
// Synthesis drops each template's JSON once its stack is checked, while the
// templates' text builds up. mimalloc by default hands freed pages back to the
// system some milliseconds later, by which time the text has taken new ones:
// handing them back at once lowers the peak (10,000 resources: 54 MB instead of
// 65) for about the same time. MIMALLOC_PURGE_DELAY or MIMALLOC_DECOMMIT_DELAY
// in the environment still win.
#include <mimalloc.h>

#include <cstdlib>

namespace {

#if MI_MALLOC_VERSION >= 210
constexpr mi_option_t kDelay = mi_option_purge_delay;
#else
constexpr mi_option_t kDelay = mi_option_decommit_delay;
#endif

const bool kFreedPagesGoBackAtOnce = [] {
  for (const char* name : {"MIMALLOC_PURGE_DELAY", "MIMALLOC_DECOMMIT_DELAY", "MIMALLOC_RESET_DELAY"})
    if (std::getenv(name) != nullptr) return false;
  mi_option_set(kDelay, 0);
  return true;
}();

}  // namespace
