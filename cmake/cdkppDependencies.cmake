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
# libzip (libzip-dev): its header only; src/synth/zip_archive.cpp loads
# libzip.so.4 when the first directory asset is archived.
find_path(CDKPP_LIBZIP_INCLUDE_DIR zip.h REQUIRED)
