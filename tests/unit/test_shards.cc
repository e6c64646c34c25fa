// Sharded databases: routing articles to shards and recognising sharded directories.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "shards.h"

using namespace newsfacet;

TEST_CASE("shard_of: stable, in range, spread evenly") {
    for (const std::size_t n : {1u, 2u, 3u, 8u}) {
        std::vector<std::size_t> per(n, 0);
        for (int i = 0; i < 3000; ++i) {
            const std::string id = "article-" + std::to_string(i);
            const std::size_t k = shard_of(id, n);
            REQUIRE(k < n);
            CHECK(shard_of(id, n) == k);
            ++per[k];
        }
        for (const std::size_t c : per) {
            CHECK(c > 3000 / n * 8 / 10);
            CHECK(c < 3000 / n * 12 / 10);
        }
    }
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c, which is even.
    CHECK(shard_of("a", 2) == 0);
    CHECK(shard_of("a", 1) == 0);
}

TEST_CASE("sharded_count: only stubs newsfacet-index wrote") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("newsfacet-shards-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    struct Case {
        std::string stub;
        std::size_t want;
    };
    const std::vector<Case> cases = {
        {std::string(kShardStubHeader) + ": 2 shards\nglass shard-0\nglass shard-1\n", 2},
        {std::string(kShardStubHeader) + "\nglass shard-0\nglass shard-1\nglass shard-2\n", 3},
        {"glass shard-0\nglass shard-1\n", 0},  // no header: not ours
        {"remote 127.0.0.1:9999\n", 0},
        {"", 0},
    };
    for (const Case& c : cases) {
        std::ofstream(dir / "XAPIANDB") << c.stub;
        CHECK_MESSAGE(sharded_count(dir.string()) == c.want, c.stub);
    }
    CHECK(sharded_count((dir / "missing").string()) == 0);
    fs::remove_all(dir);
}
