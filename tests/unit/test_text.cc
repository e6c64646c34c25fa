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
