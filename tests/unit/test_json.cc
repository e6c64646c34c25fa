#include <doctest/doctest.h>

#include <string>

#include "json.h"

using namespace newsfacet;

TEST_CASE("json_string escapes what a terminal would act on and keeps the text") {
    struct Row {
        std::string in, out;
    };
    const Row rows[] = {
        {"plain", "\"plain\""},
        {"q\"b\\\n\t", "\"q\\\"b\\\\\\n\\t\""},
        {"\x1B[31m\x07\x7F", "\"\\u001b[31m\\u0007\\u007f\""},
        {"c1\xC2\x9B", "\"c1\\u009b\""},
        {"rlo\xE2\x80\xAE lri\xE2\x81\xA6", "\"rlo\\u202e lri\\u2066\""},
        {"ls\xE2\x80\xA8", "\"ls\\u2028\""},
        {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\""},
        {"bad\xE9", "\"bad\xEF\xBF\xBD\""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.in);
        std::string out;
        json_string(out, r.in);
        CHECK(out == r.out);
    }
}

TEST_CASE("parse_json_members: the wanted members of one JSON Lines object, as text") {
    struct Row {
        std::string line;
        const char* title;  // nullptr: no title member; the error's text when !ok
        bool ok;
    };
    const std::string deep = "{\"title\": " + std::string(100, '[');
    const Row rows[] = {
        {R"({"id": "1", "title": "T\u00e9", "n": 5})", "T\xC3\xA9", true},
        {R"({"title": ["x", "y"], "body": "b"})", "x\ny", true},
        {R"({"title": [1, 1.50, true, null, ["a", "b"]]})", "1\n1.50\ntrue\n\na\nb", true},
        {R"({"title": null})", "", true},
        {R"({"body": "no title"})", nullptr, true},
        {R"({"title": "first", "title": "second"})", "second", true},
        // Other members are skipped whatever they hold.
        {R"({"meta": {"a": [1, {"b": 2}]}, "title": "t"})", "t", true},
        // Lenient where real files are: invalid bytes kept for the caller to repair,
        // lone surrogate escapes U+FFFD, raw control characters kept.
        {"{\"title\": \"Caf\xE9 \xFF\xFE!\"}", "Caf\xE9 \xFF\xFE!", true},
        {R"({"title": "a\ud800\u0041 \udc00 \ud83d\ude00"})", "a\xEF\xBF\xBD" "A \xEF\xBF\xBD \xF0\x9F\x98\x80",
         true},
        {"{\"title\": \"tab\there\"}", "tab\there", true},
        {"{\"title\": \"\xF4\x8F\xBF\xBF \xE9\"}", "\xF4\x8F\xBF\xBF \xEF\xBF\xBD", true},
        {"{\"title\": \"ok\"}\r", "ok", true},
        // What is wrong, and where (byte offsets in the line as given).
        {"not json", "at byte 1: invalid literal", false},
        {"[1, 2]", "expected a JSON object, found an array", false},
        {R"("text")", "expected a JSON object", false},
        {"\xEF\xBB\xBF{}", "expected a JSON object, found a byte order mark", false},
        {R"({"title": "unterminated)", "at byte 23: invalid string: missing closing quote", false},
        {"{\"t\xE9\": \"x\", }", "at byte 12: unexpected '}'; expected string literal", false},
        {R"({"title": {"nested": 1}})", "member \"title\" holds an object, expected text", false},
        {R"({"title": "a"} trailing)", "at byte 17: invalid literal", false},
        {R"({"title": bare})", "at byte 10: invalid literal", false},
        {deep, "arrays or objects nested more than 64 deep", false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.line);
        auto m = parse_json_members(r.line, {"id", "title", "body"});
        REQUIRE(bool(m) == r.ok);
        if (!r.ok) {
            CHECK(m.error().message == r.title);
        } else if (r.title == nullptr) {
            CHECK(m->count("title") == 0);
        } else {
            REQUIRE(m->count("title") == 1);
            CHECK(m->at("title") == r.title);
        }
        if (m) CHECK(m->count("n") == 0);
    }
}
