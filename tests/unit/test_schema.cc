#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "docrecord.h"
#include "json.h"
#include "schema.h"

using namespace newsfacet;

TEST_CASE("schema table: unique names, prefixes and slots; fields looked up by name") {
    std::set<std::string_view> names, prefixes;
    std::set<int> slots;
    for (const Field& f : kFields) {
        CHECK(names.insert(f.name).second);
        CHECK(prefixes.insert(f.prefix).second);
        if (f.slot >= 0) CHECK(slots.insert(f.slot).second);
        if (f.kind != FieldKind::internal) CHECK(!f.example.empty());
    }
    CHECK(prefix("id") == "XID");
    CHECK(prefix("source") == "Q");
    CHECK(prefix("title") == "S");
    CHECK(prefix("speaker") == "XSPEAKER");
    // No prefix may be a prefix of another field's prefix followed by a lower-case
    // letter: keys are lower case, so XPLACE + "x" must never read as another field.
    for (const Field& a : kFields)
        for (const Field& b : kFields)
            if (a.name != b.name && b.prefix.size() > a.prefix.size() &&
                b.prefix.substr(0, a.prefix.size()) == a.prefix)
                CHECK(!(b.prefix[a.prefix.size()] >= 'a' && b.prefix[a.prefix.size()] <= 'z'));
}

TEST_CASE("docs/schema.md documents every field, prefix, slot and the schema version") {
    std::ifstream in(std::string(NEWSFACET_DOCS) + "/schema.md");
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string doc = ss.str();
    for (const Field& f : kFields) {
        CAPTURE(f.name);
        for (std::string_view p : {f.prefix, f.month_prefix, f.year_prefix})
            if (!p.empty()) CHECK(doc.find("`" + std::string(p) + "`") != std::string::npos);
        if (f.kind != FieldKind::internal) CHECK(doc.find("`" + std::string(f.name) + ":`") != std::string::npos);
        for (const FacetLevel& l : f.levels)
            if (!l.name.empty()) CHECK(doc.find(std::string(f.facet) + ":" + std::string(l.name)) != std::string::npos);
    }
    for (std::string_view p : {kQuotePrefix, kStemPrefix})
        CHECK(doc.find("`" + std::string(p) + "`") != std::string::npos);
    for (const SlotInfo& s : kSlots) {
        CAPTURE(s.name);
        CHECK(doc.find("| " + std::to_string(s.slot) + " | " + std::string(s.name) + " |") != std::string::npos);
    }
    CHECK(doc.find("Schema version: **" + std::to_string(kSchemaVersion) + "**") != std::string::npos);
}

TEST_CASE("value_terms and term_field: one mapping between values and terms, both ways") {
    struct Row {
        const char* field;
        const char* value;
        const char* kind_prefix;
        std::vector<std::string> terms;
    };
    const Row rows[] = {
        {"place", "Tel Aviv", "", {"XPLACEtel aviv"}},
        {"city", "Tokyo", "XQ", {"XQXCITYtokyo"}},
        {"speaker", "John Healey", "", {"XSPEAKERjohn healey"}},
        {"id", "Mixed_Case", "", {"XIDMixed_Case"}},
        {"id", "a", "XQ", {"XQXIDa"}},
        {"source", "/news/a.txt", "", {"Q/news/a.txt"}},
        {"file", "/news/a.jsonl", "", {"XFILE/news/a.jsonl"}},
        {"parent", "Q/news/a.txt", "XQ", {"XQXPARENTQ/news/a.txt"}},
        {"date", "2024-10-07", "", {"D20241007", "M202410", "Y2024"}},
        {"published", "2024-10", "", {"M202410", "Y2024"}},
        {"mentioned", "2023", "", {"XMY2023"}},
        {"mentioned", "2024-W41", "", {"XMM202410", "XMY2024"}},
        {"mentioned", "2024-W40", "", {"XMY2024"}},  // 30 September to 6 October
        {"mentioned", "2024-Q3", "", {"XMY2024"}},
        {"mentioned", "199", "", {}},
        {"place", "", "", {}},
    };
    for (const Row& r : rows) {
        const std::string what = std::string(r.field) + "=" + r.value;
        CAPTURE(what);
        const std::vector<std::string> got = value_terms(field(r.field), r.value, r.kind_prefix);
        CHECK(got == r.terms);
        for (const std::string& t : got) {
            const TermField tf = term_field(t, r.kind_prefix);
            CHECK(tf.field == field(r.field).name);
        }
    }
    CHECK(term_field("Zceasefir").field == "text");
    CHECK(term_field("Zceasefir").stemmed);
    CHECK(term_field("ZSpeac").field == "title");
    CHECK(term_field("peace").field == "text");
    CHECK(term_field("XMM202410").level == "month");
    CHECK(term_field("XSPKhealey=john healey").field == "speakerkey");
    CHECK(term_field("ZXQpeac", "XQ").stemmed);
    CHECK(find_field("published") == &field("date"));
    CHECK(find_facet("date")->facet == "published");
    CHECK(find_field("colour") == nullptr);
    CHECK_THROWS_AS(field("colour"), std::out_of_range);
}

TEST_CASE("DocRecord round-trips through its stored form, escapes included") {
    DocRecord r;
    r.id = "a\tb";
    r.title = "Line\nbreak \\ back";
    r.published = "2024-10-07";
    r.speakers = {"John Healey"};
    r.places = {"Tel Aviv", "Israel"};
    r.mentioned = {{"2023-10-07", "day"}};
    r.provenance = {{"place", "Israel", "\"Israel\" gazetteer:country at byte 5"}};
    r.text = "Body\twith tab";
    const DocRecord p = DocRecord::parse(r.serialise());
    CHECK(p.id == r.id);
    CHECK(p.title == r.title);
    CHECK(p.published == r.published);
    CHECK(p.speakers == r.speakers);
    CHECK(p.places == r.places);
    REQUIRE(p.mentioned.size() == 1);
    CHECK(p.mentioned[0].value == "2023-10-07");
    REQUIRE(p.provenance.size() == 1);
    CHECK(p.provenance[0].why == r.provenance[0].why);
    CHECK(p.text == r.text);
}

TEST_CASE("JSON: the writer escapes and nests") {
    JsonWriter w(false);
    w.begin_object()
        .field("a", "x\"y\n")
        .field("n", 3)
        .key("l")
        .begin_array()
        .value(true)
        .null()
        .end_array()
        .end_object();
    CHECK(w.str() == R"({"a":"x\"y\n","n":3,"l":[true,null]})");
}
