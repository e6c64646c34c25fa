// The one UTF-8 decoder of the extraction code: every finder and tokenizer steps
// through text with it, so they agree on where a character starts and what an
// invalid byte is.
#pragma once

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsfacet {

/// Decodes the code point that starts at byte `i` of `s` and moves `i` past it
/// (`i` < s.size()). An invalid or cut-off sequence gives U+FFFD and moves past
/// ICU's maximal invalid subpart, at least one byte: the text newsfacet extracts
/// from is valid UTF-8 (the reader repairs it), so this only matters for raw input.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data() + i);
    const auto len = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - i, 8));
    std::int32_t off = 0;
    UChar32 c = 0;
    U8_NEXT(p, off, len, c);
    i += static_cast<std::size_t>(off > 0 ? off : 1);
    return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

}  // namespace newsfacet
