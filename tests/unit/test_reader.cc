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
