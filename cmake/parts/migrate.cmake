# cdkpp-migrate (tools/migrate): writes a cdkpp program from a CloudFormation
# template. Needs cfngen's model, so it comes after cmake/parts/l1.cmake.
option(CDKPP_BUILD_MIGRATE "Build the cdkpp-migrate tool" ${CDKPP_TOP_LEVEL})
if(CDKPP_BUILD_MIGRATE)
  add_subdirectory(${PROJECT_SOURCE_DIR}/tools/migrate ${PROJECT_BINARY_DIR}/tools/migrate)
endif()
