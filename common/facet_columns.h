// Stored facet columns (docs/schema.md, "Metadata"): every facet slot's values per
// document as small integers (ordinals into a dictionary of the slot's distinct
// values), written by newsfacet-index into the database's user metadata in the same
// commit as the documents they describe, so that a one-shot newsfacet-query counts
// facets from ordinals instead of splitting and hashing the joined strings of the
// value streams.
//
// Layout, one local glass database:
//   newsfacet:columns          header: "newsfacet-columns 4 REV DOCS LASTDOCID BLOCK SLOTS"
//   newsfacet:column:S:d       slot S's dictionary: varint count, then varint length + bytes per value
//   newsfacet:column:S:t       slot S's tallies: for the articles, then the other documents:
//                              their number, the most members one holds, and per ordinal the
//                              documents holding it (varints)
//   newsfacet:column:S:aN      slot S, the articles among documents N*BLOCK+1 .. (N+1)*BLOCK: "r",
//                              then an entry per article: docid gap, byte length of the ordinals,
//                              the ordinals (varints); no key: no document of the block has a member
//   newsfacet:column:S:oN      the same for the other documents (quotes)
// The header names the revision the commit that wrote it creates, and the document
// count and last document id then. A reader uses the columns only when all three are
// the database's now: any later commit (by any writer, an older newsfacet or plain
// Xapian too) moves the revision, and the counts then come from the value streams as
// before. Exact either way; never a stale count.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

inline constexpr std::string_view kColumnsKey = "newsfacet:columns";
inline constexpr std::string_view kColumnKeyPrefix = "newsfacet:column:";
/// Documents per stored block.
inline constexpr Xapian::docid kColumnBlock = 4096;
/// NEWSFACET_FACET_COLUMNS: unset (use stored columns when valid), "off" (count from
/// the value streams only: no stored and no in-memory columns), "stored" (a local
/// database must have valid stored columns, else facets fail: for tests).
inline constexpr const char* kFacetColumnsEnv = "NEWSFACET_FACET_COLUMNS";

/// The value slots that have stored columns: every slot a facet counts.
std::vector<unsigned> column_slots();

/// Rewrites the stored columns of every facet slot from `db`'s value streams (as they
/// are now, uncommitted changes included), with a header naming the revision the next
/// commit creates. Call it right before that commit: a commit made without it leaves
/// the columns stale (and so unused) until the next run writes them.
void store_facet_columns(Xapian::WritableDatabase& db);

namespace columns_detail {
/// Reads a varint at p (< end); false when truncated.
inline bool get_varint(const char*& p, const char* end, std::uint32_t& v) {
    v = 0;
    for (int shift = 0; p < end && shift < 35; shift += 7) {
        const auto b = static_cast<unsigned char>(*p++);
        v |= static_cast<std::uint32_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}
[[noreturn]] void corrupt(unsigned slot, Xapian::docid block);
/// The key of run `run` (0 articles, 1 the others) of block `b` of `slot`.
std::string run_key(unsigned slot, int run, Xapian::docid b);

/// A run of a block: an entry per document of the run, in docid order: the gap from
/// the previous docid of the run (the first from the block's start), the byte length
/// of the ordinals, the ordinals (varints).
struct Run {
    const char* p = nullptr;
    const char* end = nullptr;
    Xapian::docid next = 0;  // the docid of the entry at p (its gap read), or 0: none left
    const char* ords = nullptr;  // its ordinals (after peek)
    const char* ords_end = nullptr;
    /// Reads the next entry's docid and length; `from` is the previous docid.
    void peek(Xapian::docid from, unsigned slot, Xapian::docid block) {
        if (p == end) {
            next = 0;
            return;
        }
        std::uint32_t gap = 0, len = 0;
        if (!get_varint(p, end, gap) || gap == 0 || !get_varint(p, end, len) ||
            static_cast<std::size_t>(end - p) < len)
            corrupt(slot, block);
        next = from + gap;
        ords = p;
        ords_end = p + len;
        p = ords_end;
    }
};
}  // namespace columns_detail

/// One slot's stored column, read block by block as documents ask for it.
class StoredColumn {
  public:
    /// The column of `slot`, or nullptr when `db` holds none that is valid now (no
    /// header, another revision, document count or last docid, a sharded or remote
    /// database, an unknown format).
    static std::unique_ptr<StoredColumn> open(const Xapian::Database& db, unsigned slot);
    /// Ordinal -> value (the slot's members, unbucketed).
    const std::vector<std::string>& values() const { return values_; }
    /// Calls f(ords, n) for each document of `docids` (ascending) with its n ordinals
    /// (distinct; n may be 0).
    template <typename F>
    void for_each(const std::vector<Xapian::docid>& docids, F&& f) const;
    /// Documents of run `run` (0 articles, 1 the others) and the most members one holds.
    Xapian::doccount run_docs(int run) const { return run_docs_[run]; }
    std::uint32_t run_max_members(int run) const { return run_max_[run]; }
    /// For `docids` (ascending) all of run `run`: how many of them hold each member
    /// (counts[ordinal]), as the run's tally less the members of its documents *not*
    /// in `docids` -- less work than reading `docids` when they are most of the run.
    /// False (counts undefined) when some document of `docids` that holds a member is
    /// not of the run.
    bool count_by_complement(const std::vector<Xapian::docid>& docids, int run,
                             std::vector<std::uint32_t>& counts) const;

  private:
    StoredColumn(const Xapian::Database& db, unsigned slot) : db_(db), slot_(slot) {}
    /// Loads run `run` of block `b` and points `r` at its first entry; false when the
    /// block has no key (none of its documents holds a member).
    bool load_run(Xapian::docid b, int run, columns_detail::Run& r) const;
    Xapian::Database db_;
    unsigned slot_;
    Xapian::docid last_ = 0;
    std::vector<std::string> values_;
    std::vector<std::uint32_t> tally_[2];  // per run: documents holding each member
    Xapian::doccount run_docs_[2] = {0, 0};
    std::uint32_t run_max_[2] = {0, 0};
    mutable std::string run_data_[2];
};


template <typename F>
void StoredColumn::for_each(const std::vector<Xapian::docid>& docids, F&& f) const {
    // A block has two runs (articles, the other documents), each under its own key. A
    // search matches documents of one kind, so it loads and reads one run and steps
    // over only the unmatched documents of that kind (a length each).
    using columns_detail::get_varint;
    using columns_detail::Run;
    std::vector<std::uint32_t> ords;
    const std::uint32_t n_values = static_cast<std::uint32_t>(values_.size());
    Run runs[2];
    bool loaded[2] = {false, false};
    bool has_key = false;
    int pref = 0;  // the run the last document was found in
    Xapian::docid b = 0, prev = 0;
    bool in_block = false;
    for (const Xapian::docid did : docids) {
        if (did == 0 || did > last_) {
            f(ords.data(), std::size_t{0});
            continue;
        }
        const Xapian::docid want = (did - 1) / kColumnBlock;
        if (!in_block || want != b || did <= prev) {
            b = want;
            in_block = true;
            loaded[0] = loaded[1] = false;
            has_key = load_run(b, pref, runs[pref]);
            loaded[pref] = true;
        }
        prev = did;
        bool found = false;
        for (int i = 0; i < 2 && has_key && !found; ++i) {
            const int which = i == 0 ? pref : 1 - pref;
            Run& r = runs[which];
            if (!loaded[which]) {
                load_run(b, which, r);
                loaded[which] = true;
            }
            while (r.next != 0 && r.next < did)
                r.peek(r.next, slot_, b);
            if (r.next != did) continue;
            ords.clear();
            for (const char* q = r.ords; q < r.ords_end;) {
                std::uint32_t o = 0;
                if (!get_varint(q, r.ords_end, o) || o >= n_values) columns_detail::corrupt(slot_, b);
                ords.push_back(o);
            }
            r.peek(did, slot_, b);
            pref = which;
            found = true;
        }
        f(ords.data(), found ? ords.size() : std::size_t{0});
    }
}

}  // namespace newsfacet
