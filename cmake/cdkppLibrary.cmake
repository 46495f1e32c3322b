# The compiled core. Sources are picked up per folder of src/; every folder is
# part of the one library target cdkpp::cdkpp.
file(GLOB_RECURSE CDKPP_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/*.cpp)

# L2 constructs live in constructs/<service>/ and are included as
# <cdk/<service>/<name>.hpp>: the build tree sees them through a link named cdk.
file(GLOB_RECURSE CDKPP_CONSTRUCT_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/constructs/*.cpp)
set(CDKPP_CONSTRUCTS_INCLUDE ${PROJECT_BINARY_DIR}/constructs-include)
file(MAKE_DIRECTORY ${CDKPP_CONSTRUCTS_INCLUDE})
if(NOT EXISTS ${CDKPP_CONSTRUCTS_INCLUDE}/cdk)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/constructs ${CDKPP_CONSTRUCTS_INCLUDE}/cdk SYMBOLIC)
endif()

add_library(cdkpp ${CDKPP_SOURCES} ${CDKPP_CONSTRUCT_SOURCES})
add_library(cdkpp::cdkpp ALIAS cdkpp)
target_compile_features(cdkpp PUBLIC cxx_std_20)
target_compile_definitions(cdkpp PRIVATE CDKPP_VERSION="${PROJECT_VERSION}")
target_include_directories(cdkpp
  PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${CDKPP_CONSTRUCTS_INCLUDE}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
  PRIVATE
    ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(cdkpp
  PRIVATE
    nlohmann_json::nlohmann_json Boost::boost CLI11::CLI11
    OpenSSL::Crypto pugixml::static Threads::Threads ${CMAKE_DL_LIBS})
# libcurl's header only: src/deploy/curl_transport.cpp loads the library when
# the first request is made (see there why).
target_include_directories(cdkpp PRIVATE $<TARGET_PROPERTY:CURL::libcurl,INTERFACE_INCLUDE_DIRECTORIES>)
target_include_directories(cdkpp PRIVATE ${CDKPP_LIBZIP_INCLUDE_DIR})
# fmt's headers only: src/core/format.cpp compiles its code into the library.
target_include_directories(cdkpp PRIVATE $<TARGET_PROPERTY:fmt::fmt-header-only,INTERFACE_INCLUDE_DIRECTORIES>)
set_target_properties(cdkpp PROPERTIES EXPORT_NAME cdkpp POSITION_INDEPENDENT_CODE ON)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(cdkpp PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
  # One section per function and object: a program linked with cdkpp_app()
  # keeps only what it uses (--gc-sections), so its start maps fewer pages.
  target_compile_options(cdkpp PRIVATE -ffunction-sections -fdata-sections)
endif()

# The library's own sources (src/) and the constructs (constructs/) compile in
# batches of up to eight files of one top folder: a batch parses the headers it
# shares (nlohmann/json, fmt, Boost and the standard library for src/; the core,
# the service's L2 and L1 headers for a construct folder) once and emits their
# templates once, where file by file every source did it again. The generated
# L1 sources are batches already (shards). -DCDKPP_UNITY_BUILD=OFF compiles file
# by file, which rebuilds less after editing one source.
option(CDKPP_UNITY_BUILD "Compile src/ and constructs/ in batches of one folder's files" ON)
# The top folder of `source` below `root`: ec2/detail/x.cpp is in ec2.
function(_cdkpp_top_folder out root source)
  file(RELATIVE_PATH relative ${root} ${source})
  string(REGEX REPLACE "/.*" "" folder "${relative}")
  set(${out} ${folder} PARENT_SCOPE)
endfunction()
if(CDKPP_UNITY_BUILD)
  set_target_properties(cdkpp PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP)
  # Puts each of `sources` (below `root`) in a batch named <prefix>_<folder>_<n>.
  function(_cdkpp_batch root prefix sources)
    set(batch_size 8)
    foreach(source IN LISTS sources)
      _cdkpp_top_folder(folder ${root} ${source})
      if(NOT DEFINED count_${folder})
        set(count_${folder} 0)
      endif()
      math(EXPR batch "${count_${folder}} / ${batch_size}")
      math(EXPR count_${folder} "${count_${folder}} + 1")
      set_source_files_properties(${source} PROPERTIES UNITY_GROUP "${prefix}_${folder}_${batch}")
    endforeach()
  endfunction()
  _cdkpp_batch(${PROJECT_SOURCE_DIR}/src src "${CDKPP_SOURCES}")
  _cdkpp_batch(${PROJECT_SOURCE_DIR}/constructs constructs "${CDKPP_CONSTRUCT_SOURCES}")
endif()

# The folders of src/ off synthesis's path compile at a lower level outside
# Debug: the deploy client waits on the network, and diagrams, cost estimates
# and assertions run once per command. -Og compiles them in about half the time
# -O3 takes (the deploy batch: 6.6 s against 12.8 s). The CLI stays at -O1: it
# prints every finding of a synthesis, and at -Og that made a 10,000-resource
# synthesis 6% slower. Synthesis itself (core, synth, security, the L1 helpers)
# keeps the build type's level.
set(_cdkpp_cold_folders deploy graph cost assertions)
set(_cdkpp_cool_folders cli)
foreach(source IN LISTS CDKPP_SOURCES)
  _cdkpp_top_folder(folder ${PROJECT_SOURCE_DIR}/src ${source})
  if(folder IN_LIST _cdkpp_cold_folders)
    set(level -Og)
  elseif(folder IN_LIST _cdkpp_cool_folders)
    set(level -O1)
  else()
    continue()
  endif()
  if(CDKPP_UNITY_BUILD)
    # A per-source option would take the file out of its batch: the option
    # goes on the batch's source, which CMake names after the group.
    get_source_file_property(group ${source} UNITY_GROUP)
    set(source ${PROJECT_BINARY_DIR}/CMakeFiles/cdkpp.dir/Unity/unity_${group}_cxx.cxx)
  endif()
  set_source_files_properties(${source} PROPERTIES COMPILE_OPTIONS "$<$<NOT:$<CONFIG:Debug>>:${level}>")
endforeach()

# Extra parts (the generated L1 layer, for one) hook themselves in here.
file(GLOB CDKPP_PARTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/parts/*.cmake)
foreach(part IN LISTS CDKPP_PARTS)
  include(${part})
endforeach()
