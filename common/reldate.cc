#include "reldate.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

namespace newsfacet {
namespace {

namespace ch = std::chrono;

enum class Unit { day, week, month, year };

std::optional<Unit> parse_unit(std::string_view w) {
    if (w == "d" || w == "day" || w == "days") return Unit::day;
    if (w == "w" || w == "week" || w == "weeks") return Unit::week;
    if (w == "m" || w == "month" || w == "months") return Unit::month;
    if (w == "y" || w == "year" || w == "years") return Unit::year;
    return std::nullopt;
}

// The day n months before d, the day of the month clamped to the target month. Before
// year 1 (which the caller refuses) the result is year 0: std::chrono::year holds
// only -32767..32767, and n may be a million years.
Ymd months_back(const Ymd& d, long n) {
    if (n / 12 >= d.year) return Ymd{0, 1, 1};
    const ch::year_month ym = ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)} - ch::months{n};
    return from_chrono(ym / std::min(ch::day{static_cast<unsigned>(d.day)}, (ym / ch::last).day()));
}

Ymd back(const Ymd& today, long n, Unit u) {
    switch (u) {
        case Unit::day:
            return add_days(today, -n);
        case Unit::week:
            return add_days(today, -7 * n);
        case Unit::month:
            return months_back(today, n);
        case Unit::year:
            return months_back(today, 12 * n);
    }
    return today;
}

// The calendar week, month or year holding d.
std::pair<Ymd, Ymd> period(const Ymd& d, Unit u) {
    switch (u) {
        case Unit::week: {
            const ch::sys_days day{to_chrono(d)};
            const ch::sys_days monday = day - (ch::weekday{day} - ch::Monday);
            return {from_chrono(monday), from_chrono(monday + ch::days{6})};
        }
        case Unit::month: {
            const ch::year_month ym = ch::year{d.year} / ch::month{static_cast<unsigned>(d.month)};
            return {from_chrono(ym / 1), from_chrono(ym / ch::last)};
        }
        case Unit::year:
            return {Ymd{d.year, 1, 1}, Ymd{d.year, 12, 31}};
        default:
            return {d, d};
    }
}

}  // namespace

std::optional<std::pair<Ymd, Ymd>> relative_date_range(std::string_view s, const Ymd& today) {
    std::vector<std::string> words;
    std::string w;
    for (const char c : s) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            if (!w.empty()) words.push_back(std::move(w));
            w.clear();
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            return std::nullopt;
        } else {
            w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    auto one = [](const Ymd& d) { return std::make_optional(std::make_pair(d, d)); };
    if (words.size() == 1) {
        const std::string& x = words[0];
        if (x == "today" || x == "now") return one(today);
        if (x == "yesterday") return one(add_days(today, -1));
    }
    // "7d", "7 d", "7 days ago".
    std::string number, unit;
    if (words.size() == 1) {
        const std::size_t k = words[0].find_first_not_of("0123456789");
        if (k == 0 || k == std::string::npos) return std::nullopt;
        number = words[0].substr(0, k);
        unit = words[0].substr(k);
    } else if ((words.size() == 2 || (words.size() == 3 && words[2] == "ago")) &&
               words[0].find_first_not_of("0123456789") == std::string::npos) {
        number = words[0];
        unit = words[1];
    } else if (words.size() == 2 && (words[0] == "this" || words[0] == "last")) {
        const auto u = parse_unit(words[1]);
        if (!u || *u == Unit::day || words[1].size() == 1) return std::nullopt;
        // "last month" on 31 March is February whole: a month back from any day of a
        // month lands in the previous one (the day clamps to its length).
        const Ymd anchor = words[0] == "this" ? today : back(today, 1, *u);
        return period(anchor, *u);
    } else {
        return std::nullopt;
    }
    const auto u = parse_unit(unit);
    if (!u || number.empty() || number.size() > 6) return std::nullopt;
    long n = 0;
    std::from_chars(number.data(), number.data() + number.size(), n);
    const Ymd d = back(today, n, *u);
    if (d.year < 1) return std::nullopt;
    return one(d);
}

Ymd local_today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Ymd{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace newsfacet
