#include <doctest/doctest.h>

#include "article.h"

using namespace newsfacet;

TEST_CASE("split_article finds the headline, standfirst or none") {
    struct Row {
        const char* text;
        const char* title;
        bool from_text;
        const char* standfirst;
    };
    const Row rows[] = {
        {"Healey makes new push for peace\n\nDefence Secretary John Healey has used the anniversary.\nMore text.",
         "Healey makes new push for peace", false, ""},
        {"UK defence secretary in Tel Aviv\nIsraeli officials said Gallant had provided an assessment\nLabour Defence "
         "Secretary John Healey has flown to Tel Aviv.\nMore.",
         "UK defence secretary in Tel Aviv", false, "Israeli officials said Gallant had provided an assessment"},
        {"A move towards a peaceful leadership in Palestine is the most desirable outcome in the Israel-Hamas "
         "conflict, "
         "British Foreign Secretary James Cleverley said today.\n\nMore text here.",
         "A move towards a peaceful leadership in Palestine is the most desirable outcome…", true, ""},
        {"Only one line of text.", "Only one line of text.", true, ""},
        {"\n\n  Headline after blank lines  \n\nBody sentence one. Body two.", "Headline after blank lines", false, ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        Article a;
        a.text = r.text;
        split_article(a);
        CHECK(a.title == r.title);
        CHECK(a.title_from_text == r.from_text);
        CHECK(a.standfirst == r.standfirst);
    }
}

TEST_CASE("decode_text: BOM, CR LF, invalid bytes, empty and binary input") {
    struct Row {
        std::string raw;
        RejectReason reason;
        std::string text;
        std::size_t invalid;
    };
    const Row rows[] = {
        {"\xEF\xBB\xBFHello\r\nWorld\r\n", RejectReason::none, "Hello\nWorld\n", 0},
        {"Caf\xE9 au lait", RejectReason::none, "Caf\xEF\xBF\xBD au lait", 1},
        {"", RejectReason::empty, "", 0},
        {" \n\t\r\n", RejectReason::empty, "", 0},
        {std::string("ab\0cd", 5), RejectReason::binary, "", 0},
        {"old\rmac", RejectReason::none, "old\nmac", 0},
        // Unicode white space only (NBSP, U+3000, EM SPACE, U+2028, ZWSP, a BOM inside) is empty.
        {"\xC2\xA0\xC2\xA0\n", RejectReason::empty, "", 0},
        {"\xE3\x80\x80 \xE2\x80\x83\r\n\xE2\x80\xA8", RejectReason::empty, "", 0},
        {"\xEF\xBB\xBF\xE2\x80\x8B\xEF\xBB\xBF\t", RejectReason::empty, "", 0},
        {"\xC2\xA0x\xC2\xA0", RejectReason::none, "\xC2\xA0x\xC2\xA0", 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.raw);
        std::string out;
        DecodeReport rep;
        CHECK(decode_text(r.raw, out, rep) == r.reason);
        if (r.reason == RejectReason::none) {
            CHECK(out == r.text);
            CHECK(rep.invalid_bytes == r.invalid);
        }
    }
}

TEST_CASE("shorten_title cuts at a word boundary") {
    CHECK(shorten_title("short", 80) == "short");
    CHECK(shorten_title("one two three four five six", 12) == "one two…");
}
