// SHA-256 against the FIPS 180-2 examples, and long terms (safe_term) that end in
// 128 bits of it.
#include <doctest/doctest.h>

#include <string>

#include "sha256.h"
#include "text.h"

using namespace newsfacet;

TEST_CASE("sha256: the FIPS 180-2 test vectors") {
    struct Row {
        std::string input;
        const char* digest;
    };
    const Row rows[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqr"
         "stu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
        {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        // 55, 56 and 64 bytes: the padding in one block, just not, and a whole block.
        {std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input.size());
        CHECK(sha256_hex(r.input) == r.digest);
    }
    CHECK(sha256_hex("abc", 16) == "ba7816bf8f01cfea414140de5dae2223");
}

TEST_CASE("safe_term: long terms keep a prefix and end in 128 bits of SHA-256") {
    const std::string base(300, 'x');
    struct Row {
        std::string term;
        std::size_t size;  // of the safe term
    };
    const Row rows[] = {
        {"Qshort", 6},
        {std::string(240, 'a'), 240},
        {std::string(241, 'a'), 240},
        {"Q" + base + "1", 240},
        // A cut inside a UTF-8 sequence moves back to its start: 206 bytes, then é
        // (2 bytes) would cross byte 207.
        {std::string(206, 'a') + "\xc3\xa9" + base, 239},
    };
    for (const Row& r : rows) {
        CAPTURE(r.term.size());
        const std::string t = safe_term(r.term);
        CHECK(t.size() == r.size);
        CHECK(is_valid_utf8(t));
        if (r.term.size() > 240) {
            CHECK(t.substr(t.size() - 33, 1) == "#");
            CHECK(t.substr(t.size() - 32) == sha256_hex(r.term, 16));
        } else {
            CHECK(t == r.term);
        }
    }
    // Two long ids that differ only in their last byte are two terms; the same id is
    // always the same term (the query side finds what the indexer wrote).
    CHECK(safe_term("XID" + base + "1") != safe_term("XID" + base + "2"));
    CHECK(safe_term("XID" + base + "1") == safe_term("XID" + base + "1"));
}
