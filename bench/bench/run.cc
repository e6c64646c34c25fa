#include "run.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "corpus.h"
#include "database.h"
#include "docrecord.h"
#include "fts5.h"
#include "json.h"
#include "measure.h"
#include "schema.h"
#include "search.h"

namespace fs = std::filesystem;

namespace newsfacet::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of this thread: on a machine shared with other work, the time a query
// would take on an idle core (wall time adds the waits for the CPU).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// One benchmark query: the full newsfacet query and the free-text part that the
/// plain-Xapian baseline and quest run (they have no entity fields).
struct BenchQuery {
    std::string cls;
    std::string full;
    std::string text;
};

// ---------------------------------------------------------------------------------
// Indexing.

struct IndexStats {
    ChildStats child;
    std::size_t docs = 0;
    unsigned long long db_bytes = 0;
};

IndexStats index_newsfacet(const RunOptions& o, const std::string& jsonl, const std::string& db) {
    fs::remove_all(db);
    IndexStats s;
    s.child = run_process({o.bin_dir + "/newsfacet-index", "-q", "--db", db, jsonl}, true);
    if (s.child.exit_status != 0 && s.child.exit_status != 3)
        throw std::runtime_error("newsfacet-index exited with status " + std::to_string(s.child.exit_status));
    Xapian::Database d(db, Xapian::DB_BACKEND_GLASS);
    s.docs = d.get_termfreq(std::string(prefix("type")) + "article");
    s.db_bytes = dir_bytes(db);
    return s;
}

IndexStats index_plain(const std::string& jsonl, const std::string& db) {
    fs::remove_all(db);
    IndexStats s;
    s.child = run_process({self_dir() + "/newsfacet-bench", "xapian-index", "--db", db, jsonl}, true);
    if (s.child.exit_status != 0)
        throw std::runtime_error("the plain-Xapian indexer exited with status " + std::to_string(s.child.exit_status));
    Xapian::Database d(db, Xapian::DB_BACKEND_GLASS);
    s.docs = d.get_doccount();
    s.db_bytes = dir_bytes(db);
    return s;
}

IndexStats index_fts5(const std::string& jsonl, const std::string& db) {
    fs::remove(db);
    IndexStats s;
    s.child = run_process({self_dir() + "/newsfacet-bench", "fts5-index", "--db", db, jsonl}, true);
    if (s.child.exit_status != 0)
        throw std::runtime_error("the SQLite FTS5 indexer exited with status " + std::to_string(s.child.exit_status));
    s.docs = Fts5Searcher(db).count("");
    s.db_bytes = fs::file_size(db);
    return s;
}

// ---------------------------------------------------------------------------------
// Query sets.

bool plain_word(const std::string& t) {
    if (t.size() < 3 || t.size() > 20) return false;
    for (char c : t)
        if (c < 'a' || c > 'z') return false;
    return true;
}

std::vector<std::string> split_values(const std::string& v) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (!v.empty() && p <= v.size()) {
        std::size_t e = v.find(kValueSeparator, p);
        if (e == std::string::npos) e = v.size();
        if (e > p) out.push_back(v.substr(p, e - p));
        p = e + 1;
    }
    return out;
}

std::string quoted(const std::string& v) {
    return v.find(' ') == std::string::npos && v.find('-') == std::string::npos ? v : "\"" + v + "\"";
}

// A filter (speaker:, place: or date:) that document `did` satisfies, rotating
// through the three fields and falling back to the others when it has no value.
std::string filter_for(const Xapian::Database& db, Xapian::docid did, std::size_t turn) {
    const Xapian::Document doc = db.get_document(did);
    for (std::size_t k = 0; k < 3; ++k) {
        switch ((turn + k) % 3) {
            case 0: {
                const auto v = split_values(doc.get_value(kSlotSpeakers));
                if (!v.empty()) return "speaker:" + quoted(v[turn % v.size()]);
                break;
            }
            case 1: {
                const auto v = split_values(doc.get_value(kSlotPlaces));
                if (!v.empty()) return "place:" + quoted(v[turn % v.size()]);
                break;
            }
            default: {
                const std::string d = doc.get_value(kSlotPublished);
                if (d.size() == 8) return "date:" + d.substr(0, 4) + "-" + d.substr(4, 2);
            }
        }
    }
    return "";
}

// Adjacent plain words of a text (ASCII letters only, separated by one space), for
// phrases that certainly occur.
std::vector<std::pair<std::string, std::string>> adjacent_pairs(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string prev, cur;
    bool prev_ok = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\n';
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            cur.push_back(static_cast<char>(c | 0x20));
            continue;
        }
        const bool ok = plain_word(cur);
        if (ok && prev_ok) out.emplace_back(prev, cur);
        prev = cur;
        prev_ok = ok && c == ' ';
        cur.clear();
        if (c != ' ') prev_ok = false;
    }
    return out;
}

std::vector<BenchQuery> generate_queries(const Xapian::Database& db, std::size_t per_class, std::uint64_t seed) {
    Rng rng(seed);
    // Free-text words by document frequency, most frequent first.
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    for (Xapian::TermIterator t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        if (term.empty() || term[0] < 'a' || term[0] > 'z') continue;
        if (!plain_word(term) || t.get_termfreq() < 2) continue;
        words.emplace_back(t.get_termfreq(), term);
    }
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Xapian::docid> articles;
    const std::string type_term = std::string(prefix("type")) + "article";
    for (Xapian::PostingIterator p = db.postlist_begin(type_term); p != db.postlist_end(type_term); ++p)
        articles.push_back(*p);
    if (words.empty() || articles.empty()) throw std::runtime_error("the index holds no words to query");

    std::vector<BenchQuery> out;
    auto add = [&](const std::string& cls, const std::string& text, Xapian::docid witness, std::size_t i) {
        out.push_back({cls, text, text});
        const std::string f = filter_for(db, witness, i);
        if (!f.empty()) out.push_back({cls + "+filter", text + " " + f, text});
    };
    // Single words spread over the ranks on a log scale: a few very common words, many
    // mid-frequency ones and rare ones, as in real query logs.
    const double n = static_cast<double>(words.size());
    for (std::size_t i = 0; i < per_class; ++i) {
        const double lo = std::pow(n, static_cast<double>(i) / static_cast<double>(per_class));
        const double hi = std::pow(n, static_cast<double>(i + 1) / static_cast<double>(per_class));
        const std::size_t r = std::min(words.size() - 1, static_cast<std::size_t>(lo - 1 + rng.unit() * (hi - lo)));
        const std::string& w = words[r].second;
        Xapian::PostingIterator p = db.postlist_begin(w);
        p.skip_to(articles[rng.below(articles.size())]);
        const Xapian::docid witness = p == db.postlist_end(w) ? *db.postlist_begin(w) : *p;
        add("word", w, witness, i);
    }
    // Two words of one article (AND) and two adjacent words (phrase).
    for (std::size_t i = 0, tries = 0; i < per_class && tries < per_class * 50; ++tries) {
        const Xapian::docid did = articles[rng.below(articles.size())];
        std::vector<std::string> terms;
        for (Xapian::TermIterator t = db.termlist_begin(did); t != db.termlist_end(did); ++t)
            if (!(*t).empty() && (*t)[0] >= 'a' && (*t)[0] <= 'z' && plain_word(*t)) terms.push_back(*t);
        if (terms.size() < 2) continue;
        const std::string a = terms[rng.below(terms.size())], b = terms[rng.below(terms.size())];
        if (a == b) continue;
        add("and", a + " AND " + b, did, i);
        ++i;
    }
    for (std::size_t i = 0, tries = 0; i < per_class && tries < per_class * 50; ++tries) {
        const Xapian::docid did = articles[rng.below(articles.size())];
        const DocRecord rec = DocRecord::parse(db.get_document(did).get_data());
        const auto pairs = adjacent_pairs(rec.text);
        if (pairs.empty()) continue;
        const auto& [a, b] = pairs[rng.below(pairs.size())];
        add("phrase", "\"" + a + " " + b + "\"", did, i);
        ++i;
    }
    return out;
}

// The free-text part of a query read from a file: field:value and field:"a b" removed.
std::string strip_fields(const std::string& q) {
    static const char* kFields[] = {"speaker:", "person:", "place:", "city:", "date:", "mentioned:", "published:"};
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        bool cut = false;
        for (const char* f : kFields) {
            const std::size_t len = std::strlen(f);
            if (q.compare(i, len, f) == 0 && (i == 0 || q[i - 1] == ' ' || q[i - 1] == '(')) {
                std::size_t j = i + len;
                if (j < q.size() && q[j] == '"') {
                    const std::size_t e = q.find('"', j + 1);
                    j = e == std::string::npos ? q.size() : e + 1;
                } else {
                    while (j < q.size() && q[j] != ' ' && q[j] != ')')
                        ++j;
                }
                i = j;
                cut = true;
                break;
            }
        }
        if (!cut) out.push_back(q[i++]);
    }
    const std::size_t b = out.find_first_not_of(' '), e = out.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

std::vector<BenchQuery> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<BenchQuery> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::string cls = "file", q = line;
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) {
            cls = line.substr(0, tab);
            q = line.substr(tab + 1);
        }
        out.push_back({cls, q, strip_fields(q)});
    }
    return out;
}

// ---------------------------------------------------------------------------------
// Searching.

/// The plain-Xapian searcher: QueryParser with the english stemmer, its default
/// flags, top 10 with each hit's data fetched (as a result page needs).
class PlainSearcher {
  public:
    explicit PlainSearcher(const Xapian::Database& db) : db_(db), enq_(db) {
        qp_.set_database(db);
        qp_.set_stemmer(Xapian::Stem("english"));
        qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    /// Top 10 with each hit's data; with `exact`, Xapian counts the whole match set
    /// (check_at_least = all documents), the floor under any exact facet count.
    Xapian::doccount run(const std::string& q, bool exact = false) {
        enq_.set_query(qp_.parse_query(q));
        Xapian::MSet m = enq_.get_mset(0, 10, exact ? db_.get_doccount() : 0);
        std::size_t bytes = 0;
        for (Xapian::MSetIterator it = m.begin(); it != m.end(); ++it)
            bytes += it.get_document().get_data().size();
        sink_ += bytes;
        return m.get_matches_estimated();
    }
    /// The exact number of matches.
    Xapian::doccount exact_count(const std::string& q) {
        enq_.set_query(qp_.parse_query(q));
        return enq_.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
    }

  private:
    Xapian::Database db_;
    Xapian::QueryParser qp_;
    Xapian::Enquire enq_;
    std::size_t sink_ = 0;
};

struct ModeTimes {
    std::map<std::string, std::vector<double>> by_class;
    std::vector<double> all;
    void add(const std::string& cls, double ms) {
        by_class[cls].push_back(ms);
        all.push_back(ms);
    }
};

void write_pct(JsonWriter& j, const char* key, std::vector<double> v) {
    const Percentiles p = percentiles(v);
    j.key(key).begin_object();
    j.field("n", static_cast<unsigned long long>(p.n))
        .field("p50", p.p50)
        .field("p95", p.p95)
        .field("p99", p.p99)
        .field("mean", p.mean)
        .field("max", p.max);
    j.end_object();
}

std::string fmt_pct(std::vector<double> v) {
    const Percentiles p = percentiles(v);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%7.2f %7.2f %7.2f %7.2f", p.p50, p.p95, p.p99, p.mean);
    return buf;
}

double ratio(double a, double b) {
    return b > 0 ? a / b : 0;
}

std::string iso_now() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

}  // namespace

int plain_index(const std::string& db_path, const std::string& jsonl) {
    const std::vector<BenchDoc> docs = read_corpus(jsonl);
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    for (const BenchDoc& d : docs) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(d.title);
        tg.increase_termpos();
        tg.index_text(d.body);
        const std::string id = "Q" + d.id;
        doc.add_boolean_term(id);
        doc.set_data(d.title + "\n\n" + d.body);
        db.replace_document(id, doc);
    }
    db.commit();
    return 0;
}

std::string database_digest(const std::string& db_path) {
    const Xapian::Database db(db_path, Xapian::DB_BACKEND_GLASS);
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s)
            h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    };
    auto mixn = [&](std::uint64_t n) { mix(std::to_string(n)); };
    std::size_t n = 0;
    for (Xapian::PostingIterator d = db.postlist_begin(""); d != db.postlist_end(""); ++d, ++n) {
        mixn(*d);
        for (Xapian::TermIterator t = db.termlist_begin(*d); t != db.termlist_end(*d); ++t) {
            mix(*t);
            mixn(t.get_wdf());
            for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                mixn(*p);
        }
        const Xapian::Document doc = db.get_document(*d);
        for (Xapian::ValueIterator v = doc.values_begin(); v != doc.values_end(); ++v) {
            mixn(v.get_valueno());
            mix(*v);
        }
        mix(doc.get_data());
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%zu documents, %016llx", n, static_cast<unsigned long long>(h));
    return buf;
}

int run_bench(const RunOptions& o) {
    fs::create_directories(o.work);
    const std::string jsonl = (fs::path(o.work) / "corpus.jsonl").string();
    const std::string nf_db = (fs::path(o.work) / "newsfacet.db").string();
    const std::string px_db = (fs::path(o.work) / "xapian.db").string();
    const std::string fts_db = (fs::path(o.work) / "fts5.sqlite").string();
    const std::string label = o.label.empty() ? fs::path(o.corpus).filename().string() : o.label;

    // The corpus, as JSON Lines with unique ids: both indexers read this same file.
    std::vector<BenchDoc> docs = read_corpus(o.corpus);
    const std::uint64_t bytes = corpus_bytes(docs);
    const std::size_t ndocs = docs.size();
    if (!o.reuse_index || !fs::exists(jsonl)) write_jsonl(docs, jsonl);
    docs.clear();
    docs.shrink_to_fit();
    std::printf("newsfacet-bench: %s: %zu articles, %.1f MB of text\n", label.c_str(), ndocs,
                static_cast<double>(bytes) / 1e6);

    IndexStats nf, px, ft;
    const bool index = !o.reuse_index || !fs::exists(nf_db) || !fs::exists(px_db) || !fs::exists(fts_db);
    if (index) {
        std::fflush(stdout);
        px = index_plain(jsonl, px_db);
        ft = index_fts5(jsonl, fts_db);
        nf = index_newsfacet(o, jsonl, nf_db);
    } else {
        ft.docs = Fts5Searcher(fts_db).count("");
        ft.db_bytes = fs::file_size(fts_db);
        nf.docs =
            Xapian::Database(nf_db, Xapian::DB_BACKEND_GLASS).get_termfreq(std::string(prefix("type")) + "article");
        px.docs = Xapian::Database(px_db, Xapian::DB_BACKEND_GLASS).get_doccount();
        nf.db_bytes = dir_bytes(nf_db);
        px.db_bytes = dir_bytes(px_db);
    }
    auto docs_per_s = [](const IndexStats& s) {
        return s.child.wall_s > 0 ? static_cast<double>(s.docs) / s.child.wall_s : 0;
    };
    auto mb_per_s = [&](const IndexStats& s) {
        return s.child.wall_s > 0 ? static_cast<double>(bytes) / 1e6 / s.child.wall_s : 0;
    };
    if (index) {
        std::printf("\nIndexing (child processes; wall time, peak RSS from wait4)\n");
        std::printf("  %-22s %8s %9s %8s %8s %8s %9s %9s\n", "", "docs", "docs/s", "MB/s", "wall s", "cpu s", "peak MB",
                    "db MB");
        for (const auto& [name, s] :
             {std::pair<const char*, const IndexStats&>{"newsfacet-index", nf}, {"plain Xapian", px}, {"SQLite FTS5", ft}})
            std::printf("  %-22s %8zu %9.0f %8.2f %8.2f %8.2f %9.1f %9.1f\n", name, s.docs, docs_per_s(s), mb_per_s(s),
                        s.child.wall_s, s.child.user_s + s.child.sys_s,
                        static_cast<double>(s.child.max_rss_kb) / 1024.0, static_cast<double>(s.db_bytes) / 1e6);
        std::printf("  ratio newsfacet/plain: speed %.2f×, peak RSS %.2f×, size %.2f×\n",
                    ratio(docs_per_s(nf), docs_per_s(px)),
                    ratio(static_cast<double>(nf.child.max_rss_kb), static_cast<double>(px.child.max_rss_kb)),
                    ratio(static_cast<double>(nf.db_bytes), static_cast<double>(px.db_bytes)));
        std::printf("  ratio newsfacet/FTS5:  speed %.2f×, peak RSS %.2f×, size %.2f×\n",
                    ratio(docs_per_s(nf), docs_per_s(ft)),
                    ratio(static_cast<double>(nf.child.max_rss_kb), static_cast<double>(ft.child.max_rss_kb)),
                    ratio(static_cast<double>(nf.db_bytes), static_cast<double>(ft.db_bytes)));
    }

    // Queries.
    const Xapian::Database nfd = open_for_reading(nf_db);
    const Xapian::Database pxd(px_db, Xapian::DB_BACKEND_GLASS);
    const std::vector<BenchQuery> queries =
        o.queries_file.empty() ? generate_queries(nfd, o.per_class, o.seed) : read_queries(o.queries_file);
    std::vector<std::string> classes;
    for (const auto& q : queries)
        if (std::find(classes.begin(), classes.end(), q.cls) == classes.end()) classes.push_back(q.cls);
    if (o.print_queries)
        for (const auto& q : queries)
            std::printf("  query %-14s %s   [baseline: %s]\n", q.cls.c_str(), q.full.c_str(), q.text.c_str());

    // In-process modes, all on the same queries, back to back per query so that load
    // from other processes falls on all of them alike.
    struct Mode {
        const char* key;
        const char* title;
    };
    static const Mode kModes[] = {
        {"newsfacet", "newsfacet search()"},           {"newsfacet_facets", "  + 3 exact facets"},
        {"newsfacet_page", "  + 3 facets + snippets"}, {"xapian", "plain Xapian top-10"},
        {"xapian_exact", "plain Xapian, exact count"}, {"fts5", "SQLite FTS5 top-10 (bm25)"},
        {"fts5_facet", "  FTS5 + month facet"},
    };
    constexpr std::size_t kNumModes = std::size(kModes);
    SearchOptions nf_opts;
    nf_opts.limit = 10;
    nf_opts.snippets = false;
    SearchOptions facet_opts = nf_opts;
    for (const char* f : {"speaker", "place", "published"})
        facet_opts.facets.push_back(parse_facet_request(f).value_or_throw());
    SearchOptions page_opts = facet_opts;
    page_opts.snippets = true;
    PlainSearcher baseline(pxd);
    Fts5Searcher fts(fts_db);
    std::vector<std::string> fts_match;
    for (const BenchQuery& q : queries)
        fts_match.push_back(fts5_match(q.text));
    std::vector<ModeTimes> wall(kNumModes), cpu(kNumModes);
    std::size_t executed = 0, failed = 0, inexact = 0, mismatched = 0, fts_mismatched = 0;
    std::vector<Xapian::doccount> matches(queries.size(), 0);
    // The facet lists of each query in the first pass; later passes must give the same
    // (the first pass mostly counts from value streams, later ones from facet columns).
    std::vector<std::string> facet_print(queries.size());
    std::size_t facets_changed = 0;
    auto print_facets = [](const SearchResult& r) {
        std::string out = std::to_string(r.total);
        for (const FacetResult& fr : r.facets) {
            out += "|" + fr.request.name + ":" + std::to_string(fr.other_values);
            for (const FacetValue& v : fr.values)
                out += ";" + v.value + "=" + std::to_string(v.count);
        }
        return out;
    };
    for (std::size_t pass = 0; pass < o.warmup + o.runs; ++pass) {
        const bool timed = pass >= o.warmup;
        for (std::size_t i = 0; i < queries.size(); ++i) {
            const BenchQuery& q = queries[i];
            try {
                double w[kNumModes], c[kNumModes];
                SearchResult exact_result;
                for (std::size_t m = 0; m < kNumModes; ++m) {
                    const auto t0 = Clock::now();
                    const double c0 = thread_cpu_ms();
                    if (m <= 2) {
                        SearchOptions so = m == 0 ? nf_opts : m == 1 ? facet_opts : page_opts;
                        so.query = q.full;
                        SearchResult r = search(nfd, so);
                        if (m == 1) exact_result = std::move(r);
                    } else if (m <= 4) {
                        baseline.run(q.text, m == 4);
                    } else if (m == 5) {
                        fts.top10(fts_match[i]);
                    } else {
                        fts.top10_with_facet(fts_match[i]);
                    }
                    c[m] = thread_cpu_ms() - c0;
                    w[m] = ms_since(t0);
                }
                if (timed) {
                    for (std::size_t m = 0; m < kNumModes; ++m) {
                        wall[m].add(q.cls, w[m]);
                        cpu[m].add(q.cls, c[m]);
                    }
                    ++executed;
                }
                matches[i] = static_cast<Xapian::doccount>(exact_result.total);
                if (pass == 0)
                    facet_print[i] = print_facets(exact_result);
                else if (facet_print[i] != print_facets(exact_result))
                    ++facets_changed;
                if (pass == 0) {
                    if (!exact_result.exact) ++inexact;
                    for (const FacetResult& fr : exact_result.facets)
                        if (!fr.exact) ++inexact;
                    // Same words, same stemmer: without a filter the two engines should
                    // agree on the number of matches (a check that the baseline is fair).
                    if (q.full == q.text && baseline.exact_count(q.text) != exact_result.total) ++mismatched;
                    // FTS5 stems with Porter's first algorithm (Xapian: Porter2) and stems
                    // the words of phrases too: a few counts may differ.
                    if (q.full == q.text && fts.count(fts_match[i]) != exact_result.total) ++fts_mismatched;
                }
            } catch (const std::exception& e) {
                if (pass == 0) std::fprintf(stderr, "newsfacet-bench: query %s failed: %s\n", q.full.c_str(), e.what());
                ++failed;
            }
        }
    }
    const bool use_cpu = o.clock == "cpu";
    std::vector<ModeTimes>& shown = use_cpu ? cpu : wall;
    std::printf("\nQueries in-process (%zu queries, %zu warm-up + %zu timed passes; ms of %s)\n", queries.size(),
                o.warmup, o.runs, use_cpu ? "thread CPU time" : "wall time");
    std::printf("  %-28s %5s %8s %8s %8s %8s %9s\n", "class / mode", "n", "p50", "p95", "p99", "mean", "p50/plain");
    auto block = [&](const std::string& cls) {
        std::printf("  %s\n", cls.c_str());
        std::vector<double> base = cls == "all" ? shown[3].all : shown[3].by_class[cls];
        const double px50 = percentiles(base).p50;
        for (std::size_t m = 0; m < kNumModes; ++m) {
            std::vector<double> v = cls == "all" ? shown[m].all : shown[m].by_class[cls];
            const Percentiles p = percentiles(v);
            std::printf("    %-26s %5zu %8.3f %8.3f %8.3f %8.3f %8.2f×\n", kModes[m].title,
                        p.n / std::max<std::size_t>(1, o.runs), p.p50, p.p95, p.p99, p.mean, ratio(p.p50, px50));
        }
    };
    for (const auto& cls : classes)
        block(cls);
    block("all");
    auto all_pct = [&](std::size_t m) {
        std::vector<double> v = shown[m].all;
        return percentiles(v);
    };
    const Percentiles p_nf = all_pct(0), p_fc = all_pct(1), p_px = all_pct(3), p_pxe = all_pct(4);
    std::printf("  3 exact facets vs plain Xapian top-10: p50 %.2f×, p99 %.2f×\n", ratio(p_fc.p50, p_px.p50),
                ratio(p_fc.p99, p_px.p99));
    std::printf(
        "  facet overhead (same search without facets): p50 %.2f×, mean %.2f×; plain Xapian's own exact-count cost: "
        "p50 %.2f×, mean %.2f×\n",
        ratio(p_fc.p50, p_nf.p50), ratio(p_fc.mean, p_nf.mean), ratio(p_pxe.p50, p_px.p50),
        ratio(p_pxe.mean, p_px.mean));
    const Percentiles p_ft = all_pct(5), p_ftf = all_pct(6);
    std::printf(
        "  SQLite FTS5 ÷ newsfacet: top-10 p50 %.2f×, p99 %.2f×; with a facet (FTS5: month; newsfacet: 3 exact "
        "facets) p50 %.2f×, p99 %.2f×\n",
        ratio(p_ft.p50, p_nf.p50), ratio(p_ft.p99, p_nf.p99), ratio(p_ftf.p50, p_fc.p50), ratio(p_ftf.p99, p_fc.p99));
    std::printf(
        "  %zu searches timed, %zu failed, %zu inexact counts, %zu facet lists that changed between passes, "
        "%zu unfiltered queries whose match count differs from plain Xapian's, %zu from FTS5's\n",
        executed * kNumModes, failed, inexact, facets_changed, mismatched, fts_mismatched);

    // One-shot processes: newsfacet-query beside quest.
    ModeTimes c_nf, c_q, c_nf_cpu, c_q_cpu;
    std::size_t cold_executed = 0;
    std::map<std::string, std::size_t> taken;
    bool no_quest = false;
    for (const BenchQuery& q : queries) {
        if (no_quest || taken[q.cls]++ >= o.cold_per_class) continue;
        for (std::size_t r = 0; r < o.cold_runs; ++r) {
            const ChildStats a = run_process({o.bin_dir + "/newsfacet-query", "--db", nf_db, "--", q.full});
            const ChildStats b = run_process({"quest", "-d", px_db, "--", q.text});
            if (b.exit_status == 127) {
                // exec failed: quest (Debian package xapian-tools) is not installed.
                std::fprintf(stderr,
                             "newsfacet-bench: quest not found (install xapian-tools): no one-shot comparison\n");
                no_quest = true;
                break;
            }
            if (a.exit_status != 0 || b.exit_status != 0) {
                std::fprintf(stderr, "newsfacet-bench: one-shot %s: newsfacet-query exit %d, quest exit %d\n",
                             q.full.c_str(), a.exit_status, b.exit_status);
                continue;
            }
            c_nf.add(q.cls, a.wall_s * 1000);
            c_q.add(q.cls, b.wall_s * 1000);
            c_nf_cpu.add(q.cls, (a.user_s + a.sys_s) * 1000);
            c_q_cpu.add(q.cls, (b.user_s + b.sys_s) * 1000);
            ++cold_executed;
        }
    }
    if (cold_executed) {
        ModeTimes& sa = use_cpu ? c_nf_cpu : c_nf;
        ModeTimes& sb = use_cpu ? c_q_cpu : c_q;
        std::printf(
            "\nOne-shot processes (%zu per class × %zu runs; ms of %s; newsfacet-query with snippets, no facets)\n",
            o.cold_per_class, o.cold_runs, use_cpu ? "process CPU time" : "wall time");
        std::printf("  %-14s | %-31s | %-31s | %s\n", "class", "newsfacet-query p50 p95 p99 mean",
                    "quest           p50 p95 p99 mean", "ratio p50");
        auto crow = [&](const std::string& cls, std::vector<double>& x, std::vector<double>& y) {
            std::vector<double> xx = x, yy = y;
            std::printf("  %-14s | %s | %s | %5.2f×\n", cls.c_str(), fmt_pct(x).c_str(), fmt_pct(y).c_str(),
                        ratio(percentiles(xx).p50, percentiles(yy).p50));
        };
        for (const auto& cls : classes)
            if (!sa.by_class[cls].empty()) crow(cls, sa.by_class[cls], sb.by_class[cls]);
        crow("all", sa.all, sb.all);
    }
    std::printf(
        "\nqueries run: %zu in-process searches, %zu one-shot pairs; articles indexed: newsfacet %zu, plain %zu, "
        "FTS5 %zu\n",
        executed * kNumModes, cold_executed, nf.docs, px.docs, ft.docs);

    if (!o.json_out.empty()) {
        const Machine m = describe_machine();
        JsonWriter j(true);
        j.begin_object();
        j.field("format_version", 1).field("label", label).field("date", iso_now()).field("clock", o.clock);
        j.key("machine")
            .begin_object()
            .field("cores", m.cores)
            .field("mem_gib", m.mem_gib)
            .field("cpu", m.cpu)
            .field("kernel", m.kernel)
            .end_object();
        j.key("corpus")
            .begin_object()
            .field("path", o.corpus)
            .field("articles", static_cast<unsigned long long>(ndocs))
            .field("bytes", static_cast<unsigned long long>(bytes))
            .end_object();
        if (index) {
            j.key("index").begin_object();
            for (const auto& [name, s] :
                 {std::pair<const char*, const IndexStats&>{"newsfacet", nf}, {"xapian", px}, {"fts5", ft}}) {
                j.key(name).begin_object();
                j.field("docs", static_cast<unsigned long long>(s.docs))
                    .field("wall_s", s.child.wall_s)
                    .field("cpu_s", s.child.user_s + s.child.sys_s);
                j.field("docs_per_s", docs_per_s(s))
                    .field("mb_per_s", mb_per_s(s))
                    .field("peak_rss_kb", s.child.max_rss_kb);
                j.field("db_bytes", s.db_bytes).end_object();
            }
            j.field("speed_ratio", ratio(docs_per_s(nf), docs_per_s(px)));
            j.end_object();
        }
        j.key("queries").begin_object();
        j.field("count", static_cast<unsigned long long>(queries.size()))
            .field("warmup", static_cast<unsigned long long>(o.warmup));
        j.field("runs", static_cast<unsigned long long>(o.runs))
            .field("searches", static_cast<unsigned long long>(executed * kNumModes));
        j.field("failed", static_cast<unsigned long long>(failed))
            .field("inexact", static_cast<unsigned long long>(inexact));
        j.field("count_mismatches", static_cast<unsigned long long>(mismatched))
            .field("fts5_count_mismatches", static_cast<unsigned long long>(fts_mismatched));
        j.field("facets_changed", static_cast<unsigned long long>(facets_changed));
        for (const char* clock : {"wall", "cpu"}) {
            std::vector<ModeTimes>& t = std::string(clock) == "cpu" ? cpu : wall;
            j.key(std::string("classes_") + clock).begin_array();
            for (std::size_t k = 0; k <= classes.size(); ++k) {
                const std::string cls = k < classes.size() ? classes[k] : "all";
                j.begin_object().field("class", cls);
                for (std::size_t md = 0; md < kNumModes; ++md)
                    write_pct(j, kModes[md].key, cls == "all" ? t[md].all : t[md].by_class[cls]);
                j.end_object();
            }
            j.end_array();
        }
        j.key("list").begin_array();
        for (std::size_t i = 0; i < queries.size(); ++i)
            j.begin_object()
                .field("class", queries[i].cls)
                .field("query", queries[i].full)
                .field("baseline", queries[i].text)
                .field("matches", static_cast<unsigned long long>(matches[i]))
                .end_object();
        j.end_array();
        j.end_object();
        j.key("oneshot").begin_object();
        j.field("pairs", static_cast<unsigned long long>(cold_executed));
        for (const char* clock : {"wall", "cpu"}) {
            const bool is_cpu = std::string(clock) == "cpu";
            ModeTimes& sa = is_cpu ? c_nf_cpu : c_nf;
            ModeTimes& sb = is_cpu ? c_q_cpu : c_q;
            j.key(std::string("classes_") + clock).begin_array();
            for (std::size_t k = 0; k <= classes.size(); ++k) {
                const std::string cls = k < classes.size() ? classes[k] : "all";
                if (cls != "all" && sa.by_class[cls].empty()) continue;
                j.begin_object().field("class", cls);
                write_pct(j, "newsfacet_query", cls == "all" ? sa.all : sa.by_class[cls]);
                write_pct(j, "quest", cls == "all" ? sb.all : sb.by_class[cls]);
                j.end_object();
            }
            j.end_array();
        }
        j.end_object();
        j.end_object();
        std::ofstream out(o.json_out);
        out << j.str() << "\n";
        if (!out) throw std::runtime_error("cannot write " + o.json_out);
    }
    return failed || facets_changed || inexact ? 1 : 0;
}

}  // namespace newsfacet::bench
