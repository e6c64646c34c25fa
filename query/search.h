// Searching a newsfacet database: query parsing (free text, phrases, boolean
// operators, field filters, date ranges), ranking, snippets and facets. The same
// code path serves newsfacet-query and the in-process benchmark.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dates.h"
#include "docrecord.h"
#include "error.h"

namespace newsfacet {

/// Limits on one query (exit 2 beyond them, with a message saying which): they keep
/// a query from overflowing libxapian's stack or running for minutes.
inline constexpr std::size_t kMaxQueryBytes = 100'000;
inline constexpr std::size_t kMaxQueryWords = 1'000;   ///< words and operator words
inline constexpr std::size_t kMaxQueryDepth = 64;      ///< parentheses, or operators nested
inline constexpr std::size_t kMaxQueryTerms = 10'000;  ///< after filter values and ranges expand
inline constexpr std::size_t kMaxWildcards = 32;
inline constexpr unsigned kMaxWildcardExpansion = 10'000;  ///< words one word* may match

/// How hits are ordered.
enum class SortOrder { relevance, date };

/// A facet to count: "speaker", "person", "place" (level "country", "city" or ""
/// for places as named), "published"/"mentioned" (bucket "year", "month", "day").
struct FacetRequest {
    std::string name;
    std::string level;  ///< place level or date bucket; empty for the default
    std::size_t limit = 10;
    bool sort_by_value = false;
    std::size_t min_count = 1;
    std::string prefix;  ///< only values starting with this (case-insensitive)
    std::string match;   ///< only values containing this anywhere (case- and accent-insensitive)
};

/// Parses "speaker", "place:country", "published:year"; an Error (exit 2) when the
/// name or level is unknown.
Result<FacetRequest> parse_facet_request(const std::string& spec);

/// Everything that shapes one search.
struct SearchOptions {
    std::string query;                                         ///< the user's query text
    std::vector<std::pair<std::string, std::string>> filters;  ///< -f NAME=VALUE drill-downs
    std::size_t offset = 0;
    std::size_t limit = 10;
    SortOrder sort = SortOrder::relevance;
    bool reverse = false;
    bool quotes = false;       ///< search quotes instead of articles
    bool explain = false;      ///< collect the parsed query and per-hit provenance
    bool exact_total = false;  ///< count every match (implied by facets)
    bool snippets = true;
    std::vector<FacetRequest> facets;
    /// --pivot A,B: rows A, columns B (their limit, sort and min_count apply); empty
    /// for none.
    std::vector<FacetRequest> pivot;
    std::string like;  ///< --like ID: more like this article ("" for none)
    std::optional<Ymd> today;  ///< the day relative dates count from (--now); local today if unset
    /// Words QueryParser would split otherwise than the indexer are matched as the
    /// indexer split them (literal.h); off only to measure the difference.
    bool literal_words = true;
};

/// One highlighted region of a snippet, in code points.
struct Highlight {
    std::size_t begin, end;
};

/// One result: an article, or a quote in --quotes mode.
struct Hit {
    std::size_t rank = 0;
    double score = 0;
    Xapian::docid docid = 0;
    DocRecord record;
    std::string snippet;
    std::vector<Highlight> highlights;
    std::vector<std::string> explain;  ///< "place Japan: contains Tokyo (...)" lines
};

/// One value of a facet and how many matching documents carry it.
struct FacetValue {
    std::string value;
    std::size_t count = 0;
    bool selected = false;
};

/// The counts for one requested facet.
struct FacetResult {
    FacetRequest request;
    std::vector<FacetValue> values;
    bool exact = true;
    std::size_t other_values = 0;  ///< distinct values not shown
};

/// Matches per (row value, column value) pair of two facets (--pivot): each cell is
/// the number of matches that selecting both values with -f gives.
struct PivotResult {
    FacetRequest rows, columns;
    std::vector<FacetValue> row_values;     ///< count: matches with the value (any column)
    std::vector<FacetValue> column_values;  ///< count: matches with the value (any row)
    std::vector<std::vector<std::size_t>> cells;  ///< [row][column]
    std::size_t other_rows = 0, other_columns = 0;  ///< distinct values not shown
};

/// The outcome of one search.
struct SearchResult {
    std::string query;
    std::size_t total = 0;
    bool exact = false;  ///< total is an exact count, not an estimate
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::optional<PivotResult> pivot;
    std::string parsed;    ///< Xapian's description of the query (for --explain)
    std::string analysis;  ///< the same with field names and operators, for people (describe_query)
    std::vector<std::string> warnings;
    std::string did_you_mean;  ///< the query with misspelt words corrected (spelling.h); "" when none
    double elapsed_ms = 0;
};

/// Runs a search. Throws Failure with kExitUsage for a malformed query (with where
/// the problem is), kExitRuntime for database trouble.
SearchResult search(const Xapian::Database& db, const SearchOptions& opts);

/// Builds the Xapian query for a query string and drill-down filters (exposed for
/// tests and the benchmark). Drill-down filters on the fields in `exclude` are left out.
Xapian::Query build_query(const Xapian::Database& db, const SearchOptions& opts, std::vector<std::string>& warnings,
                          const std::set<std::string>& exclude = {});

/// The most terms --like takes from its article (Enquire::get_eset).
inline constexpr unsigned kLikeTerms = 25;

/// The ranked part of --like ID: the article's kLikeTerms most distinctive words
/// (ORed, under the quote prefix with `quotes`), without the article itself (or its
/// quotes). Throws Failure (exit 2) when no article has the id.
Xapian::Query like_query(const Xapian::Database& db, const std::string& id, bool quotes);

/// A snippet of `text` around the words whose terms are in `terms` (unstemmed terms
/// and Z-prefixed stems), about `max_chars` code points, with highlight ranges.
std::string make_snippet(std::string_view text, const std::vector<std::string>& terms, std::size_t max_chars,
                         std::vector<Highlight>& highlights);

}  // namespace newsfacet
