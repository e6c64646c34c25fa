// Text decoding: raw bytes -> article text (decode_text, split_article), and the text
// analysis every word of an article or a query goes through (tokenize, display_words,
// fold_word, fold_key, normalize_query_text, safe_term, make_snippet, terminal_safe).
// Checks beyond the sanitizers: what comes out is valid UTF-8, offsets stay inside
// the text, terminal_safe lets nothing unsafe through.
#include <cstdint>
#include <string>
#include <vector>

#include "article.h"
#include "fuzz_check.h"
#include "search.h"
#include "text.h"

using namespace newsfacet;

namespace {

void check_tokens(std::string_view text, const std::vector<Token>& tokens) {
    for (const Token& t : tokens) {
        FUZZ_CHECK(t.begin <= t.end && t.end <= text.size());
        FUZZ_CHECK(is_valid_utf8(t.term));
        const std::string safe = safe_term(t.term);
        FUZZ_CHECK(safe.size() <= 245 && is_valid_utf8(safe));
        FUZZ_CHECK(is_valid_utf8(stem(t.term)));
    }
}

void check_terminal_safe(std::string_view s) {
    const std::string out = terminal_safe(s);
    FUZZ_CHECK(is_valid_utf8(out));
    fuzz::for_each_code_point(out, [](UChar32 c, std::size_t) { FUZZ_CHECK(!unsafe_for_terminal(char32_t(c))); });
    // One code point for one: columns counted on the input stay right.
    if (is_valid_utf8(s)) FUZZ_CHECK(code_points(out) == code_points(s));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    check_terminal_safe(raw);
    // Query text comes straight from the command line: any bytes.
    const std::string q = normalize_query_text(raw);
    FUZZ_CHECK(is_valid_utf8(q) || !is_valid_utf8(raw));
    FUZZ_CHECK(is_valid_utf8(fold_word(raw)) || !is_valid_utf8(raw));
    FUZZ_CHECK(is_valid_utf8(fold_key(raw)) || !is_valid_utf8(raw));

    std::string text;
    DecodeReport rep;
    if (decode_text(raw, text, rep) != RejectReason::none) return 0;
    FUZZ_CHECK(is_valid_utf8(text));
    FUZZ_CHECK(text.find('\r') == std::string::npos);
    FUZZ_CHECK(!is_blank(text));
    FUZZ_CHECK(rep.invalid_bytes <= size && (rep.invalid_bytes == 0 || rep.first_invalid_offset < size));

    Article a;
    a.text = text;
    split_article(a);
    FUZZ_CHECK(a.body_begin <= a.text.size());
    FUZZ_CHECK(a.title_span.begin <= a.title_span.end && a.title_span.end <= a.text.size());
    FUZZ_CHECK(is_valid_utf8(a.title) && is_valid_utf8(a.standfirst));
    FUZZ_CHECK(is_valid_utf8(shorten_title(text, 40)) && code_points(shorten_title(text, 40)) <= 41);

    const std::vector<Token> tokens = tokenize(text);
    check_tokens(text, tokens);
    const std::vector<Token> words = display_words(text);
    check_tokens(text, words);

    // A snippet around every other word's term, as a search would highlight them.
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < tokens.size(); i += 2)
        terms.push_back(tokens[i].term);
    std::vector<Highlight> highlights;
    const std::string snippet = make_snippet(text, terms, 60, highlights);
    FUZZ_CHECK(is_valid_utf8(snippet));
    const std::size_t cps = code_points(snippet);
    for (const Highlight& h : highlights)
        FUZZ_CHECK(h.begin <= h.end && h.end <= cps);
    check_terminal_safe(text);
    return 0;
}
