// Dates relative to today, as notmuch and mu accept them in queries: "today",
// "yesterday", "7d", "2w", "3m", "1y", "3 days ago", "this week", "last month".
// Resolved against a given day so that tests (newsfacet-query --now) are reproducible.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "dates.h"

namespace newsfacet {

/// The days [first, last] a relative date covers, seen from `today`; nullopt when `s`
/// is not one. Case is ignored; words may be separated by spaces, '-' or '_'.
///  * "today", "now" — today; "yesterday" — the day before
///  * "Nd", "Nw", "Nm", "Ny" (mu's units) and "N day(s)|week(s)|month(s)|year(s) ago"
///    — the one day that far back (a month or year back keeps the day of the month,
///    clamped to the month's length: 31 March minus 1m is 29 February in a leap year)
///  * "this week|month|year", "last week|month|year" — the whole calendar week
///    (Monday to Sunday), month or year
std::optional<std::pair<Ymd, Ymd>> relative_date_range(std::string_view s, const Ymd& today);

/// Today in the local time zone (as date(1) prints it).
Ymd local_today();

}  // namespace newsfacet
