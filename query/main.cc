// newsfacet-query: ranked, faceted search over a newsfacet database.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>

#include "cli.h"
#include "database.h"
#include "dates.h"
#include "error.h"
#include "printer.h"
#include "schema.h"
#include "search.h"

using namespace newsfacet;

namespace {

enum class Format { text, json };
enum class FacetSort { count, value };
enum class Colour { automatic, always, never };

/// The options of one run (CLI11 fills it).
struct QueryOptions {
    std::string db;
    std::vector<std::string> words;
    Format format = Format::text;
    std::size_t limit = 10, offset = 0;
    bool explain = false, quotes = false, count = false, reverse = false, fields = false, stub = false;
    SortOrder sort = SortOrder::relevance;
    std::vector<std::string> facets;
    std::vector<std::string> filters;
    std::size_t facet_limit = 10, facet_min = 1;
    FacetSort facet_sort = FacetSort::count;
    std::vector<std::string> facet_prefix;
    Colour color = Colour::automatic;
    std::vector<std::string> facet_match;
    LineOutput output = LineOutput::ids;  ///< --output: one line per hit
    bool output_given = false;            ///< --output was on the command line

    bool limit_given = false;  ///< -n was on the command line
    std::string query_file;    ///< read the query from this file ("-": stdin)
    std::string now;           ///< the day relative dates count from
    std::string pivot;         ///< "A,B": count matches per pair of values of two facets
    std::string like;          ///< more like this article id
    bool like_given = false;   ///< --like was on the command line
};

/// The query text from --query-file: the whole file (or stdin for "-"), its lines
/// joined by spaces. Throws Failure: exit 1 when it cannot be read, 2 when too large.
std::string read_query_file(const std::string& path) {
    constexpr std::size_t kMaxBytes = 1 << 20;
    std::string text;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file)
            throw Failure({kExitRuntime, "--query-file " + path + ": cannot read: " + std::strerror(errno),
                           "give a readable file, or - to read the query from standard input"});
        in = &file;
    }
    char buf[65536];
    while (in->read(buf, sizeof buf) || in->gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in->gcount()));
        if (text.size() > kMaxBytes)
            throw Failure({kExitUsage, "--query-file " + path + ": larger than 1 MiB; a query is not that long", ""});
    }
    if (in->bad()) throw Failure({kExitRuntime, "--query-file " + path + ": read error", ""});
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text;
}

/// Splits NAME=VALUE options (--facet-prefix, --facet-match); exit 2 when malformed.
std::vector<std::pair<std::string, std::string>> name_values(const std::vector<std::string>& opts, const char* option) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : opts) {
        const std::size_t eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Failure({kExitUsage, std::string(option) + " " + p + ": expected NAME=TEXT",
                           std::string("e.g. ") + option + " person=Smith"});
        out.emplace_back(p.substr(0, eq), p.substr(eq + 1));
    }
    return out;
}

/// Whether text output gets ANSI colour: --color=always/never decide; auto colours a
/// terminal unless NO_COLOR is set (no-color.org) or TERM is "dumb" (a terminal that
/// cannot show escapes, such as Emacs's shell).
bool use_colour(Colour mode) {
    if (mode == Colour::always) return true;
    if (mode == Colour::never) return false;
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(1) && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
}

std::string syntax_help() {
    std::string s =
        "\nQuery syntax:\n"
        "  words              all must match (AND is the default); stemmed: ceasefire finds ceasefires\n"
        "  a OR b, a AND NOT b, -word, (a OR b) c\n"
        "  \"a phrase\"         words in this order\n"
        "  ceasef*            trailing wildcard\n"
        "  an empty query matches every article (browse with filters and facets)\n"
        "Fields:\n";
    for (const Field& f : kFields) {
        if (f.kind == FieldKind::internal || f.example.empty()) continue;
        std::string line = "  " + std::string(f.name) + ":";
        line.resize(14, ' ');
        s += line + std::string(f.description) + "   e.g. " + std::string(f.example) + "\n";
    }
    s += "\nExit status: 0 success (zero hits is success); 1 runtime error (no database, locked, corrupt);\n"
         "2 usage or query syntax error, or a query over the limits (see docs/cli.md).\n";
    return s;
}

void setup_query(CLI::App& app, QueryOptions& o) {
    app.description(
        "newsfacet-query: search news articles indexed by newsfacet-index: ranked (BM25), filtered, faceted.");
    app.footer(syntax_help());
    app.add_option("QUERY", o.words, "Query words (joined by spaces)");
    app.add_option("--db", o.db, "Database path (default: $NEWSFACET_DB, else ./newsfacet.db)");
    app.add_flag("--stub", o.stub,
                 "--db names a Xapian stub file listing databases (glass directories, remote HOST:PORT servers)");
    app.add_option("--format", o.format, "Output format")
        ->transform(choice<Format>({{"text", Format::text}, {"json", Format::json}}))
        ->default_str("text");

    app.add_option("--color,--colour", o.color,
                   "Colour in text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always, never")
        ->transform(choice<Colour>({{"auto", Colour::automatic}, {"always", Colour::always}, {"never", Colour::never}}))
        ->default_str("auto");
    app.add_option("-n,--limit", o.limit, "Number of hits to show")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    app.add_option("--offset", o.offset, "Skip this many hits (paging)")
        ->check(CLI::Range(0, 1000000000))
        ->capture_default_str();
    app.add_option("--sort", o.sort, "Order of hits: relevance, or date (newest first)")
        ->transform(choice<SortOrder>({{"relevance", SortOrder::relevance}, {"date", SortOrder::date}}))
        ->default_str("relevance");
    app.add_flag("--reverse", o.reverse, "With --sort date: oldest first");
    app.add_flag("--explain", o.explain, "Show the parsed query and why each hit is under the facet values it matched");
    app.add_flag("--quotes", o.quotes, "Search what people said: list matching quotes with their speakers");
    app.add_flag("--count", o.count, "Print only the number of matches (and facets, if asked)");
    app.add_flag("--fields", o.fields,
                 "Print the schema: every field, its term prefixes, kind, value slot and facets (no database needed)");
    app.add_option("--facet", o.facets,
                   "Count values of a facet: speaker, person, place[:country|:city], published[:year|:month|:day], "
                   "mentioned[:year|:month|:day] (repeatable or comma-separated)")
        ->delimiter(',')
        ->allow_extra_args(false);
    app.add_option("-f,--filter", o.filters,
                   "Drill down: NAME=VALUE or NAME:LEVEL=VALUE, any value a facet lists (e.g. -f speaker=\"John "
                   "Smith\" -f place=Israel -f place:city=Paris); values of one facet are ORed, facets ANDed")
        ->allow_extra_args(false);
    app.add_option("--facet-limit", o.facet_limit, "Values shown per facet")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    app.add_option("--facet-sort", o.facet_sort, "Order of facet values")
        ->transform(choice<FacetSort>({{"count", FacetSort::count}, {"value", FacetSort::value}}))
        ->default_str("count");
    app.add_option("--facet-min", o.facet_min, "Hide facet values with fewer documents")
        ->check(CLI::Range(0, 1000000000))
        ->capture_default_str();
    app.add_option("--facet-prefix", o.facet_prefix, "NAME=PREFIX: list only values of facet NAME starting with PREFIX")
        ->allow_extra_args(false);
    app.add_option("--facet-match", o.facet_match,
                   "NAME=TEXT: list only values of facet NAME containing TEXT anywhere (person=Bush finds George W "
                   "Bush; case and accents ignored)")
        ->allow_extra_args(false);
    app.add_option("--output", o.output,
                   "Print only one line per hit, for pipes: the article ids or the article file paths (all hits "
                   "unless -n is given)")
        ->transform(choice<LineOutput>({{"ids", LineOutput::ids}, {"paths", LineOutput::paths}}));
    app.add_option("--pivot", o.pivot,
                   "A,B: count matches per pair of values of facets A (rows) and B (columns), any two --facet "
                   "accepts, e.g. speaker,published:month (who spoke when); --facet-limit values per axis");
    app.add_option("--like", o.like,
                   "More like this: articles like the article with this id (its most distinctive words), with the "
                   "query and -f selecting among them");
    app.add_option("--query-file", o.query_file,
                   "Read the query from this file (- for standard input) instead of the command line");
    app.add_option("--now", o.now,
                   "The day relative dates (date:7d.., yesterday, \"last week\") count from, YYYY-MM-DD (default: "
                   "today)");
}

/// NAME=VALUE (-f) or NAME=PREFIX (--facet-prefix).
Result<std::pair<std::string, std::string>> name_value(const std::string& option, const std::string& arg,
                                                       const char* example) {
    const std::size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
        return Error{kExitUsage, option + " " + arg + ": expected NAME=VALUE", std::string("e.g. ") + example};
    return std::pair{arg.substr(0, eq), arg.substr(eq + 1)};
}

int run_query(const QueryOptions& o) {
    if (o.fields) {
        if (o.format == Format::json)
            print_fields_json(std::cout);
        else
            print_fields_text(std::cout);
        return kExitOk;
    }
    SearchOptions so;
    for (const auto& w : o.words)
        so.query += (so.query.empty() ? "" : " ") + w;
    if (!o.query_file.empty()) {
        if (!o.words.empty())
            throw Failure({kExitUsage, "a query both on the command line and in --query-file " + o.query_file,
                           "give one or the other"});
        so.query = read_query_file(o.query_file);
    }
    if (!o.now.empty()) {
        const Result<Ymd> day = parse_day(o.now);
        if (!day) throw Failure({kExitUsage, "--now: " + day.error().message, "e.g. --now 2024-10-08"});
        so.today = *day;
    }
    if (o.output_given && (o.format == Format::json || o.count))
        throw Failure({kExitUsage, std::string("--output goes with neither ") + (o.count ? "--count" : "--format json"),
                       "--output prints one id or path per hit, for pipes"});
    so.limit = o.count ? 0 : o.limit;
    if (o.output_given) {
        so.snippets = false;
        if (!o.limit_given) so.limit = std::numeric_limits<std::size_t>::max();
    }
    so.offset = o.offset;
    so.explain = o.explain;
    so.quotes = o.quotes;
    so.sort = o.sort;
    so.reverse = o.reverse;
    if (o.reverse && so.sort != SortOrder::date)
        throw Failure({kExitUsage, "--reverse goes with --sort date",
                       "newsfacet-query --sort date --reverse ... lists the oldest first"});
    so.exact_total = o.count;
    for (const auto& f : o.filters)
        so.filters.push_back(name_value("-f", f, "-f place=Israel").value_or_throw());
    const auto prefixes = name_values(o.facet_prefix, "--facet-prefix");
    const auto matches = name_values(o.facet_match, "--facet-match");
    std::vector<std::string> facet_names = o.facets;
    for (const auto* list : {&prefixes, &matches})
        for (const auto& [n, _] : *list)
            if (std::find(facet_names.begin(), facet_names.end(), n) == facet_names.end()) facet_names.push_back(n);
    for (const auto& spec : facet_names) {
        FacetRequest fr = parse_facet_request(spec).value_or_throw();
        // A facet asked for twice (--facet place,place, or date and published) is
        // counted and printed once: JSON output has one member per facet.
        const bool seen = std::any_of(so.facets.begin(), so.facets.end(), [&](const FacetRequest& f) {
            return f.name == fr.name && f.level == fr.level;
        });
        if (seen) continue;
        fr.limit = o.facet_limit;
        fr.min_count = o.facet_min;
        fr.sort_by_value = o.facet_sort == FacetSort::value;
        for (const auto& [n, p] : prefixes)
            if (n == spec) fr.prefix = p;
        for (const auto& [n, m] : matches)
            if (n == spec) fr.match = m;
        so.facets.push_back(fr);
    }
    if (!o.pivot.empty()) {
        const std::size_t comma = o.pivot.find(',');
        const std::string a = o.pivot.substr(0, comma);
        const std::string b = comma == std::string::npos ? std::string() : o.pivot.substr(comma + 1);
        if (a.empty() || b.empty() || b.find(',') != std::string::npos)
            throw Failure({kExitUsage, "--pivot " + o.pivot + ": expected two facets A,B",
                           "e.g. --pivot speaker,published:month"});
        for (const std::string& spec : {a, b}) {
            FacetRequest fr = parse_facet_request(spec).value_or_throw();
            fr.limit = o.facet_limit;
            fr.min_count = o.facet_min;
            fr.sort_by_value = o.facet_sort == FacetSort::value;
            so.pivot.push_back(fr);
        }
        if (so.pivot[0].name == so.pivot[1].name && so.pivot[0].level == so.pivot[1].level)
            throw Failure({kExitUsage, "--pivot " + o.pivot + ": the same facet twice", "use --facet " + a});
    }
    if (o.like_given && o.like.empty())
        throw Failure({kExitUsage, "--like needs an article id", "e.g. --like 000_9a5ad2e1a0c9bfef"});
    so.like = o.like;
    const std::string path = resolve_db_path(o.db);
    const SearchResult r =
        read_database(path, o.stub ? OpenMode::stub_file : OpenMode::local, [&](Xapian::Database& db) {
            if (so.limit > db.get_doccount()) so.limit = db.get_doccount();
            return search(db, so);
        });
    if (o.output_given)
        print_lines(r, so, o.output, std::cout);
    else if (o.format == Format::json)
        print_json(r, so, std::cout);
    else
        print_text(r, so, use_colour(o.color), std::cout);
    // Notes go to stderr in both formats (JSON also lists them in "warnings").
    for (const auto& w : r.warnings)
        print_message("newsfacet-query", "note", w);
    // Text output prints "did you mean" above its summary line; --count and --output
    // keep stdout for the number or the list.
    if (!r.did_you_mean.empty() && o.format == Format::text && (o.count || o.output_given))
        print_message("newsfacet-query", "note", "did you mean: " + r.did_you_mean + "?");
    std::cout.flush();
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app;
    QueryOptions o;
    setup_query(app, o);
    add_version_flag(app, "newsfacet-query");
    return run_command(
        app, argc, argv, "newsfacet-query",
        [&] {
            o.limit_given = app.count("--limit") > 0;
            o.like_given = app.count("--like") > 0;
            o.output_given = app.count("--output") > 0;
            return run_query(o);
        },
        [&] { return resolve_db_path(o.db); });
}
