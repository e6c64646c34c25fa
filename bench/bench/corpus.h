// Benchmark corpora: reading articles from a directory of *.txt files, JSON Lines or
// the Reuters-21578 SGML files, writing them as JSON Lines (the one form both indexers
// read in a benchmark run), and the synthetic scale-up generator.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsfacet::bench {

/// One article as the benchmark handles it.
struct BenchDoc {
    std::string id;     ///< unique within the corpus
    std::string title;  ///< headline (may be empty)
    std::string body;   ///< text after the headline
    std::string date;   ///< "YYYY-MM-DD" or empty
};

/// Reads a corpus: a .jsonl file, a directory holding Reuters-21578 *.sgm files, or a
/// directory searched recursively for *.txt (and *.jsonl). Ids of .txt files are their
/// paths relative to the directory ("business/001" -> "business-001"), so that
/// same-named files in sub-folders (the BBC corpus) stay distinct. Throws
/// std::runtime_error when nothing can be read.
std::vector<BenchDoc> read_corpus(const std::string& path);

/// The Reuters-21578 story files (*.sgm) of a directory, sorted; empty when it has
/// none or is not a directory.
std::vector<std::string> sgm_files(const std::string& dir);

/// Writes documents as JSON Lines ({"id","title","body","date"}).
void write_jsonl(const std::vector<BenchDoc>& docs, const std::string& path);

/// Total bytes of title and body text.
std::uint64_t corpus_bytes(const std::vector<BenchDoc>& docs);

/// Options of the synthetic generator.
struct GenerateOptions {
    std::size_t count = 10000;
    std::uint64_t seed = 1;
    std::string date_from = "2020-01-01";  ///< dates are spread uniformly over this range
    std::string date_to = "2024-12-31";
    double stay = 0.7;  ///< probability that the next paragraph continues the anchor article
};

/// Generates `count` articles by recombining whole paragraphs of `source` (see
/// docs/benchmarks.md: why this keeps word, entity and length statistics).
/// Deterministic for a given seed and source order.
std::vector<BenchDoc> generate(const std::vector<BenchDoc>& source, const GenerateOptions& opts);

/// A small deterministic random generator (splitmix64): std:: distributions differ
/// between standard libraries, and the benchmark must give the same corpus everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }

  private:
    std::uint64_t s_;
};

}  // namespace newsfacet::bench
