// Stored facet columns (docs/schema.md, "Metadata"): every facet slot's values per
// document as small integers (ordinals into a dictionary of the slot's distinct
// values), written by newsfacet-index into the database's user metadata in the same
// commit as the documents they describe, so that a one-shot newsfacet-query counts
// facets from ordinals instead of splitting and hashing the joined strings of the
// value streams.
//
// Layout, one local glass database:
//   newsfacet:columns          header: "newsfacet-columns 1 REV DOCS LASTDOCID BLOCK SLOTS"
//   newsfacet:column:S:d       slot S's dictionary: varint count, then varint length + bytes per value
//   newsfacet:column:S:bN      slot S, documents N*BLOCK+1 .. (N+1)*BLOCK: per document a varint
//                              number of values, then their ordinals (varints); no key: no values
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

  private:
    StoredColumn(const Xapian::Database& db, unsigned slot) : db_(db), slot_(slot) {}
    /// Loads block `b` into block_ (empty: no values in it).
    void load(Xapian::docid b) const;
    Xapian::Database db_;
    unsigned slot_;
    Xapian::docid last_ = 0;
    std::vector<std::string> values_;
    mutable std::string block_;
    mutable Xapian::docid block_no_ = 0;
};

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
}  // namespace columns_detail

template <typename F>
void StoredColumn::for_each(const std::vector<Xapian::docid>& docids, F&& f) const {
    std::vector<std::uint32_t> ords;
    const char* p = nullptr;
    const char* end = nullptr;
    Xapian::docid at = 0;  // the docid p points at (within the loaded block)
    bool in_block = false;  // p points into block_ (loaded by this call)
    const std::uint32_t n_values = static_cast<std::uint32_t>(values_.size());
    for (const Xapian::docid did : docids) {
        if (did == 0 || did > last_) {
            f(ords.data(), std::size_t{0});
            continue;
        }
        const Xapian::docid b = (did - 1) / kColumnBlock;
        if (!in_block || b != block_no_ || did < at) {
            load(b);
            in_block = true;
            p = block_.data();
            end = p + block_.size();
            at = b * kColumnBlock + 1;
        }
        if (block_.empty()) {
            f(ords.data(), std::size_t{0});
            continue;
        }
        // Skip the documents before did, then read its ordinals.
        for (;; ++at) {
            std::uint32_t n = 0;
            if (!columns_detail::get_varint(p, end, n)) columns_detail::corrupt(slot_, b);
            if (at < did) {
                for (std::uint32_t k = 0; k < n; ++k) {
                    std::uint32_t o;
                    if (!columns_detail::get_varint(p, end, o)) columns_detail::corrupt(slot_, b);
                }
                continue;
            }
            ords.resize(n);
            for (std::uint32_t k = 0; k < n; ++k)
                if (!columns_detail::get_varint(p, end, ords[k]) || ords[k] >= n_values)
                    columns_detail::corrupt(slot_, b);
            ++at;
            break;
        }
        f(ords.data(), ords.size());
    }
}

}  // namespace newsfacet
