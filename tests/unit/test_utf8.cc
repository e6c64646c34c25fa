#include <doctest/doctest.h>

#include <string_view>

#include "utf8.h"

using namespace newsfacet;

TEST_CASE("next_code_point: the one UTF-8 decoder of extraction; invalid bytes are U+FFFD") {
    struct Row {
        std::string_view text;
        std::size_t at;
        char32_t cp;
        std::size_t next;
    };
    const Row rows[] = {
        {"a", 0, U'a', 1},
        {"ab", 1, U'b', 2},
        {"\xC3\xA9", 0, 0xE9, 2},                // é, ending the text
        {"x\xE2\x82\xAC", 1, 0x20AC, 4},         // €
        {"\xF0\x9F\x98\x80!", 0, 0x1F600, 4},    // an emoji, four bytes
        {"\xE2\x80\x99s", 0, 0x2019, 3},         // ’ before s
        {"\x80z", 0, 0xFFFD, 1},                 // a stray continuation byte
        {"\xC3z", 0, 0xFFFD, 1},                 // a lead byte without its continuation
        {"\xE2\x82", 0, 0xFFFD, 2},              // a sequence cut off by the end: its valid prefix
        {"\xC0\xAF", 0, 0xFFFD, 1},              // an overlong '/'
        {"\xED\xA0\x80", 0, 0xFFFD, 1},          // a surrogate
        {"\xFF", 0, 0xFFFD, 1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        std::size_t i = r.at;
        CHECK(next_code_point(r.text, i) == r.cp);
        CHECK(i == r.next);
    }
}
