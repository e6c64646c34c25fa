// newsfacet-bench roundtrip: what you type finds what the text says (issue 11, item
// 8). Every whitespace-separated token of every article, outer punctuation stripped,
// typed as a query restricted to that article, must find it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsfacet::bench {

struct RoundtripOptions {
    /// What newsfacet-index reads: directories, .jsonl, Reuters .sgm files; of a
    /// directory holding *.sgm files (Reuters-21578), only those.
    std::vector<std::string> inputs;
    std::string work;           ///< scratch directory for one database per input
    std::string bin_dir;        ///< where newsfacet-index is
    bool literal_words = true;  ///< false: QueryParser alone (--no-literal-words)
    bool reuse_index = false;   ///< keep the databases of an earlier run in `work`
    std::size_t show = 20;      ///< misses listed per input
    double min_percent = 0;     ///< exit 1 when the overall figure is below
};

/// The round trip; prints a line per input, the overall figure and samples of the
/// misses. Returns the exit status.
int roundtrip(const RoundtripOptions& o);

/// A token as a user would type it: outer characters that are neither letters nor
/// digits stripped ("(U.S.-owned," -> "U.S.-owned"); "" when none is left.
std::string strip_outer_punctuation(std::string_view token);

}  // namespace newsfacet::bench
