# cdkpp_app(<target> [PIE] [NO_PRECOMPILE] [SYSTEM_MALLOC]): links an infra program against
# cdkpp, set up to start fast and to rebuild fast.
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
#
# Rebuilding: most of a construct program's compile time is parsing cdkpp's
# headers. cdkpp_app precompiles the cdkpp headers (<cdk/...>) the target's
# sources include, once, into the target's precompiled header; each source is
# then compiled against it. The list is read from the sources at build time
# (cdkppAppHeaders.cmake), so adding an include needs no new configure step, and
# an edit that keeps the includes does not rebuild the precompiled header.
# Sources added to the target after cdkpp_app() are compiled with the header too
# but not read for includes. NO_PRECOMPILE, or -DCDKPP_PRECOMPILE_HEADERS=OFF for
# every program, turns this off.
# A shared libcdkpp (BUILD_SHARED_LIBS) brings the shared C++ runtime with it:
# the program then links the runtime the same way, not a second copy of it.
#
# Allocator: a synthesis makes and frees millions of small objects (the
# construct tree, the templates as JSON); with the C library's allocator,
# malloc and free were a third of a synthesis's instructions. cdkpp_app links
# the program with mimalloc (Debian package libmimalloc-dev) when it is
# installed, so that it serves every allocation of the process. SYSTEM_MALLOC,
# or -DCDKPP_MIMALLOC=OFF for every program, keeps the C library's (for a
# memory checker that replaces malloc itself, say).
option(CDKPP_PRECOMPILE_HEADERS "cdkpp_app(): precompile the cdkpp headers a program includes" ON)
option(CDKPP_MIMALLOC "cdkpp_app(): link programs with mimalloc when it is installed" ON)
# Linker: a program links all of libcdkpp.a's sections it uses, and GNU ld took
# over a second for that; LLVM's lld (Debian package lld) takes a fifth of the
# time, on every rebuild. cdkpp_app links with lld when the compiler can use it;
# -DCDKPP_LLD=OFF keeps the compiler's default linker.
option(CDKPP_LLD "cdkpp_app(): link programs with lld when the compiler can use it" ON)

function(cdkpp_app target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "PIE;NO_PRECOMPILE;SYSTEM_MALLOC" "" "")
  if(CDKPP_MIMALLOC AND NOT arg_SYSTEM_MALLOC)
    _cdkpp_app_mimalloc(${target})
  endif()
  if(CDKPP_LLD)
    _cdkpp_check_lld()
    if(CDKPP_HAVE_LLD)
      target_link_options(${target} PRIVATE -fuse-ld=lld)
    endif()
  endif()
  target_link_libraries(${target} PRIVATE cdkpp::cdkpp)
  if(CDKPP_PRECOMPILE_HEADERS AND NOT arg_NO_PRECOMPILE)
    _cdkpp_app_precompile(${target})
  endif()
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

# The target's precompiled header: the cdkpp headers its sources include,
# listed at build time into <binary dir>/<target>_cdk_headers.hpp.
function(_cdkpp_app_precompile target)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_target_property(sources ${target} SOURCES)
  set(paths)
  foreach(source IN LISTS sources)
    if(source MATCHES "^\\$<")
      continue()
    endif()
    get_filename_component(path "${source}" ABSOLUTE BASE_DIR "${source_dir}")
    list(APPEND paths "${path}")
  endforeach()
  set(header ${CMAKE_CURRENT_BINARY_DIR}/${target}_cdk_headers.hpp)
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}_cdk_headers.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    BYPRODUCTS ${header}
    COMMAND ${CMAKE_COMMAND} -DOUT=${header} "-DSOURCES=${paths}" -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/cdkppAppHeaders.cmake
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${paths} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/cdkppAppHeaders.cmake
    COMMENT "Listing the cdkpp headers of ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${stamp})
  target_precompile_headers(${target} PRIVATE ${header})
endfunction()

# Links mimalloc first, ahead of the C library in the program's list of shared
# libraries: the dynamic loader then binds malloc, free and the rest to it.
# cdkppMimalloc.cpp sets it up for synthesis.
function(_cdkpp_app_mimalloc target)
  if(NOT TARGET mimalloc)
    find_package(mimalloc 2.0 CONFIG QUIET)
  endif()
  if(TARGET mimalloc)
    target_link_libraries(${target} PRIVATE mimalloc)
    set(source ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/cdkppMimalloc.cpp)
    target_sources(${target} PRIVATE ${source})
    set_source_files_properties(${source} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    return()
  endif()
  get_property(said GLOBAL PROPERTY _cdkpp_mimalloc_missing_said)
  if(NOT said)
    message(STATUS "cdkpp_app: mimalloc not found; programs use the C library's malloc "
                   "(apt-get install libmimalloc-dev for faster synthesis)")
    set_property(GLOBAL PROPERTY _cdkpp_mimalloc_missing_said TRUE)
  endif()
endfunction()

# Sets CDKPP_HAVE_LLD (cached) to whether the C++ compiler links with -fuse-ld=lld.
function(_cdkpp_check_lld)
  if(NOT DEFINED CDKPP_HAVE_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX -fuse-ld=lld CDKPP_HAVE_LLD)
  endif()
endfunction()
