# Script mode: runs a program linked with cdkpp_app() and checks, in the dynamic
# loader's own account of its symbol bindings, which library serves the
# program's malloc and free: mimalloc when it was installed at configure time,
# the C library otherwise (cmake/cdkppApp.cmake says why).
#   cmake -DPROGRAM=<path> -DEXPECT=libmimalloc|libc -DWORK=<scratch dir> -P check_allocator.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env LD_DEBUG=bindings LD_DEBUG_OUTPUT=${WORK}/bindings
          ${PROGRAM} synth --quiet --out ${WORK}/cdk.out
  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} synth failed (${rc}): ${err}")
endif()
get_filename_component(name ${PROGRAM} NAME)
file(GLOB logs ${WORK}/bindings.*)
set(bindings)
foreach(log IN LISTS logs)
  file(STRINGS ${log} lines REGEX "binding file [^ ]*/${name} .*normal symbol `(malloc|free)'")
  list(APPEND bindings ${lines})
endforeach()
foreach(symbol IN ITEMS malloc free)
  set(found "")
  foreach(line IN LISTS bindings)
    if(line MATCHES "to ([^ ]*) .*symbol `${symbol}'")
      set(found ${CMAKE_MATCH_1})
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "the loader bound no ${symbol} of ${name}; its log: ${logs}")
  endif()
  get_filename_component(library ${found} NAME)
  if(NOT library MATCHES "^${EXPECT}\\.so")
    message(FATAL_ERROR "${name}'s ${symbol} is served by ${library}, expected ${EXPECT}")
  endif()
  message(STATUS "${name}: ${symbol} from ${library}")
endforeach()
