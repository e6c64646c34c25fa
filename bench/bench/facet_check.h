// newsfacet-bench facets DB: checks that every value every facet lists (each facet and
// level in the schema table) is accepted by -f NAME[:LEVEL]=VALUE and selects as many
// documents as the facet counted (issue 11, item 3), on a real database.
#pragma once

#include <cstddef>
#include <string>

namespace newsfacet::bench {

struct FacetCheckOptions {
    std::string db;
    bool quotes = false;         ///< check the facets of quote documents
    std::size_t max_values = 0;  ///< per facet, 0 = every value
    std::size_t show = 5;        ///< mismatches shown per facet
};

/// Runs the check and prints a line per facet; returns the exit status (1 when any
/// value is rejected or miscounted).
int facet_check(const FacetCheckOptions& o);

}  // namespace newsfacet::bench
