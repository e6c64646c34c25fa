#include <doctest/doctest.h>

#include <string>

#include "reldate.h"

using namespace newsfacet;

TEST_CASE("relative_date_range resolves notmuch/mu relative dates against a given today") {
    struct Row {
        const char* today;
        const char* input;
        const char* expected;  // "FIRST..LAST", or "" when not a relative date
    };
    const Row rows[] = {
        {"2024-10-08", "today", "2024-10-08..2024-10-08"},
        {"2024-10-08", "NOW", "2024-10-08..2024-10-08"},
        {"2024-10-08", "yesterday", "2024-10-07..2024-10-07"},
        {"2024-03-01", "yesterday", "2024-02-29..2024-02-29"},
        {"2024-10-08", "0d", "2024-10-08..2024-10-08"},
        {"2024-10-08", "7d", "2024-10-01..2024-10-01"},
        {"2024-10-08", "2w", "2024-09-24..2024-09-24"},
        {"2024-03-31", "1m", "2024-02-29..2024-02-29"},  // the day clamps to February's length
        {"2024-01-15", "2m", "2023-11-15..2023-11-15"},
        {"2024-02-29", "1y", "2023-02-28..2023-02-28"},
        {"2024-10-08", "3 days ago", "2024-10-05..2024-10-05"},
        {"2024-10-08", "1-week-ago", "2024-10-01..2024-10-01"},
        {"2024-10-08", "2 months", "2024-08-08..2024-08-08"},
        {"2024-10-13", "this week", "2024-10-07..2024-10-13"},  // a Sunday: its week began on Monday
        {"2024-10-14", "this week", "2024-10-14..2024-10-20"},
        {"2024-10-13", "last week", "2024-09-30..2024-10-06"},
        {"2024-03-31", "last month", "2024-02-01..2024-02-29"},
        {"2024-01-10", "last_month", "2023-12-01..2023-12-31"},
        {"2024-05-01", "This Year", "2024-01-01..2024-12-31"},
        {"2024-05-01", "last year", "2023-01-01..2023-12-31"},
        {"2024-10-08", "", ""},
        {"2024-10-08", "7", ""},
        {"2024-10-08", "d", ""},
        {"2024-10-08", "7x", ""},
        {"2024-10-08", "1234567d", ""},
        {"2024-10-08", "last day", ""},
        {"2024-10-08", "last w", ""},
        {"2024-10-08", "next week", ""},
        {"2024-10-08", "3 days later", ""},
        {"2024-10-08", "2024-10", ""},
        {"2024-10-08", "héier", ""},
        {"0001-01-10", "1y", ""},
        {"2024-10-08", "24285m", "0001-01-08..0001-01-08"},  // back to year 1, not before
        {"2024-10-08", "24286m", ""},
        {"2024-10-08", "999999y", ""},  // beyond std::chrono::year's range: still no date
        {"2024-10-08", "999999m", ""},
        {"2024-01-31", "1m", "2023-12-31..2023-12-31"},
        {"2023-03-31", "1m", "2023-02-28..2023-02-28"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.today);
        CAPTURE(r.input);
        const auto today = parse_partial_date(r.today);
        REQUIRE(today);
        const auto got = relative_date_range(r.input, today->ymd);
        const std::string text = got ? iso_day(got->first) + ".." + iso_day(got->second) : std::string();
        CHECK(text == r.expected);
    }
}
