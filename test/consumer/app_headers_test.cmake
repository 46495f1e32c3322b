# Script mode: runs cdkppAppHeaders.cmake (SCRIPT) on sources written to WORK
# and checks the header list it writes; any failure fails the test.
function(list_headers)
  execute_process(COMMAND ${CMAKE_COMMAND} -DOUT=${WORK}/headers.hpp "-DSOURCES=${ARGN}" -P ${SCRIPT}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the script failed (${rc}): ${err}")
  endif()
endfunction()

function(expect_includes)
  set(want "// Written by cdkpp_app(): the cdkpp headers this program's sources include,\n")
  string(APPEND want "// compiled once into its precompiled header.\n")
  foreach(header IN LISTS ARGN)
    string(APPEND want "#include ${header}\n")
  endforeach()
  file(READ ${WORK}/headers.hpp got)
  if(NOT got STREQUAL want)
    message(FATAL_ERROR "header list:\n${got}\nexpected:\n${want}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
# Indented and spaced directives count; comments, quoted and standard includes do not.
file(WRITE ${WORK}/stacks.cpp [=[
#include "stacks.hpp"
#include <cdk/s3/bucket.hpp>
  #  include   <cdk/cdk.hpp>  // the core
#include <vector>
// #include <cdk/sqs/queue.hpp>
]=])
file(WRITE ${WORK}/main.cpp "#include <cdk/cdk.hpp>\n#include <cdk/ec2/ec2.hpp>\n")
list_headers(${WORK}/stacks.cpp ${WORK}/main.cpp ${WORK}/not_there.cpp)
expect_includes(<cdk/cdk.hpp> <cdk/ec2/ec2.hpp> <cdk/s3/bucket.hpp>)

# The same includes leave the file alone (its precompiled header is not rebuilt).
execute_process(COMMAND touch -d 2001-01-01 ${WORK}/headers.hpp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "touch -d failed")
endif()
file(APPEND ${WORK}/main.cpp "int main() { return 0; }\n")
list_headers(${WORK}/stacks.cpp ${WORK}/main.cpp)
file(TIMESTAMP ${WORK}/headers.hpp year "%Y")
if(NOT year STREQUAL "2001")
  message(FATAL_ERROR "the header list was rewritten though the includes did not change")
endif()

# A new include rewrites it.
file(APPEND ${WORK}/main.cpp "#include <cdk/sqs/queue.hpp>\n")
list_headers(${WORK}/stacks.cpp ${WORK}/main.cpp)
expect_includes(<cdk/cdk.hpp> <cdk/ec2/ec2.hpp> <cdk/s3/bucket.hpp> <cdk/sqs/queue.hpp>)

# No cdkpp include: an empty list, still a valid header.
file(WRITE ${WORK}/plain.cpp "#include <string>\n")
list_headers(${WORK}/plain.cpp)
expect_includes()
message(STATUS "cdkppAppHeaders.cmake lists the cdkpp includes")
