#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "eval_quotes.h"

using namespace newsfacet;
using namespace newsfacet::eval;

namespace {

std::string slurp(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const std::string kDir = std::string(NEWSFACET_TEST_DATA) + "/eval/brat";

Quote quote(std::string_view text, std::string_view content, std::string speaker) {
    Quote q;
    const std::size_t b = text.find(content);
    q.span = {b, b + content.size()};
    q.text = std::string(content);
    q.speaker = std::move(speaker);
    q.speaker_is_person = true;
    return q;
}

}  // namespace

TEST_CASE("parse_polnear_ann turns code-point offsets into byte spans and finds direct quotes") {
    const std::string text = slurp(kDir + "/text/tiny.txt");
    std::vector<GoldAttribution> gold = parse_polnear_ann(slurp(kDir + "/attributions/tiny_ab12.ann"), text);
    REQUIRE(gold.size() == 4);
    struct Row {
        const char* content;
        bool direct, partial;
        const char* source;
    };
    const Row rows[] = {
        {"on Monday", false, false, "Senator Jane Doe"},
        {"\xE2\x80\x9CWe will not give up,\xE2\x80\x9D", true, false, "she"},
        {"the plan \xE2\x80\x9Cwould cost billions of dollars over ten years.\xE2\x80\x9D", false, true, "Mr. Smith"},
        {"\xE2\x80\x9CIt is a disgrace,\xE2\x80\x9D", true, false, "John Smith"},
    };
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string content = rows[i].content;
        CAPTURE(content);
        CHECK(text.substr(gold[i].content.begin, gold[i].content.end - gold[i].content.begin) == content);
        CHECK(gold[i].direct == rows[i].direct);
        CHECK(gold[i].partial == rows[i].partial);
        CHECK(gold[i].source_text == rows[i].source);
    }
    resolve_gold_speakers(gold);
    CHECK(gold[1].speaker == "Senator Jane Doe");  // "she" -> the nearest named source
    CHECK(gold[3].speaker == "John Smith");
}

TEST_CASE("same_speaker compares surnames after honorifics, brackets and appositives") {
    struct Row {
        const char* predicted;
        const char* gold;
        bool same;
    };
    const Row rows[] = {
        {"Donald Trump", "Trump", true},
        {"Gwen Moore", "Rep. Gwen Moore (D-Wis.)", true},
        {"Tim Hess", "Tim Hess, a real estate developer in Virginia", true},
        {"Charles B. Rangel", "Representative Charles B. Rangel of New York", true},
        {"Jason Miller", "Trump campaign spokesman Jason Miller", true},
        {"Hillary Clinton", "Trump", false},
        {"", "Trump", false},
    };
    for (const Row& r : rows) {
        const std::string p = r.predicted;
        CAPTURE(p);
        CHECK(same_speaker(r.predicted, r.gold) == r.same);
    }
}

TEST_CASE("score_polnear_document: a perfect and a deliberately wrong prediction") {
    const std::string text = slurp(kDir + "/text/tiny.txt");
    std::vector<GoldAttribution> gold = parse_polnear_ann(slurp(kDir + "/attributions/tiny_ab12.ann"), text);
    resolve_gold_speakers(gold);

    const std::vector<Quote> perfect = {quote(text, "We will not give up,", "Jane Doe"),
                                        quote(text, "It is a disgrace,", "John Smith")};
    PolnearScore s = score_polnear_document("tiny", text, gold, perfect, nullptr);
    CHECK(s.gold_direct == 2);
    CHECK(s.gold_matched == 2);
    CHECK(s.precision() == doctest::Approx(1.0));
    CHECK(s.recall() == doctest::Approx(1.0));
    CHECK(s.speaker_accuracy() == doctest::Approx(1.0));

    // Wrong: one quote missed, one with the wrong speaker, one false alarm, and one
    // partial quote that counts neither way.
    const std::vector<Quote> wrong = {quote(text, "It is a disgrace,", "Jane Doe"),
                                      quote(text, "Senator Jane Doe spoke", "Jane Doe"),
                                      quote(text, "would cost billions of dollars over ten years.", "Smith")};
    std::vector<PolnearError> errors;
    s = score_polnear_document("tiny", text, gold, wrong, &errors);
    CHECK(s.gold_matched == 1);
    CHECK(s.predicted == 3);
    CHECK(s.predicted_matched == 1);
    CHECK(s.predicted_neutral == 1);
    CHECK(s.recall() == doctest::Approx(0.5));
    CHECK(s.precision() == doctest::Approx(0.5));
    CHECK(s.speaker_total == 1);
    CHECK(s.speaker_correct == 0);
    REQUIRE(errors.size() == 3);
    int kinds[3] = {0, 0, 0};
    for (const auto& e : errors)
        ++kinds[e.kind];
    CHECK(kinds[PolnearError::miss] == 1);
    CHECK(kinds[PolnearError::false_alarm] == 1);
    CHECK(kinds[PolnearError::wrong_speaker] == 1);
}

TEST_CASE("eval_polnear reads a brat folder, skipping macOS junk and empty documents") {
    EvalOptions o;
    o.path = kDir;
    o.json = true;
    std::ostringstream out;
    CHECK(eval_polnear(o, out) == 0);
    const std::string json = out.str();
    CAPTURE(json);
    CHECK(json.find("\"documents\": 1") != std::string::npos);
    CHECK(json.find("\"empty_documents\": 1") != std::string::npos);
    CHECK(json.find("\"gold_direct\": 2") != std::string::npos);
    o.path = kDir + "/does-not-exist";
    std::ostringstream out2;
    CHECK(eval_polnear(o, out2) == 1);
}
