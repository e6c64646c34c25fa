// SHA-256 (FIPS 180-4): the hash that ends terms too long for Xapian (safe_term in
// text.h), so that two long values differing only at the end never share a term.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsfacet {

/// The 32-byte SHA-256 digest of `data`.
std::array<std::uint8_t, 32> sha256(std::string_view data);

/// The first `bytes` bytes of the digest as lower-case hex (all 32 by default).
std::string sha256_hex(std::string_view data, std::size_t bytes = 32);

}  // namespace newsfacet
