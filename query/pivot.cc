#include "pivot.h"

#include <algorithm>
#include <limits>
#include <map>

#include "facets.h"
#include "fields.h"

namespace newsfacet {
namespace {

bool is_date(const FacetRequest& r) {
    const Field* f = find_facet(r.name);
    return f && f->kind == FieldKind::date;
}

// Counts `requests` (with no limit) over the matches of `q`.
std::vector<FacetResult> count(const Xapian::Database& db, const Xapian::Query& q,
                               std::vector<FacetRequest> requests, bool quotes) {
    for (FacetRequest& r : requests) {
        r.limit = std::numeric_limits<std::size_t>::max();
        r.min_count = 1;
    }
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter c(db, requests, quotes);
    c.attach(e);
    e.get_mset(0, 0, db.get_doccount());
    return c.results({});
}

// The values shown on one axis: the request's own order, limit and minimum count,
// as --facet shows them (results() with the request as given).
std::vector<FacetValue> shown(const FacetResult& all, const FacetRequest& r, std::size_t& others) {
    std::vector<FacetValue> v;
    for (const FacetValue& x : all.values)
        if (x.count >= r.min_count) v.push_back(x);
    const std::size_t total = v.size();
    if (r.sort_by_value)
        std::stable_sort(v.begin(), v.end(), [&](const FacetValue& a, const FacetValue& b) {
            return is_date(r) ? a.value > b.value : a.value < b.value;
        });
    if (v.size() > r.limit) v.resize(r.limit);
    others = total - v.size();
    return v;
}

}  // namespace

std::string facet_filter_name(const FacetRequest& r) {
    return r.level.empty() ? r.name : r.name + ":" + r.level;
}

PivotResult count_pivot(const Xapian::Database& db, const Xapian::Query& q, const SearchOptions& opts) {
    PivotResult p;
    p.rows = opts.pivot.at(0);
    p.columns = opts.pivot.at(1);
    // All values of both axes over the matches; facet results are sorted by count,
    // then value.
    const std::vector<FacetResult> both = count(db, q, {p.rows, p.columns}, opts.quotes);
    p.row_values = shown(both.at(0), p.rows, p.other_rows);
    p.column_values = shown(both.at(1), p.columns, p.other_columns);
    // Time runs left to right: date columns oldest first.
    if (is_date(p.columns))
        std::sort(p.column_values.begin(), p.column_values.end(),
                  [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
    // One pass per value of the shorter axis: the matches with that value, as -f
    // selects it, counted by the other facet's values.
    FilterBuilder fb(db, opts.quotes ? std::string(kQuotePrefix) : std::string());
    if (opts.today) fb.set_today(*opts.today);
    const bool by_row = p.row_values.size() <= p.column_values.size();
    const FacetRequest& pass_facet = by_row ? p.rows : p.columns;
    const FacetRequest& counted = by_row ? p.columns : p.rows;
    const std::vector<FacetValue>& pass_values = by_row ? p.row_values : p.column_values;
    const std::vector<FacetValue>& counted_values = by_row ? p.column_values : p.row_values;
    p.cells.assign(p.row_values.size(), std::vector<std::size_t>(p.column_values.size(), 0));
    for (std::size_t i = 0; i < pass_values.size(); ++i) {
        std::vector<std::string> ignored;
        const Xapian::Query sel =
            fb.filter(facet_filter_name(pass_facet), pass_values[i].value, ignored, true).value_or_throw();
        const std::vector<FacetResult> got =
            count(db, Xapian::Query(Xapian::Query::OP_FILTER, q, sel), {counted}, opts.quotes);
        std::map<std::string, std::size_t, std::less<>> by_value;
        for (const FacetValue& v : got.at(0).values)
            by_value[v.value] = v.count;
        for (std::size_t j = 0; j < counted_values.size(); ++j) {
            const auto it = by_value.find(counted_values[j].value);
            (by_row ? p.cells[i][j] : p.cells[j][i]) = it == by_value.end() ? 0 : it->second;
        }
    }
    return p;
}

}  // namespace newsfacet
