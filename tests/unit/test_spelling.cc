// "Did you mean" (issue 16): which words of a query spelling may correct, which words
// the indexer keeps as spelling data, and suggestions from a small database.
#include <doctest/doctest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>

#include "document.h"
#include "spelling.h"

using namespace newsfacet;

namespace {

std::string words(const std::string& q) {
    std::string out;
    for (const QueryWord& w : correctable_words(q))
        out += (out.empty() ? "" : "|") + q.substr(w.begin, w.end - w.begin);
    return out;
}

std::filesystem::path scratch_dir(const char* name) {
    return std::filesystem::temp_directory_path() /
           ("newsfacet-spelling-" + std::to_string(::getpid()) + "-" + name);
}

// A fresh glass database in a scratch directory (the in-memory backend has no
// spelling data); remove it with std::filesystem::remove_all(scratch_dir(name)).
Xapian::WritableDatabase scratch_db(const char* name) {
    const std::filesystem::path dir = scratch_dir(name);
    std::filesystem::remove_all(dir);
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
}

// A database holding `terms` (one document), with spelling data for `spelling`.
Xapian::WritableDatabase db_with(const char* name, const std::vector<std::string>& terms,
                                 const std::vector<std::string>& spelling) {
    Xapian::WritableDatabase db = scratch_db(name);
    Xapian::Document doc;
    for (const auto& t : terms)
        doc.add_term(t);
    db.add_document(doc);
    for (const auto& w : spelling)
        db.add_spelling(w);
    db.commit();
    return db;
}

// The spelling frequency of a word (0 when absent): Xapian 1.4 lists the spelling
// words with their frequencies.
Xapian::doccount spelling_freq(const Xapian::Database& db, const std::string& word) {
    for (Xapian::TermIterator t = db.spellings_begin(); t != db.spellings_end(); ++t)
        if (*t == word) return t.get_termfreq();
    return 0;
}

}  // namespace

TEST_CASE("correctable_words: free-text words only") {
    const struct {
        const char* query;
        const char* expected;
    } rows[] = {
        {"peace talks", "peace|talks"},
        {"peace AND NOT war", "peace|war"},
        {"a OR b XOR c NEAR d ADJ e", "a|b|c|d|e"},
        {"or and", "or|and"},  // lower-case operator words are words
        {"\"two-state solution\"", "two|state|solution"},
        {"ceasef* truce", "truce"},
        {"place:Frnace goverment", "goverment"},
        {"speaker:\"John Healy\" peace", "peace"},
        {"(place:Japan OR city:Tokyo) summit", "summit"},
        {"date:2024-10..2024-12 vote", "vote"},
        {"title:peace war", "war"},
        {"body:euro", "euro"},  // not a field: its words are searched
        {"-blair +brown", "blair|brown"},
        {"g7 2024 covid19 summit", "summit"},
        {"Zürich café", "Zürich|café"},
        {"Healey's", "Healey's"},
        {"", ""},
        {"  :  \" ", ""},
    };
    for (const auto& r : rows) {
        const std::string query = r.query;
        CAPTURE(query);
        CHECK(words(r.query) == r.expected);
    }
}

TEST_CASE("is_spelling_word: article words, not numbers or prefixed terms") {
    const struct {
        const char* term;
        bool expected;
    } rows[] = {
        {"ceasefire", true}, {"healey's", true}, {"zürich", true}, {"war", true}, {"uk", false},
        {"2024", false},     {"g7", false},      {"Zceasefir", false}, {"XPLACEjapan", false},
        {"Q000_abc", false}, {"supercalifragilisticexpialidociousnessesandmore", false},
    };
    for (const auto& r : rows) {
        const std::string term = r.term;
        CAPTURE(term);
        CHECK(is_spelling_word(r.term) == r.expected);
    }
}

TEST_CASE("spelling_suggestion: words no document holds, from the spelling data") {
    const Xapian::WritableDatabase db =
        db_with("suggest", {"ceasefire", "Zceasefir", "gallant", "defence", "secretary", "XQceasefire", "csra.s"},
                {"ceasefire", "gallant", "defence", "secretary", "csra.s"});
    const struct {
        const char* query;
        const char* kind_prefix;
        const char* expected;
    } rows[] = {
        {"cesefire", "", "ceasefire"},
        {"ceasefire", "", ""},    // holds it: nothing to correct
        {"ceasefires", "", ""},   // its stem is held
        {"Gallent", "", "Gallant"},
        {"GALLENT", "", "GALLANT"},
        {"cesefire OR \"defence secetary\"", "", "ceasefire OR \"defence secretary\""},
        {"place:Frnace cesefire", "", "place:Frnace ceasefire"},
        {"place:Frnace", "", ""},
        {"qqqqqqqq", "", ""},     // nothing near
        {"ces", "", ""},
        {"cesefire", "XQ", "ceasefire"},
        {"CSRA.S", "", ""},  // "CSRA" is part of a word held as written, not a misspelling
        {"(CSRA.S OR cesefire)", "", "(CSRA.S OR ceasefire)"},
        {"csra.x", "", ""},  // not "csra.s.x"
        {"csra", "", "csra.s"},
        {"", "", ""},
    };
    for (const auto& r : rows) {
        const std::string query = r.query;
        CAPTURE(query);
        CHECK(spelling_suggestion(db, r.query, r.kind_prefix) == r.expected);
    }
    std::filesystem::remove_all(scratch_dir("suggest"));
}

TEST_CASE("spelling_suggestion: a database without spelling data suggests nothing") {
    const Xapian::WritableDatabase db = db_with("none", {"ceasefire", "gallant"}, {});
    CHECK(spelling_suggestion(db, "cesefire Gallent", "") == "");
    std::filesystem::remove_all(scratch_dir("none"));
}

TEST_CASE("SpellingBatch: one count per article, taken back when it goes") {
    Xapian::WritableDatabase db = scratch_db("batch");
    Xapian::Document a, b;
    for (const char* t : {"ceasefire", "talks", "Zceasefir", "2024"})
        a.add_term(t, 3);
    b.add_term("ceasefire");
    SpellingBatch batch;
    batch.count(a, true);
    batch.count(b, true);
    batch.flush(db);
    CHECK(spelling_freq(db, "ceasefire") == 2);
    CHECK(spelling_freq(db, "talks") == 1);
    CHECK(spelling_freq(db, "2024") == 0);
    CHECK(spelling_freq(db, "Zceasefir") == 0);
    batch.count(a, false);
    batch.count(a, true);  // replaced in the same batch: no change
    batch.count(b, false);
    batch.flush(db);
    CHECK(spelling_freq(db, "ceasefire") == 1);
    CHECK(spelling_freq(db, "talks") == 1);
    batch.count(a, false);
    batch.flush(db);
    CHECK(spelling_freq(db, "ceasefire") == 0);
    CHECK(db.get_spelling_suggestion("cesefire") == "");
    std::filesystem::remove_all(scratch_dir("batch"));
}

TEST_CASE("SpellingBatch: a backend without spelling data is written without it") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document a;
    a.add_term("ceasefire");
    SpellingBatch batch;
    batch.count(a, true);
    CHECK_NOTHROW(batch.flush(db));
    CHECK(spelling_suggestion(db, "cesefire", "") == "");
}
