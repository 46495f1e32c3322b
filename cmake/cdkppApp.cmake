# cdkpp_app(<target> [PIE]): links an infra program against cdkpp, set up to
# start fast.
#
# A synthesis takes a few milliseconds, so most of an infra program's run is
# its start: the dynamic loader mapping and relocating shared libraries, and the
# first touch of every page it writes. cdkpp_app therefore
#  - links the C++ runtime (libstdc++, libgcc) statically, so that there is no
#    libstdc++.so to map, relocate and resolve symbols against;
#  - builds a position-dependent executable (-no-pie), so that the loader does
#    not rewrite the program's vtables and pointer tables (.data.rel.ro, mostly
#    OpenSSL's, which cdkpp links statically) on every start;
#  - drops the functions the program never calls (--gc-sections; cdkpp is
#    compiled with a section per function), so that the code it runs sits on
#    fewer pages and the kernel maps, and at exit unmaps, fewer of them.
# The program's own code then loads at a fixed address (no ASLR for it; the
# C library, heap and stack are still randomized). Pass PIE to keep a
# position-independent executable at the cost of about 0.3 ms per run.
# target_link_libraries(<target> PRIVATE cdkpp::cdkpp) is the plain way and
# works too.
# A shared libcdkpp (BUILD_SHARED_LIBS) brings the shared C++ runtime with it:
# the program then links the runtime the same way, not a second copy of it.
function(cdkpp_app target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "PIE" "" "")
  target_link_libraries(${target} PRIVATE cdkpp::cdkpp)
  get_target_property(cdkpp_type cdkpp::cdkpp TYPE)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE -Wl,--gc-sections)
    if(NOT cdkpp_type STREQUAL "SHARED_LIBRARY")
      target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
    endif()
    if(NOT arg_PIE)
      target_link_options(${target} PRIVATE -no-pie)
    endif()
  endif()
endfunction()
