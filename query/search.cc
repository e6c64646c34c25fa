#include "search.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "dates.h"
#include "error.h"
#include "facets.h"
#include "fields.h"
#include "gazetteer.h"
#include "literal.h"
#include "pivot.h"
#include "schema.h"
#include "spelling.h"
#include "text.h"

namespace newsfacet {
namespace {

[[noreturn]] void syntax_error(const std::string& what, const std::string& hint = "") {
    throw Failure({kExitUsage, what, hint.empty() ? "see 'newsfacet-query --help' for the query syntax" : hint});
}

// QueryParser is forgiving about some mistakes and vague about others; these checks
// say *where* the common ones are (1-based character column). They also bound the
// nesting: libxapian recurses once per level when it builds, optimises and frees a
// query, and some 30,000 levels overflow the stack.
void check_syntax(const std::string& q) {
    if (q.size() > kMaxQueryBytes)
        syntax_error(
            "query too long: " + std::to_string(q.size()) + " bytes, at most " + std::to_string(kMaxQueryBytes),
            "split it into several searches");
    std::size_t depth = 0, words = 0;
    std::size_t open_paren = 0, open_quote = 0, col = 0;
    bool in_quote = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if ((static_cast<unsigned char>(q[i]) & 0xC0) != 0x80) ++col;
        const char c = q[i];
        // QueryParser's work grows faster than linearly with the words it combines.
        if (c != ' ' && c != '\t' && c != '(' && c != ')' && (i == 0 || q[i - 1] == ' ' || q[i - 1] == '\t') &&
            ++words > kMaxQueryWords)
            syntax_error("query too long: more than " + std::to_string(kMaxQueryWords) + " words and operators",
                         "split it into several searches");
        if (c == '"') {
            in_quote = !in_quote;
            if (in_quote) open_quote = col;
        } else if (!in_quote && c == '(') {
            if (depth++ == 0) open_paren = col;
            if (depth > kMaxQueryDepth)
                syntax_error("query nested too deeply: more than " + std::to_string(kMaxQueryDepth) +
                                 " levels of parentheses at column " + std::to_string(col),
                             "flatten the query: (a OR b OR c) needs no inner parentheses");
        } else if (!in_quote && c == ')') {
            if (depth == 0) syntax_error("unmatched ')' at column " + std::to_string(col) + " of: " + q);
            --depth;
        }
    }
    if (in_quote)
        syntax_error("unterminated phrase: the '\"' at column " + std::to_string(open_quote) +
                     " is never closed, in: " + q);
    if (depth > 0) syntax_error("unmatched '(' at column " + std::to_string(open_paren) + " of: " + q);
    // A field with no value ("place:" at the end, or before a space) would be read by
    // QueryParser as the word "place": say so instead.
    bool quoted = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == '"') quoted = !quoted;
        if (quoted || q[i] != ':' || (i + 1 < q.size() && q[i + 1] != ' ' && q[i + 1] != '\t' && q[i + 1] != ')'))
            continue;
        std::size_t b = i;
        while (b > 0 && ((q[b - 1] >= 'a' && q[b - 1] <= 'z') || (q[b - 1] >= 'A' && q[b - 1] <= 'Z')))
            --b;
        const std::string name = q.substr(b, i - b);
        if (b > 0 && q[b - 1] != ' ' && q[b - 1] != '(' && q[b - 1] != '-' && q[b - 1] != '+') continue;
        if (const Field* f = find_field(name); f && f->kind != FieldKind::internal)
            syntax_error(name + ": needs a value", "e.g. " + std::string(f->example));
    }
}

// "-a -b" -> "a OR b" when every top-level word of the query is excluded with '-';
// nullopt otherwise. Phrases and groups count as one word ("-\"a b\"", "-(a OR b)").
std::optional<std::string> only_excluded(const std::string& q) {
    std::vector<std::string> words;
    int depth = 0;
    bool quoted = false;
    std::string cur;
    for (const char c : q) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')') --depth;
        if (!quoted && depth == 0 && (c == ' ' || c == '\t')) {
            if (!cur.empty()) words.push_back(cur);
            cur.clear();
            continue;
        }
        cur.push_back(c);
    }
    if (!cur.empty()) words.push_back(cur);
    std::string out;
    for (const std::string& w : words) {
        if (w.size() < 2 || w[0] != '-') return std::nullopt;
        out += (out.empty() ? "" : " OR ") + w.substr(1);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

// "body:euro": a name before ':' that is no field. QueryParser then searches the
// words, which rarely match; say so and name the fields there are.
void warn_unknown_fields(const std::string& q, std::vector<std::string>& warnings) {
    bool quoted = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == '"') quoted = !quoted;
        if (quoted || q[i] != ':' || i + 1 >= q.size() || q[i + 1] == ' ' || q[i + 1] == '/') continue;
        std::size_t b = i;
        while (b > 0 &&
               ((q[b - 1] >= 'a' && q[b - 1] <= 'z') || (q[b - 1] >= 'A' && q[b - 1] <= 'Z') || q[b - 1] == '_'))
            --b;
        if (b == i || (b > 0 && q[b - 1] != ' ' && q[b - 1] != '(' && q[b - 1] != '-' && q[b - 1] != '+')) continue;
        const std::string name = q.substr(b, i - b);
        const Field* f = find_field(name);
        if (f && f->kind != FieldKind::internal) continue;
        std::string known;
        for (const Field& k : kFields)
            if (k.kind != FieldKind::internal) {
                known += (known.empty() ? "" : ", ") + std::string(k.name);
                for (std::string_view a : list_items(k.aliases))
                    known += ", " + std::string(a);
            }
        warnings.push_back("unknown field \"" + name + ":\", searched as words; the fields are " + known);
    }
}

// The names -f accepts, from the schema table.
std::string filter_help() {
    std::string s;
    for (const Field& f : kFields) {
        if (f.facet.empty()) continue;
        s += (s.empty() ? "" : ", ") + std::string(f.name);
        if (!f.aliases.empty()) s += " (or " + std::string(f.aliases) + ")";
        for (const FacetLevel& l : f.levels)
            if (!l.name.empty() && l.filter != f.name) s += ", " + std::string(f.facet) + ":" + std::string(l.name);
    }
    return "facets to filter on: " + s;
}

// Bounds the work a parsed query asks for: its depth (operators of different
// precedence alternating, a AND NOT b AND c AND NOT d..., nest without parentheses),
// its number of terms (date ranges expand to many) and of wildcards (each expands at
// match time, up to kMaxWildcardExpansion words). The walk is iterative and stops at
// the first limit, so it is safe on any tree the parser built.
void check_size(const Xapian::Query& q) {
    std::size_t terms = 0, wildcards = 0;
    std::vector<std::pair<Xapian::Query, std::size_t>> stack{{q, 1}};
    while (!stack.empty()) {
        auto [node, depth] = std::move(stack.back());
        stack.pop_back();
        if (depth > kMaxQueryDepth)
            syntax_error(
                "query nested too deeply: more than " + std::to_string(kMaxQueryDepth) + " levels of operators",
                "group alternatives with parentheses: (a OR b) AND NOT (c OR d)");
        if (node.get_type() == Xapian::Query::OP_WILDCARD && ++wildcards > kMaxWildcards)
            syntax_error("too many wildcards: more than " + std::to_string(kMaxWildcards) + " in one query",
                         "use fewer word* patterns");
        const std::size_t n = node.get_num_subqueries();
        if (n == 0 && ++terms > kMaxQueryTerms)
            syntax_error("query too large: more than " + std::to_string(kMaxQueryTerms) +
                             " terms (words, filter values and the dates their ranges cover)",
                         "narrow date ranges or split the query into several searches");
        for (std::size_t i = 0; i < n; ++i)
            stack.emplace_back(node.get_subquery(i), depth + 1);
    }
}

const unsigned kParseFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                             Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                             Xapian::QueryParser::FLAG_PURE_NOT;

// The words of a query whose terms should be highlighted in one document.
std::vector<std::string> highlight_terms(Xapian::TermIterator t, const Xapian::TermIterator& end,
                                         const std::string& kp) {
    std::vector<std::string> terms;
    for (; t != end; ++t) {
        std::string term = *t;
        // Keep free-text terms only: unprefixed words (lower case or digits), Z-stems
        // and title (S) terms; drop boolean filter terms.
        if (!kp.empty()) {
            if (term.rfind("Z" + kp, 0) == 0)
                term = "Z" + term.substr(1 + kp.size());
            else if (term.rfind(kp, 0) == 0)
                term = term.substr(kp.size());
            else
                continue;
        }
        if (term.rfind("ZS", 0) == 0)
            term = "Z" + term.substr(2);
        else if (!term.empty() && term[0] == 'S')
            term = term.substr(1);
        if (term.empty()) continue;
        const unsigned char c0 = static_cast<unsigned char>(term[0]);
        if (term[0] == 'Z' || !(c0 >= 'A' && c0 <= 'Z')) terms.push_back(term);
    }
    return terms;
}

// Provenance lines for the filter terms a hit matched (--explain).
std::vector<std::string> explain_hit(const Xapian::Enquire& enq, const Xapian::MSetIterator& it, const DocRecord& rec,
                                     const std::string& kp) {
    std::set<std::string> matched;
    for (Xapian::TermIterator t = enq.get_matching_terms_begin(it); t != enq.get_matching_terms_end(it); ++t) {
        std::string term = *t;
        if (!kp.empty() && term.rfind(kp, 0) == 0) term = term.substr(kp.size());
        matched.insert(term);
    }
    std::vector<std::string> out;
    for (const Provenance& p : rec.provenance) {
        // The terms the indexer wrote for this value; a place value is also a city.
        const Field* f = find_field(p.field);
        if (!f) continue;
        std::vector<std::string> terms = value_terms(*f, p.value);
        if (p.field == "place")
            for (auto& t : value_terms(field("city"), p.value))
                terms.push_back(std::move(t));
        for (const auto& t : terms)
            if (matched.count(t)) {
                out.push_back(p.field + " " + p.value + ": " + p.why);
                break;
            }
    }
    return out;
}

// The words of a document worth expanding on (--like): unprefixed terms (prefixed
// ones are stems and field values), not numbers, not one- or two-letter words, and
// in a database of 20 articles or more none that half of them hold ("the", "said"):
// such words select nearly everything.
class WordDecider : public Xapian::ExpandDecider {
  public:
    explicit WordDecider(const Xapian::Database& db) : db_(db) {
        const Xapian::doccount articles = db.get_termfreq(value_terms(field("type"), "article").at(0));
        if (articles >= 20) max_freq_ = articles / 2;
    }
    bool operator()(const std::string& t) const override {
        if (t.size() < 3) return false;
        const unsigned char c0 = static_cast<unsigned char>(t[0]);
        if (c0 >= 'A' && c0 <= 'Z') return false;
        if (t.find_first_not_of("0123456789.,'") == std::string::npos) return false;
        return max_freq_ == 0 || db_.get_termfreq(t) <= max_freq_;
    }

  private:
    const Xapian::Database& db_;
    Xapian::doccount max_freq_ = 0;
};

}  // namespace

Xapian::Query like_query(const Xapian::Database& db, const std::string& id, bool quotes) {
    const std::string uid = value_terms(field("id"), id).at(0);
    Xapian::PostingIterator p = db.postlist_begin(uid);
    if (id.empty() || p == db.postlist_end(uid))
        throw Failure({kExitUsage, "--like " + id + ": no article with this id in the database",
                       "the ids are in the output (id, or --output ids); quotes have no ids of their own"});
    // An id several articles share (from different files): more like all of them.
    Xapian::RSet rset;
    for (; p != db.postlist_end(uid); ++p)
        rset.add_document(*p);
    Xapian::Enquire enq(db);
    WordDecider words(db);
    // Exact term frequencies: by default Xapian estimates them over shards from the
    // shard holding the article, so the words chosen would depend on where it lives.
    const Xapian::ESet eset = enq.get_eset(kLikeTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &words);
    const std::string kp = quotes ? std::string(kQuotePrefix) : std::string();
    std::vector<Xapian::Query> terms;
    for (Xapian::ESetIterator t = eset.begin(); t != eset.end(); ++t)
        terms.emplace_back(kp + *t);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    const Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    // Not the article itself, nor (with --quotes) its own quotes.
    const std::string self = quotes ? value_terms(field("id"), id, kp).at(0) : uid;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(self));
}

Xapian::Query build_query(const Xapian::Database& db, const SearchOptions& opts, std::vector<std::string>& warnings,
                          const std::set<std::string>& exclude) {
    const std::string kp = opts.quotes ? std::string(kQuotePrefix) : std::string();
    FilterBuilder fb(db, kp);
    if (opts.today) fb.set_today(*opts.today);
    std::string text = normalize_query_text(opts.query);
    // A query that is only an operator word ("AND", "not") means the word itself.
    {
        const std::size_t b = text.find_first_not_of(" \t"), e = text.find_last_not_of(" \t");
        if (b != std::string::npos) {
            const std::string w = text.substr(b, e - b + 1);
            if (is_operator_word(w)) text = fold_word(w);
        }
    }
    check_syntax(text);
    warn_unknown_fields(text, warnings);
    // Words the parser would split or fold otherwise than the indexer ("S&P",
    // "CSRA.S", "Fußball") go to a field processor with the indexer's tokenizer.
    if (opts.literal_words) text = protect_literals(text);
    const Xapian::Query kind(value_terms(field("type"), opts.quotes ? "quote" : "article", kp).at(0));
    Xapian::Query q;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        q = kind;
    } else {
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.add_prefix("title", kp + std::string(prefix("title")));
        std::optional<Error> field_error;
        qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
        add_field_processors(qp, fb, warnings, field_error);
        add_literal_processors(qp, kp);
        // Only excluded words ("-blair", "-blair -brown"): QueryParser would search
        // for them; the user means every document except those.
        const std::optional<std::string> excluded = only_excluded(text);
        try {
            q = qp.parse_query(excluded ? *excluded : text, kParseFlags, kp);
        } catch (const Xapian::QueryParserError& e) {
            syntax_error("cannot parse query \"" + opts.query + "\": " + e.get_msg());
        }
        if (field_error) throw Failure(*field_error);
        check_size(q);
        if (excluded)
            q = Xapian::Query(Xapian::Query::OP_AND_NOT, kind, q);
        else if (q.get_description().find("<alldocuments>") != std::string::npos)
            // A pure NOT ("NOT blair") matches all documents, quotes included: keep
            // to one kind.
            q = Xapian::Query(Xapian::Query::OP_FILTER, q, kind);
    }
    // Drill-down filters: values of one facet ORed, facets ANDed.
    std::map<std::string, std::vector<Xapian::Query>> by_field;
    for (const auto& [name, value] : opts.filters) {
        const Field* f = filter_field(name);
        if (!f) syntax_error("-f " + name + "=" + value + ": unknown facet \"" + name + "\"", filter_help());
        const std::string canon(f->name);
        if (exclude.count(canon)) continue;
        by_field[canon].push_back(fb.filter(name, value, warnings, true).value_or_throw());
    }
    for (auto& [name, qs] : by_field)
        q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
    return q;
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& terms, std::size_t max_chars,
                         std::vector<Highlight>& highlights) {
    highlights.clear();
    const std::set<std::string> plain(terms.begin(), terms.end());
    const std::vector<Token> tokens = display_words(text);
    // Whether each token matches, computed once. Stemming is the costly part, so a
    // word is stemmed only when a query stem starts with the same two bytes (a stem
    // is a prefix-preserving cut of its word in English Snowball, nearly always).
    std::set<std::string> stem_heads;
    for (const auto& t : terms)
        if (t.size() > 1 && t[0] == 'Z') stem_heads.insert(t.substr(1, 2));
    std::vector<char> is_hit(tokens.size());
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string& w = tokens[k].term;
        is_hit[k] =
            plain.count(w) || (!stem_heads.empty() && stem_heads.count(w.substr(0, 2)) && plain.count("Z" + stem(w)));
    }
    auto hit = [&](const Token& t) { return is_hit[static_cast<std::size_t>(&t - tokens.data())] != 0; };
    // The window of about max_chars that holds the most distinct matching words,
    // preferring earlier text on ties.
    std::size_t best_begin = 0, best_score = 0;
    std::size_t j = 0;
    std::map<std::string, int> in_window;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (j < i) j = i;
        while (j < tokens.size() && tokens[j].end - tokens[i].begin <= max_chars) {
            if (hit(tokens[j])) ++in_window[tokens[j].term];
            ++j;
        }
        if (in_window.size() > best_score) {
            best_score = in_window.size();
            best_begin = i;
        }
        if (j > i && hit(tokens[i]) && --in_window[tokens[i].term] == 0) in_window.erase(tokens[i].term);
        if (best_score > 0 && j == tokens.size()) break;
    }
    if (tokens.empty()) return std::string();
    // Start a little before the first match, at a sentence start when one is near.
    std::size_t start = tokens[best_begin].begin;
    if (best_score > 0) {
        std::size_t first_hit = best_begin;
        while (first_hit < tokens.size() && !hit(tokens[first_hit]))
            ++first_hit;
        if (first_hit == tokens.size()) first_hit = best_begin;
        std::size_t k = first_hit;
        while (k > 0 && first_hit - k < 8 && tokens[first_hit].begin - tokens[k - 1].begin < max_chars / 4)
            --k;
        start = tokens[k].begin;
    }
    // Cut at max_chars code points, at a word end.
    std::size_t end = start, cps = 0;
    while (end < text.size() && cps < max_chars) {
        ++end;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            ++end;
        ++cps;
    }
    if (end < text.size()) {
        std::size_t last_end = start;
        for (const Token& t : tokens)
            if (t.begin >= start && t.end <= end) last_end = t.end;
        if (last_end > start) end = last_end;
    }
    std::string out;
    std::size_t out_cps = 0;
    if (start > 0) {
        out = "…";
        out_cps = 1;
    }
    std::size_t pos = start;
    auto append = [&](std::size_t to) {
        for (; pos < to; ++pos) {
            char c = text[pos];
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
            if (c == ' ' && !out.empty() && out.back() == ' ') continue;
            out.push_back(c);
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++out_cps;
        }
    };
    for (const Token& t : tokens) {
        if (t.begin < start || t.end > end) continue;
        if (!hit(t)) continue;
        append(t.begin);
        const std::size_t hb = out_cps;
        append(t.end);
        highlights.push_back({hb, out_cps});
    }
    append(end);
    if (end < text.size()) out += "…";
    return out;
}

namespace {

SearchResult search_unchecked(const Xapian::Database& db, const SearchOptions& opts) {
    const auto t0 = std::chrono::steady_clock::now();
    SearchResult res;
    res.query = opts.query;
    const std::string kp = opts.quotes ? std::string(kQuotePrefix) : std::string();
    Xapian::Query q;
    // --like: the article's top terms, ranked; the query and filters only select.
    std::optional<Xapian::Query> like;
    auto full_query = [&](const Xapian::Query& base) {
        return like ? Xapian::Query(Xapian::Query::OP_FILTER, *like, base) : base;
    };
    try {
        if (!opts.like.empty()) like = like_query(db, opts.like, opts.quotes);
        q = full_query(build_query(db, opts, res.warnings));
    } catch (const Failure&) {
        throw;
    } catch (const Xapian::DatabaseError&) {
        throw;  // the caller retries a read a commit overtook (read_database) or reports it
    } catch (const Xapian::UnimplementedError&) {
        throw;  // the query's fault: search() says so
    } catch (...) {
        throw Failure(current_exception_error(""));
    }
    res.parsed = q.get_description();
    if (opts.explain) res.analysis = describe_query(q, kp);

    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_weighting_scheme(Xapian::BM25Weight());
    if (opts.sort == SortOrder::date) {
        // Newest first unless --reverse; ties by relevance.
        enq.set_sort_by_value_then_relevance(kSlotPublished, !opts.reverse);
    } else {
        // Equal scores in the order of a value derived from the id, not of docids, which
        // differ between one database, its shards and remote shards.
        enq.set_sort_by_relevance_then_value(kSlotOrder, false);
    }
    const bool want_facets = !opts.facets.empty();
    const Xapian::doccount all = db.get_doccount();
    const Xapian::doccount check = (want_facets || opts.exact_total || !opts.pivot.empty()) ? all : 0;

    auto counter = std::make_unique<FacetCounter>(db, opts.facets, opts.quotes);
    // Facets whose own drill-down filter is active are counted over the match set
    // without that filter (multi-select): separately, below.
    std::set<std::string> filtered;
    for (const auto& f : opts.filters)
        if (const Field* ff = filter_field(f.first)) filtered.insert(std::string(ff->name));
    if (want_facets) counter->set_skip(filtered);
    if (want_facets) counter->attach(enq);
    Xapian::MSet mset =
        enq.get_mset(static_cast<Xapian::doccount>(opts.offset), static_cast<Xapian::doccount>(opts.limit), check);
    res.total = mset.get_matches_estimated();
    res.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (want_facets && counter->has_spies() && counter->seen() != res.total) {
        // The spies saw more documents than matched: Xapian 1.4 also hands the client's
        // spies the top hits of remote shards when ranking by relevance then value,
        // after the servers counted them. Count again in a pass that returns no hits
        // (one more round trip, remote shards only).
        auto again = std::make_unique<FacetCounter>(db, opts.facets, opts.quotes);
        again->set_skip(filtered);
        Xapian::Enquire e(db);
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        again->attach(e);
        e.get_mset(0, 0, all);
        counter = std::move(again);
    }

    if (want_facets) {
        // One more pass per distinct set of filters that govern some facet (place is
        // governed by both place and city filters), counting only those facets.
        std::map<std::set<std::string>, std::vector<FacetRequest>> passes;
        for (const FacetRequest& r : opts.facets) {
            std::set<std::string> governing;
            for (const std::string& fname : filtered)
                if (filter_governs(fname, r)) governing.insert(fname);
            if (!governing.empty()) passes[governing].push_back(r);
        }
        for (const auto& [governing, requests] : passes) {
            std::vector<std::string> ignore;
            Xapian::Enquire e2(db);
            e2.set_query(full_query(build_query(db, opts, ignore, governing)));
            FacetCounter c2(db, requests, opts.quotes);
            c2.attach(e2);
            e2.set_weighting_scheme(Xapian::BoolWeight());
            e2.get_mset(0, 0, all);
            c2.merge_into(*counter);
        }
        res.facets = counter->results(opts.filters);
    }
    if (!opts.pivot.empty()) res.pivot = count_pivot(db, q, opts);

    // The words to highlight: the query's own terms, once, unless a wildcard makes
    // them depend on the document (then the terms each hit matched).
    std::optional<std::vector<std::string>> query_terms;
    if (opts.snippets && res.parsed.find("WILDCARD") == std::string::npos)
        query_terms = highlight_terms(q.get_terms_begin(), q.get_terms_end(), kp);
    std::size_t rank = opts.offset;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.score = it.get_weight();
        h.docid = *it;
        h.record = DocRecord::parse(it.get_document().get_data());
        if (opts.snippets) {
            const std::vector<std::string> terms =
                query_terms ? *query_terms
                            : highlight_terms(enq.get_matching_terms_begin(it), enq.get_matching_terms_end(it), kp);
            std::string_view body = h.record.text;
            if (!opts.quotes && !h.record.title.empty() && body.rfind(h.record.title, 0) == 0) {
                body.remove_prefix(h.record.title.size());
                while (!body.empty() && (body.front() == '\n' || body.front() == ' '))
                    body.remove_prefix(1);
            }
            h.snippet = make_snippet(body, terms, opts.quotes ? 400 : 200, h.highlights);
        }
        if (opts.explain) h.explain = explain_hit(enq, it, h.record, kp);
        // The stored text is only for snippets: do not carry it further.
        if (!opts.quotes) h.record.text.clear();
        res.hits.push_back(std::move(h));
    }
    // "Did you mean": words of the query that no document holds (field values suggest
    // their own, in warnings).
    res.did_you_mean = spelling_suggestion(db, normalize_query_text(opts.query), kp);
    res.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

}  // namespace

SearchResult search(const Xapian::Database& db, const SearchOptions& opts) {
    try {
        return search_unchecked(db, opts);
    } catch (const Xapian::UnimplementedError& e) {
        // Xapian 1.4 takes only single terms inside NEAR, ADJ and phrases: a word that
        // becomes several there is the query's fault, not a failure of the database.
        throw Failure({kExitUsage, "the query cannot be run: " + e.get_msg(),
                       "NEAR, ADJ and phrases take single words"});
    }
}

}  // namespace newsfacet
