#include "fields.h"

#include <algorithm>
#include <memory>

#include "dates.h"
#include "error.h"
#include "gazetteer.h"
#include "reldate.h"
#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

[[noreturn]] void syntax_error(const std::string& what, const std::string& hint = "") {
    throw Failure({kExitUsage, what, hint});
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
            return Xapian::Query(std::string());
        }
        try {
            return fb_.filter(name_, str, warnings_);
        } catch (const Failure& f) {
            if (!error_) error_ = f.error();
            return Xapian::Query(std::string());
        }
    }

  private:
    const FilterBuilder& fb_;
    std::string name_;
    std::vector<std::string>& warnings_;
    std::optional<Error>& error_;
    std::shared_ptr<std::size_t> calls_;
};

}  // namespace

bool FilterBuilder::is_filter_field(const std::string& name) {
    static const char* const kNames[] = {"speaker", "person", "place", "city", "date", "published", "mentioned", "id"};
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

Xapian::Query FilterBuilder::filter(const std::string& name, const std::string& raw,
                                    std::vector<std::string>& warnings) const {
    const std::string value = strip_quotes(raw);
    if (name == "speaker") return person("speaker", "speakerkey", value, warnings);
    if (name == "person") return person("person", "personkey", value, warnings);
    if (name == "place" || name == "city") {
        const std::string canonical = resolve_place_query(value).value_or(value);
        const std::string key = fold_key(canonical);
        if (key.empty()) syntax_error(name + ": needs a place name", "e.g. " + std::string(field("place").example));
        return Xapian::Query(safe_term(kp_ + std::string(prefix(name)) + key));
    }
    if (name == "date" || name == "published") return date(true, name, value);
    if (name == "mentioned") return date(false, name, value);
    // An article by id; in quote mode, the quotes of that article.
    if (name == "id")
        return Xapian::Query(
            safe_term(kp_.empty() ? std::string(prefix("id")) + value : kp_ + std::string(prefix("parent")) + value));
    syntax_error("unknown filter field \"" + name + "\"",
                 "fields: speaker, person, place, city, date (or published), mentioned, id");
}

Xapian::Query FilterBuilder::person(const std::string& fname, const std::string& key_field, const std::string& value,
                                    std::vector<std::string>& warnings) const {
    const std::string key = fold_key(value);
    if (key.empty()) syntax_error(fname + ": needs a name", "e.g. " + std::string(field(fname).example));
    const std::string full_prefix = kp_ + std::string(prefix(fname));
    // An exact canonical name first; else the look-up keys (surname, variants), which
    // the indexer writes as KEY=FULL NAME so that ambiguity can be seen here.
    if (db_.term_exists(full_prefix + key)) return Xapian::Query(full_prefix + key);
    const std::string kp = kp_ + std::string(prefix(key_field)) + key + "=";
    std::vector<std::string> names;
    for (Xapian::TermIterator it = db_.allterms_begin(kp); it != db_.allterms_end(kp); ++it)
        names.push_back((*it).substr(kp.size()));
    if (names.size() > 1) {
        std::string list;
        for (const auto& n : names)
            list += (list.empty() ? "" : ", ") + n;
        warnings.push_back(fname + ":" + value + " is ambiguous (" + list + "): matching all of them");
    }
    std::vector<std::string> terms;
    for (const auto& n : names)
        terms.push_back(full_prefix + n);
    if (terms.empty()) return Xapian::Query(full_prefix + key);  // matches nothing, but says what was asked
    return or_terms(terms);
}

Xapian::Query FilterBuilder::date(bool published, const std::string& fname, const std::string& value) const {
    const std::string hint =
        "dates are YYYY, YYYY-MM or YYYY-MM-DD, or relative: today, yesterday, 7d, 2w, 3m, 1y, "
        "\"3 days ago\", \"last week\", \"this month\"; ranges A..B, ..B or A.. (e.g. " +
        fname + ":2023-10..2024-03, " + fname + ":7d..)";
    const std::string day_p = kp_ + std::string(published ? kPublishedDay : kMentionedDay);
    const std::string month_p = kp_ + std::string(published ? kPublishedMonth : kMentionedMonth);
    const std::string year_p = kp_ + std::string(published ? kPublishedYear : kMentionedYear);
    const std::size_t dots = value.find("..");
    auto parse = [&](const std::string& s) {
        auto pd = parse_partial_date(s);
        if (!pd) syntax_error(fname + ":" + value + ": \"" + s + "\" is not a valid date", hint);
        return *pd;
    };
    // The days an end of a range covers: an absolute date, or one relative to today.
    auto days = [&](const std::string& raw) -> std::pair<Ymd, Ymd> {
        const std::string s = strip_quotes(raw);
        if (auto pd = parse_partial_date(s)) return {pd->first_day(), pd->last_day()};
        if (auto r = relative_date_range(s, today_)) return *r;
        syntax_error(fname + ":" + value + ": \"" + s + "\" is not a valid date", hint);
    };
    auto cover = [&](const Ymd& from, const Ymd& to) {
        std::vector<std::string> terms;
        for (const CoverTerm& c : cover_range(from, to)) {
            switch (c.granularity) {
                case Granularity::year:
                    terms.push_back(year_p + c.key);
                    break;
                case Granularity::month:
                    terms.push_back(month_p + c.key);
                    break;
                default:
                    terms.push_back(day_p + c.key);
            }
        }
        return or_terms(terms);
    };
    if (dots == std::string::npos) {
        if (auto pd = parse_partial_date(value)) {
            const DateTerms t = date_terms(pd->ymd);
            switch (pd->granularity) {
                case Granularity::year:
                    return Xapian::Query(year_p + t.year);
                case Granularity::month:
                    return Xapian::Query(month_p + t.month);
                default:
                    return Xapian::Query(day_p + t.day);
            }
        }
        const auto [from, to] = days(value);
        return cover(from, to);
    }
    const std::string a = value.substr(0, dots), b = value.substr(dots + 2);
    if (a.empty() && b.empty()) syntax_error(fname + ":..: a range needs at least one end", hint);
    if (b.find("..") != std::string::npos) syntax_error(fname + ":" + value + ": more than one \"..\"", hint);
    std::optional<Ymd> from, to;
    if (!a.empty()) from = days(a).first;
    if (!b.empty()) to = days(b).second;
    if (from && to && *to < *from) syntax_error(fname + ":" + value + ": the range ends before it starts", hint);
    // Open ends, and ends beyond the years present in the index, are clamped to those
    // years, so that the range decomposes into few terms; a range wholly outside them
    // matches nothing.
    std::string first_year, last_year;
    if (!term_bounds(db_, year_p, first_year, last_year)) return Xapian::Query::MatchNothing;
    const Ymd lo = parse(first_year).first_day(), hi = parse(last_year).last_day();
    const Ymd f = from && lo < *from ? *from : lo;
    const Ymd t = to && *to < hi ? *to : hi;
    if (t < f) return Xapian::Query::MatchNothing;
    return cover(f, t);
}

void add_field_processors(Xapian::QueryParser& qp, const FilterBuilder& fb, std::vector<std::string>& warnings,
                          std::optional<Error>& error) {
    auto calls = std::make_shared<std::size_t>(0);
    for (const char* name : {"speaker", "person", "place", "city", "date", "published", "mentioned", "id"})
        qp.add_boolean_prefix(name, (new FieldProc(fb, name, warnings, error, calls))->release());
}

}  // namespace newsfacet
