// Words typed as the text has them (issue 11, item 8): which words protect_literals
// hands to the indexer's tokenizer, and the query each becomes.
#include <doctest/doctest.h>
#include <xapian.h>

#include <cctype>
#include <string>

#include "fields.h"
#include "literal.h"
#include "search.h"

using namespace newsfacet;

namespace {

// The rewritten query with each protected word shown as L[word] (T[word] for title:),
// instead of its hexadecimal form.
std::string shown(const std::string& q) {
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        const bool title = q.compare(i, kLiteralTitleField.size() + 1, std::string(kLiteralTitleField) + ":") == 0;
        const bool word = !title && q.compare(i, kLiteralField.size() + 1, std::string(kLiteralField) + ":") == 0;
        if (!title && !word) {
            out.push_back(q[i++]);
            continue;
        }
        i += (title ? kLiteralTitleField.size() : kLiteralField.size()) + 1;
        std::string w;
        for (; i + 1 < q.size() && std::isxdigit(static_cast<unsigned char>(q[i])); i += 2)
            w.push_back(static_cast<char>(std::stoi(q.substr(i, 2), nullptr, 16)));
        out += (title ? "T[" : "L[") + w + "]";
    }
    return out;
}

}  // namespace

TEST_CASE("protect_literals: words QueryParser would split otherwise than the indexer") {
    struct Row {
        const char* query;
        const char* rewritten;
    };
    const Row rows[] = {
        {"peace talks", "peace talks"},  // plain words: QueryParser's
        {"two-state", "two-state"},      // a phrase of the same words either way
        {"don't", "don't"},
        {"42000", "42000"},
        {"S&P", "L[S&P]"},  // QueryParser: one term "s&p"; indexer: s, p
        {"AT&T merger", "L[AT&T] merger"},
        {"CSRA.S", "L[CSRA.S]"},  // QueryParser: phrase csra s; indexer: csra.s
        {"TVIV.O", "L[TVIV.O]"},
        {"U.S.-owned", "L[U.S.-owned]"},
        {"D-R.I.", "L[D-R.I.]"},
        {"www.example.com", "L[www.example.com]"},
        {"will.i.am", "L[will.i.am]"},
        {"Fußball", "L[Fußball]"},  // QueryParser keeps ß; the indexer folds it
        {"-S&P +AT&T (U.S. OR Fußball)", "-L[S&P] +L[AT&T] (L[U.S.] OR L[Fußball])"},
        {"title:CSRA.S", "T[CSRA.S]"},
        {"title:peace", "title:peace"},
        {"\"S&P 500\" AT&T", "L[\"S&P 500\"] L[AT&T]"},  // a phrase of the indexer's words
        {"-\"two-state solution\" (\"U.S. bonds\")", "-\"two-state solution\" (L[\"U.S. bonds\"])"},
        {"title:\"S&P index\" peace", "title:\"S&P index\" peace"},                  // a field's phrase: the field's
        {"place:U.S. speaker:\"A.B. Smith\"", "place:U.S. speaker:\"A.B. Smith\""},  // so are filters
        {"body:U.S.", "body:U.S."},                        // an unknown field: searched as words, with a note
        {"U.S.* AND NOT NEAR/3", "U.S.* AND NOT NEAR/3"},  // wildcards, operators
        {"", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.query);
        CHECK(shown(protect_literals(r.query)) == r.rewritten);
    }
}

TEST_CASE("literal words: the query each becomes, as --explain shows it") {
    struct Row {
        const char* query;
        const char* explained;
    };
    const Row rows[] = {
        {"S&P", "phrase(word:s word:p)"},
        {"AT&T", "phrase(word:at word:t)"},
        {"CSRA.S", "word:csra.s"},
        {"U.S.-owned", "phrase(word:u.s word:owned)"},
        {"D-R.I.", "phrase(word:d word:r.i)"},
        {"www.example.com", "stem:www.example.com"},  // typed in lower case: stemmed, as QueryParser does
        {"Fußball", "word:fussball"},
        {"fußball", "stem:fussbal"},
        {"title:CSRA.S", "title:csra.s"},
        {"\"the S&P index\"", "phrase(word:the word:s word:p word:index)"},
        {"\"Fußball\"", "word:fussball"},  // one word in quotes: not stemmed
        {"\"fußball\"", "word:fussball"},
        {"-S&P peace", "stem:peac AND NOT phrase(word:s word:p)"},
        {"S&P OR ceasefire", "phrase(word:s word:p) OR stem:ceasefir"},
        {"peace two-state", "stem:peac AND phrase(word:two word:state)"},
    };
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Row& r : rows) {
        CAPTURE(r.query);
        SearchOptions o;
        o.query = r.query;
        std::vector<std::string> warnings;
        CHECK(describe_query(build_query(db, o, warnings), "") == r.explained);
    }
    // In quote mode the words are quote terms.
    SearchOptions o;
    o.query = "S&P";
    o.quotes = true;
    std::vector<std::string> warnings;
    const Xapian::Query q = build_query(db, o, warnings);
    std::vector<std::string> terms(q.get_unique_terms_begin(), q.get_unique_terms_end());
    CHECK(terms == std::vector<std::string>{"XQp", "XQs"});
}

TEST_CASE("needs_literal and literal_query") {
    CHECK_FALSE(needs_literal("ceasefire"));
    CHECK_FALSE(needs_literal("Israel-Hamas"));
    CHECK(needs_literal("Fußball"));
    CHECK(needs_literal("csra.s"));
    CHECK(literal_query("--", "").get_type() == Xapian::Query::LEAF_MATCH_NOTHING);
    CHECK(literal_query("CSRA.S", "S").get_description() == "Query(Scsra.s)");
}
