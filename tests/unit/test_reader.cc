#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "reader.h"

using namespace newsfacet;

namespace {

// Reads a JSON Lines text through read_jsonl, `chunk` bytes at a time; the ids of the
// articles and the messages.
struct JsonlRun {
    std::vector<std::string> ids, titles, problems;
};

JsonlRun run_jsonl(const std::string& text, std::size_t max_bytes = 64u << 20, std::size_t chunk = 7) {
    JsonlRun r;
    std::size_t pos = 0;
    ReadOptions opts;
    opts.max_bytes = max_bytes;
    read_jsonl(
        "t.jsonl",
        [&](char* buf, std::size_t n) -> long {
            const std::size_t k = std::min({n, chunk, text.size() - pos});
            std::memcpy(buf, text.data() + pos, k);
            pos += k;
            return static_cast<long>(k);
        },
        opts,
        [&](Article& a) {
            r.ids.push_back(a.id);
            r.titles.push_back(a.title);
        },
        [&](const std::string& where, const InputOutcome& o) { r.problems.push_back(where + ": " + o.message); });
    return r;
}

}  // namespace

TEST_CASE("read_jsonl: a BOM before line 1, blank lines, long lines, bad lines") {
    JsonlRun r = run_jsonl(
        "\xEF\xBB\xBF{\"id\": \"a\", \"title\": \"T\", \"body\": \"Body.\"}\n"
        "\n"
        "\xC2\xA0\xE3\x80\x80\r\n"
        "{\"body\": \"No id.\"}\n"
        "\xEF\xBB\xBF{\"id\": \"late-bom\"}\n"
        "{\"id\": \"ws\", \"body\": \"\\u00a0\\u3000\"}\n"
        "{\"id\": \"last\", \"body\": \"No newline at the end.\"}");
    CHECK(r.ids == std::vector<std::string>{"a", "t-4", "last"});
    CHECK(r.titles[0] == "T");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].starts_with("t.jsonl:5: not a JSON object"));  // a BOM is only skipped before line 1
    CHECK(r.problems[1] == "t.jsonl:6: empty article, skipped");

    r = run_jsonl("{\"id\": \"x\", \"body\": \"" + std::string(100, 'a') + "\"}\n{\"id\": \"y\", \"body\": \"b\"}\n",
                  64);
    CHECK(r.ids == std::vector<std::string>{"y"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "t.jsonl:1: line longer than 64 bytes, skipped");
}

TEST_CASE("read_jsonl: a date that is not a date is quoted, shortened, in the warning") {
    const JsonlRun r = run_jsonl("{\"id\": \"d\", \"body\": \"Text.\", \"date\": \"" + std::string(500, 'x') + "\"}\n");
    CHECK(r.ids == std::vector<std::string>{"d"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].size() < 160);
}

TEST_CASE("Manifest::add_text: BOM, header, comments, CR LF, bad lines") {
    Manifest m;
    std::vector<std::string> warnings;
    m.add_text(
        "dir", "dir/manifest.tsv",
        "\xEF\xBB\xBF"
        "file\tdate\n# comment\r\na.txt\t2024-10-07\tnote\r\nb.txt\t2024-13-01\nno tab here\n\nc.txt\t2023-11-08",
        warnings);
    REQUIRE(m.find("dir/a.txt"));
    CHECK(iso_day(*m.find("dir/a.txt")) == "2024-10-07");
    CHECK(iso_day(*m.find("dir/./c.txt")) == "2023-11-08");
    CHECK_FALSE(m.find("dir/b.txt"));
    CHECK(warnings == std::vector<std::string>{"dir/manifest.tsv:4: \"2024-13-01\" is not a date YYYY-MM-DD",
                                               "dir/manifest.tsv:5: expected FILE<TAB>YYYY-MM-DD"});
}

TEST_CASE("progress_line: count, total, percentage, rate and ETA") {
    struct Row {
        std::size_t done;
        double seconds;
        std::size_t total;
        bool estimated;
        const char* expected;
    };
    const Row rows[] = {
        {0, 0.0, 0, false, "indexed 0 articles, 0 articles/s"},
        {50, 2.0, 0, false, "indexed 50 articles, 25 articles/s"},
        {1, 0.5, 0, false, "indexed 1 article, 2 articles/s"},
        {50, 2.0, 200, false, "indexed 50 of 200 articles (25%), 25 articles/s, ETA 0:06"},
        {50, 2.0, 200, true, "indexed 50 of about 200 articles (25%), 25 articles/s, ETA 0:06"},
        {199, 1.0, 200, false, "indexed 199 of 200 articles (99%), 199 articles/s, ETA 0:00"},
        {300, 1.0, 200, true, "indexed 300 of about 300 articles (100%), 300 articles/s, ETA 0:00"},
        {0, 0.0, 10, false, "indexed 0 of 10 articles (0%), 0 articles/s, ETA --"},
        {10, 10.0, 100000, false, "indexed 10 of 100000 articles (0%), 1 articles/s, ETA 27:46:30"},
        {60, 60.0, 180, false, "indexed 60 of 180 articles (33%), 1 articles/s, ETA 2:00"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.expected);
        CHECK(progress_line(r.done, r.seconds, r.total, r.estimated) == r.expected);
    }
}

TEST_CASE("InputProgress::expected_articles: files exact, JSON Lines and SGML estimated from bytes") {
    struct Row {
        bool listed;
        std::size_t files;
        std::uint64_t bytes, bytes_read;
        std::size_t stream_articles;
        std::size_t expected;
        bool estimated;
    };
    const Row rows[] = {
        {false, 5, 0, 0, 0, 0, false},         // not listed yet: unknown
        {true, 5, 0, 0, 0, 5, false},          // files only: exact
        {true, 5, 1000, 0, 0, 0, false},       // no stream byte read: unknown
        {true, 5, 1000, 100, 10, 105, true},   // 10 articles per 100 bytes
        {true, 0, 1000, 250, 5, 20, true},
        {true, 2, 1000, 1000, 37, 39, false},  // all read: the count itself
        {true, 0, 1000, 1200, 12, 12, false},  // grew while read
    };
    for (const Row& r : rows) {
        InputProgress p;
        p.listed = r.listed;
        p.files = r.files;
        p.stream_bytes = r.bytes;
        p.stream_bytes_read = r.bytes_read;
        p.stream_articles = r.stream_articles;
        bool estimated = true;
        CAPTURE(r.expected);
        CHECK(p.expected_articles(&estimated) == r.expected);
        CHECK(estimated == r.estimated);
    }
}
