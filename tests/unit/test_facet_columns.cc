// Stored facet columns (common/facet_columns.h): what the indexer writes is what the
// value slots hold, document by document, across block boundaries, deletions and
// replacements; and columns a later commit did not rewrite are never used.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "facet_columns.h"
#include "schema.h"

using namespace newsfacet;

namespace {

std::filesystem::path scratch_dir(const char* name) {
    return std::filesystem::temp_directory_path() /
           ("newsfacet-columns-" + std::to_string(::getpid()) + "-" + name);
}

Xapian::WritableDatabase scratch_db(const char* name) {
    const std::filesystem::path dir = scratch_dir(name);
    std::filesystem::remove_all(dir);
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
}

const std::string kSep(1, kValueSeparator);

const std::string& article_term() {
    static const std::string t = value_terms(field("type"), "article").at(0);
    return t;
}

// The members of `slot` of the documents holding `term` (all: ""), read back from the
// stored column.
std::map<Xapian::docid, std::set<std::string>> read_back(const Xapian::Database& db, unsigned slot,
                                                         const std::string& term = "") {
    std::map<Xapian::docid, std::set<std::string>> out;
    auto col = StoredColumn::open(db, slot);
    REQUIRE(col);
    std::vector<Xapian::docid> all;
    for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
        all.push_back(*p);
    std::size_t i = 0;
    col->for_each(all, [&](const std::uint32_t* ords, std::size_t n) {
        std::set<std::string>& s = out[all[i++]];
        for (std::size_t k = 0; k < n; ++k)
            s.insert(col->values()[ords[k]]);
    });
    return out;
}

// What the value slot holds, split as the facets split it.
std::map<Xapian::docid, std::set<std::string>> expected(const Xapian::Database& db, unsigned slot,
                                                        const std::string& term = "") {
    std::map<Xapian::docid, std::set<std::string>> out;
    for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        std::set<std::string>& s = out[*p];
        const std::string v = db.get_document(*p).get_value(slot);
        std::size_t b = 0;
        while (!v.empty() && b <= v.size()) {
            std::size_t e = v.find(kValueSeparator, b);
            if (e == std::string::npos) e = v.size();
            if (e > b) s.insert(v.substr(b, e - b));
            b = e + 1;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("stored facet columns hold each document's distinct members") {
    struct Row {
        const char* places;     // slot 4, members joined by '|'
        const char* published;  // slot 0
    };
    const Row rows[] = {
        {"Japan|Tokyo|Asia", "20240105"},
        {"", "20240106"},
        {"Japan", ""},
        {"Tokyo|Tokyo|", "20240105"},  // a repeat and an empty member: counted once, none
        {"|Asia", ""},
    };
    Xapian::WritableDatabase db = scratch_db("rows");
    for (const Row& r : rows) {
        Xapian::Document d;
        std::string places = r.places;
        for (char& c : places)
            if (c == '|') c = kValueSeparator;
        if (!places.empty()) d.add_value(kSlotPlaces, places);
        if (*r.published) d.add_value(kSlotPublished, r.published);
        db.add_document(d);
    }
    store_facet_columns(db);
    db.commit();
    Xapian::Database rd(scratch_dir("rows").string());
    for (unsigned slot : {unsigned(kSlotPlaces), unsigned(kSlotPublished)}) {
        CAPTURE(slot);
        CHECK(read_back(rd, slot) == expected(rd, slot));
    }
    CHECK(read_back(rd, kSlotPlaces)[4] == std::set<std::string>{"Tokyo"});
    CHECK(StoredColumn::open(rd, kSlotOrder) == nullptr);  // not a facet slot
    std::filesystem::remove_all(scratch_dir("rows"));
}

TEST_CASE("stored facet columns across blocks, deletions and replacements; stale ones unused") {
    const char* name = "blocks";
    Xapian::WritableDatabase db = scratch_db(name);
    // Three blocks and a bit; a run of documents without values fills a whole block.
    // Every third document an article (a run of its own in each block), the rest quotes.
    const Xapian::docid n = 3 * kColumnBlock + 17;
    for (Xapian::docid i = 1; i <= n; ++i) {
        Xapian::Document d;
        d.add_boolean_term(i % 3 == 1 ? article_term() : std::string("XQXTYPEquote"));
        const bool empty_block = i > kColumnBlock && i <= 2 * kColumnBlock;
        if (!empty_block && i % 3)
            d.add_value(kSlotSpeakers, "p" + std::to_string(i % 50) + kSep + "q" + std::to_string(i % 7));
        db.add_document(d);
    }
    store_facet_columns(db);
    db.commit();
    // The counts of a set of documents of one run, read directly and by complement.
    auto check_complement = [&](const Xapian::Database& rd) {
        auto col = StoredColumn::open(rd, kSlotSpeakers);
        REQUIRE(col);
        struct Row {
            const char* term;
            int run;
            Xapian::docid every;  // keep every n-th document of the run (1: all)
            bool ok;              // expected to be of the run
        };
        const Row rows[] = {
            {article_term().c_str(), 0, 1, true}, {article_term().c_str(), 0, 2, true},
            {article_term().c_str(), 0, 7, true},
            {"XQXTYPEquote", 1, 1, true}, {"XQXTYPEquote", 1, 3, true}, {"", 0, 1, false},
            {"XQXTYPEquote", 0, 1, false},
        };
        for (const Row& r : rows) {
            CAPTURE(r.term);
            CAPTURE(r.every);
            std::vector<Xapian::docid> ids;
            Xapian::docid k = 0;
            for (Xapian::PostingIterator p = rd.postlist_begin(r.term); p != rd.postlist_end(r.term); ++p)
                if (k++ % r.every == 0) ids.push_back(*p);
            std::vector<std::uint32_t> direct(col->values().size(), 0), by_complement;
            REQUIRE(ids.size() > 100);
            col->for_each(ids, [&](const std::uint32_t* ords, std::size_t count) {
                for (std::size_t j = 0; j < count; ++j)
                    ++direct[ords[j]];
            });
            const bool ok = col->count_by_complement(ids, r.run, by_complement);
            CHECK(ok == r.ok);
            if (ok) CHECK(by_complement == direct);
        }
    };
    auto check_all = [&](const Xapian::Database& rd) {
        check_complement(rd);
        // All documents (the runs taken in turn), the articles, the others.
        for (const std::string& term : {std::string(), article_term(), std::string("XQXTYPEquote")}) {
            CAPTURE(term);
            CHECK(read_back(rd, kSlotSpeakers, term) == expected(rd, kSlotSpeakers, term));
        }
    };
    {
        Xapian::Database rd(scratch_dir(name).string());
        check_all(rd);
    }
    // Delete some, replace some (values gone, values new), then write again.
    for (Xapian::docid i : {Xapian::docid(1), Xapian::docid(5), kColumnBlock, kColumnBlock + 1, n})
        db.delete_document(i);
    for (Xapian::docid i : {Xapian::docid(2), 2 * kColumnBlock + 3, Xapian::docid(kColumnBlock + 10)}) {
        Xapian::Document d;
        d.add_boolean_term(i % 2 ? article_term() : std::string("XQXTYPEquote"));  // some change kind
        if (i != 2) d.add_value(kSlotSpeakers, "new" + kSep + "p1");
        db.replace_document(i, d);
    }
    store_facet_columns(db);
    db.commit();
    {
        Xapian::Database rd(scratch_dir(name).string());
        check_all(rd);
        CHECK(read_back(rd, kSlotSpeakers)[kColumnBlock + 10] == std::set<std::string>{"new", "p1"});
    }
    // A commit that does not rewrite them (another writer, a batch of a run): unused,
    // even when it changes neither the document count nor the last document id.
    {
        Xapian::Document d;
        d.add_value(kSlotSpeakers, "someone else");
        db.replace_document(3, d);
        db.commit();
        Xapian::Database rd(scratch_dir(name).string());
        CHECK(StoredColumn::open(rd, kSlotSpeakers) == nullptr);
    }
    // A database never given columns, and a sharded one, have none.
    {
        Xapian::WritableDatabase plain = scratch_db("plain");
        plain.add_document(Xapian::Document());
        plain.commit();
        Xapian::Database rd(scratch_dir("plain").string());
        CHECK(StoredColumn::open(rd, kSlotSpeakers) == nullptr);
        Xapian::Database two(scratch_dir(name).string());
        store_facet_columns(db);
        db.commit();
        two.reopen();
        CHECK(StoredColumn::open(two, kSlotSpeakers) != nullptr);
        two.add_database(rd);
        CHECK(StoredColumn::open(two, kSlotSpeakers) == nullptr);
    }
    std::filesystem::remove_all(scratch_dir(name));
    std::filesystem::remove_all(scratch_dir("plain"));
}
