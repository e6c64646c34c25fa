// Facet counting over the whole match set (exact): a Xapian MatchSpy that reads the
// multi-valued slots the indexer writes (schema.h) and counts each document once per
// value.
//
// Speed: Xapian 1.4 reads a value of a match-spy document by finding the value chunk
// in the B-tree and decoding it from its start, for every document and slot. Given the
// database, the counter instead only records the matching document ids and then walks
// each slot's value stream once (Database::valuestream_begin + skip_to), which reads
// every chunk once. Either way the joined values are split in place and looked up as
// string_views: no string is made for a value already counted. Once a process has
// counted a database's worth of documents, values are read from facet columns instead
// (ordinals, built once per database version; facets.cc). The counts are exact in
// every mode.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search.h"

namespace newsfacet {

/// Hashing that also accepts string_views, so that counting a value found inside a
/// slot's joined string needs no std::string unless the value is new.
struct FacetHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// Counts for one facet: value -> number of documents.
using FacetCounts = std::unordered_map<std::string, std::size_t, FacetHash, std::equal_to<>>;

/// Counts the requested facets for every document the match looks at.
class FacetCounter : public Xapian::MatchSpy {
  public:
    /// A counter that reads values from each match-spy document (slower).
    FacetCounter(const std::vector<FacetRequest>& requests, bool quotes);
    /// A counter that reads values from `db`'s value streams after the match (faster;
    /// `db` must be the database the Enquire searches).
    FacetCounter(const Xapian::Database& db, const std::vector<FacetRequest>& requests, bool quotes);
    void operator()(const Xapian::Document& doc, double wt) override;
    /// Facets not to count in this pass (counted separately, without their filter).
    void set_skip(const std::set<std::string>& names) {
        skip_ = names;
        update_active();
    }
    /// Count only this facet.
    void set_only(const std::string& name) {
        only_ = name;
        update_active();
    }
    /// Moves this counter's counts into `other` (for the facets this one counted).
    void merge_into(FacetCounter& other) const;
    /// Sorted, limited results; values selected by `filters` are always included.
    std::vector<FacetResult> results(const std::vector<std::pair<std::string, std::string>>& filters) const;
    /// Documents seen.
    std::size_t seen() const { return seen_; }

  private:
    struct Slot {
        FacetRequest req;
        unsigned slot;
        FacetCounts counts;  ///< value (bucketed for dates) -> documents
        bool counted = false;
        bool active = true;  ///< counted in this pass (set_skip / set_only)
    };
    void update_active();
    /// Counts one document's slot value (values joined by kValueSeparator).
    static void count_value(Slot& s, std::string_view joined);
    /// Counts the recorded documents from the process-wide facet column of this slot
    /// (built on first use for database version `key`).
    void count_with_column(Slot& s, const std::string& key) const;
    /// Reads the recorded documents' values (value-stream mode) and turns raw counts
    /// into per-value counts; idempotent.
    void finish() const;
    mutable std::vector<Slot> slots_;
    std::set<std::string> skip_;
    std::string only_;
    std::size_t seen_ = 0;
    bool use_streams_ = false;
    Xapian::Database db_;
    mutable std::vector<Xapian::docid> docids_;  ///< matching documents (value-stream mode)
    mutable bool finished_ = false;
};

/// True when drill-down filters named `filter_name` (-f NAME[:LEVEL]=...) select values
/// of facet `r`, so that multi-select counts `r` without them ("city" governs "place");
/// the schema table's `governs` column says which.
bool filter_governs(const std::string& filter_name, const FacetRequest& r);

/// The value slot and bucketing of a facet name ("speaker", "place", "published" ...);
/// false when unknown.
bool facet_slot(const FacetRequest& r, unsigned& slot);

}  // namespace newsfacet
