#include "facet_columns.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "error.h"
#include "schema.h"

namespace newsfacet {
namespace {

constexpr int kFormat = 1;

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

std::string block_key(unsigned slot, Xapian::docid b) {
    return std::string(kColumnKeyPrefix) + std::to_string(slot) + ":b" + std::to_string(b);
}

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

void store_facet_columns(Xapian::WritableDatabase& db) {
    const Xapian::docid last = db.get_lastdocid();
    const Xapian::docid blocks = last == 0 ? 0 : (last - 1) / kColumnBlock + 1;
    std::set<std::string> written;
    std::string slot_list;
    for (const unsigned slot : column_slots()) {
        slot_list += (slot_list.empty() ? "" : ",") + std::to_string(slot);
        std::unordered_map<std::string, std::uint32_t> ids;
        std::vector<const std::string*> names;  // ordinal -> value (keys of ids)
        std::string block;
        bool block_has_values = false;
        Xapian::docid b = 0;       // the block being built
        Xapian::docid next = 1;    // the next docid to write in it
        std::vector<std::uint32_t> doc;
        auto end_block = [&]() {
            // Documents after the last one with a value, up to the block's end (or
            // the last docid), hold none.
            const Xapian::docid stop = std::min<Xapian::docid>((b + 1) * kColumnBlock, last);
            for (; next <= stop; ++next)
                block.push_back('\0');
            const std::string key = block_key(slot, b);
            if (block_has_values) {
                db.set_metadata(key, block);
                written.insert(key);
            }
            block.clear();
            block_has_values = false;
            ++b;
        };
        for (Xapian::ValueIterator v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
            const Xapian::docid did = v.get_docid();
            if (did > last) break;
            while (b < (did - 1) / kColumnBlock)
                end_block();
            for (; next < did; ++next)
                block.push_back('\0');
            // The distinct non-empty members of the joined value (as FacetCounter splits it).
            doc.clear();
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
            put_varint(block, static_cast<std::uint32_t>(doc.size()));
            for (const std::uint32_t o : doc)
                put_varint(block, o);
            if (!doc.empty()) block_has_values = true;
            next = did + 1;
        }
        while (b < blocks)
            end_block();
        std::string dict;
        put_varint(dict, static_cast<std::uint32_t>(names.size()));
        for (const std::string* n : names) {
            put_varint(dict, static_cast<std::uint32_t>(n->size()));
            dict += *n;
        }
        db.set_metadata(dict_key(slot), dict);
        written.insert(dict_key(slot));
    }
    // Blocks of an earlier run that hold no values now.
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
    return c;
}

void StoredColumn::load(Xapian::docid b) const {
    block_ = db_.get_metadata(block_key(slot_, b));
    block_no_ = b;
}

}  // namespace newsfacet
