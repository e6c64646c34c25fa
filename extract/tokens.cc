// The token layer (tokens.h): one decoding and classifying pass per article.
#include "tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>

#include "utf8.h"

namespace newsfacet {

bool is_word_code_point(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp == 0xFFFD) return false;
    return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
}

namespace {

bool is_upper_cp(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return u_isupper(static_cast<UChar32>(cp));
}

bool is_lower_cp(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return u_islower(static_cast<UChar32>(cp));
}

bool is_space_cp(char32_t cp) {
    if (cp < 0x80) return cp == '\t' || cp == '\r';  // ' ' makes no atom, '\n' is a newline, '\f' '\v' are punct
    return cp != 0xFFFD && u_isUWhiteSpace(static_cast<UChar32>(cp));
}

}  // namespace

TokenLayer::TokenLayer(std::string_view t) : text(t) {
    if (t.size() >= UINT32_MAX - 16) return;
    atoms.reserve(t.size() / 3 + 1);
    std::uint32_t line = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        const unsigned char b = static_cast<unsigned char>(t[i]);
        if (b == ' ') {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = b < 0x80 ? (++i, char32_t{b}) : next_code_point(t, i);
        Atom a;
        a.begin = static_cast<std::uint32_t>(start);
        a.line = line;
        a.cp = cp;
        if (cp == '\n') {
            a.kind = AtomKind::newline;
            ++line;
        } else if (is_word_code_point(cp)) {
            a.kind = AtomKind::word;
            std::uint8_t f = 0;
            if (is_upper_cp(cp)) f |= Atom::kUpper;
            if (cp >= 0x80 && u_istitle(static_cast<UChar32>(cp))) f |= Atom::kTitle;
            if (cp >= '0' && cp <= '9') f |= Atom::kFirstDigit;
            bool ascii = cp < 0x80;
            int letters = 0, uppers = 0;
            bool lower = false;
            char32_t last = cp;
            auto count = [&](char32_t c) {
                if (is_upper_cp(c))
                    ++letters, ++uppers;
                else if (is_lower_cp(c))
                    ++letters, lower = true;
            };
            count(cp);
            while (i < t.size()) {
                const unsigned char d = static_cast<unsigned char>(t[i]);
                if (d < 0x80) {
                    if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9'))) break;
                    ++i;
                    last = d;
                    count(d);
                    continue;
                }
                std::size_t j = i;
                const char32_t c = next_code_point(t, j);
                if (!is_word_code_point(c)) break;
                ascii = false;
                count(c);
                last = c;
                i = j;
            }
            if (last >= '0' && last <= '9') f |= Atom::kLastDigit;
            if (letters >= 2 && uppers == letters) f |= Atom::kAllCaps;
            if (lower) f |= Atom::kHasLower;
            if (ascii) f |= Atom::kAscii;
            a.flags = f;
        } else if (is_space_cp(cp)) {
            a.kind = AtomKind::space;
        } else {
            a.kind = AtomKind::punct;
        }
        a.end = static_cast<std::uint32_t>(i);
        atoms.push_back(a);
    }
}

std::size_t TokenLayer::atom_at(std::size_t offset) const {
    return static_cast<std::size_t>(
        std::partition_point(atoms.begin(), atoms.end(), [&](const Atom& a) { return a.end <= offset; }) -
        atoms.begin());
}

}  // namespace newsfacet
