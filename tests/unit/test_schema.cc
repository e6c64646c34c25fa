#include <doctest/doctest.h>

#include <set>

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
    CHECK(prefix("id") == "Q");
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

TEST_CASE("JSON: writer escapes, reader takes flat objects") {
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
    struct Row {
        const char* line;
        bool ok;
        const char* title;
    };
    const Row rows[] = {
        {R"({"id": "1", "title": "T\u00e9", "n": 5})", true, "Té"},
        {R"({"title": "a", "tags": ["x", "y"]})", true, "a"},
        {R"(not json)", false, ""},
        {R"({"title": "unterminated)", false, ""},
        {R"({"a": {"nested": 1}})", false, ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.line);
        std::string err;
        auto m = parse_flat_json_object(r.line, err);
        CHECK(m.has_value() == r.ok);
        if (m && m->count("title")) CHECK(m->at("title") == r.title);
    }
}
