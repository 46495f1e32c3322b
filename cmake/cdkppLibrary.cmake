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

# The library's own sources (src/) compile in batches of up to eight files of
# one folder: a batch parses nlohmann/json, fmt, Boost and the standard library
# once and emits their templates once, where file by file every source did it
# again. Constructs and the generated L1 sources stay one object per file.
# -DCDKPP_UNITY_BUILD=OFF compiles src/ file by file, which rebuilds less after
# editing one source.
option(CDKPP_UNITY_BUILD "Compile src/ in batches of one folder's files" ON)
if(CDKPP_UNITY_BUILD)
  set_target_properties(cdkpp PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP)
  set(_cdkpp_batch_size 8)
  foreach(source IN LISTS CDKPP_SOURCES)
    file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR}/src ${source})
    get_filename_component(folder ${relative} DIRECTORY)
    string(REPLACE "/" "_" folder "${folder}")
    if(NOT DEFINED _cdkpp_batch_count_${folder})
      set(_cdkpp_batch_count_${folder} 0)
    endif()
    math(EXPR batch "${_cdkpp_batch_count_${folder}} / ${_cdkpp_batch_size}")
    math(EXPR _cdkpp_batch_count_${folder} "${_cdkpp_batch_count_${folder}} + 1")
    set_source_files_properties(${source} PROPERTIES UNITY_GROUP "src_${folder}_${batch}")
  endforeach()
endif()

# Extra parts (the generated L1 layer, for one) hook themselves in here.
file(GLOB CDKPP_PARTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/parts/*.cmake)
foreach(part IN LISTS CDKPP_PARTS)
  include(${part})
endforeach()
