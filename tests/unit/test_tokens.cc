#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "tokens.h"

using namespace newsfacet;

namespace {

// One atom per entry: W(word) P(punct) S(space) N(newline), its bytes, its line and,
// for words, U (upper initial) C (all caps) l (a lower-case letter) d/D (first/last
// digit) a (ASCII).
std::string render(std::string_view text) {
    const TokenLayer layer(text);
    std::string out;
    for (const Atom& a : layer.atoms) {
        if (!out.empty()) out += ' ';
        out += "WPSN"[static_cast<int>(a.kind)];
        out += '[';
        out += a.kind == AtomKind::newline ? std::string("\\n") : std::string(text.substr(a.begin, a.end - a.begin));
        out += ']';
        out += std::to_string(a.line);
        if (a.kind == AtomKind::word) {
            if (a.has(Atom::kUpper)) out += 'U';
            if (a.has(Atom::kAllCaps)) out += 'C';
            if (a.has(Atom::kHasLower)) out += 'l';
            if (a.has(Atom::kFirstDigit)) out += 'd';
            if (a.has(Atom::kLastDigit)) out += 'D';
            if (a.has(Atom::kAscii)) out += 'a';
        }
    }
    return out;
}

}  // namespace

TEST_CASE("TokenLayer: one pass of atoms with offsets, lines and letter case") {
    struct Row {
        std::string_view text, expected;
    };
    const Row rows[] = {
        {"", ""},
        {"Mr Smith's", "W[Mr]0Ula W[Smith]0Ula P[']0 W[s]0la"},
        {"U.S. 2024", "W[U]0Ua P[.]0 W[S]0Ua P[.]0 W[2024]0dDa"},
        {"NATO\nsaid", "W[NATO]0UCa N[\\n]0 W[said]1la"},
        {"Côte d\xE2\x80\x99Ivoire", "W[Côte]0Ul W[d]0la P[\xE2\x80\x99]0 W[Ivoire]0Ula"},  // ’ is punct
        {"\xC3\x89" "LYS\xC3\x89" "E", "W[\xC3\x89" "LYS\xC3\x89" "E]0UC"},                                 // ÉLYSÉE
        {"a\tb\xC2\xA0" "c", "W[a]0la S[\t]0 W[b]0la S[\xC2\xA0]0 W[c]0la"},                 // tab, no-break space
        {"x\fy", "W[x]0la P[\f]0 W[y]0la"},                                                   // form feed is punct
        {"a\xFF" "b", "W[a]0la P[\xFF]0 W[b]0la"},                                            // an invalid byte
        {"e\xCC\x81t\xC3\xA9", "W[e\xCC\x81t\xC3\xA9]" "0l"},                                    // a combining accent joins
        {"7a", "W[7a]0lda"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(render(r.text) == r.expected);
    }
    const TokenLayer layer("ab cd");
    CHECK(layer.atom_at(0) == 0);
    CHECK(layer.atom_at(2) == 1);
    CHECK(layer.atom_at(5) == 2);
}
