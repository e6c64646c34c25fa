#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "extract.h"

using namespace newsfacet;

namespace {

std::optional<Ymd> day(const char* iso) {
    if (!*iso) return std::nullopt;
    return parse_partial_date(iso)->ymd;
}

// "surface=value" for every mention, joined by " | ", so a row shows all of them.
std::string render(const std::vector<DateMention>& ds) {
    std::string out;
    for (const DateMention& d : ds) {
        if (!out.empty()) out += " | ";
        out += d.surface + "=" + d.value;
    }
    return out;
}

}  // namespace

TEST_CASE("find_dates normalises dates against the publication date") {
    struct Row {
        const char* text;
        const char* published;  // "" = unknown
        const char* expected;   // render() of the result
    };
    const Row rows[] = {
        // Absolute dates.
        {"The attack on 7 October 2023 shocked the world.", "2024-10-07", "7 October 2023=2023-10-07"},
        {"It happened on Oct. 7, 2023, in the south.", "2024-10-07", "Oct. 7, 2023=2023-10-07"},
        {"It happened on October 7th, 2023.", "", "October 7th, 2023=2023-10-07"},
        {"He was born in March 1987 in Leeds.", "2024-10-07", "March 1987=1987-03"},
        {"The war began in 2020.", "2024-10-07", "2020=2020"},
        {"Prices have risen since 2019 and the 2020 election changed little.", "2024-10-07", "2019=2019 | 2020=2020"},
        {"The figures for 2023-10-07 were revised.", "", "2023-10-07=2023-10-07"},
        {"Growth slowed in mid-2024.", "2024-10-07", "mid-2024=2024"},
        {"Music of the 1990s is back.", "2024-10-07", "the 1990s=199"},
        // Year-less dates: nearest, context year, tense.
        {"The attack on 7 October last year killed 1,200 people.", "2024-10-07", "7 October last year=2023-10-07"},
        {"Hamas attacked on 7 October last year. Israel invaded Gaza on 27 October.", "2024-10-07",
         "7 October last year=2023-10-07 | 27 October=2023-10-27"},
        {"Israel was under attack in April.", "2024-08-02", "April=2024-04"},
        {"He condemned the attack of October 7.", "2023-11-08", "October 7=2023-10-07"},
        {"The summit will take place on 20 December.", "2024-10-07", "20 December=2024-12-20"},
        {"Talks were held on 20 December.", "2024-10-07", "20 December=2023-12-20"},
        {"Talks will resume in January.", "2024-10-07", "January=2025-01"},
        {"Sales fell last April.", "2024-10-07", "last April=2024-04"},
        {"The law took effect on March 23 of this year.", "2016-05-14", "March 23 of this year=2016-03-23"},
        {"Only he can win in November, he says.", "2016-01-19", "November=2016-11"},
        {"The relatives could not be located Wednesday.", "2000-01-06", "Wednesday=2000-01-05"},
        // Relative days and weekdays.
        {"In his letter made public late yesterday, Tuesday, he resigned.", "2023-11-08",
         "late yesterday=2023-11-07 | Tuesday=2023-11-07"},
        {"The figures were updated today.", "2024-10-07", "today=2024-10-07"},
        {"The minister will visit tomorrow.", "2024-10-07", "tomorrow=2024-10-08"},
        {"The minister arrived on Friday.", "2024-08-02", "Friday=2024-08-02"},
        {"The minister arrived on Tuesday.", "2024-08-02", "Tuesday=2024-07-30"},
        {"The minister will arrive on Tuesday.", "2024-08-02", "Tuesday=2024-08-06"},
        {"They met last Friday.", "2024-08-02", "last Friday=2024-07-26"},
        {"She campaigned before Monday's caucuses.", "2016-01-31", "Monday=2016-02-01"},
        {"He hopes to do well in Tuesday's primary, ahead of Saturday's vote.", "2016-02-08",
         "Tuesday=2016-02-09 | Saturday=2016-02-13"},
        // Relative periods.
        {"Profits rose last year.", "2024-10-07", "last year=2023"},
        {"Profits rose this year and will rise next year.", "2024-10-07", "this year=2024 | next year=2025"},
        {"It ended a year ago.", "2024-10-07", "a year ago=2023"},
        {"It ended two years ago.", "2024-10-07", "two years ago=2022"},
        {"Talks began earlier this month.", "2024-10-07", "earlier this month=2024-10"},
        {"Prices rose last month.", "2024-10-07", "last month=2024-09"},
        {"Prices rose last week.", "2024-10-07", "last week=2024-W40"},
        {"Prices rose this week.", "2024-10-07", "this week=2024-W41"},
        {"Profit fell in the first quarter.", "2024-10-07", "the first quarter=2024-Q1"},
        {"Third-quarter profit fell 5%.", "1989-10-26", "Third-quarter=1989-Q3"},
        {"Profit in the third quarter of 2023 fell.", "2024-10-07", "the third quarter of 2023=2023-Q3"},
        {"Profit rose to $5m in the third quarter from $4m a year ago.", "1989-10-26",
         "the third quarter=1989-Q3 | a year ago=1988-Q3"},
        {"Net sales for this year's third quarter fell.", "1989-10-26", "this year's third quarter=1989-Q3"},
        {"A charge in the 1988 second quarter hurt.", "1989-10-26", "the 1988 second quarter=1988-Q2"},
        {"Profit fell in the third quarter. In the year-ago quarter it rose.", "1989-10-26",
         "the third quarter=1989-Q3 | the year-ago quarter=1988-Q3"},
        {"Sun shipped more in the quarter a year ago.", "1989-10-26", "the quarter a year ago=1988-Q3"},
        {"Talks continued over the weekend.", "1990-08-13", "the weekend=1990-W32-WE"},
        {"Talks will continue this weekend.", "1990-08-13", "this weekend=1990-W33-WE"},
        {"It expects sales in the current fiscal year to rise.", "1989-10-26", "the current fiscal year=1989"},
        {"Hate groups grew over the past year.", "1998-03-03", "the past year=1997"},
        {"The revolution brought him to power 41 years ago.", "2000-01-15", "41 years ago=1959"},
        {"The summit is on April 24 and 25.", "1999-02-10", "April 24=1999-04-24 | 25=1999-04-25"},
        {"He is a 20th century democrat.", "1998-02-13", "20th century=19"},
        {"The deal should close by year-end.", "1989-11-02", "year-end=1989"},
        {"He fled in June 1998 and returned later that year.", "2000-01-28",
         "June 1998=1998-06 | later that year=1998"},
        {"He was promoted in 1995 and the following year he moved.", "1998-04-18",
         "1995=1995 | the following year=1996"},
        {"Nobody knew that year would matter.", "1998-04-18", ""},
        // Seasons, holidays, spelled years and decades.
        {"The plant closed last fall.", "1999-05-07", "last fall=1998-FA"},
        {"The plant will reopen this summer.", "1998-03-22", "this summer=1998-SU"},
        {"Sales peaked in summer 2021.", "2024-10-07", "summer 2021=2021-SU"},
        {"Factories are going to suffer in the spring.", "1998-02-06", "the spring=1998-SP"},
        {"Factories suffered in the spring.", "1998-02-06", "the spring=1997-SP"},
        {"They will marry this summer.", "1998-02-06", "this summer=1998-SU"},
        {"Families gathered on Thanksgiving Day.", "1999-12-01", "Thanksgiving Day=1999-11-25"},
        {"Families gathered on Thanksgiving Day.", "2018-12-01", "Thanksgiving Day=2018-11-22"},  // 1 Nov a Thursday
        {"Families gathered on Thanksgiving.", "2020-12-01", "Thanksgiving=2020-11-26"},     // 1 Nov a Sunday
        {"They met on Easter Sunday.", "2024-05-01", "Easter Sunday=2024-03-31"},
        {"The shops closed on Christmas Eve.", "2024-10-07", "Christmas Eve=2023-12-24"},
        {"January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven=1997-01"},
        {"Music of the nineties is back.", "2024-10-07", "the nineties=199"},
        // Generic "today" and programme names are not dates.
        {"It is the chip of choice in today's computers.", "2024-10-07", ""},
        {"This is VOA Today.", "2024-10-07", ""},
        {"Baker spoke on ABC's This Week programme.", "2024-10-07", ""},
        // Hard-wrapped lines do not end sentences; a blank line or a headline does.
        {"Brazil first requested the credit last\n    November, to help it.", "1987-03-09",
         "last\n    November=1986-11"},
        {"Profit will rise\nlater this year.", "1987-03-09", "later this year=1987"},
        {"Prices rose last\n\nyear.", "1987-03-09", ""},
        // Without a publication date, relative dates are kept unresolved.
        {"It happened yesterday, on 7 October.", "", "yesterday= | 7 October="},
        // False positives.
        {"They may come in May.", "2024-10-07", "May=2024-05"},
        {"May I say that this is wrong.", "2024-10-07", ""},
        {"Theresa May spoke to MPs.", "2024-10-07", ""},
        {"Thousands March on the capital.", "2024-10-07", ""},
        {"Almost 42,000 people had been killed and 1,200 people injured.", "2024-10-07", ""},
        {"About 2020 people attended.", "2024-10-07", ""},
        {"The meeting starts at 20:15, call 0207 2020 1234.", "2024-10-07", ""},
        {"The Sun and the Sat nav.", "2024-10-07", ""},
        {"", "2024-10-07", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        CAPTURE(r.published);
        CHECK(render(find_dates(r.text, day(r.published))) == r.expected);
    }
}

TEST_CASE("find_dates records granularity, rule and span") {
    const std::string text = "Hamas attacked on 7 October last year and again on Tuesday.";
    const auto ds = find_dates(text, day("2024-10-07"));
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].granularity == Granularity::day);
    CHECK(ds[0].rule == "month-day:dm+relative-year");
    CHECK(text.substr(ds[0].span.begin, ds[0].span.end - ds[0].span.begin) == "7 October last year");
    CHECK(ds[1].rule == "weekday:past");
    CHECK(ds[1].value == "2024-10-01");
    const auto y = find_dates("in 2020", std::nullopt);
    REQUIRE(y.size() == 1);
    CHECK(y[0].granularity == Granularity::year);
    CHECK(y[0].rule == "absolute:year");
}

TEST_CASE("find_dates survives odd input and stays linear") {
    const std::string odd = "\xEF\xBF\xBD 7 \xE2\x80\x94 October \xEF\xBF\xBD 2023 ... ,,, 31 February 2023 May";
    CHECK_NOTHROW(find_dates(odd, day("2024-10-07")));
    // Linear, not quadratic: eight times the text may take about eight times as long. A ratio of two runs in one
    // process, not a wall-clock limit (the machine is shared and noisy); quadratic would give ~64x. The runs
    // alternate and count the process's CPU time, not the wall clock, so that other work on the machine slows
    // neither the small nor the large one alone.
    const std::string para = "On 7 October 2023 and last Tuesday, 1,200 people met in 2020. ";
    auto text = [&](std::size_t bytes) {
        std::string big;
        while (big.size() < bytes)
            big += para;
        return big;
    };
    auto cpu_seconds = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    };
    const std::string small_text = text(200'000), large_text = text(1'600'000);
    double small_s = 1e300, large_s = 1e300;
    std::size_t small_n = 0, large_n = 0;
    for (int i = 0; i < 5; ++i) {
        double t0 = cpu_seconds();
        small_n = find_dates(small_text, day("2024-10-07")).size();
        small_s = std::min(small_s, cpu_seconds() - t0);
        t0 = cpu_seconds();
        large_n = find_dates(large_text, day("2024-10-07")).size();
        large_s = std::min(large_s, cpu_seconds() - t0);
    }
    CHECK(large_n > 6 * small_n);
    MESSAGE("find_dates: 0.2 MB " << small_s << " s, 1.6 MB " << large_s << " s (CPU)");
    CHECK(large_s < 30 * small_s);  // linear: ~8x; quadratic: ~64x
}

TEST_CASE("find_dates on the seed articles") {
    struct Row {
        const char* file;
        const char* published;
        const char* surface;
        const char* value;
    };
    const Row rows[] = {
        {"000_9a5ad2e1a0c9bfef.txt", "2024-10-07", "7 October last year", "2023-10-07"},
        {"000_9a5ad2e1a0c9bfef.txt", "2024-10-07", "27 October", "2023-10-27"},
        {"000_9a5ad2e1a0c9bfef.txt", "2024-10-07", "today", "2024-10-07"},
        {"000_9a5ad2e1a0c9bfef.txt", "2024-10-07", "a year ago", "2023"},
        {"000_9a5ad2e1a0c9bfef.txt", "2024-10-07", "7 October", "2023-10-07"},  // "the 7 October attack"
        {"001_9b59a9d14afede96.txt", "2024-08-02", "April", "2024-04"},
        {"001_9b59a9d14afede96.txt", "2024-08-02", "today", "2024-08-02"},
        {"002_4a88d1566f9dd8da.txt", "2023-11-08", "late yesterday", "2023-11-07"},
        {"002_4a88d1566f9dd8da.txt", "2023-11-08", "Tuesday", "2023-11-07"},
        {"002_4a88d1566f9dd8da.txt", "2023-11-08", "October 7", "2023-10-07"},
        {"002_4a88d1566f9dd8da.txt", "2023-11-08", "2020", "2020"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.file);
        CAPTURE(r.surface);
        std::ifstream in(std::string(NEWSFACET_TEST_DATA) + "/../../seeds/" + r.file, std::ios::binary);
        REQUIRE(in);
        std::stringstream ss;
        ss << in.rdbuf();
        const auto ds = find_dates(ss.str(), day(r.published));
        // Every mention with this surface has this value.
        int seen = 0;
        for (const DateMention& d : ds)
            if (d.surface == r.surface) {
                ++seen;
                CHECK(d.value == r.value);
            }
        CHECK(seen > 0);
    }
    // No number in seed 000 is taken for a year (42,000 people, 1,200 people, 97,000).
    std::ifstream in(std::string(NEWSFACET_TEST_DATA) + "/../../seeds/000_9a5ad2e1a0c9bfef.txt", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (const DateMention& d : find_dates(ss.str(), day("2024-10-07"))) {
        CAPTURE(d.surface);
        CHECK(d.rule.rfind("absolute:year", 0) != 0);
    }
}

TEST_CASE("iso_week and value_day_range") {
    CHECK(iso_week(Ymd{2024, 10, 7}).week == 41);
    CHECK(iso_week(Ymd{2021, 1, 1}).year == 2020);
    CHECK(iso_week(Ymd{2021, 1, 1}).week == 53);
    CHECK(iso_day(iso_week_monday(2024, 41)) == "2024-10-07");
    struct Row {
        const char* value;
        const char* first;
        const char* last;
    };
    const Row rows[] = {
        {"2024-10-07", "2024-10-07", "2024-10-07"},
        {"2024-02", "2024-02-01", "2024-02-29"},
        {"2024", "2024-01-01", "2024-12-31"},
        {"2024-W41", "2024-10-07", "2024-10-13"},
        {"2000-W7", "2000-02-14", "2000-02-20"},
        {"2024-Q3", "2024-07-01", "2024-09-30"},
        {"199", "1990-01-01", "1999-12-31"},
        {"2024-Q5", "", ""},
        {"19", "1900-01-01", "1999-12-31"},
        {"2023-WI", "2023-12-01", "2024-02-29"},
        {"1990-W32-WE", "1990-08-11", "1990-08-12"},
        {"2024-SU", "2024-06-01", "2024-08-31"},
        {"PRESENT_REF", "", ""},
        {"", "", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.value);
        const auto range = value_day_range(r.value);
        CHECK((range ? iso_day(range->first) : std::string()) == r.first);
        CHECK((range ? iso_day(range->second) : std::string()) == r.last);
    }
}
