// Text analysis: the one place where text becomes index terms. The indexer and the
// query side both call these functions, so a word typed in a query becomes the same
// term as the word in the article.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

/// One word of a text, with where it is and the term it becomes.
struct Token {
    std::size_t begin = 0;  ///< byte offset of the word in the analysed text
    std::size_t end = 0;
    std::string term;     ///< normalised form: NFKC, case-folded, accents removed,
                          ///< apostrophes unified, digit-group commas removed
    bool joined = false;  ///< a hyphenated compound joined ("deescalation"), at its first part's position
};

/// Normalises one word: NFKC, full case folding, accents removed, every apostrophe
/// (’ ‘ ʼ ′) made ', commas between digits removed ("42,000" -> "42000").
std::string fold_word(std::string_view word);

/// Folds a whole phrase for dictionary look-ups (names, places): fold_word applied to
/// each word, words joined by one space, punctuation other than ' and - dropped.
/// "U.K." -> "u.k" is *not* what you get: dots are kept inside words ("u.k").
std::string fold_key(std::string_view phrase);

/// Splits text into words with ICU's word BreakIterator (UAX #29) and normalises each.
/// Hyphenated compounds ("de-escalation", "Israel-Hamas") give their parts, each at
/// its own position, plus the joined form. Calls `emit` once per token, in order.
void tokenize(std::string_view text, const std::function<void(const Token&)>& emit);

/// The words of a text for display (snippets, highlighting), without the joined
/// compounds: the same words as tokenize() for alphabetic scripts, found by a plain
/// scan several times faster than ICU's rules; text in scripts that need ICU's
/// dictionaries (CJK, Thai ...) goes through tokenize().
std::vector<Token> display_words(std::string_view text);

/// Convenience: all tokens of a text.
std::vector<Token> tokenize(std::string_view text);

/// Rewrites a query string so that Xapian's QueryParser sees the same characters the
/// indexer saw: NFKC, accents removed, curly quotes made straight (“ ” -> "), curly
/// apostrophes made ', digit-group commas removed. Case and operators are kept.
std::string normalize_query_text(std::string_view query);

/// The English stem of a folded term (Snowball, through Xapian), cached. Defined on
/// the Xapian side (xapian_hooks.cc, newsfacet_common): extract/ cannot call it.
const std::string& stem(const std::string& term);

/// A term Xapian accepts (its limit is 245 bytes): a term over 240 bytes keeps its
/// first bytes up to a UTF-8 boundary and ends in "#" and 32 hex digits, 128 bits of
/// the SHA-256 of the whole term, so two long terms that differ anywhere (only at
/// the end, say) stay two terms. The indexer and the query side both call it, so a
/// long id still finds its document.
std::string safe_term(std::string term);

/// True when the bytes are valid UTF-8.
bool is_valid_utf8(std::string_view s);

/// Number of code points in a UTF-8 string.
std::size_t code_points(std::string_view s);

/// True when text holds nothing but white space: ASCII blanks, every Unicode
/// White_Space character (no-break spaces, U+3000 ideographic space, U+2028 ...) and
/// the invisible zero-width ones (U+200B-U+200D, U+2060, U+FEFF). Expects valid UTF-8
/// (an invalid byte is not white space).
bool is_blank(std::string_view s);

/// True for a code point that must not reach a terminal as it is: C0 controls but
/// tab, DEL, C1 controls (escape sequences) and the explicit bidirectional formatting
/// characters U+202A-U+202E and U+2066-U+2069 (they reorder what is shown, as in
/// "Trojan Source"). The implicit marks U+200E, U+200F and U+061C stay: right-to-left
/// text uses them and they cannot reorder text beyond their neighbours.
bool unsafe_for_terminal(char32_t c);

/// The one filter for every string printed to a terminal (text output and messages on
/// stderr): each unsafe code point (see unsafe_for_terminal) and each invalid UTF-8
/// sequence becomes U+FFFD, one code point for one, so column and highlight offsets
/// counted in code points stay right.
std::string terminal_safe(std::string_view s);

}  // namespace newsfacet
