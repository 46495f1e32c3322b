// The source cdkpp_test_pch compiles its precompiled header with; the test
// programs reuse that header (see test/CMakeLists.txt).
