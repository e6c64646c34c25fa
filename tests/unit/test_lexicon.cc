#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "lexicon.h"
#include "people.h"

using namespace newsfacet;

TEST_CASE("lexicon: classes, words and values in file order") {
    const std::string text = "# provenance header\nmonth\tjanuary\t1\nmonth\tfebruary\t2\r\n\nunit\tyears\ty\nstart\tthe\n";
    const Lexicon x("test.tsv", text);
    REQUIRE(x.list("month").size() == 2);
    CHECK(x.list("month")[1].word == "february");
    CHECK(x.list("unit")[0].value == "y");
    CHECK(x.list("start")[0].value.empty());
    const WordSet m = x.set("month");
    CHECK(m.value("february", 0) == 2);
    CHECK(m.value("march", -1) == -1);
    CHECK(x.set("start").contains("the"));
}

TEST_CASE("lexicon: a duplicate word in a class stops loading, naming file, line and word") {
    // {input, expected message}
    const struct {
        const char* text;
        const char* message;
    } rows[] = {
        {"month\tmay\t5\nmonth\tmay\t5\n", "test.tsv:2: duplicate \"may\" in class month"},
        {"# header\nmodal\tcan\n\nmodal\tmust\nmodal\tcan\n", "test.tsv:5: duplicate \"can\" in class modal"},
        {"verb\tsaid\tframe\nverb\tsays\tframe\nverb\tsaid\tclause\n", "test.tsv:3: duplicate \"said\" in class verb"},
        {"month\tmay\nnoword\n", "test.tsv:2: expected CLASS<TAB>WORD[<TAB>VALUE], got \"noword\""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK_THROWS_WITH_AS(Lexicon("test.tsv", row.text), row.message, std::runtime_error);
    }
    // The same word in two classes is not a duplicate ("may" a month, "may" a modal).
    CHECK_NOTHROW(Lexicon("test.tsv", "month\tmay\t5\nmodal\tmay\n"));
}

TEST_CASE("lexicon: a missing class or a value that is not a number fails loudly") {
    const Lexicon x("test.tsv", "unit\tyears\ty\n");
    CHECK_THROWS_WITH_AS(x.list("month"), "test.tsv: no class month", std::runtime_error);
    CHECK_THROWS_AS(x.set("unit"), std::runtime_error);
}

TEST_CASE("lexicon: the embedded word lists load without duplicates") {
    CHECK(embedded_lexicon("dates-en.tsv").set("month").size() == 12);
    CHECK(embedded_lexicon("dates-en.tsv").set("weekday").size() == 7);
    CHECK(embedded_lexicon("speech-verbs.tsv").list("speech-verb").size() > 100);
    CHECK_THROWS_AS(embedded_lexicon("no-such-file.tsv"), std::runtime_error);
}

TEST_CASE("lexicon: the word lists moved out of extract/ hold every word they held in code") {
    // {file, class, words}: the sizes of the inline lists they replaced (people.cc's
    // function words held "whose" twice).
    const struct {
        const char* file;
        const char* cls;
        std::size_t words;
    } rows[] = {
        {"abbreviations.tsv", "sentence", 35},
        {"abbreviations.tsv", "conll", 40},
        {"abbreviations.tsv", "dates", 22},
        {"people-words.tsv", "negated-auxiliary", 17},
        {"people-words.tsv", "function-word", 242},
        {"people-words.tsv", "particle", 23},
        {"people-words.tsv", "firm-suffix", 12},
        {"people-words.tsv", "firm-word", 27},
        {"people-words.tsv", "non-person-next", 61},
        {"people-words.tsv", "non-person-previous", 32},
        {"people-words.tsv", "currency", 16},
        {"people-words.tsv", "workers", 8},
        {"people-words.tsv", "person-adjective", 5},
        {"people-words.tsv", "person-noun", 48},
        {"places-words.tsv", "capitalised-function-word", 117},
        {"places-words.tsv", "modifier-after-place", 76},
        {"places-words.tsv", "direction", 22},
        {"places-words.tsv", "organisation-head", 56},
        {"places-words.tsv", "particle", 12},
        {"places-words.tsv", "locative", 19},
        {"places-words.tsv", "place-context", 6},
    };
    for (const auto& r : rows) {
        CAPTURE(r.file);
        CAPTURE(r.cls);
        CHECK(embedded_lexicon(r.file).set(r.cls).size() == r.words);
    }
}

TEST_CASE("speech verbs: one list, read by use") {
    // {word, is a frame verb}
    const struct {
        const char* word;
        bool frame;
    } rows[] = {
        {"said", true},     {"told", true},       {"explained", true}, {"retorted", true},
        {"added:", false},  {"claiming", false},  {"ask", false},      {"reminded", false},
        {"Said", false},    {"", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.word);
        CHECK(detail::is_speech_verb(row.word) == row.frame);
    }
}
