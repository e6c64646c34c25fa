#include "dates.h"

#include <charconv>

#include "article.h"

namespace newsfacet {

std::string_view granularity_name(Granularity g) {
    switch (g) {
        case Granularity::year:
            return "year";
        case Granularity::month:
            return "month";
        case Granularity::week:
            return "week";
        case Granularity::day:
            return "day";
    }
    return "day";
}

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's civil-from-days algorithms (public domain).
long days_from_civil(const Ymd& d) {
    long y = d.year - (d.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long m = d.month;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Ymd civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    return Ymd{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const Ymd& d) {
    const long z = days_from_civil(d);  // 1970-01-01 was a Thursday (3).
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

Ymd add_days(const Ymd& d, long n) {
    return civil_from_days(days_from_civil(d) + n);
}

Ymd PartialDate::first_day() const {
    switch (granularity) {
        case Granularity::year:
            return Ymd{ymd.year, 1, 1};
        case Granularity::month:
            return Ymd{ymd.year, ymd.month, 1};
        default:
            return ymd;
    }
}

Ymd PartialDate::last_day() const {
    switch (granularity) {
        case Granularity::year:
            return Ymd{ymd.year, 12, 31};
        case Granularity::month:
            return Ymd{ymd.year, ymd.month, days_in_month(ymd.year, ymd.month)};
        case Granularity::week:
            return add_days(ymd, 6);
        default:
            return ymd;
    }
}

namespace {

bool parse_digits(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string pad(int v, int width) {
    std::string s = std::to_string(v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

}  // namespace

std::optional<PartialDate> parse_partial_date(std::string_view s) {
    PartialDate p;
    int y = 0, m = 1, d = 1;
    if (s.size() == 4) {
        if (!parse_digits(s, y)) return std::nullopt;
        p.granularity = Granularity::year;
    } else if (s.size() == 7 && s[4] == '-') {
        if (!parse_digits(s.substr(0, 4), y) || !parse_digits(s.substr(5, 2), m)) return std::nullopt;
        p.granularity = Granularity::month;
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        if (!parse_digits(s.substr(0, 4), y) || !parse_digits(s.substr(5, 2), m) || !parse_digits(s.substr(8, 2), d))
            return std::nullopt;
        p.granularity = Granularity::day;
    } else if (s.size() == 8) {
        if (!parse_digits(s.substr(0, 4), y) || !parse_digits(s.substr(4, 2), m) || !parse_digits(s.substr(6, 2), d))
            return std::nullopt;
        p.granularity = Granularity::day;
    } else {
        return std::nullopt;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    p.ymd = Ymd{y, m, d};
    return p;
}

Result<Ymd> parse_day(std::string_view s) {
    const auto pd = parse_partial_date(s);
    if (pd && pd->granularity == Granularity::day) return pd->ymd;
    return Error{kExitUsage, "\"" + shorten_title(s, 40) + "\" is not a date YYYY-MM-DD", ""};
}

std::string PartialDate::iso() const {
    switch (granularity) {
        case Granularity::year:
            return pad(ymd.year, 4);
        case Granularity::month:
            return pad(ymd.year, 4) + "-" + pad(ymd.month, 2);
        default:
            return iso_day(ymd);
    }
}

std::string iso_day(const Ymd& d) {
    return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2);
}

std::string compact_day(const Ymd& d) {
    return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2);
}

DateTerms date_terms(const Ymd& d) {
    DateTerms t;
    t.year = pad(d.year, 4);
    t.month = t.year + pad(d.month, 2);
    t.day = t.month + pad(d.day, 2);
    return t;
}

std::vector<CoverTerm> cover_range(const Ymd& first, const Ymd& last) {
    std::vector<CoverTerm> out;
    if (last < first) return out;
    Ymd cur = first;
    const long last_n = days_from_civil(last);
    while (days_from_civil(cur) <= last_n) {
        const DateTerms t = date_terms(cur);
        // A whole year fits from here?
        if (cur.month == 1 && cur.day == 1 && Ymd{cur.year, 12, 31} <= last) {
            out.push_back({Granularity::year, t.year});
            cur = Ymd{cur.year + 1, 1, 1};
        } else if (cur.day == 1 && Ymd{cur.year, cur.month, days_in_month(cur.year, cur.month)} <= last) {
            out.push_back({Granularity::month, t.month});
            cur = add_days(Ymd{cur.year, cur.month, days_in_month(cur.year, cur.month)}, 1);
        } else {
            out.push_back({Granularity::day, t.day});
            cur = add_days(cur, 1);
        }
    }
    return out;
}

IsoWeek iso_week(const Ymd& d) {
    // The week belongs to the year of its Thursday.
    const Ymd thursday = add_days(d, 3 - weekday(d));
    const long jan1 = days_from_civil(Ymd{thursday.year, 1, 1});
    return IsoWeek{thursday.year, static_cast<int>((days_from_civil(thursday) - jan1) / 7 + 1)};
}

Ymd iso_week_monday(int year, int week) {
    // 4 January is always in week 1.
    const Ymd jan4{year, 1, 4};
    return add_days(jan4, -weekday(jan4) + 7L * (week - 1));
}

std::optional<std::pair<Ymd, Ymd>> value_day_range(std::string_view v) {
    int y = 0, n = 0;
    if (v.size() == 3 && parse_digits(v, y)) return std::pair{Ymd{y * 10, 1, 1}, Ymd{y * 10 + 9, 12, 31}};
    // A century: "19" is 1900-1999.
    if (v.size() == 2 && parse_digits(v, y) && y >= 1) return std::pair{Ymd{y * 100, 1, 1}, Ymd{y * 100 + 99, 12, 31}};
    // A weekend: "2024-W41-WE" is the Saturday and Sunday of week 41.
    if (v.size() >= 10 && v.ends_with("-WE")) {
        const auto week = value_day_range(v.substr(0, v.size() - 3));
        if (!week || v[5] != 'W') return std::nullopt;
        return std::pair{add_days(week->first, 5), week->second};
    }
    if (v.size() >= 7 && v.size() <= 8 && v[4] == '-' && (v[5] == 'W' || v[5] == 'Q') &&
        parse_digits(v.substr(0, 4), y) && parse_digits(v.substr(6), n) && y >= 1) {
        if (v[5] == 'Q') {
            if (n < 1 || n > 4 || v.size() != 7) return std::nullopt;
            const int m = (n - 1) * 3 + 1;
            return std::pair{Ymd{y, m, 1}, Ymd{y, m + 2, days_in_month(y, m + 2)}};
        }
        if (n < 1 || n > 53 || (n == 53 && iso_week(iso_week_monday(y, 53)).week != 53)) return std::nullopt;
        const Ymd monday = iso_week_monday(y, n);
        return std::pair{monday, add_days(monday, 6)};
    }
    // Seasons (TimeML): spring March-May, summer June-August, fall September-November,
    // winter December to February of the next year.
    if (v.size() == 7 && v[4] == '-' && parse_digits(v.substr(0, 4), y) && y >= 1) {
        const std::string_view code = v.substr(5);
        const int start = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : code == "WI" ? 12 : 0;
        if (start) {
            const Ymd end =
                start == 12 ? Ymd{y + 1, 2, days_in_month(y + 1, 2)} : Ymd{y, start + 2, days_in_month(y, start + 2)};
            return std::pair{Ymd{y, start, 1}, end};
        }
    }
    if (v.size() == 8) return std::nullopt;  // "YYYYMMDD" is not a value form
    const auto p = parse_partial_date(v);
    if (!p) return std::nullopt;
    return std::pair{p->first_day(), p->last_day()};
}

}  // namespace newsfacet
