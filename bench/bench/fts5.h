// The SQLite FTS5 baseline: what a user would pick for an embedded full-text index.
// Same articles and free-text queries as plain Xapian, ranked by bm25() (docs/benchmarks.md).
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace newsfacet::bench {

/// Indexes a JSON Lines corpus into a new SQLite database at `db_path` (run as a child
/// process by `run`, so that its peak RSS is measured like the other indexers'): an
/// FTS5 table articles(title, body) with the porter stemmer over unicode61, and a table
/// doc(id = the FTS5 rowid, key, month) for the publication-month facet; one
/// transaction, then FTS5's 'optimize' (one merged segment, as for a static index).
int fts5_index(const std::string& db_path, const std::string& jsonl);

/// A free-text query of the plain-Xapian baseline in FTS5 MATCH syntax: phrases and
/// the operators AND, OR, NOT and parentheses are kept; every other word is quoted (so
/// that no character is an FTS5 operator) and words side by side are joined by OR,
/// QueryParser's default; "" when nothing is left.
std::string fts5_match(const std::string& text);

/// Searches an FTS5 database built by fts5_index, with prepared statements kept
/// between queries (what a long-running program would do).
class Fts5Searcher {
  public:
    explicit Fts5Searcher(const std::string& db_path);
    ~Fts5Searcher();
    Fts5Searcher(const Fts5Searcher&) = delete;
    Fts5Searcher& operator=(const Fts5Searcher&) = delete;

    /// `match` is fts5_match()'s output; "" means every article (no MATCH, no ranking).
    /// Top 10 by bm25() (FTS5's `rank`), each hit's title and body read; the rows read.
    std::size_t top10(const std::string& match);
    /// top10, then the publication-month facet of the whole match set: GROUP BY over
    /// the doc table joined to the match by rowid; returns the matches counted.
    std::uint64_t top10_with_facet(const std::string& match);
    /// The exact number of matches (count(*)).
    std::uint64_t count(const std::string& match);

  private:
    void close();

    sqlite3* db_ = nullptr;
    sqlite3_stmt* top_ = nullptr;
    sqlite3_stmt* facet_ = nullptr;
    sqlite3_stmt* count_ = nullptr;
    // The same for the empty query (every article): no MATCH.
    sqlite3_stmt* top_all_ = nullptr;
    sqlite3_stmt* facet_all_ = nullptr;
    sqlite3_stmt* count_all_ = nullptr;
    std::size_t sink_ = 0;
};

}  // namespace newsfacet::bench
