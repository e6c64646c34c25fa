#include "fields.h"

#include <algorithm>
#include <memory>

#include "dates.h"
#include "error.h"
#include "gazetteer.h"
#include "people_table.h"
#include "reldate.h"
#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

Error syntax_error(const std::string& what, const std::string& hint = "") {
    return Error{kExitUsage, what, hint};
}

std::string strip_quotes(std::string v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
}

// The first and last keys of a prefix's terms ("XMY2019" ... "XMY2024"), for open
// date ranges.
bool term_bounds(const Xapian::Database& db, const std::string& prefix, std::string& first, std::string& last) {
    Xapian::TermIterator it = db.allterms_begin(prefix);
    if (it == db.allterms_end(prefix)) return false;
    first = (*it).substr(prefix.size());
    for (; it != db.allterms_end(prefix); ++it)
        last = (*it).substr(prefix.size());
    return true;
}

Xapian::Query or_terms(const std::vector<std::string>& terms) {
    if (terms.empty()) return Xapian::Query::MatchNothing;  // (Query(""), the empty term, would match everything)
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/// A FieldProcessor that forwards to FilterBuilder::filter. An error is kept, not
/// thrown: an exception that is not Xapian's own leaks the parser's state inside
/// QueryParser, so the caller rethrows it after parse_query returns.
class FieldProc : public Xapian::FieldProcessor {
  public:
    FieldProc(const FilterBuilder& fb, std::string name, std::vector<std::string>& warnings,
              std::optional<Error>& error, std::shared_ptr<std::size_t> calls)
        : fb_(fb), name_(std::move(name)), warnings_(warnings), error_(error), calls_(std::move(calls)) {}
    Xapian::Query operator()(const std::string& str) override {
        // Each value costs a term look-up and, for a range, up to a hundred terms that
        // the parser merges with the others of its field: bound them.
        if (++*calls_ > kMaxFilterValues) {
            if (!error_)
                error_ =
                    Error{kExitUsage,
                          "too many field filters: more than " + std::to_string(kMaxFilterValues) + " in one query",
                          "split the query into several searches"};
            return Xapian::Query::MatchNothing;
        }
        Result<Xapian::Query> q = fb_.filter(name_, str, warnings_);
        if (q) return *q;
        if (!error_) error_ = q.error();
        return Xapian::Query::MatchNothing;
    }

  private:
    const FilterBuilder& fb_;
    std::string name_;
    std::vector<std::string>& warnings_;
    std::optional<Error>& error_;
    std::shared_ptr<std::size_t> calls_;
};

// Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
// that "Frnace" is one edit from "France"), over bytes; stops early past `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

bool is_filterable(const Field& f) {
    return f.kind == FieldKind::boolean || f.kind == FieldKind::date;
}

std::string filter_names() {
    std::string s;
    for (const Field& f : kFields)
        if (is_filterable(f)) {
            s += (s.empty() ? "" : ", ") + std::string(f.name);
            if (!f.aliases.empty()) s += " (or " + std::string(f.aliases) + ")";
        }
    return s;
}

}  // namespace

const Field* filter_field(std::string_view name) {
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) {
        const Field* facet = find_facet(name.substr(0, colon));
        const FacetLevel* level = facet ? find_level(*facet, name.substr(colon + 1)) : nullptr;
        return level ? find_field(level->filter) : nullptr;
    }
    const Field* f = find_field(name);
    return f && is_filterable(*f) ? f : nullptr;
}

Result<Xapian::Query> FilterBuilder::filter(const std::string& name, const std::string& raw,
                                            std::vector<std::string>& warnings, bool facet_value) const {
    const Field* f = filter_field(name);
    if (!f) return syntax_error("unknown filter field \"" + name + "\"", "fields: " + filter_names());
    const std::string value = strip_quotes(raw);
    if (!f->lookup.empty()) return person(*f, value, warnings, facet_value);
    if (f->kind == FieldKind::date) return date(*f, name, value);
    // In quote mode every field is the quotes' own (XQXID<id>: an article's quotes).
    const Field& target = *f;
    // A value a facet lists selects exactly what the facet counted: its own term when
    // the index has it, not what the gazetteer makes of the name (a "Washington" that
    // is a region resolves to the city) nor a widening.
    if (facet_value && f->place_names) {
        const std::vector<std::string> own = value_terms(target, value, kp_);
        if (!own.empty() && db_.term_exists(own.front())) return Xapian::Query(own.front());
    }
    const std::string canonical = f->place_names ? resolve_place_query(value).value_or(value) : value;
    const std::vector<std::string> terms = value_terms(target, canonical, kp_);
    if (terms.empty() && f->place_names)
        return syntax_error(name + ": needs a place name", "e.g. " + std::string(field("place").example));
    if (terms.empty()) return Xapian::Query(kp_ + std::string(target.prefix));
    // A city that names its region ("Gaza" in the "Gaza Strip"): place:Gaza also
    // finds articles that name only the region. A region never finds its cities' name
    // otherwise, and one that merely shares it ("New York" state) is not widened.
    if (f->name == "place") {
        const std::string region(admin1_of(canonical));
        const std::vector<std::string> rt = region.size() > canonical.size() + 1 && region.starts_with(canonical + " ")
                                                ? value_terms(target, region, kp_)
                                                : std::vector<std::string>{};
        if (!rt.empty())
            return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(terms.front()), Xapian::Query(rt.front()));
    }
    // A place the gazetteer does not know and no article names: a typo, most likely.
    if (f->place_names && !db_.term_exists(terms.front()) && !resolve_place_query(value))
        warn_unmatched(target, name, value, warnings);
    return Xapian::Query(terms.front());
}

std::string FilterBuilder::display(const Field& f, const std::string& key) const {
    // The value as the facets show it: from the slot of a document that has the term.
    const std::string term = kp_ + std::string(f.prefix) + key;
    if (f.slot >= 0) {
        Xapian::PostingIterator p = db_.postlist_begin(term);
        if (p != db_.postlist_end(term)) {
            const std::string joined = db_.get_document(*p).get_value(static_cast<unsigned>(f.slot));
            std::size_t b = 0;
            while (b <= joined.size()) {
                std::size_t e = joined.find(kValueSeparator, b);
                if (e == std::string::npos) e = joined.size();
                const std::string v = joined.substr(b, e - b);
                if (fold_key(v) == key) return v;
                b = e + 1;
            }
        }
    }
    if (f.place_names) return resolve_place_query(key).value_or(key);
    return key;
}

std::string FilterBuilder::suggest(const Field& f, const std::string& typed) const {
    // The nearest values in the index: full keys of the field, and for people the
    // look-up keys (surnames, variants) too, which stand for their full names.
    const std::string want = fold_key(typed);
    const std::size_t limit = want.size() < 4 ? 1 : want.size() < 8 ? 2 : 3;
    std::size_t best = limit + 1;
    std::vector<std::string> found;  // keys of the field at distance `best`
    auto consider = [&](std::string_view candidate, const std::string& key) {
        const std::size_t d = edit_distance(want, candidate, std::min(best, limit));
        if (d > limit || d > best) return;
        if (d < best) found.clear();
        best = d;
        if (std::find(found.begin(), found.end(), key) == found.end()) found.push_back(key);
    };
    const std::string p = kp_ + std::string(f.prefix);
    for (Xapian::TermIterator it = db_.allterms_begin(p); it != db_.allterms_end(p); ++it) {
        const std::string key = (*it).substr(p.size());
        consider(key, key);
    }
    if (!f.lookup.empty()) {
        const std::string lp = kp_ + std::string(prefix(f.lookup));
        for (Xapian::TermIterator it = db_.allterms_begin(lp); it != db_.allterms_end(lp); ++it) {
            const std::string entry = (*it).substr(lp.size());
            const std::size_t eq = entry.find('=');
            if (eq != std::string::npos) consider(std::string_view(entry).substr(0, eq), entry.substr(eq + 1));
        }
    }
    std::string out;
    for (std::size_t i = 0; i < found.size() && i < 3; ++i)
        out += (i ? (i + 1 == std::min<std::size_t>(found.size(), 3) ? " or " : ", ") : "") + display(f, found[i]);
    return out;
}

void FilterBuilder::warn_unmatched(const Field& f, const std::string& name, const std::string& value,
                                   std::vector<std::string>& warnings) const {
    const std::string s = suggest(f, value);
    warnings.push_back(name + ":" + value + " matches nothing in the index" +
                       (s.empty() ? std::string() : "; did you mean " + s + "?"));
}

Result<Xapian::Query> FilterBuilder::person(const Field& f, const std::string& value, std::vector<std::string>& warnings,
                                            bool facet_value) const {
    // One person across the collection (common/people_table.h): a name selects every
    // name of its person; a short form that stands for several people selects them all,
    // with a note, unless it is a facet value (-f), which selects what the facet
    // counted. The table is made from the article-level terms; quotes carry the same
    // names under XQ.
    const std::string fname(f.name);
    const std::string key = fold_key(value);
    if (key.empty()) return syntax_error(fname + ": needs a name", "e.g. " + std::string(f.example));
    const std::string pfx(f.prefix);
    auto indexed = [&](const std::string& k) { return !k.empty() && db_.term_exists(safe_term(pfx + k)); };
    const std::shared_ptr<const PeopleTable> table = people_table(db_, f.name);
    std::vector<std::string> keys;
    auto add_person = [&](const std::string& k) {
        for (std::string& m : table->members(table->label_of(k)))
            if (std::find(keys.begin(), keys.end(), m) == keys.end()) keys.push_back(std::move(m));
    };
    std::vector<NameCount> people;  // when the name stands for several
    std::string k = key;
    if (!indexed(k) && indexed(name_variant_key(key))) k = name_variant_key(key);  // "President Bush", "W. Bush"
    if (indexed(k)) {
        const std::string label = table->label_of(k);
        add_person(label);
        if (const std::vector<NameCount>* c = facet_value ? nullptr : table->candidates(label)) {
            people = *c;
            for (const NameCount& p : people)
                add_person(p.key);
        }
    } else {
        // Not indexed as typed (a surname only ever written with a first name): the
        // people of that surname it fits, found through the look-up terms
        // (SURNAME=FULL NAME) and grouped as the table groups them.
        const std::vector<std::string> tokens = name_tokens(key);
        const std::string lp = std::string(newsfacet::prefix(f.lookup)) + tokens.back() + "=";
        std::vector<NameCount> family;
        for (Xapian::TermIterator it = db_.allterms_begin(lp); it != db_.allterms_end(lp); ++it) {
            const std::string name = (*it).substr(lp.size());
            family.push_back({name, db_.get_termfreq(safe_term(pfx + name))});
        }
        const PeopleTable::Resolution r = PeopleTable::build(std::move(family)).resolve(key);
        for (const std::string& m : r.keys)
            add_person(m);
        for (const NameCount& p : r.people)
            people.push_back({table->label_of(p.key), p.docs});
        if (keys.empty()) {
            // A spelling variant of a surname seen in some article ("Smyth" typed for
            // an article's "Smith"): the look-up keys KEY=FULL NAME.
            const std::string kp = std::string(newsfacet::prefix(f.lookup)) + key + "=";
            std::vector<std::string> names;
            for (Xapian::TermIterator it = db_.allterms_begin(kp); it != db_.allterms_end(kp); ++it)
                names.push_back((*it).substr(kp.size()));
            for (const std::string& n : names)
                add_person(n);
            if (names.size() > 1)
                for (const std::string& n : names)
                    people.push_back({table->label_of(n), db_.get_termfreq(safe_term(pfx + n))});
        }
    }
    if (people.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < people.size(); ++i) {
            if (i == 8) {
                list += ", and " + std::to_string(people.size() - i) + " more";
                break;
            }
            list += (i ? ", " : "") + display(f, people[i].key) + " (" + std::to_string(people[i].docs) + ")";
        }
        warnings.push_back(fname + ":" + value + " stands for " + std::to_string(people.size()) +
                           " people, matching all of them: " + list);
    }
    if (keys.empty()) {
        warn_unmatched(f, fname, value, warnings);
        return Xapian::Query(value_terms(f, value, kp_).front());  // matches nothing, but says what was asked
    }
    std::vector<std::string> terms;
    for (const std::string& m : keys)
        terms.push_back(safe_term(kp_ + pfx + m));
    return or_terms(terms);
}

Result<Xapian::Query> FilterBuilder::date(const Field& f, const std::string& fname, const std::string& value) const {
    const std::string hint =
        "dates are YYYY, YYYY-MM or YYYY-MM-DD (also a week 2024-W41 or quarter 2024-Q3), or relative: today, "
        "yesterday, 7d, 2w, 3m, 1y, \"3 days ago\", \"last week\", \"this month\"; ranges A..B, ..B or A.. (e.g. " +
        fname + ":2023-10..2024-03, " + fname + ":7d..)";
    const std::string day_p = kp_ + std::string(f.prefix);
    const std::string month_p = kp_ + std::string(f.month_prefix);
    const std::string year_p = kp_ + std::string(f.year_prefix);
    const std::size_t dots = value.find("..");
    auto cover = [&](const Ymd& from, const Ymd& to) {
        std::vector<std::string> terms;
        for (const CoverTerm& c : cover_range(from, to))
            terms.push_back((c.granularity == Granularity::year    ? year_p
                             : c.granularity == Granularity::month ? month_p
                                                                   : day_p) +
                            c.key);
        return or_terms(terms);
    };
    // The days a date covers: an absolute date, a week, quarter or season (2024-W41,
    // 1987-Q1, 2024-SU), or a day relative to today.
    auto days = [&](const std::string& raw) -> std::optional<std::pair<Ymd, Ymd>> {
        const std::string s = strip_quotes(raw);
        if (auto pd = parse_partial_date(s)) return std::pair{pd->first_day(), pd->last_day()};
        if (auto r = value_day_range(s)) return *r;
        if (auto r = relative_date_range(s, today_)) return *r;
        return std::nullopt;
    };
    auto invalid = [&](const std::string& s) {
        return syntax_error(fname + ":" + value + ": \"" + s + "\" is not a valid date", hint);
    };
    if (f.name == "date" && (value == "unknown" || value == kUnknownDate)) {
        // The published facet's "(unknown)": the documents of this kind without a date.
        std::vector<std::string> years;
        for (Xapian::TermIterator it = db_.allterms_begin(year_p); it != db_.allterms_end(year_p); ++it)
            years.push_back(*it);
        const Xapian::Query kind(value_terms(field("type"), kp_.empty() ? "article" : "quote", kp_).at(0));
        return years.empty() ? kind : Xapian::Query(Xapian::Query::OP_AND_NOT, kind, or_terms(years));
    }
    if (dots == std::string::npos) {
        if (parse_partial_date(value)) return Xapian::Query(value_terms(f, value, kp_).front());
        const auto d = days(value);
        if (!d) return invalid(value);
        return cover(d->first, d->second);
    }
    const std::string a = value.substr(0, dots), b = value.substr(dots + 2);
    if (a.empty() && b.empty()) return syntax_error(fname + ":..: a range needs at least one end", hint);
    if (b.find("..") != std::string::npos) return syntax_error(fname + ":" + value + ": more than one \"..\"", hint);
    std::optional<Ymd> from, to;
    if (!a.empty()) {
        const auto d = days(a);
        if (!d) return invalid(a);
        from = d->first;
    }
    if (!b.empty()) {
        const auto d = days(b);
        if (!d) return invalid(b);
        to = d->second;
    }
    if (from && to && *to < *from) return syntax_error(fname + ":" + value + ": the range ends before it starts", hint);
    // Open ends, and ends beyond the years present in the index, are clamped to those
    // years, so that the range decomposes into few terms; a range wholly outside them
    // matches nothing.
    std::string first_year, last_year;
    if (!term_bounds(db_, year_p, first_year, last_year)) return Xapian::Query::MatchNothing;
    const auto first = parse_partial_date(first_year), last = parse_partial_date(last_year);
    if (!first || !last) return syntax_error(fname + ":" + value + ": the index holds an invalid year term", hint);
    const Ymd lo = first->first_day(), hi = last->last_day();
    const Ymd fr = from && lo < *from ? *from : lo;
    const Ymd t = to && *to < hi ? *to : hi;
    if (t < fr) return Xapian::Query::MatchNothing;
    return cover(fr, t);
}

void add_field_processors(Xapian::QueryParser& qp, const FilterBuilder& fb, std::vector<std::string>& warnings,
                          std::optional<Error>& error) {
    auto calls = std::make_shared<std::size_t>(0);
    for (const Field& f : kFields) {
        if (!is_filterable(f)) continue;
        std::vector<std::string> names{std::string(f.name)};
        for (std::string_view a : list_items(f.aliases))
            names.emplace_back(a);
        for (const std::string& name : names)
            qp.add_boolean_prefix(name, (new FieldProc(fb, name, warnings, error, calls))->release());
    }
}

namespace {

std::string describe_term(const std::string& term, const std::string& kp) {
    const TermField tf = term_field(term, kp);
    std::string value = tf.value;
    if (tf.level == "day" && value.size() == 8)
        value = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
    else if (tf.level == "month" && value.size() == 6)
        value = value.substr(0, 4) + "-" + value.substr(4, 2);
    if (value.find_first_of(" \t\"") != std::string::npos || value.empty()) value = "\"" + value + "\"";
    if (tf.field.empty()) return "term:" + term;
    if (tf.field == "text") return (tf.stemmed ? "stem:" : "word:") + value;
    if (tf.field == "title") return (tf.stemmed ? "title-stem:" : "title:") + value;
    return std::string(tf.field) + ":" + value;
}

std::string op_name(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
            return "AND";
        case Xapian::Query::OP_OR:
            return "OR";
        case Xapian::Query::OP_AND_NOT:
            return "AND NOT";
        case Xapian::Query::OP_XOR:
            return "XOR";
        case Xapian::Query::OP_AND_MAYBE:
            return "AND MAYBE";
        case Xapian::Query::OP_FILTER:  // AND without weight: the same to a reader
            return "AND";
        case Xapian::Query::OP_NEAR:
            return "NEAR";
        case Xapian::Query::OP_PHRASE:
            return "PHRASE";
        case Xapian::Query::OP_SYNONYM:
            return "SYNONYM";
        case Xapian::Query::OP_ELITE_SET:
            return "ELITE_SET";
        case Xapian::Query::OP_MAX:
            return "MAX";
        default:
            return "OP" + std::to_string(static_cast<int>(op));
    }
}

std::string describe(const Xapian::Query& q, const std::string& kp) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            const Xapian::TermIterator t = q.get_terms_begin();
            return t == q.get_terms_end() ? std::string("everything") : describe_term(*t, kp);
        }
        case Xapian::Query::LEAF_MATCH_ALL:
            return "everything";
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return "nothing";
        case Xapian::Query::OP_WILDCARD: {
            // The pattern is only in the description: "Query(WILDCARD SYNONYM econom)".
            std::string d = q.get_description();
            const std::size_t sp = d.find_last_of(' ');
            std::string pat = sp == std::string::npos ? d : d.substr(sp + 1);
            while (!pat.empty() && pat.back() == ')')
                pat.pop_back();
            const TermField tf = term_field(pat, kp);
            return (tf.field == "text" ? std::string("word") : std::string(tf.field)) + ":" + tf.value + "*";
        }
        case Xapian::Query::OP_SCALE_WEIGHT:
            return q.get_num_subqueries() ? describe(q.get_subquery(0), kp) : std::string("nothing");
        default:
            break;
    }
    const std::size_t n = q.get_num_subqueries();
    std::string sep = " " + op_name(q.get_type()) + " ";
    if (q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR) {
        std::string out = q.get_type() == Xapian::Query::OP_PHRASE ? "phrase(" : "near(";
        for (std::size_t i = 0; i < n; ++i)
            out += (i ? " " : "") + describe(q.get_subquery(i), kp);
        return out + ")";
    }
    if (q.get_type() == Xapian::Query::OP_SYNONYM) sep = " | ";
    std::string out = "(";
    for (std::size_t i = 0; i < n; ++i)
        out += (i ? sep : "") + describe(q.get_subquery(i), kp);
    return out + ")";
}

}  // namespace

std::string describe_query(const Xapian::Query& q, const std::string& kind_prefix) {
    std::string d = describe(q, kind_prefix);
    if (d.size() > 2 && d.front() == '(' && d.back() == ')') {
        // Drop the outermost parentheses when they enclose everything.
        int depth = 0;
        bool whole = true;
        for (std::size_t i = 0; i + 1 < d.size(); ++i) {
            depth += d[i] == '(' ? 1 : d[i] == ')' ? -1 : 0;
            if (depth == 0) whole = false;
        }
        if (whole) d = d.substr(1, d.size() - 2);
    }
    return (kind_prefix.empty() ? "" : "quotes: ") + d;
}

}  // namespace newsfacet
