include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS cdkpp EXPORT cdkppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(EXISTS ${PROJECT_SOURCE_DIR}/constructs)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/constructs/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cdk
          FILES_MATCHING PATTERN "*.hpp")
endif()
install(EXPORT cdkppTargets NAMESPACE cdkpp:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cdkppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cdkppConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cdkppConfig.cmake ${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cdkppApp.cmake ${PROJECT_SOURCE_DIR}/cmake/cdkppAppHeaders.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cdkppMimalloc.cpp
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp)
