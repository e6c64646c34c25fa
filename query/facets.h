// Facet counting over the whole match set (exact): a Xapian MatchSpy that reads the
// multi-valued slots the indexer writes (schema.h) and counts each document once per
// value.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search.h"

namespace newsfacet {

/// Counts for one facet: value -> number of documents.
using FacetCounts = std::unordered_map<std::string, std::size_t>;

/// Counts the requested facets for every document the match looks at.
class FacetCounter : public Xapian::MatchSpy {
  public:
    FacetCounter(const std::vector<FacetRequest>& requests, bool quotes);
    void operator()(const Xapian::Document& doc, double wt) override;
    /// Facets not to count in this pass (counted separately, without their filter).
    void set_skip(const std::set<std::string>& names) { skip_ = names; }
    /// Count only this facet.
    void set_only(const std::string& name) { only_ = name; }
    /// True when a facet of this name was requested.
    bool wants(const std::string& name) const;
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
        FacetCounts counts;
        bool counted = false;
    };
    std::vector<Slot> slots_;
    std::set<std::string> skip_;
    std::string only_;
    std::size_t seen_ = 0;
};

/// The value slot and bucketing of a facet name ("speaker", "place", "published" ...);
/// false when unknown.
bool facet_slot(const FacetRequest& r, unsigned& slot);

}  // namespace newsfacet
