// Pivots (--pivot A,B): matches counted per pair of values of two facets, "who spoke
// when". Exact, through the same facet counting as --facet (facets.h), so it works on
// one database, local shards and remote shards alike.
#pragma once

#include <xapian.h>

#include "search.h"

namespace newsfacet {

/// The -f filter name that selects values of a facet ("speaker", "place:country",
/// "published:month").
std::string facet_filter_name(const FacetRequest& r);

/// Counts the pivot opts.pivot (two facets) over the matches of `q` (the whole query,
/// filters included): one pass for the row and column values, then one per row shown
/// (or per column, when fewer columns are shown), over `q` and that value selected as
/// -f selects it, counting the other facet.
PivotResult count_pivot(const Xapian::Database& db, const Xapian::Query& q, const SearchOptions& opts);

}  // namespace newsfacet
