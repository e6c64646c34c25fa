// Facet counting over the whole match set (exact): a Xapian MatchSpy that reads the
// multi-valued slots the indexer writes (schema.h) and counts each document once per
// value.
//
// Counting happens inside the match (check_at_least covers the match set, so the
// counts are exact), through match spies that Xapian's remote protocol understands:
// one stock-compatible ValueCountMatchSpy per slot (SlotSpy). A local database, local
// shards and shards served by a stock xapian-tcpsrv are counted by the same code.
//
// Speed: Xapian 1.4 reads a value of a match-spy document by finding the value chunk
// in the B-tree and decoding it from its start, for every document and slot. For one
// local database the spy instead only records the matching document ids and then
// walks each slot's value stream once (Database::valuestream_begin + skip_to), which
// reads every chunk once. Either way the joined values are split in place and looked
// up as string_views: no string is made for a value already counted. A database whose
// indexer stored facet columns (ordinals per document, common/facet_columns.h) valid
// for its current revision is counted from them instead, without reading a value
// stream. Once a process has counted a database's worth of documents from value
// streams, values are read from in-memory facet columns instead (ordinals, built once
// per database version; facets.cc). NEWSFACET_FACET_COLUMNS=off counts from the value
// streams only. The counts are exact in every mode.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "people_table.h"
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

class SlotSpy;
class StoredColumn;

/// Counts the requested facets over every document the match looks at, inside the
/// match, through one SlotSpy per value slot (see SlotSpy): the same code counts a
/// local database, local shards and shards served by a stock xapian-tcpsrv.
class FacetCounter {
  public:
    /// A counter for `requests` over `db` (the database the Enquire searches).
    FacetCounter(const Xapian::Database& db, const std::vector<FacetRequest>& requests, bool quotes);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;
    /// Adds the match spies of the facets counted in this pass to `enq`; the counter
    /// must outlive the Enquire's get_mset() calls.
    void attach(Xapian::Enquire& enq);
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
    /// Moves this counter's counts into `other` (for the facets this one counted); this
    /// counter has none left.
    void merge_into(FacetCounter& other) const;
    /// Sorted, limited results; values selected by `filters` are always included.
    std::vector<FacetResult> results(const std::vector<std::pair<std::string, std::string>>& filters) const;
    /// Documents counted (local and remote): the whole match set when the Enquire's
    /// check_at_least covers it.
    std::size_t seen() const;
    /// True when attach() added spies (some facet is counted in this pass).
    bool has_spies() const { return !spies_.empty(); }

  private:
    friend class SlotSpy;
    struct Slot {
        FacetRequest req;
        unsigned slot;
        FacetCounts counts;    ///< value (bucketed for dates) -> documents
        std::size_t docs = 0;  ///< documents counted (with or without a value)
        bool counted = false;
        bool active = true;  ///< counted in this pass (set_skip / set_only)
        /// Person and speaker facets count people, not spellings (people_table.h):
        /// `counts` holds each name as written, `persons` each person (its label), a
        /// document counted once per person however many of its names it holds.
        std::shared_ptr<const PeopleTable> people;
        FacetCounts persons;
        std::unordered_map<const std::size_t*, std::size_t*> person_of;  ///< name's counter -> person's
    };
    /// Replaces the labels of the persons in `values` by the names they are shown as.
    static void name_people(const Slot& s, std::vector<FacetValue>& values);
    /// The counter of the person a name (counted by `name_counter`) belongs to.
    static std::size_t* person_counter(Slot& s, const std::size_t* name_counter, std::string_view name);
    void update_active();
    /// Counts `n` documents whose slot holds `joined` (values joined by
    /// kValueSeparator): each distinct member (bucketed for dates) gets `n`.
    static void count_value(Slot& s, std::string_view joined, std::size_t n = 1);
    /// Counts, for every active facet of `slot`, `n` documents holding `joined` (a
    /// remote shard's tally, SlotSpy::merge_results).
    void add_joined(unsigned slot, std::string_view joined, std::size_t n) const;
    /// Counts the locally matched documents `docids` from the process-wide facet
    /// column of this slot (built on first use for database version `key`).
    void count_with_column(Slot& s, const std::string& key, const std::vector<Xapian::docid>& docids) const;
    /// Counts the locally matched documents `docids` from the column the indexer
    /// stored in the database (facet_columns.h).
    void count_stored(Slot& s, const StoredColumn& col, const std::vector<Xapian::docid>& docids) const;
    /// Reads the locally matched documents' values from the value streams; idempotent.
    void finish() const;
    const SlotSpy* spy_for(unsigned slot) const;
    mutable std::vector<Slot> slots_;
    std::vector<std::unique_ptr<SlotSpy>> spies_;
    std::set<std::string> skip_;
    std::string only_;
    /// The stored column of `slot` (facet_columns.h), opened once; nullptr: none valid.
    const StoredColumn* stored_column(unsigned slot) const;
    mutable std::map<unsigned, std::unique_ptr<StoredColumn>> stored_;
    /// One spy (the first) records the matched documents for every slot (see attach).
    bool shared_docids_ = false;
    Xapian::Database db_;
    bool quotes_ = false;  ///< counting quote documents (--quotes), not articles
    mutable bool finished_ = false;
};

/// One value slot counted inside the match. To Xapian it *is* a stock
/// ValueCountMatchSpy: name() is "Xapian::ValueCountMatchSpy" and serialise() is the
/// stock one, so a stock xapian-tcpsrv rebuilds the stock spy from its registry, runs
/// it over its shard, and sends back counts of whole slot values -- for a multi-valued
/// slot, counts of joined *sets* of values. merge_results() splits each set and adds
/// its count to every member: the sum over sets is exactly the number of documents
/// holding each member, so the counts are exact with stock servers. For local
/// (sub-)databases operator() runs in this process: it only records the document id,
/// and FacetCounter reads the values afterwards from the value streams (one forward
/// walk per slot instead of a B-tree look-up per document).
class SlotSpy : public Xapian::ValueCountMatchSpy {
  public:
    SlotSpy(FacetCounter& owner, unsigned slot) : Xapian::ValueCountMatchSpy(slot), owner_(owner), slot_(slot) {}
    void operator()(const Xapian::Document& doc, double wt) override;
    void merge_results(const std::string& serialised) override;
    /// Documents matched in local (sub-)databases, in the order seen.
    std::vector<Xapian::docid>& local_docids() const { return docids_; }
    unsigned slot() const { return slot_; }

  private:
    FacetCounter& owner_;
    unsigned slot_;
    mutable std::vector<Xapian::docid> docids_;
};

/// True when drill-down filters named `filter_name` (-f NAME[:LEVEL]=...) select values
/// of facet `r`, so that multi-select counts `r` without them ("city" governs "place");
/// the schema table's `governs` column says which.
bool filter_governs(const std::string& filter_name, const FacetRequest& r);

/// The value slot and bucketing of a facet name ("speaker", "place", "published" ...);
/// false when unknown.
bool facet_slot(const FacetRequest& r, unsigned& slot);

}  // namespace newsfacet
