// The date recogniser's dispatch table, exposed for its documentation and its tests
// (find_dates itself is declared in extract.h).
#pragma once

#include <string_view>
#include <vector>

#include "dates.h"

namespace newsfacet {

/// One matcher of the word dispatch table in date_extract.cc, in the order matchers
/// are tried: its name, the words that trigger it ("@class" names a class of
/// data/dates-en.tsv), and its example: find_dates(input, kDateExamplePublished)
/// rendered as "surface=value | ..." is `expected`. Every example is a unit-test row.
struct DateRuleExample {
    std::string_view name, triggers, input, expected;
};

/// The publication date of every example: a Monday.
inline constexpr Ymd kDateExamplePublished{2024, 10, 7};

std::vector<DateRuleExample> date_rule_examples();

}  // namespace newsfacet
