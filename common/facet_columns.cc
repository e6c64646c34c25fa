#include "facet_columns.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "error.h"
#include "schema.h"

namespace newsfacet {
namespace {

// Format 1 had one run per block (articles and quotes mixed), format 2 no tallies and
// entries with a member count instead of a byte length.
// Format 3 kept both runs in one key per block.
constexpr int kFormat = 4;
const std::string kRunMarker = "r";

void put_varint(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::string dict_key(unsigned slot) {
    return std::string(kColumnKeyPrefix) + std::to_string(slot) + ":d";
}

std::string tally_key(unsigned slot) {
    return std::string(kColumnKeyPrefix) + std::to_string(slot) + ":t";
}

}  // namespace

std::string columns_detail::run_key(unsigned slot, int run, Xapian::docid b) {
    return std::string(kColumnKeyPrefix) + std::to_string(slot) + (run == 0 ? ":a" : ":o") + std::to_string(b);
}

namespace {

struct Header {
    Xapian::rev rev = 0;
    Xapian::doccount docs = 0;
    Xapian::docid last = 0;
    Xapian::docid block = 0;
    std::set<unsigned> slots;
};

bool parse_header(const std::string& s, Header& h) {
    std::istringstream in(s);
    std::string magic, slots;
    int format = 0;
    if (!(in >> magic >> format >> h.rev >> h.docs >> h.last >> h.block >> slots)) return false;
    if (magic != "newsfacet-columns" || format != kFormat || h.block != kColumnBlock) return false;
    std::istringstream list(slots);
    std::string one;
    while (std::getline(list, one, ','))
        if (!one.empty()) h.slots.insert(static_cast<unsigned>(std::stoul(one)));
    return true;
}

}  // namespace

namespace columns_detail {
void corrupt(unsigned slot, Xapian::docid block) {
    throw Xapian::DatabaseCorruptError("stored facet column of slot " + std::to_string(slot) + ", block " +
                                       std::to_string(block) + ", is damaged");
}
}  // namespace columns_detail

std::vector<unsigned> column_slots() {
    std::set<unsigned> slots;
    for (const Field& f : kFields) {
        if (f.facet.empty()) continue;
        if (f.slot >= 0) slots.insert(static_cast<unsigned>(f.slot));
        for (const FacetLevel& l : f.levels)
            if (l.slot >= 0) slots.insert(static_cast<unsigned>(l.slot));
    }
    return {slots.begin(), slots.end()};
}

namespace {

// One slot's column as store_facet_columns builds it, block by block.
struct SlotColumn {
    unsigned slot;
    Xapian::ValueIterator v, end;
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<const std::string*> names;  // ordinal -> member (keys of ids)
    std::string runs[2];                    // articles, other documents
    Xapian::docid prev[2] = {0, 0};
    bool has_members = false;
    std::vector<std::uint32_t> doc;
    std::string entry;
    std::vector<std::uint32_t> tally[2];  // per run: documents holding each ordinal
    std::uint32_t docs[2] = {0, 0}, max_members[2] = {0, 0};

    // The entry of document `did` (of run `r`): its distinct non-empty members, split
    // as FacetCounter splits the joined value.
    void add(Xapian::docid did, int r) {
        doc.clear();
        if (v != end && v.get_docid() < did) v.skip_to(did);
        if (v != end && v.get_docid() == did) {
            const std::string joined = *v;
            std::size_t p = 0;
            while (!joined.empty() && p <= joined.size()) {
                std::size_t e = joined.find(kValueSeparator, p);
                if (e == std::string::npos) e = joined.size();
                if (e > p) {
                    std::string member = joined.substr(p, e - p);
                    auto it = ids.find(member);
                    if (it == ids.end()) {
                        it = ids.emplace(std::move(member), static_cast<std::uint32_t>(names.size())).first;
                        names.push_back(&it->first);
                    }
                    if (std::find(doc.begin(), doc.end(), it->second) == doc.end()) doc.push_back(it->second);
                }
                p = e + 1;
            }
        }
        std::string& out = runs[r];
        put_varint(out, did - prev[r]);
        prev[r] = did;
        entry.clear();
        for (const std::uint32_t o : doc) {
            put_varint(entry, o);
            if (tally[r].size() <= o) tally[r].resize(o + 1, 0);
            ++tally[r][o];
        }
        put_varint(out, static_cast<std::uint32_t>(entry.size()));
        out += entry;
        ++docs[r];
        max_members[r] = std::max(max_members[r], static_cast<std::uint32_t>(doc.size()));
        if (!doc.empty()) has_members = true;
    }

    // Writes block `b` (no key when none of its documents has a member); starts the next.
    void flush(Xapian::WritableDatabase& db, Xapian::docid b, std::set<std::string>& written) {
        if (has_members) {
            // Both runs, each behind a marker byte (so that an empty run still has a
            // key): no key means that no document of the block holds a member.
            for (int r = 0; r < 2; ++r) {
                const std::string key = columns_detail::run_key(slot, r, b);
                db.set_metadata(key, kRunMarker + runs[r]);
                written.insert(key);
            }
        }
        runs[0].clear();
        runs[1].clear();
        prev[0] = prev[1] = (b + 1) * kColumnBlock;
        has_members = false;
    }
};

}  // namespace

void store_facet_columns(Xapian::WritableDatabase& db) {
    const Xapian::docid last = db.get_lastdocid();
    // Which documents are articles: a block keeps them in a run of their own.
    std::vector<bool> article(static_cast<std::size_t>(last) + 1, false);
    const std::string article_term = value_terms(field("type"), "article").at(0);
    for (Xapian::PostingIterator p = db.postlist_begin(article_term); p != db.postlist_end(article_term); ++p)
        if (*p <= last) article[*p] = true;
    std::vector<SlotColumn> cols;
    std::string slot_list;
    for (const unsigned slot : column_slots()) {
        slot_list += (slot_list.empty() ? "" : ",") + std::to_string(slot);
        cols.emplace_back();
        cols.back().slot = slot;
        cols.back().v = db.valuestream_begin(slot);
        cols.back().end = db.valuestream_end(slot);
    }
    std::set<std::string> written;
    Xapian::docid b = 0;
    for (Xapian::PostingIterator d = db.postlist_begin(std::string()); d != db.postlist_end(std::string()); ++d) {
        const Xapian::docid did = *d;
        if (did > last) break;
        if ((did - 1) / kColumnBlock != b) {
            for (SlotColumn& c : cols)
                c.flush(db, b, written);
            b = (did - 1) / kColumnBlock;
            for (SlotColumn& c : cols)
                c.prev[0] = c.prev[1] = b * kColumnBlock;
        }
        for (SlotColumn& c : cols)
            c.add(did, article[did] ? 0 : 1);
    }
    for (SlotColumn& c : cols) {
        c.flush(db, b, written);
        std::string dict;
        put_varint(dict, static_cast<std::uint32_t>(c.names.size()));
        for (const std::string* n : c.names) {
            put_varint(dict, static_cast<std::uint32_t>(n->size()));
            dict += *n;
        }
        db.set_metadata(dict_key(c.slot), dict);
        written.insert(dict_key(c.slot));
        std::string tally;
        for (int r = 0; r < 2; ++r) {
            put_varint(tally, c.docs[r]);
            put_varint(tally, c.max_members[r]);
            c.tally[r].resize(c.names.size(), 0);
            for (const std::uint32_t n : c.tally[r])
                put_varint(tally, n);
        }
        db.set_metadata(tally_key(c.slot), tally);
        written.insert(tally_key(c.slot));
    }
    // Blocks of an earlier run that hold no members now.
    std::vector<std::string> stale;
    for (Xapian::TermIterator k = db.metadata_keys_begin(std::string(kColumnKeyPrefix));
         k != db.metadata_keys_end(std::string(kColumnKeyPrefix)); ++k)
        if (!written.count(*k)) stale.push_back(*k);
    for (const std::string& k : stale)
        db.set_metadata(k, std::string());
    // The revision this commit creates: glass numbers each commit one more than the last.
    db.set_metadata(std::string(kColumnsKey), "newsfacet-columns " + std::to_string(kFormat) + " " +
                                                  std::to_string(db.get_revision() + 1) + " " +
                                                  std::to_string(db.get_doccount()) + " " + std::to_string(last) +
                                                  " " + std::to_string(kColumnBlock) + " " + slot_list);
}

std::unique_ptr<StoredColumn> StoredColumn::open(const Xapian::Database& db, unsigned slot) {
    if (db.size() != 1) return nullptr;
    Header h;
    try {
        if (!parse_header(db.get_metadata(std::string(kColumnsKey)), h)) return nullptr;
        if (h.rev != db.get_revision() || h.docs != db.get_doccount() || h.last != db.get_lastdocid() ||
            !h.slots.count(slot))
            return nullptr;
    } catch (const Xapian::InvalidOperationError&) {
        return nullptr;  // no single revision (a remote database)
    } catch (const Xapian::UnimplementedError&) {
        return nullptr;
    } catch (const Xapian::NetworkError&) {
        return nullptr;
    }
    std::unique_ptr<StoredColumn> c(new StoredColumn(db, slot));
    c->last_ = h.last;
    const std::string dict = db.get_metadata(dict_key(slot));
    const char* p = dict.data();
    const char* end = p + dict.size();
    std::uint32_t n = 0;
    if (!columns_detail::get_varint(p, end, n)) columns_detail::corrupt(slot, 0);
    c->values_.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t len = 0;
        if (!columns_detail::get_varint(p, end, len) || static_cast<std::size_t>(end - p) < len)
            columns_detail::corrupt(slot, 0);
        c->values_.emplace_back(p, len);
        p += len;
    }
    const std::string tally = db.get_metadata(tally_key(slot));
    p = tally.data();
    end = p + tally.size();
    for (int r = 0; r < 2; ++r) {
        if (!columns_detail::get_varint(p, end, c->run_docs_[r]) || !columns_detail::get_varint(p, end, c->run_max_[r]))
            columns_detail::corrupt(slot, 0);
        c->tally_[r].resize(n);
        for (std::uint32_t i = 0; i < n; ++i)
            if (!columns_detail::get_varint(p, end, c->tally_[r][i])) columns_detail::corrupt(slot, 0);
    }
    return c;
}

bool StoredColumn::count_by_complement(const std::vector<Xapian::docid>& docids, int run,
                                       std::vector<std::uint32_t>& counts) const {
    using columns_detail::Run;
    counts = tally_[run];
    const std::uint32_t n_values = static_cast<std::uint32_t>(values_.size());
    std::size_t i = 0;
    const Xapian::docid blocks = last_ == 0 ? 0 : (last_ - 1) / kColumnBlock + 1;
    for (Xapian::docid b = 0; b < blocks; ++b) {
        const Xapian::docid block_end = (b + 1) * kColumnBlock;
        Run r;
        if (!load_run(b, run, r)) {
            // No document of the block holds a member: nothing to take away, and the
            // matched ones add nothing whatever their kind.
            while (i < docids.size() && docids[i] <= block_end)
                ++i;
            continue;
        }
        while (r.next != 0) {
            const Xapian::docid e = r.next;
            if (i < docids.size() && docids[i] < e) return false;  // matched, not of the run
            if (i < docids.size() && docids[i] == e) {
                ++i;  // matched: counted in the tally
            } else {
                for (const char* q = r.ords; q < r.ords_end;) {
                    std::uint32_t o = 0;
                    if (!columns_detail::get_varint(q, r.ords_end, o) || o >= n_values || counts[o] == 0)
                        columns_detail::corrupt(slot_, b);
                    --counts[o];
                }
            }
            r.peek(e, slot_, b);
        }
        if (i < docids.size() && docids[i] <= block_end) return false;  // matched, not of the run
    }
    return i == docids.size();
}

bool StoredColumn::load_run(Xapian::docid b, int run, columns_detail::Run& r) const {
    std::string& data = run_data_[run];
    data = db_.get_metadata(columns_detail::run_key(slot_, run, b));
    r = columns_detail::Run{};
    if (data.empty()) return false;
    if (data[0] != kRunMarker[0]) columns_detail::corrupt(slot_, b);
    r.p = data.data() + 1;
    r.end = data.data() + data.size();
    r.peek(b * kColumnBlock, slot_, b);
    return true;
}

}  // namespace newsfacet
