#include "roundtrip.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "corpus.h"
#include "database.h"
#include "docrecord.h"
#include "error.h"
#include "measure.h"
#include "schema.h"
#include "search.h"

namespace fs = std::filesystem;

namespace newsfacet::bench {
namespace {

struct Tally {
    std::size_t articles = 0, tokens = 0, found = 0, syntax = 0;
    std::size_t distinct = 0, distinct_found = 0;  ///< tokens counted once per article
    std::vector<std::string> misses, errors;       ///< "ID: TOKEN", "TOKEN: message"

    void add(const Tally& t) {
        articles += t.articles;
        tokens += t.tokens;
        found += t.found;
        syntax += t.syntax;
        distinct += t.distinct;
        distinct_found += t.distinct_found;
    }
};

double percent(std::size_t part, std::size_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 100.0;
}

void print_line(const std::string& label, const Tally& t) {
    std::printf(
        "%-40s %7zu articles %9zu tokens  found %8.3f%%  (%zu missed, %zu syntax errors)  distinct per "
        "article %8.3f%%\n",
        label.c_str(), t.articles, t.tokens, percent(t.found, t.tokens), t.tokens - t.found - t.syntax, t.syntax,
        percent(t.distinct_found, t.distinct));
}

// Up to n entries spread evenly over v.
void print_sample(const char* what, const std::vector<std::string>& v, std::size_t n) {
    if (v.empty() || n == 0) return;
    std::printf("  %s (%zu of %zu):\n", what, std::min(n, v.size()), v.size());
    for (std::size_t k = 0; k < n && k < v.size(); ++k)
        std::printf("    %s\n", v[k * v.size() / std::min(n, v.size())].c_str());
}

bool is_token_cp(UChar32 c) {
    return c >= 0 && u_isalnum(c);
}

bool is_space_cp(UChar32 c) {
    return c < 0 || u_isUWhiteSpace(c);
}

// Every token of `text` between white space, with how often it occurs.
std::unordered_map<std::string, std::size_t> tokens_of(std::string_view text) {
    std::unordered_map<std::string, std::size_t> out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t len = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < len) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (is_space_cp(c)) continue;
        int32_t e = i;
        while (e < len) {
            int32_t n = e;
            U8_NEXT(s, n, len, c);
            if (is_space_cp(c)) break;
            e = n;
        }
        i = e;
        std::string t =
            strip_outer_punctuation(text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
        if (!t.empty()) ++out[t];
    }
    return out;
}

Tally run_input(const Xapian::Database& db, const RoundtripOptions& o) {
    Tally t;
    // One parse per distinct token (the query does not depend on the article).
    struct Parsed {
        Xapian::Query q;
        std::string error;
    };
    std::unordered_map<std::string, Parsed> cache;
    const std::string kind = value_terms(field("type"), "article").at(0);
    for (Xapian::PostingIterator p = db.postlist_begin(kind); p != db.postlist_end(kind); ++p) {
        const Xapian::Document doc = db.get_document(*p);
        const DocRecord rec = DocRecord::parse(doc.get_data());
        ++t.articles;
        // The article itself: its unique term (ids may repeat across sources).
        const std::string unique(prefix("source"));
        Xapian::TermIterator u = doc.termlist_begin();
        u.skip_to(unique);
        if (u == doc.termlist_end() || !(*u).starts_with(unique))
            throw std::runtime_error("article " + rec.id + " has no unique term");
        const Xapian::Query self(*u);
        for (const auto& [token, n] : tokens_of(rec.text)) {
            t.tokens += n;
            ++t.distinct;
            auto it = cache.find(token);
            if (it == cache.end()) {
                Parsed parsed;
                SearchOptions so;
                so.query = token;
                so.literal_words = o.literal_words;
                std::vector<std::string> warnings;
                try {
                    parsed.q = build_query(db, so, warnings);
                } catch (const Failure& f) {
                    parsed.error = f.error().message;
                }
                it = cache.emplace(token, std::move(parsed)).first;
            }
            if (!it->second.error.empty()) {
                t.syntax += n;
                t.errors.push_back(token + ": " + it->second.error);
                continue;
            }
            Xapian::Enquire enq(db);
            enq.set_weighting_scheme(Xapian::BoolWeight());
            enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, it->second.q, self));
            if (enq.get_mset(0, 1).empty()) {
                t.misses.push_back(rec.id + ": " + token);
                continue;
            }
            t.found += n;
            ++t.distinct_found;
        }
    }
    return t;
}

}  // namespace

std::string strip_outer_punctuation(std::string_view token) {
    const auto* s = reinterpret_cast<const uint8_t*>(token.data());
    const int32_t len = static_cast<int32_t>(token.size());
    int32_t b = 0, e = len;
    while (b < e) {
        int32_t n = b;
        UChar32 c;
        U8_NEXT(s, n, e, c);
        if (is_token_cp(c)) break;
        b = n;
    }
    while (e > b) {
        int32_t p = e;
        UChar32 c;
        U8_PREV(s, b, p, c);
        if (is_token_cp(c)) break;
        e = p;
    }
    return std::string(token.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
}

int roundtrip(const RoundtripOptions& o) {
    fs::create_directories(o.work);
    Tally all;
    std::printf(
        "round trip: every whitespace token of every article, outer punctuation stripped, typed as a query "
        "restricted to its article (%s)\n",
        o.literal_words ? "literal words on" : "--no-literal-words: QueryParser alone");
    for (std::size_t k = 0; k < o.inputs.size(); ++k) {
        const std::string& input = o.inputs[k];
        const std::string db_path = (fs::path(o.work) / ("roundtrip-" + std::to_string(k) + ".db")).string();
        if (!o.reuse_index || !fs::exists(db_path)) {
            fs::remove_all(db_path);
            // The Reuters-21578 directory: its stories, not its README and code lists.
            std::vector<std::string> argv{o.bin_dir + "/newsfacet-index", "-q", "--db", db_path};
            const std::vector<std::string> sgm = sgm_files(input);
            if (sgm.empty()) argv.push_back(input);
            argv.insert(argv.end(), sgm.begin(), sgm.end());
            const ChildStats s = run_process(argv, true);
            // 3: some inputs skipped, the rest indexed (a stray file in a corpus folder).
            if (s.exit_status != 0 && s.exit_status != 3)
                throw std::runtime_error("newsfacet-index " + input + " exited with status " +
                                         std::to_string(s.exit_status));
        }
        const auto t0 = std::chrono::steady_clock::now();
        const Xapian::Database db = open_for_reading(db_path);
        const Tally t = run_input(db, o);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        print_line(input, t);
        std::printf("  %.1f s\n", secs);
        print_sample("misses", t.misses, o.show);
        print_sample("syntax errors", t.errors, o.show);
        all.add(t);
    }
    if (o.inputs.size() > 1) print_line("overall", all);
    const double got = percent(all.found, all.tokens);
    if (got < o.min_percent) {
        std::printf("below --min %.3f%%\n", o.min_percent);
        return kExitRuntime;
    }
    return kExitOk;
}

}  // namespace newsfacet::bench
