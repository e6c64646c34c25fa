// Calendar dates at day, month or year granularity: parsing, formatting and the
// decomposition of ranges into index terms. Used by the indexer (publication and
// mentioned dates) and by the query parser (date: and mentioned: filters).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "error.h"

namespace newsfacet {

/// The published facet's value for documents without a publication date; also
/// accepted by date: and -f published= to select them.
inline constexpr std::string_view kUnknownDate = "(unknown)";

/// How precise a date is.
enum class Granularity { year, month, week, day };

/// "year", "month", "week", "day".
std::string_view granularity_name(Granularity g);

/// A proleptic Gregorian calendar day.
struct Ymd {
    int year = 0;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
    auto operator<=>(const Ymd&) const = default;
};

/// The same day as a std::chrono date, for calendar arithmetic (sys_days, weekday,
/// months); and back. A Ymd that is not a real day gives a year_month_day that is not ok().
inline std::chrono::year_month_day to_chrono(const Ymd& d) {
    return std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
           std::chrono::day{static_cast<unsigned>(d.day)};
}
inline Ymd from_chrono(const std::chrono::year_month_day& d) {
    return Ymd{static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
               static_cast<int>(static_cast<unsigned>(d.day()))};
}

/// A date as written in a query or a value: "2024", "2024-10", "2024-10-07".
struct PartialDate {
    Ymd ymd;
    Granularity granularity = Granularity::day;
    /// First day covered ("2024-10" -> 2024-10-01).
    Ymd first_day() const;
    /// Last day covered ("2024-10" -> 2024-10-31).
    Ymd last_day() const;
    /// ISO form at its own granularity.
    std::string iso() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
/// Days since 1970-01-01 (may be negative).
long days_from_civil(const Ymd& d);
Ymd civil_from_days(long days);
/// 0 = Monday ... 6 = Sunday.
int weekday(const Ymd& d);
Ymd add_days(const Ymd& d, long n);

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (also "YYYYMMDD"); nullopt when invalid
/// (month 13, day 31 in a 30-day month, trailing text...).
std::optional<PartialDate> parse_partial_date(std::string_view s);

/// A whole day "YYYY-MM-DD" (as parse_partial_date reads it), or a usage Error
/// quoting the text, shortened to 40 characters: "\"2024-13-01\" is not a date
/// YYYY-MM-DD". The caller puts where it was in front (an option, file:line).
Result<Ymd> parse_day(std::string_view s);

/// "YYYY-MM-DD".
std::string iso_day(const Ymd& d);
/// "YYYYMMDD", the sortable form stored in value slots.
std::string compact_day(const Ymd& d);

/// The day/month/year index terms for one day (without field prefixes):
/// {"20231007", "202310", "2023"}.
struct DateTerms {
    std::string day, month, year;
};
DateTerms date_terms(const Ymd& d);

/// A set of terms, each tagged with its level, that together cover exactly the days
/// [first, last]: whole years as year terms, whole months as month terms, the rest as
/// day terms. At most about 2*11 + 2*30 + (years) terms.
struct CoverTerm {
    Granularity granularity;
    std::string key;  ///< "2023", "202310" or "20231007"
};
std::vector<CoverTerm> cover_range(const Ymd& first, const Ymd& last);

/// An ISO 8601 week: the week-numbering year (which may differ from the calendar
/// year around 1 January) and the week number 1..53.
struct IsoWeek {
    int year = 0;
    int week = 1;
};
/// The ISO week a day belongs to (weeks start on Monday; week 1 holds the first Thursday).
IsoWeek iso_week(const Ymd& d);
/// The Monday that starts ISO week `week` of `year`.
Ymd iso_week_monday(int year, int week);

/// The days [first, last] covered by a date value as DateMention::value writes it:
/// "2024-10-07", "2024-10", "2024", "2024-W32" (also "2024-W7"), "2024-W32-WE" (its
/// Saturday and Sunday), "2024-Q3", the
/// TimeML seasons "2024-SP/SU/FA/WI" (winter runs into February of the next year) and
/// the TimeML decade "199" (1990-1999) and century "19" (1900-1999). nullopt for
/// anything else.
std::optional<std::pair<Ymd, Ymd>> value_day_range(std::string_view value);

}  // namespace newsfacet
