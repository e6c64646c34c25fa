#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text.h"

using namespace newsfacet;

namespace {
std::vector<std::string> terms_of(std::string_view s) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(s))
        out.push_back(t.joined ? "+" + t.term : t.term);
    return out;
}
}  // namespace

TEST_CASE("fold_word: case, accents, apostrophes, digit groups, compatibility forms") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Ceasefire", "ceasefire"},
        {"CEASEFIRE", "ceasefire"},
        {"Café", "cafe"},
        {"ÉLYSÉE", "elysee"},
        {"Britain’s", "britain's"},
        {"Britain's", "britain's"},
        {"42,000", "42000"},
        {"1,200", "1200"},
        {"3.5", "3.5"},
        {"ﬁnance", "finance"},
        {"Straße", "strasse"},
        {"İstanbul", "istanbul"},
        {"naïve", "naive"},
        {"ＵＫ", "uk"},
        {"", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(fold_word(r.input) == r.expected);
    }
}

TEST_CASE("tokenize: words, hyphenated compounds, numbers, quotes") {
    struct Row {
        const char* input;
        std::vector<std::string> expected;  // "+x" marks a joined compound
    };
    const std::vector<Row> rows = {
        {"De-escalation must be", {"de", "escalation", "+deescalation", "must", "be"}},
        {"the Israel-Hamas war", {"the", "israel", "hamas", "+israelhamas", "war"}},
        {"a two-state solution", {"a", "two", "state", "+twostate", "solution"}},
        {"almost 42,000 people", {"almost", "42000", "people"}},
        {"“I’ve said,” he", {"i've", "said", "he"}},
        {"step-up diplomacy.", {"step", "up", "+stepup", "diplomacy"}},
        {"left - right", {"left", "right"}},
        {"well-to-do folk", {"well", "to", "do", "+welltodo", "folk"}},
        {"U.K. and U.S.", {"u.k", "and", "u.s"}},
        {"", {}},
        {" \n\t ", {}},
        {"\xEF\xBF\xBD odd", {"odd"}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(terms_of(r.input) == r.expected);
    }
}

TEST_CASE("tokenize: spans are byte offsets of the words") {
    const std::string s = "Mr Healey’s “plan” for Gaza";
    const auto toks = tokenize(s);
    REQUIRE(toks.size() == 5);
    CHECK(s.substr(toks[1].begin, toks[1].end - toks[1].begin) == "Healey’s");
    CHECK(s.substr(toks[2].begin, toks[2].end - toks[2].begin) == "plan");
    CHECK(s.substr(toks[4].begin, toks[4].end - toks[4].begin) == "Gaza");
}

TEST_CASE("normalize_query_text keeps operators and case, unifies what the indexer unifies") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"“two-state solution”", "\"two-state solution\""},
        {"Britain’s AND NOT Café", "Britain's AND NOT Cafe"},
        {"42,000 OR 1,200", "42000 OR 1200"},
        {"speaker:\"John Healey\"", "speaker:\"John Healey\""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        CHECK(normalize_query_text(r.input) == r.expected);
    }
}

TEST_CASE("fold_key folds phrases for look-ups") {
    CHECK(fold_key("John  HEALEY") == "john healey");
    CHECK(fold_key("São Paulo") == "sao paulo");
    CHECK(fold_key("Tel-Aviv") == "tel aviv");
}

TEST_CASE("stem is Snowball English") {
    CHECK(stem("ceasefires") == "ceasefir");
    CHECK(stem("ceasefire") == "ceasefir");
    CHECK(stem("britain's") == "britain");
}

TEST_CASE("display_words finds the same words as tokenize") {
    const char* rows[] = {
        "Healey’s “plan”: 42,000 people, 3.5% and U.K. talks — De-escalation in Gaza.",
        "Café São Paulo naïve ﬁnance İstanbul",
        "日本の首相 said Tokyo",
        "line\nbreaks\tand  spaces, it's fine...",
        "\xEF\xBF\xBD odd \xEF\xBF\xBD",
        "",
    };
    for (const char* r : rows) {
        CAPTURE(r);
        std::vector<std::string> a, b;
        for (const Token& t : tokenize(r))
            if (!t.joined) a.push_back(t.term + "@" + std::to_string(t.begin));
        for (const Token& t : display_words(r))
            b.push_back(t.term + "@" + std::to_string(t.begin));
        CHECK(a == b);
    }
}

TEST_CASE("is_blank: ASCII and Unicode white space, zero-width characters") {
    struct Row {
        std::string text;
        bool blank;
    };
    const Row rows[] = {
        {"", true},
        {" \t\r\n\f\v", true},
        {"\xC2\xA0", true},                              // NO-BREAK SPACE
        {"\xE3\x80\x80", true},                          // IDEOGRAPHIC SPACE
        {"\xE2\x80\x83\xE2\x80\xAF", true},              // EM SPACE, NARROW NO-BREAK SPACE
        {"\xE2\x80\xA8\xE2\x80\xA9", true},              // LINE and PARAGRAPH SEPARATOR
        {"\xE2\x80\x8B\xE2\x81\xA0\xEF\xBB\xBF", true},  // ZWSP, WORD JOINER, ZWNBSP
        {"\xC2\x85", true},                              // NEXT LINE
        {" x ", false},
        {"\xC2\xA0.", false},
        {"\xEF\xBF\xBD", false},  // U+FFFD is text
        {"\xA0", false},          // an invalid byte is not white space
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CHECK(is_blank(r.text) == r.blank);
    }
}

TEST_CASE("terminal_safe: controls, C1, bidi overrides and invalid bytes become U+FFFD, one for one") {
    struct Row {
        std::string in, out;
    };
    const std::string R = "\xEF\xBF\xBD";
    const Row rows[] = {
        {"plain text, tabs\tstay", "plain text, tabs\tstay"},
        {"\x1B[31mred\x1B[0m", R + "[31mred" + R + "[0m"},
        {"title\x1B]0;pwned\x07", "title" + R + "]0;pwned" + R},
        {"line\nbreak\r", "line" + R + "break" + R},
        {"del\x7F", "del" + R},
        {"csi\xC2\x9B"
         "2J",
         "csi" + R + "2J"},  // U+009B, C1 CSI
        {"a\xE2\x80\xAE"
         "b\xE2\x81\xA6"
         "c\xE2\x80\xAA",
         "a" + R + "b" + R + "c" + R},                     // RLO, LRI, LRE
        {"rtl\xE2\x80\x8F mark", "rtl\xE2\x80\x8F mark"},  // RLM stays
        {"Caf\xE9", "Caf" + R},                            // invalid UTF-8
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x9Cq\xE2\x80\x9D",
         "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x9Cq\xE2\x80\x9D"},
        {std::string("nul\0x", 5), "nul" + R + "x"},
        {"cut\xE2\x82", "cut" + R},          // a cut-off sequence: one U+FFFD for its bytes
        {"lit\xEF\xBF\xBD" "x", "lit" + R + "x"},  // a U+FFFD in the text stays
        {"\x80\x80", R + R},                 // one for each stray continuation byte
    };
    for (const Row& r : rows) {
        CAPTURE(r.in);
        CHECK(terminal_safe(r.in) == r.out);
        if (is_valid_utf8(r.in)) CHECK(code_points(terminal_safe(r.in)) == code_points(r.in));
    }
}
