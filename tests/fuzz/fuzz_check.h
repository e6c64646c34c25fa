// What every harness checks besides the sanitizers: FUZZ_CHECK aborts (a crash that
// libFuzzer saves as crash-*) with the failed condition, so a broken invariant is a
// finding like a memory error.
#pragma once

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                    \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                   \
        }                                                                                   \
    } while (0)

namespace newsfacet::fuzz {

/// Calls f(code point, byte offset) for each code point of valid UTF-8.
template <class F>
void for_each_code_point(std::string_view s, F f) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        f(c, static_cast<std::size_t>(at));
    }
}

}  // namespace newsfacet::fuzz
