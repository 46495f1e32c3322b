#include "core/logical_id.hpp"
#include "core/md5.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string hex(std::string_view text) { return cdk::detail::md5_hex_prefix(text, 32); }

TEST(Md5, MatchesTheTestSuiteOfRfc1321) {
  EXPECT_EQ(hex(""), "D41D8CD98F00B204E9800998ECF8427E");
  EXPECT_EQ(hex("a"), "0CC175B9C0F1B6A831C399E269772661");
  EXPECT_EQ(hex("abc"), "900150983CD24FB0D6963F7D28E17F72");
  EXPECT_EQ(hex("message digest"), "F96B697D7CB7938D525A2F31AAF161D0");
  EXPECT_EQ(hex("abcdefghijklmnopqrstuvwxyz"), "C3FCD3D76192E4007DFB496CCA67E13B");
  EXPECT_EQ(hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), "D174AB98D277D9F5A5611C2C9F419D9F");
  EXPECT_EQ(hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57EDF4A22BE3C955AC49DA2E2107B67A");
}

TEST(Md5, PadsInputsAroundTheBlockBoundary) {
  // 55 bytes fit one block with the length; 56 need a second; 64 fill one.
  EXPECT_EQ(hex(std::string(55, 'x')), "04364420E25C512FD958A70738AA8F72");
  EXPECT_EQ(hex(std::string(56, 'x')), "668A72D5BA17F08E62DABCAFAD6DB14B");
  EXPECT_EQ(hex(std::string(64, 'x')), "C1BB4F81D892B2D57947682AEB252456");
}

}  // namespace
