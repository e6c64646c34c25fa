#include "text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "sha256.h"
#include "utf8.h"

namespace newsfacet {
namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Removes commas (and thin spaces already folded) between digits: "42,000" -> "42000".
void drop_digit_commas(std::string& s) {
    if (s.find(',') == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ',' && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1])) continue;
        out.push_back(s[i]);
    }
    s.swap(out);
}

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU: NFKC_Casefold normaliser unavailable");
    return *n;
}

const icu::Normalizer2& nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU: NFKC normaliser unavailable");
    return *n;
}

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU: NFD normaliser unavailable");
    return *n;
}

// Apostrophe-like and quote-like characters, mapped to their ASCII forms.
UChar32 unify_quote_char(UChar32 c) {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x02BC:
        case 0x2032:
        case 0xFF07:
            return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201F:
        case 0x2033:
        case 0xFF02:
        case 0x00AB:
        case 0x00BB:
            return '"';
        default:
            return c;
    }
}

// NFKC (optionally case-folded), then accents removed (NFD, drop non-spacing marks),
// quotes unified; returns UTF-8.
std::string normalise_unicode(std::string_view s, bool casefold) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString n = (casefold ? nfkc_casefold() : nfkc()).normalize(u, status);
    if (U_FAILURE(status)) n = u;
    status = U_ZERO_ERROR;
    icu::UnicodeString d = nfd().normalize(n, status);
    if (U_FAILURE(status)) d = n;
    icu::UnicodeString out;
    for (int32_t i = 0; i < d.length();) {
        const UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        out.append(unify_quote_char(c));
    }
    std::string r;
    out.toUTF8String(r);
    return r;
}

bool is_hyphen_at(std::string_view text, std::size_t i, std::size_t& len) {
    if (i < text.size() && text[i] == '-') {
        len = 1;
        return true;
    }
    // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
    if (i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x90' || text[i + 2] == '\x91')) {
        len = 3;
        return true;
    }
    return false;
}

// One word BreakIterator per thread, created once (creation costs a fraction of a ms).
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> bi;
    if (!bi) {
        UErrorCode status = U_ZERO_ERROR;
        bi.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
        if (U_FAILURE(status) || !bi) throw std::runtime_error("ICU: cannot create a word break iterator");
    }
    return *bi;
}

}  // namespace

std::string fold_word(std::string_view word) {
    std::string out;
    if (is_ascii(word)) {
        out.assign(word);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        out = normalise_unicode(word, true);
    }
    drop_digit_commas(out);
    return out;
}

std::string fold_key(std::string_view phrase) {
    std::string out;
    tokenize(phrase, [&](const Token& t) {
        if (t.joined) return;
        if (!out.empty()) out.push_back(' ');
        out += t.term;
    });
    return out;
}

void tokenize(std::string_view text, const std::function<void(const Token&)>& emit) {
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    icu::BreakIterator& bi = word_breaker();
    bi.setText(ut, status);
    if (U_FAILURE(status)) {
        utext_close(ut);
        return;
    }
    // Parts of the current hyphenated chain, to emit the joined form after them.
    std::string joined;
    std::size_t chain_begin = 0, chain_end = 0, chain_parts = 0;
    auto flush_chain = [&]() {
        if (chain_parts >= 2) emit(Token{chain_begin, chain_end, joined, true});
        joined.clear();
        chain_parts = 0;
    };
    int32_t start = bi.first();
    for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
        if (bi.getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
            // Not a word; a lone hyphen between two words keeps the chain going.
            std::size_t hl = 0;
            if (!(chain_parts > 0 && static_cast<std::size_t>(start) == chain_end &&
                  is_hyphen_at(text, chain_end, hl) && static_cast<std::size_t>(end) == chain_end + hl))
                flush_chain();
            continue;
        }
        const std::size_t b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
        Token t{b, e, fold_word(text.substr(b, e - b)), false};
        // Continue a chain when this word follows "word-" directly.
        std::size_t hl = 0;
        if (chain_parts > 0 && is_hyphen_at(text, chain_end, hl) && chain_end + hl == b) {
            joined += t.term;
            chain_end = e;
            ++chain_parts;
        } else {
            flush_chain();
            joined = t.term;
            chain_begin = b;
            chain_end = e;
            chain_parts = 1;
        }
        emit(t);
    }
    flush_chain();
    utext_close(ut);
}

namespace {
bool is_alnum_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

std::vector<Token> display_words(std::string_view text) {
    std::vector<Token> out;
    // UAX #29 as far as news text goes: letters and digits, joined by an apostrophe or
    // a dot between letters (MidLetter: "u.k", "i've", "Britain’s") and by a comma or
    // dot between digits (MidNum: "42,000"). Scripts that need ICU's dictionaries
    // (CJK, Thai, Lao, Khmer, Myanmar) send the whole text to tokenize().
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    const std::string_view capped = text.substr(0, static_cast<std::size_t>(len));
    auto cp_at = [&](int32_t i, int32_t& next) {
        auto j = static_cast<std::size_t>(i);
        const auto c = static_cast<UChar32>(next_code_point(capped, j));
        next = static_cast<int32_t>(j);
        return c;
    };
    auto is_word_cp = [](UChar32 c) {
        return c >= 0 &&
               (c < 0x80 ? is_alnum_ascii(static_cast<char>(c)) : u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK);
    };
    auto needs_dictionary = [](UChar32 c) {
        return (c >= 0x0E00 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) || (c >= 0x2E80 && c <= 0xD7FF) ||
               (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
    };
    int32_t i = 0;
    while (i < len) {
        int32_t next = 0;
        UChar32 c = cp_at(i, next);
        if (needs_dictionary(c)) {
            out.clear();
            tokenize(text, [&](const Token& t) {
                if (!t.joined) out.push_back(t);
            });
            return out;
        }
        if (!is_word_cp(c)) {
            i = next;
            continue;
        }
        const int32_t b = i;
        UChar32 prev = c;
        i = next;
        while (i < len) {
            c = cp_at(i, next);
            if (is_word_cp(c)) {
                if (needs_dictionary(c)) break;
                prev = c;
                i = next;
                continue;
            }
            int32_t after = 0;
            const UChar32 n = next < len ? cp_at(next, after) : -1;
            const bool letters = u_isalpha(prev) && n >= 0 && u_isalpha(n);
            const bool digits = u_isdigit(prev) && n >= 0 && u_isdigit(n);
            if (((c == '\'' || c == 0x2019 || c == '.') && letters) || ((c == ',' || c == '.') && digits)) {
                prev = n;
                i = after;
                continue;
            }
            break;
        }
        out.push_back(Token{static_cast<std::size_t>(b), static_cast<std::size_t>(i),
                            fold_word(text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(i - b))),
                            false});
    }
    return out;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    tokenize(text, [&](const Token& t) { out.push_back(t); });
    return out;
}

std::string normalize_query_text(std::string_view query) {
    std::string out = is_ascii(query) ? std::string(query) : normalise_unicode(query, false);
    drop_digit_commas(out);
    return out;
}

std::string safe_term(std::string term) {
    constexpr std::size_t kMax = 240, kHashHex = 32;
    if (term.size() <= kMax) return term;
    std::size_t cut = kMax - 1 - kHashHex;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80)
        --cut;
    const std::string hash = sha256_hex(term, kHashHex / 2);
    term.resize(cut);
    return term + "#" + hash;
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t len = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) return false;
    }
    return true;
}

bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') return false;
            ++i;
            continue;
        }
        // An invalid sequence (U+FFFD) is not blank, nor is a U+FFFD in the text.
        const char32_t c = next_code_point(s, i);
        if (c == 0xFFFD) return false;
        const auto u = static_cast<UChar32>(c);
        if (!u_isUWhiteSpace(u) && c != 0x200B && c != 0x200C && c != 0x200D && c != 0x2060 && c != 0xFEFF)
            return false;
    }
    return true;
}

bool unsafe_for_terminal(char32_t c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        // An invalid sequence decodes as U+FFFD, which is what it becomes: a U+FFFD in
        // the text and an invalid sequence give the same bytes.
        const char32_t c = next_code_point(s, i);
        if (c == 0xFFFD || unsafe_for_terminal(c))
            out += "\xEF\xBF\xBD";  // U+FFFD
        else
            out.append(s.data() + start, i - start);
    }
    return out;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace newsfacet
