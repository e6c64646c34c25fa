#include "facet_check.h"

#include <chrono>
#include <cstdio>
#include <limits>
#include <vector>

#include "database.h"
#include "error.h"
#include "schema.h"
#include "search.h"

namespace newsfacet::bench {

int facet_check(const FacetCheckOptions& o) {
    const Xapian::Database db = open_for_reading(o.db);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::string> specs;
    for (const Field& f : kFields) {
        if (f.facet.empty()) continue;
        specs.emplace_back(f.facet);
        for (const FacetLevel& l : f.levels)
            if (!l.name.empty()) specs.push_back(std::string(f.facet) + ":" + std::string(l.name));
    }
    std::size_t values = 0, bad = 0, rejected = 0;
    std::printf("%-18s %8s %10s %9s\n", "facet", "values", "miscounted", "rejected");
    for (const std::string& spec : specs) {
        SearchOptions all;
        all.quotes = o.quotes;
        all.limit = 0;
        all.snippets = false;
        FacetRequest r = parse_facet_request(spec).value_or_throw();
        r.limit = std::numeric_limits<std::size_t>::max();
        all.facets.push_back(r);
        const SearchResult listed = search(db, all);
        std::size_t n = 0, miscounted = 0, refused = 0;
        std::vector<std::string> shown;
        for (const FacetValue& v : listed.facets.at(0).values) {
            if (o.max_values && n >= o.max_values) break;
            ++n;
            SearchOptions one;
            one.quotes = o.quotes;
            one.limit = 0;
            one.exact_total = true;
            one.snippets = false;
            one.filters = {{spec, v.value}};
            try {
                const SearchResult got = search(db, one);
                if (got.total != v.count) {
                    ++miscounted;
                    if (shown.size() < o.show)
                        shown.push_back("  " + spec + "=" + v.value + ": facet " + std::to_string(v.count) +
                                        ", -f selects " + std::to_string(got.total));
                }
            } catch (const Failure& f) {
                ++refused;
                if (shown.size() < o.show) shown.push_back("  " + spec + "=" + v.value + ": " + f.error().message);
            }
        }
        std::printf("%-18s %8zu %10zu %9zu\n", spec.c_str(), n, miscounted, refused);
        for (const auto& s : shown)
            std::printf("%s\n", s.c_str());
        values += n;
        bad += miscounted;
        rejected += refused;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%zu facet values checked in %.1f s (%s): %zu miscounted, %zu rejected\n", values, s,
                o.quotes ? "quotes" : "articles", bad, rejected);
    return bad || rejected ? kExitRuntime : kExitOk;
}

}  // namespace newsfacet::bench
