#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "ner_eval.h"

using namespace newsfacet;
using namespace newsfacet::eval;

TEST_CASE("conll: bio_spans reads IOB2 and IOB1") {
    struct Row {
        std::vector<std::string> tags;
        std::vector<TokenSpan> expected;
    };
    const Row rows[] = {
        {{"B-LOC", "I-LOC", "O", "B-PER"}, {{0, 2, "LOC"}, {3, 4, "PER"}}},
        {{"I-LOC", "I-LOC", "O", "I-PER"}, {{0, 2, "LOC"}, {3, 4, "PER"}}},  // IOB1
        {{"I-LOC", "B-LOC"}, {{0, 1, "LOC"}, {1, 2, "LOC"}}},                // IOB1: two adjacent places
        {{"B-ORG", "I-LOC"}, {{0, 1, "ORG"}, {1, 2, "LOC"}}},                // type change starts a new one
        {{"O", "O"}, {}},
        {{}, {}},
    };
    for (const Row& r : rows)
        CHECK(bio_spans(r.tags) == r.expected);
}

TEST_CASE("conll: documents are rebuilt as text and byte spans map back to tokens") {
    std::ifstream in(std::string(NEWSFACET_TEST_DATA) + "/eval/tiny-ner.txt");
    const auto docs = read_conll(in);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].sentence_starts == std::vector<std::size_t>{0, 2});
    const ConllText t = rebuild_text(docs[0]);
    CHECK(t.text == "TOKYO 1996-08-30\nJapan and China met in Tel Aviv .");
    struct Row {
        std::string surface;
        TokenSpan expected;
    };
    const Row rows[] = {{"TOKYO", {0, 1, ""}}, {"Tel Aviv", {7, 9, ""}}, {"China", {4, 5, ""}}, {"Tel", {7, 8, ""}}};
    for (const Row& r : rows) {
        CAPTURE(r.surface);
        const std::size_t b = t.text.find(r.surface);
        TokenSpan got;
        REQUIRE(to_token_span(t.token_bytes, {b, b + r.surface.size()}, got));
        CHECK(got.begin == r.expected.begin);
        CHECK(got.end == r.expected.end);
    }
    TokenSpan none;
    CHECK(!to_token_span(t.token_bytes, {5, 6}, none));  // the space after TOKYO covers no token
}

TEST_CASE("conll: the scorer counts a perfect and a deliberately wrong prediction") {
    const std::vector<TokenSpan> gold = {{0, 1, "LOC"}, {2, 4, "LOC"}, {5, 7, "PER"}, {8, 10, "ORG"}};
    NerScore perfect;
    score_ner(gold, {{0, 1, "LOC"}, {2, 4, "LOC"}, {5, 7, "PER"}}, perfect);
    CHECK(perfect.loc.tp == 2);
    CHECK(perfect.loc.fp == 0);
    CHECK(perfect.loc.fn == 0);
    CHECK(perfect.per.f1() == doctest::Approx(1.0));
    CHECK(perfect.confusions.empty());

    NerScore wrong;
    // LOC on an ORG, a LOC cut short, a PER predicted as LOC, one gold LOC missed.
    score_ner(gold, {{8, 10, "LOC"}, {2, 3, "LOC"}, {5, 7, "LOC"}}, wrong);
    CHECK(wrong.loc.tp == 0);
    CHECK(wrong.loc.fp == 3);
    CHECK(wrong.loc.fn == 2);
    CHECK(wrong.per.fn == 1);
    CHECK(wrong.loc.precision() == 0.0);
    CHECK(wrong.confusions["gold ORG -> predicted LOC"] == 1);
    CHECK(wrong.confusions["gold PER -> predicted LOC"] == 1);
    CHECK(wrong.confusions["boundary: gold LOC vs predicted LOC"] == 1);
    CHECK(wrong.confusions["gold LOC -> missed"] == 1);
}

TEST_CASE("conll: newsfacet-eval conll end to end on a tiny file") {
    EvalOptions o;
    o.path = std::string(NEWSFACET_TEST_DATA) + "/eval/tiny-ner.txt";
    o.json = true;
    std::ostringstream out;
    REQUIRE(eval_conll(o, out) == 0);
    const std::string j = out.str();
    CAPTURE(j);
    CHECK(j.find("\"documents\": 2") != std::string::npos);
    // TOKYO (dateline), Japan, China, Tel Aviv and Britain are found; the Bank of England is not a place.
    CHECK(j.find("\"LOC\": {\"precision\": 1.0000, \"recall\": 1.0000") != std::string::npos);
    o.path = "/nonexistent/file.conll";
    std::ostringstream err;
    CHECK(eval_conll(o, err) == 1);
}
