#include <doctest/doctest.h>

#include <set>
#include <string>

#include "date_extract.h"
#include "extract.h"

using namespace newsfacet;

// Every matcher of the date recogniser's dispatch table carries an example; the
// examples are the rows of this table test: {input, expected}.
TEST_CASE("date matchers: each matcher's example is a test row") {
    const std::vector<DateRuleExample> rules = date_rule_examples();
    CHECK(rules.size() >= 30);
    std::set<std::string_view> names;
    for (const DateRuleExample& r : rules) {
        CAPTURE(r.name);
        CAPTURE(r.input);
        CHECK(names.insert(r.name).second);  // names are unique
        CHECK_FALSE(r.triggers.empty());
        std::string got;
        for (const DateMention& d : find_dates(r.input, kDateExamplePublished)) {
            if (!got.empty()) got += " | ";
            got += d.surface + "=" + d.value;
        }
        CHECK(got == r.expected);
    }
}
