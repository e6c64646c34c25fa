#include <doctest/doctest.h>

#include <string>

#include "dates.h"

using namespace newsfacet;

TEST_CASE("parse_partial_date accepts years, months and days and rejects invalid dates") {
    struct Row {
        const char* input;
        const char* expected;  // iso() or "" for invalid
    };
    const Row rows[] = {
        {"2024", "2024"},
        {"2024-10", "2024-10"},
        {"2024-10-07", "2024-10-07"},
        {"20241007", "2024-10-07"},
        {"2024-13", ""},
        {"2023-02-29", ""},
        {"2024-02-29", "2024-02-29"},
        {"2024-04-31", ""},
        {"", ""},
        {"24", ""},
        {"2024-1", ""},
        {"2024-10-07x", ""},
        {"abcd", ""},
        {"0000", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        auto p = parse_partial_date(r.input);
        CHECK((p ? p->iso() : std::string()) == r.expected);
    }
}

TEST_CASE("parse_day: a whole day, or an error quoting the text") {
    struct Row {
        std::string input;
        std::string expected;  // iso_day() or the error's message
    };
    const Row rows[] = {
        {"2024-10-07", "2024-10-07"},
        {"20241007", "2024-10-07"},
        {"2024-10", "\"2024-10\" is not a date YYYY-MM-DD"},
        {"2024-13-01", "\"2024-13-01\" is not a date YYYY-MM-DD"},
        {"", "\"\" is not a date YYYY-MM-DD"},
        {std::string(60, 'x'), "\"" + std::string(40, 'x') + "\u2026\" is not a date YYYY-MM-DD"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.input);
        const Result<Ymd> d = parse_day(r.input);
        CHECK((d ? iso_day(*d) : d.error().message) == r.expected);
        if (!d) CHECK(d.error().code == kExitUsage);
    }
}

TEST_CASE("weekday and day arithmetic") {
    CHECK(weekday(Ymd{2023, 11, 7}) == 1);  // a Tuesday
    CHECK(weekday(Ymd{2024, 10, 7}) == 0);  // a Monday
    CHECK(iso_day(add_days(Ymd{2024, 3, 1}, -1)) == "2024-02-29");
    CHECK(iso_day(civil_from_days(days_from_civil(Ymd{1987, 2, 26}))) == "1987-02-26");
}

TEST_CASE("cover_range covers exactly the days asked, with the fewest terms") {
    struct Row {
        const char* first;
        const char* last;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"2024-01-01", "2024-12-31", {"2024"}},
        {"2023-10-01", "2024-03-31", {"202310", "202311", "202312", "202401", "202402", "202403"}},
        {"2024-02-28", "2024-03-02", {"20240228", "20240229", "20240301", "20240302"}},
        {"2023-12-31", "2025-01-01", {"20231231", "2024", "20250101"}},
        {"2024-05-01", "2024-04-01", {}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.first);
        std::vector<std::string> got;
        for (const auto& t : cover_range(parse_partial_date(r.first)->ymd, parse_partial_date(r.last)->ymd))
            got.push_back(t.key);
        CHECK(got == r.expected);
    }
}
