# Script mode, run by the build of a cdkpp_app() program:
#   cmake -DOUT=<header> -DSOURCES=<a;b;c> -P cdkppAppHeaders.cmake
# Writes <header>: one #include line for every cdkpp header (<cdk/...>) the
# sources include, sorted and without repeats. The program's precompiled
# header is made from it. The file is rewritten only when that list changes,
# so an edit that keeps a program's includes does not rebuild its
# precompiled header.
if(NOT DEFINED OUT OR NOT DEFINED SOURCES)
  message(FATAL_ERROR "cdkppAppHeaders.cmake: pass -DOUT=<header> -DSOURCES=<sources>")
endif()

set(headers)
foreach(source IN LISTS SOURCES)
  if(NOT EXISTS "${source}")
    continue()
  endif()
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*<cdk/[^>]+>")
  foreach(line IN LISTS lines)
    string(REGEX MATCH "<cdk/[^>]+>" header "${line}")
    list(APPEND headers "${header}")
  endforeach()
endforeach()
list(REMOVE_DUPLICATES headers)
list(SORT headers)

set(text "// Written by cdkpp_app(): the cdkpp headers this program's sources include,\n")
string(APPEND text "// compiled once into its precompiled header.\n")
foreach(header IN LISTS headers)
  string(APPEND text "#include ${header}\n")
endforeach()

set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
