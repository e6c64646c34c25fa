#include "schema.h"

#include "dates.h"
#include "text.h"

namespace newsfacet {

std::vector<std::string> value_terms(const Field& f, std::string_view value, std::string_view kind_prefix) {
    const std::string kp(kind_prefix);
    std::vector<std::string> terms;
    if (f.kind == FieldKind::date) {
        const std::string day = kp + std::string(f.prefix), month = kp + std::string(f.month_prefix),
                          year = kp + std::string(f.year_prefix);
        if (auto pd = parse_partial_date(value)) {
            const DateTerms t = date_terms(pd->ymd);
            if (pd->granularity == Granularity::day) terms.push_back(day + t.day);
            if (pd->granularity != Granularity::year) terms.push_back(month + t.month);
            terms.push_back(year + t.year);
        } else if (auto range = value_day_range(value)) {
            // Weeks, quarters, seasons, decades: the finest level that contains them
            // whole, so that filters keep their "contained in" meaning.
            const auto [first, last] = *range;
            const DateTerms t = date_terms(first);
            if (first.year == last.year && first.month == last.month) terms.push_back(month + t.month);
            if (first.year == last.year) terms.push_back(year + t.year);
        }
        return terms;
    }
    const std::string key = f.folded ? fold_key(value) : std::string(value);
    if (!key.empty()) terms.push_back(safe_term(kp + std::string(f.prefix) + key));
    return terms;
}

TermField term_field(std::string_view term, std::string_view kind_prefix) {
    TermField out;
    const std::string zkp = std::string(kStemPrefix) + std::string(kind_prefix);
    if (!kind_prefix.empty()) {
        if (term.substr(0, zkp.size()) == zkp)
            out.stemmed = true, term.remove_prefix(zkp.size());
        else if (term.substr(0, kind_prefix.size()) == kind_prefix)
            term.remove_prefix(kind_prefix.size());
    } else if (term.size() > 1 && term.substr(0, kStemPrefix.size()) == kStemPrefix &&
               !(term[1] >= 'A' && term[1] <= 'Z' && term.substr(1, 1) != prefix("title"))) {
        out.stemmed = true;
        term.remove_prefix(kStemPrefix.size());
    }
    auto upper = [](std::string_view t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; };
    if (!upper(term)) {
        out.field = "text";
        out.value = std::string(term);
        return out;
    }
    // The longest prefix in the table that the term starts with (field keys are lower
    // case or digits, so the prefix ends where the capitals end, except for ids).
    const Field* best = nullptr;
    std::string_view best_prefix;
    for (const Field& f : kFields) {
        const std::string_view day_level = f.kind == FieldKind::date ? "day" : "";
        for (auto [p, lv] : {std::pair{f.prefix, day_level}, std::pair{f.month_prefix, std::string_view("month")},
                             std::pair{f.year_prefix, std::string_view("year")}}) {
            if (p.empty() || term.substr(0, p.size()) != p || p.size() <= best_prefix.size()) continue;
            if (f.folded || f.kind == FieldKind::date || f.kind == FieldKind::text) {
                if (upper(term.substr(p.size()))) continue;
            }
            best = &f;
            best_prefix = p;
            out.level = lv;
        }
    }
    if (!best) {
        out.value = std::string(term);
        return out;
    }
    out.field = best->name;
    out.value = std::string(term.substr(best_prefix.size()));
    return out;
}

}  // namespace newsfacet
