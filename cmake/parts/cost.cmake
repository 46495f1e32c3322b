# The price table behind the cost command: data/prices/aws.json is compiled
# into the library, so a program prices its stacks wherever it runs. Editing
# the table re-runs the configure step.
set(CDKPP_PRICE_TABLE ${PROJECT_SOURCE_DIR}/data/prices/aws.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CDKPP_PRICE_TABLE})
file(READ ${CDKPP_PRICE_TABLE} CDKPP_PRICE_TABLE_TEXT)
configure_file(${PROJECT_SOURCE_DIR}/src/cost/builtin_prices.cpp.in
               ${PROJECT_BINARY_DIR}/generated/src/cost/builtin_prices.cpp @ONLY)
target_sources(cdkpp PRIVATE ${PROJECT_BINARY_DIR}/generated/src/cost/builtin_prices.cpp)
