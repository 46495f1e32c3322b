# Script mode: compiles one file that includes every public header of the
# core and of the constructs (detail/ excepted) with clang, -fsyntax-only.
# GCC builds the library; this keeps the headers a program includes right
# for clang too. CLANG empty means there is none: the test is skipped.
if(CLANG STREQUAL "")
  message("SKIPPED: no clang++ on this machine (Debian package clang)")
  return()
endif()
file(GLOB core RELATIVE ${SOURCE_DIR}/include ${SOURCE_DIR}/include/cdk/*.hpp)
file(GLOB_RECURSE constructs RELATIVE ${SOURCE_DIR}/constructs ${SOURCE_DIR}/constructs/*.hpp)
list(FILTER constructs EXCLUDE REGEX "/detail/")
set(text "")
foreach(h IN LISTS core)
  string(APPEND text "#include <${h}>\n")
endforeach()
foreach(h IN LISTS constructs)
  string(APPEND text "#include <cdk/${h}>\n")
endforeach()
file(WRITE ${WORK}/every_header.cpp "${text}int main() {}\n")
execute_process(
  COMMAND ${CLANG} -std=gnu++20 -fsyntax-only -I${SOURCE_DIR}/include -I${BUILD_DIR}/constructs-include
          -I${BUILD_DIR}/generated/include ${WORK}/every_header.cpp
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clang rejects a public header:\n${err}")
endif()
list(LENGTH core n_core)
list(LENGTH constructs n_constructs)
message(STATUS "clang compiled the public headers (${n_core} of the core, ${n_constructs} of the constructs)")
