// The JSON Lines reader (read_jsonl, docs/input.md) on any bytes, fed in chunks of a
// size that varies with the input (lines cross buffer ends) and with a line limit
// that varies too (long lines are skipped). Every article it hands on is decoded
// text with its headline inside it.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_check.h"
#include "reader.h"
#include "text.h"

using namespace newsfacet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    std::size_t pos = 0;
    const std::size_t chunk = 1 + size % 61;
    ByteSource source = [&](char* buf, std::size_t n) -> long {
        const std::size_t k = std::min({n, chunk, size - pos});
        if (k) std::memcpy(buf, data + pos, k);
        pos += k;
        return static_cast<long>(k);
    };
    ReadOptions opts;
    opts.max_bytes = std::size_t{64} << (size % 7);  // 64 .. 4096 bytes a line
    if (size % 3 == 0) opts.published = Ymd{2024, 10, 8};
    std::size_t articles = 0, problems = 0;
    read_jsonl(
        "fuzz.jsonl", source, opts,
        [&](Article& a) {
            ++articles;
            FUZZ_CHECK(!a.id.empty());
            FUZZ_CHECK(is_valid_utf8(a.text) && !is_blank(a.text));
            FUZZ_CHECK(is_valid_utf8(a.title) && is_valid_utf8(a.standfirst));
            FUZZ_CHECK(a.body_begin <= a.text.size());
            FUZZ_CHECK(a.title_span.begin <= a.title_span.end && a.title_span.end <= a.text.size());
            if (a.published) {
                FUZZ_CHECK(a.published->month >= 1 && a.published->month <= 12);
                FUZZ_CHECK(a.published->day >= 1 && a.published->day <= days_in_month(a.published->year, a.published->month));
            }
        },
        [&](const std::string& where, const InputOutcome& o) {
            ++problems;
            FUZZ_CHECK(where.starts_with("fuzz.jsonl:"));
            FUZZ_CHECK(!o.message.empty());
        });
    FUZZ_CHECK(pos == size);  // read to the end
    FUZZ_CHECK(articles <= size);
    return 0;
}
