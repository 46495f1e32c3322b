# Every dependency comes from a Debian package (tools/setup installs them).
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(Boost 1.74 REQUIRED)           # Boost.Graph is header-only
find_package(CLI11 REQUIRED)
set(OPENSSL_USE_STATIC_LIBS TRUE)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)
find_package(pugixml REQUIRED)
find_package(Threads REQUIRED)
# libzip's header only (libzip-dev): src/deploy/zip_directory.cpp loads
# libzip.so.4 when the first directory asset is zipped (see there why). Its
# CMake package is not used: Debian's needs the zipcmp/zipmerge/ziptool programs.
find_path(CDKPP_LIBZIP_INCLUDE_DIR zip.h)
if(NOT CDKPP_LIBZIP_INCLUDE_DIR)
  message(FATAL_ERROR "zip.h not found: install libzip-dev (tools/setup does)")
endif()
