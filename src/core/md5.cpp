// OpenSSL's MD5 one-shot function rather than an EVP digest: a logical id
// hashes a few hundred bytes, and fetching an EVP digest the first time loads
// OpenSSL 3's provider, which costs more than all the hashing of a large app
// (about a third of a small app's synthesis, measured with callgrind).
// MD5() is marked deprecated in OpenSSL 3 but stays part of its API.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "core/md5.hpp"

#include <openssl/md5.h>

namespace cdk::detail {

std::array<unsigned char, 16> md5(std::string_view data) {
  static_assert(MD5_DIGEST_LENGTH == 16);
  std::array<unsigned char, 16> digest{};
  MD5(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  return digest;
}

}  // namespace cdk::detail
