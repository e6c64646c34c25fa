// The token layer: one pass over an article's text that decodes and classifies every
// code point once (common/utf8.h next_code_point, ICU properties) and records atoms
// with byte offsets. extract() builds it once per article; each finder derives its own
// view from it (places.cc, tagger.cc, date_extract.cc, people.cc): which atoms are
// joined into one token, where sentences end and which abbreviations keep them open
// are view-level rules (docs/architecture.md, "Tokenizers").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsfacet {

/// What an atom is.
enum class AtomKind : std::uint8_t {
    word,     ///< a maximal run of word code points (is_word_code_point)
    punct,    ///< one other code point (U+FFFD for an invalid sequence, which spans its bytes); '\f' and '\v' too
    space,    ///< one white-space code point other than ' ' and '\n': '\t', '\r', U+00A0, U+2009 ...
    newline,  ///< one '\n'
};

/// One atom of the text. The ASCII space ' ' makes no atom: a gap between two atoms
/// is spaces.
struct Atom {
    std::uint32_t begin = 0, end = 0;  ///< byte offsets
    std::uint32_t line = 0;            ///< '\n' before it
    char32_t cp = 0;                   ///< punct, space, newline: the code point; word: its first
    AtomKind kind = AtomKind::punct;
    std::uint8_t flags = 0;            ///< word: the Atom::k* bits
    static constexpr std::uint8_t kUpper = 1;       ///< the first code point is upper case (u_isupper)
    static constexpr std::uint8_t kTitle = 2;       ///< the first code point is title case (u_istitle)
    static constexpr std::uint8_t kAllCaps = 4;     ///< at least two letters, none lower case
    static constexpr std::uint8_t kHasLower = 8;    ///< a lower-case letter
    static constexpr std::uint8_t kFirstDigit = 16; ///< the first code point is an ASCII digit
    static constexpr std::uint8_t kLastDigit = 32;  ///< the last code point is an ASCII digit
    static constexpr std::uint8_t kAscii = 64;      ///< every byte is ASCII
    bool has(std::uint8_t f) const { return (flags & f) != 0; }
};

/// Letters, digits and combining marks (ICU: alphanumeric, or a non-zero canonical
/// combining class); never U+FFFD.
bool is_word_code_point(char32_t cp);

/// The atoms of one text, in order. A text of UINT32_MAX - 16 bytes or more has none.
struct TokenLayer {
    std::string_view text;
    std::vector<Atom> atoms;

    explicit TokenLayer(std::string_view t);
    /// Index of the first atom that ends after byte `offset`.
    std::size_t atom_at(std::size_t offset) const;
};

}  // namespace newsfacet
