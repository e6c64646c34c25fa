#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "ner_eval.h"
#include "reuters.h"

using namespace newsfacet;
using namespace newsfacet::eval;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("reuters: latin-1 stories are parsed, unescaped and unwrapped") {
    CHECK(latin1_to_utf8("caf\xE9") == "caf\xC3\xA9");
    CHECK(latin1_to_utf8("plain") == "plain");
    const auto docs =
        parse_reuters_sgml(latin1_to_utf8(read_all(std::string(NEWSFACET_TEST_DATA) + "/eval/reuters/tiny.sgm")));
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].newid == "1");
    CHECK(docs[0].date.has_value());
    CHECK(docs[0].places == std::vector<std::string>{"japan", "usa"});
    CHECK(docs[0].people == std::vector<std::string>{"james-baker"});
    CHECK(docs[0].text() ==
          "JAPAN AND U.S. TALK TRADE\n"
          "TOKYO, Feb 26 - Japanese officials met Treasury Secretary James Baker in Tokyo on Thursday to discuss "
          "trade & the yen, a caf\xC3\xA9 owner said.\n"
          "Baker said the talks would continue in Washington.");
    CHECK(docs[1].places == std::vector<std::string>{"ussr"});
    CHECK(docs[1].text().find("MOSCOW GRAIN TALKS <OPEN>") != std::string::npos);
    CHECK(docs[2].places.empty());
}

TEST_CASE("reuters: the place scorer, perfect and wrong") {
    const PlaceCodeMap codes = parse_place_codes(
        "# comment\nusa\tUnited States\nussr\tSoviet Union|Russia\njapan\tJapan\nuk\tUnited Kingdom\n");
    REQUIRE(codes.size() == 4);
    struct Row {
        std::vector<std::string> gold;
        std::set<std::string> predicted;
        std::size_t tp, fp, fn;
    };
    const Row rows[] = {
        {{"usa", "japan"}, {"United States", "Japan"}, 2, 0, 0},           // perfect
        {{"usa", "japan"}, {"United Kingdom"}, 0, 1, 2},                   // all wrong
        {{"ussr"}, {"Russia"}, 1, 0, 0},                                   // an alternative name
        {{"usa"}, {"United States", "Middle East", "Atlantis"}, 1, 0, 0},  // names no code maps to are not scored
        {{"usa", "usa"}, {"United States"}, 1, 0, 0},                      // duplicate codes count once
        {{"narnia"}, {}, 0, 0, 1},                                         // an unknown code is a miss
    };
    for (const Row& r : rows) {
        const Prf s = score_places(r.gold, r.predicted, codes);
        CHECK(s.tp == r.tp);
        CHECK(s.fp == r.fp);
        CHECK(s.fn == r.fn);
    }
}

TEST_CASE("reuters: person codes and the people scorer") {
    struct Row {
        const char* name;
        const char* code;
    };
    const Row rows[] = {{"James Baker", "james-baker"},
                        {"James A. Baker", "james-a-baker"},
                        {"Karl Otto Poehl", "karl-otto-poehl"},
                        {"Brian O'Neill", "brian-oneill"}};
    for (const Row& r : rows)
        CHECK(person_code(r.name) == r.code);
    CHECK(score_people({"james-baker"}, {"james-baker"}).f1() == doctest::Approx(1.0));
    const Prf surname = score_people({"james-baker"}, {"james-a-baker", "paul-volcker"});
    CHECK(surname.tp == 1);
    CHECK(surname.fp == 1);
    const Prf wrong = score_people({"james-baker"}, {"paul-volcker"});
    CHECK(wrong.tp == 0);
    CHECK(wrong.fn == 1);
    CHECK(wrong.fp == 1);
}

TEST_CASE("reuters: newsfacet-eval reuters end to end on a tiny corpus") {
    EvalOptions o;
    o.path = std::string(NEWSFACET_TEST_DATA) + "/eval/reuters";
    o.json = true;
    std::ostringstream out;
    REQUIRE(eval_reuters(o, out) == 0);
    const std::string j = out.str();
    CAPTURE(j);
    CHECK(j.find("\"documents_places\": 2") != std::string::npos);
    CHECK(j.find("\"documents_people\": 1") != std::string::npos);
    // japan (Tokyo), usa (U.S., Washington) and ussr (Moscow -> Russia) are all found.
    CHECK(j.find("\"places\": {\"precision\": 1.0000, \"recall\": 1.0000") != std::string::npos);
    o.path = "/nonexistent";
    std::ostringstream err;
    CHECK(eval_reuters(o, err) == 1);
}
