// The query path of newsfacet-query: a query string and -f filters become a
// Xapian::Query (normalize_query_text, the syntax and size checks, QueryParser with
// the field processors, date ranges, wildcards), which is then run, counted into
// facets and printed as text and JSON, against an in-memory database of the seed
// articles indexed the way newsfacet-index does.
//
// Input: the first line is the query; each later line is an option:
//   -f NAME=VALUE     a drill-down filter (as -f)
//   --facet SPEC      a facet (as --facet)
//   --quotes          search quotes
//   --sort date       newest first
// The contract checked: a query is answered, or refused as a usage error (exit 2,
// Failure with kExitUsage); any other exception (exit 1, "runtime error") is a
// finding, as is output that is not valid UTF-8 or puts a control character on the
// terminal.
#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>

#include "document.h"
#include "error.h"
#include "extract.h"
#include "fuzz_check.h"
#include "printer.h"
#include "reader.h"
#include "search.h"
#include "text.h"

using namespace newsfacet;

namespace {

std::unique_ptr<Xapian::WritableDatabase> g_db;

void index_seeds() {
    g_db = std::make_unique<Xapian::WritableDatabase>(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::size_t n = 0;
    read_inputs(
        {NEWSFACET_SEEDS}, ReadOptions{},
        [&](Article& a) {
            write_article(*g_db, build_documents(a, extract(a)));
            ++n;
        },
        [](const std::string&, const InputOutcome&) {});
    if (n == 0) {
        std::fprintf(stderr, "fuzz_query: no articles in %s\n", NEWSFACET_SEEDS);
        std::abort();
    }
    g_db->commit();
}

// Text output without colour: valid UTF-8 and no control character but newline and tab.
void check_printable(const std::string& out) {
    FUZZ_CHECK(is_valid_utf8(out));
    for (const char c : out)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t');
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    index_seeds();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    SearchOptions so;
    so.today = Ymd{2024, 10, 8};
    so.explain = true;
    so.limit = 3;
    std::istringstream lines(input);
    std::getline(lines, so.query);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("-f ")) {
            const std::size_t eq = line.find('=');
            if (eq != std::string::npos && eq > 3) so.filters.emplace_back(line.substr(3, eq - 3), line.substr(eq + 1));
        } else if (line.starts_with("--facet ")) {
            if (auto fr = parse_facet_request(line.substr(8)); fr && so.facets.size() < 8) so.facets.push_back(*fr);
        } else if (line == "--quotes") {
            so.quotes = true;
        } else if (line == "--sort date") {
            so.sort = SortOrder::date;
        }
    }
    SearchResult r;
    try {
        r = search(*g_db, so);
    } catch (const Failure& f) {
        if (f.error().code == kExitUsage) {
            FUZZ_CHECK(!f.error().message.empty());
            return 0;
        }
        std::fprintf(stderr, "query answered with a runtime error (exit %d): %s\n", int(f.error().code),
                     f.error().message.c_str());
        std::abort();
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "query threw %s: %s\n", e.get_type(), e.get_msg().c_str());
        std::abort();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "query threw: %s\n", e.what());
        std::abort();
    }
    FUZZ_CHECK(r.hits.size() <= so.limit);
    std::ostringstream text, json;
    print_text(r, so, false, text);
    check_printable(text.str());
    print_json(r, so, json);
    FUZZ_CHECK(is_valid_utf8(json.str()));
    for (const std::string& w : r.warnings)
        check_printable(terminal_safe(w));
    return 0;
}
