#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "eval_tempeval.h"
#include "extract.h"

using namespace newsfacet;
using namespace newsfacet::eval;

namespace {

std::string read(const std::string& name) {
    std::ifstream in(std::string(NEWSFACET_TEST_DATA) + "/tempeval/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

DateMention mention(const TmlDoc& doc, std::string_view surface, std::string value) {
    DateMention m;
    const std::size_t b = doc.text.find(surface);
    REQUIRE(b != std::string::npos);
    m.span = Span{b, b + surface.size()};
    m.surface = std::string(surface);
    m.value = std::move(value);
    return m;
}

}  // namespace

TEST_CASE("parse_tml strips tags, keeps TIMEX3 spans and reads the creation time") {
    const auto doc = parse_tml(read("small.tml"));
    REQUIRE(doc);
    REQUIRE(doc->dct);
    CHECK(iso_day(*doc->dct) == "2023-11-08");
    REQUIRE(doc->gold.size() == 5);
    struct Row {
        const char* surface;
        const char* type;
        const char* value;
    };
    const Row rows[] = {{"yesterday", "DATE", "2023-11-07"},
                        {"October 7", "DATE", "2023-10-07"},
                        {"this year", "DATE", "2023"},
                        {"now", "DATE", "PRESENT_REF"},
                        {"two years", "DURATION", "P2Y"}};
    for (std::size_t k = 0; k < 5; ++k) {
        const GoldTimex& g = doc->gold[k];
        CAPTURE(rows[k].surface);
        CHECK(doc->text.substr(g.span.begin, g.span.end - g.span.begin) == rows[k].surface);
        CHECK(g.type == rows[k].type);
        CHECK(g.value == rows[k].value);
    }
    CHECK(doc->text.find("& condemned") != std::string::npos);  // entities decoded
    CHECK(doc->text.find('<') == std::string::npos);

    const auto nodct = parse_tml(read("nodct.tml"));
    REQUIRE(nodct);
    CHECK(!nodct->dct);
    CHECK(!parse_tml("<TimeML>no text</TimeML>"));
}

TEST_CASE("score_document: a perfect and a deliberately wrong prediction") {
    const auto doc = parse_tml(read("small.tml"));
    REQUIRE(doc);
    // Perfect: the three scored DATEs, exact spans and values; "now" (PRESENT_REF) is
    // unscored, so predicting it costs nothing.
    {
        const std::vector<DateMention> pred = {mention(*doc, "yesterday", "2023-11-07"),
                                               mention(*doc, "October 7", "2023-10-07"),
                                               mention(*doc, "this year", "2023"), mention(*doc, "now", "2023-11-08")};
        const DocScore s = score_document(*doc, pred);
        CHECK(s.detection.tp == 3);
        CHECK(s.detection.fp == 0);
        CHECK(s.detection.fn == 0);
        CHECK(s.strict.f1() == doctest::Approx(1.0));
        CHECK(s.value.f1() == doctest::Approx(1.0));
        CHECK(s.unscored_gold == 1);
    }
    // Wrong: a partial span with a wrong value, a miss, and a false alarm.
    {
        const std::vector<DateMention> pred = {mention(*doc, "October", "2022-10-07"),
                                               mention(*doc, "this year", "2023"),
                                               mention(*doc, "minister", "2023-11-08")};
        const DocScore s = score_document(*doc, pred);
        CHECK(s.detection.tp == 2);  // "October" overlaps "October 7"
        CHECK(s.detection.fp == 1);  // "minister"
        CHECK(s.detection.fn == 1);  // "yesterday"
        CHECK(s.strict.tp == 1);
        CHECK(s.value.tp == 1);
        CHECK(s.value.fp == 2);
        CHECK(s.value.fn == 2);
        CHECK(s.matched == 2);
        CHECK(s.errors.size() == 4);  // miss, false alarm, wrong value, span difference
    }
    // Two predictions on one gold: one matches, the other is a false alarm; with
    // all_dates, the unscored "now" becomes a miss.
    {
        DateMention a = mention(*doc, "October", "2023-10-07");
        DateMention b = a;
        b.span.begin += 1;
        const DocScore s = score_document(*doc, {a, b});
        CHECK(s.detection.tp == 1);
        CHECK(s.detection.fp == 1);
        CHECK(score_document(*doc, {a}, true).value.fn == 3);
    }
    // The real extractor on the hand-made file finds the three scored dates.
    {
        const DocScore s = score_document(*doc, find_dates(doc->text, doc->dct));
        CHECK(s.value.tp == 3);
        CHECK(s.value.fp == 0);
    }
}

TEST_CASE("normalise_value and scored_value") {
    CHECK(normalise_value("2000-W7") == "2000-W07");
    CHECK(normalise_value("2000-W07") == "2000-W07");
    CHECK(normalise_value("1998-08-07TNI") == "1998-08-07");
    CHECK(normalise_value("1998-Q3") == "1998-Q3");
    CHECK(scored_value("1998-08-07"));
    CHECK(scored_value("199"));
    CHECK(!scored_value("PRESENT_REF"));
    CHECK(!scored_value("1998-XX-XX"));
    CHECK(!scored_value("P1W"));
    CHECK(!scored_value(""));
}
