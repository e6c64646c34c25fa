// date: filters against a small in-memory database: exact answers inside and outside
// the data, open ends, reversed ranges and impossible days (issue 11, item 1).
#include <doctest/doctest.h>
#include <xapian.h>

#include "dates.h"
#include "error.h"
#include "fields.h"
#include "schema.h"

using namespace newsfacet;

namespace {

// Articles published on the given days ("" = no date).
Xapian::WritableDatabase dated_db(const std::vector<std::string>& days) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const std::string& day : days) {
        Xapian::Document doc;
        doc.add_boolean_term(std::string(prefix("type")) + "article");
        if (!day.empty()) {
            const DateTerms t = date_terms(parse_partial_date(day)->ymd);
            doc.add_boolean_term(std::string(kPublishedDay) + t.day);
            doc.add_boolean_term(std::string(kPublishedMonth) + t.month);
            doc.add_boolean_term(std::string(kPublishedYear) + t.year);
        }
        db.add_document(doc);
    }
    return db;
}

// Matches of date:VALUE, or -2 for a usage error.
long count(const Xapian::Database& db, const std::string& value) {
    FilterBuilder fb(db, "");
    std::vector<std::string> warnings;
    try {
        Xapian::Enquire enq(db);
        enq.set_query(fb.filter("date", value, warnings).value_or_throw());
        return static_cast<long>(enq.get_mset(0, 0, db.get_doccount()).get_matches_estimated());
    } catch (const Failure& f) {
        return -static_cast<long>(f.error().code);
    }
}

}  // namespace

TEST_CASE("date ranges are exact inside and outside the data") {
    const auto db = dated_db({"1987-02-26", "1987-03-01", "1987-10-19", ""});
    struct Row {
        const char* value;
        long expected;  // matches, or -2: exit status 2
    };
    const Row rows[] = {
        {"1987", 3},
        {"1999..2000", 0},  // entirely after the data
        {"1990..", 0},      // open end after the data
        {"..1980", 0},      // open start before the data
        {"1970..1980", 0},
        {"..1987-02", 1},
        {"1987-03..", 2},
        {"1980..1987-03-01", 2},
        {"1987-10-19..2030", 1},
        {"1900..2100", 3},
        {"1987-02-27..1987-02-28", 0},  // a gap inside the data
        {"1987-03..1987-02", -2},       // reversed
        {"2000..1999", -2},
        {"1987-02-30", -2},  // no such day
        {"1987-02-30..1987-03", -2},
        {"..1987-02-30", -2},
        {"..", -2},
        {"unknown", 1},  // the undated article
        {"(unknown)", 1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.value);
        CHECK(count(db, r.value) == r.expected);
    }
}

TEST_CASE("a database without publication dates matches no range") {
    const auto db = dated_db({"", ""});
    CHECK(count(db, "2004-01..2005-12") == 0);
    CHECK(count(db, "2004..") == 0);
    CHECK(count(db, "2004") == 0);
    CHECK(count(db, "(unknown)") == 2);
    CHECK(count(db, "2005..2004") == -2);
}
