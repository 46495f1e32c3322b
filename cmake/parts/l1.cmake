# The L1 layer: one typed class per CloudFormation resource type, generated at
# build time by tools/cfngen from the pinned, trimmed spec in spec/ (no network).
#
#   generated/include/cdk/<service>/cfn_<type>.hpp   public headers (+ cfn.hpp umbrella)
#   generated/src/l1/l1_NN.cpp                       serialization, compiled into cdkpp
#   generated/src/l1/replacing_properties.cpp        the spec's replacement data (all types)
#
# CDKPP_L1_SERVICES limits the services ("ec2;s3;iam"); CDKPP_L1_SHARDS sets how
# many .cpp files the generated code is spread over (build parallelism).
set(CDKPP_L1_SERVICES "all" CACHE STRING "L1 services to generate: 'all' or a ';' list such as 'ec2;s3;iam'")
set(CDKPP_L1_SHARDS "40" CACHE STRING "Number of generated L1 source files")

add_subdirectory(${PROJECT_SOURCE_DIR}/tools/cfngen ${PROJECT_BINARY_DIR}/tools/cfngen)

set(CDKPP_L1_DIR ${PROJECT_BINARY_DIR}/generated)
set(CDKPP_L1_SPEC ${PROJECT_SOURCE_DIR}/spec/aws-service-spec.json.gz)
set(CDKPP_L1_PATCHES ${PROJECT_SOURCE_DIR}/spec/patches.json)
string(REPLACE ";" "," CDKPP_L1_SERVICES_ARG "${CDKPP_L1_SERVICES}")

# The generator always writes exactly CDKPP_L1_SHARDS sources, so their names are
# known here; it rewrites only files whose content changed.
set(_cdkpp_l1_sources)
math(EXPR _cdkpp_l1_last "${CDKPP_L1_SHARDS} - 1")
foreach(i RANGE ${_cdkpp_l1_last})
  if(i LESS 10)
    set(i "0${i}")
  endif()
  list(APPEND _cdkpp_l1_sources ${CDKPP_L1_DIR}/src/l1/l1_${i}.cpp)
endforeach()
# What changing each property does (replace or not), for diff and deploy;
# generated for every type of the spec, whichever services are selected.
list(APPEND _cdkpp_l1_sources ${CDKPP_L1_DIR}/src/l1/replacing_properties.cpp)

add_custom_command(
  OUTPUT ${CDKPP_L1_DIR}/l1.stamp
  BYPRODUCTS ${_cdkpp_l1_sources}
  COMMAND cfngen --spec ${CDKPP_L1_SPEC} --patches ${CDKPP_L1_PATCHES} --out ${CDKPP_L1_DIR}
          --services ${CDKPP_L1_SERVICES_ARG} --shards ${CDKPP_L1_SHARDS} --stamp ${CDKPP_L1_DIR}/l1.stamp
  DEPENDS cfngen ${CDKPP_L1_SPEC} ${CDKPP_L1_PATCHES}
  COMMENT "Generating L1 classes (services: ${CDKPP_L1_SERVICES})"
  VERBATIM)
add_custom_target(cdkpp_l1_generate DEPENDS ${CDKPP_L1_DIR}/l1.stamp)

target_sources(cdkpp PRIVATE ${_cdkpp_l1_sources})
# Rendering props is not hot code: -O1 compiles the generated sources in about
# 70% of the time -O3 takes, -Og in 0.93x of -O1's (four shards), which matters
# with ~1,800 types; a 10,000-resource synthesis takes the same time with
# either (A/B, 31 runs).
set_source_files_properties(${_cdkpp_l1_sources} PROPERTIES
  COMPILE_OPTIONS "$<$<NOT:$<CONFIG:Debug>>:-Og>")
add_dependencies(cdkpp cdkpp_l1_generate)
target_include_directories(cdkpp PUBLIC $<BUILD_INTERFACE:${CDKPP_L1_DIR}/include>)

if(CDKPP_INSTALL)
  include(GNUInstallDirs)
  install(DIRECTORY ${CDKPP_L1_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
