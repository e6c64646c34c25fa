// newsfacet-bench run: the index and query benchmarks on one corpus, against a
// plain-Xapian baseline measured in the same run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsfacet::bench {

/// Options of one benchmark run.
struct RunOptions {
    std::string corpus;              ///< .jsonl, a directory of *.txt, or the Reuters-21578 directory
    std::string work;                ///< scratch directory: corpus.jsonl, the two databases
    std::string bin_dir;             ///< where newsfacet-index and newsfacet-query are
    std::string queries_file;        ///< read queries from here instead of generating them
    std::string json_out;            ///< write the results as JSON here
    std::string label;               ///< a name for this corpus in tables and plots
    std::size_t per_class = 20;      ///< generated queries per class
    std::size_t warmup = 1;          ///< passes over the query set before timing
    std::size_t runs = 5;            ///< timed passes
    std::size_t cold_per_class = 5;  ///< queries per class run as one-shot processes
    std::size_t cold_runs = 3;       ///< one-shot runs of each of those
    std::uint64_t seed = 1;
    bool reuse_index = false;    ///< keep the databases of an earlier run in `work`
    std::string clock = "wall";  ///< what the tables show: "wall" or "cpu" time (JSON has both)
    bool print_queries = false;
};

/// Runs the benchmark, prints the table on stdout; returns the exit status.
int run_bench(const RunOptions& opts);

/// The plain-Xapian baseline indexer (run as a child process by run_bench so that its
/// peak RSS is measured like newsfacet-index's): TermGenerator, english stemmer,
/// default settings; unique id term Q<id>; the text as document data.
int plain_index(const std::string& db_path, const std::string& jsonl);

/// "<documents> documents, <hash>": FNV-1a over every document's id, terms with wdf
/// and positions, values and data, in docid order.
std::string database_digest(const std::string& db_path);

}  // namespace newsfacet::bench
