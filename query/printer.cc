#include "printer.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "json.h"
#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

// Text from articles, ids, paths and the query itself are untrusted: everything
// printed goes through terminal_safe (text.h), the one filter of what reaches a terminal.
std::vector<std::string> safe_all(const std::vector<std::string>& v) {
    std::vector<std::string> out;
    for (const auto& s : v)
        out.push_back(terminal_safe(s));
    return out;
}

// Inserts highlight markers at code-point ranges.
std::string highlighted(const std::string& s, const std::vector<Highlight>& hs, const char* on, const char* off) {
    std::string out;
    std::size_t cp = 0, h = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (lead) {
            if (h < hs.size() && cp == hs[h].end) {
                out += off;
                ++h;
            }
            if (h < hs.size() && cp == hs[h].begin) out += on;
            ++cp;
        }
        out.push_back(s[i]);
    }
    if (h < hs.size() && cp == hs[h].end) out += off;
    return out;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

void string_array(JsonWriter& w, const char* key, const std::vector<std::string>& v) {
    w.key(key).begin_array();
    for (const auto& s : v)
        w.value(s);
    w.end_array();
}

std::string facet_title(const FacetRequest& r) {
    return r.level.empty() ? r.name : r.name + ":" + r.level;
}

std::string_view kind_name(FieldKind k) {
    switch (k) {
        case FieldKind::text:
            return "text";
        case FieldKind::boolean:
            return "boolean";
        case FieldKind::date:
            return "date";
        default:
            return "internal";
    }
}

std::string prefixes(const Field& f) {
    std::string p(f.prefix);
    if (!f.month_prefix.empty()) p += " " + std::string(f.month_prefix) + " " + std::string(f.year_prefix);
    return p;
}

std::vector<std::string> facet_names(const Field& f) {
    std::vector<std::string> out;
    if (f.facet.empty()) return out;
    out.emplace_back(f.facet);
    for (const FacetLevel& l : f.levels)
        if (!l.name.empty()) out.push_back(std::string(f.facet) + ":" + std::string(l.name));
    return out;
}

// Pads to `width` code points (left-aligned text, or right-aligned numbers).
std::string pad(const std::string& s, std::size_t width, bool right = false) {
    const std::size_t n = code_points(s);
    if (n >= width) return s;
    return right ? std::string(width - n, ' ') + s : s + std::string(width - n, ' ');
}

// --pivot as a table: a row per value of the first facet, a column per value of the
// second, the "all" column and row counting every match with the value.
void print_pivot_text(const PivotResult& p, bool quotes, const char* bold, const char* dim, const char* reset,
                      std::ostream& out) {
    out << bold << terminal_safe(facet_title(p.rows)) << " × " << terminal_safe(facet_title(p.columns)) << reset
        << dim << " (" << (quotes ? "quotes" : "articles") << " per pair; exact)" << reset << "\n";
    if (p.row_values.empty() || p.column_values.empty()) {
        out << "   (none)\n\n";
        return;
    }
    std::size_t label = 3;  // "all"
    for (const auto& r : p.row_values)
        label = std::max(label, code_points(terminal_safe(r.value)));
    std::vector<std::size_t> widths;
    for (const auto& c : p.column_values)
        widths.push_back(std::max<std::size_t>(code_points(terminal_safe(c.value)), std::to_string(c.count).size()));
    std::size_t all_width = 3;
    for (const auto& r : p.row_values)
        all_width = std::max(all_width, std::to_string(r.count).size());
    std::string line = "   " + pad("", label);
    for (std::size_t c = 0; c < p.column_values.size(); ++c)
        line += "  " + pad(terminal_safe(p.column_values[c].value), widths[c], true);
    out << bold << line << "  " << pad("all", all_width, true) << reset << "\n";
    for (std::size_t r = 0; r < p.row_values.size(); ++r) {
        line = "   " + pad(terminal_safe(p.row_values[r].value), label);
        for (std::size_t c = 0; c < p.column_values.size(); ++c) {
            const std::size_t n = p.cells[r][c];
            line += "  " + pad(n ? std::to_string(n) : std::string("·"), widths[c], true);
        }
        out << line << "  " << dim << pad(std::to_string(p.row_values[r].count), all_width, true) << reset << "\n";
    }
    line = "   " + pad("all", label);
    for (std::size_t c = 0; c < p.column_values.size(); ++c)
        line += "  " + pad(std::to_string(p.column_values[c].count), widths[c], true);
    out << dim << line << reset << "\n";
    if (p.other_rows || p.other_columns)
        out << dim << "   … " << p.other_rows << " more " << terminal_safe(facet_title(p.rows)) << " and "
            << p.other_columns << " more " << terminal_safe(facet_title(p.columns)) << " values (--facet-limit)"
            << reset << "\n";
    out << "\n";
}

}  // namespace

void print_fields_text(std::ostream& out) {
    out << "schema version " << kSchemaVersion << "; quote documents put " << kQuotePrefix
        << " in front of every term, stems " << kStemPrefix << " in front of the word's prefix\n\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-11s %-14s %-9s %-5s %s\n", "FIELD", "PREFIX", "KIND", "SLOT", "DESCRIPTION");
    out << line;
    for (const Field& f : kFields) {
        const std::string slot = f.slot >= 0 ? std::to_string(f.slot) : "-";
        std::snprintf(line, sizeof line, "%-11s %-14s %-9s %-5s %s\n", std::string(f.name).c_str(), prefixes(f).c_str(),
                      std::string(kind_name(f.kind)).c_str(), slot.c_str(), std::string(f.description).c_str());
        out << line;
        std::string more;
        if (!f.aliases.empty()) more += "also " + std::string(f.aliases) + "; ";
        if (!f.facet.empty()) more += "facets " + join(facet_names(f)) + "; ";
        if (!f.example.empty()) more += "e.g. " + std::string(f.example);
        if (!more.empty()) out << std::string(42, ' ') << more << "\n";
    }
    out << "\nSLOT NAME       CONTENT\n";
    for (const SlotInfo& s : kSlots) {
        std::snprintf(line, sizeof line, "%-4u %-10s %s\n", s.slot, std::string(s.name).c_str(),
                      std::string(s.content).c_str());
        out << line;
    }
}

void print_fields_json(std::ostream& out) {
    JsonWriter w(true);
    w.begin_object();
    w.field("format_version", kJsonFormatVersion);
    w.field("schema_version", kSchemaVersion);
    w.field("quote_prefix", std::string(kQuotePrefix)).field("stem_prefix", std::string(kStemPrefix));
    w.key("fields").begin_array();
    for (const Field& f : kFields) {
        w.begin_object();
        w.field("name", std::string(f.name)).field("prefix", std::string(f.prefix));
        if (!f.month_prefix.empty())
            w.field("month_prefix", std::string(f.month_prefix)).field("year_prefix", std::string(f.year_prefix));
        w.field("kind", std::string(kind_name(f.kind)));
        w.key("slot");
        if (f.slot >= 0)
            w.value(static_cast<unsigned long long>(f.slot));
        else
            w.null();
        std::vector<std::string> aliases;
        for (std::string_view a : list_items(f.aliases))
            aliases.emplace_back(a);
        string_array(w, "aliases", aliases);
        w.key("facets").begin_array();
        if (!f.facet.empty()) {
            w.begin_object().field("name", std::string(f.facet)).field("slot", static_cast<unsigned long long>(f.slot));
            w.field("filter", std::string(f.name)).end_object();
            for (const FacetLevel& l : f.levels) {
                if (l.name.empty()) continue;
                w.begin_object().field("name", std::string(f.facet) + ":" + std::string(l.name));
                w.field("slot", static_cast<unsigned long long>(l.slot)).field("filter", std::string(l.filter));
                w.end_object();
            }
        }
        w.end_array();
        w.field("description", std::string(f.description)).field("example", std::string(f.example));
        w.end_object();
    }
    w.end_array();
    w.key("slots").begin_array();
    for (const SlotInfo& s : kSlots)
        w.begin_object()
            .field("slot", static_cast<unsigned long long>(s.slot))
            .field("name", std::string(s.name))
            .field("content", std::string(s.content))
            .end_object();
    w.end_array();
    w.end_object();
    out << w.str() << "\n";
}

void print_text(const SearchResult& r, const SearchOptions& o, bool colour, std::ostream& out) {
    const char* on = colour ? "\x1b[1;33m" : "«";
    const char* off = colour ? "\x1b[0m" : "»";
    const char* dim = colour ? "\x1b[2m" : "";
    const char* bold = colour ? "\x1b[1m" : "";
    const char* reset = colour ? "\x1b[0m" : "";
    if (o.explain) out << "query: " << terminal_safe(r.analysis) << "\n\n";
    // Notes go to stderr only (query/main.cc): stdout keeps the hits, or the number alone
    // for --count, so that a script reading it is not handed a note.
    const bool count_only = o.limit == 0 && o.exact_total;  // --count
    if (!count_only) {
        for (const Hit& h : r.hits) {
            const DocRecord& d = h.record;
            char score[32];
            std::snprintf(score, sizeof score, "%.3f", h.score);
            if (o.quotes) {
                out << bold << h.rank << ". "
                    << (d.speaker.empty() ? std::string("(unknown)") : terminal_safe(d.speaker)) << reset
                    << (d.indirect ? " (reported)" : "") << ":\n";
                out << "   \"" << highlighted(terminal_safe(h.snippet), h.highlights, on, off) << "\"\n";
                out << dim << "   " << terminal_safe(d.title) << " · "
                    << (d.published.empty() ? "date unknown" : terminal_safe(d.published)) << " · "
                    << terminal_safe(d.parent) << " · score " << score << reset << "\n";
            } else {
                out << bold << h.rank << ". " << terminal_safe(d.title) << reset << "\n";
                out << dim << "   " << (d.published.empty() ? "date unknown" : terminal_safe(d.published)) << " · "
                    << terminal_safe(d.id) << " · score " << score << reset << "\n";
                if (!h.snippet.empty())
                    out << "   " << highlighted(terminal_safe(h.snippet), h.highlights, on, off) << "\n";
                if (!d.speakers.empty()) out << dim << "   speakers: " << reset << join(safe_all(d.speakers)) << "\n";
                std::vector<std::string> others;
                for (const auto& p : d.people)
                    if (std::find(d.speakers.begin(), d.speakers.end(), p) == d.speakers.end()) others.push_back(p);
                if (!others.empty()) out << dim << "   people:   " << reset << join(safe_all(others)) << "\n";
                if (!d.places.empty()) out << dim << "   places:   " << reset << join(safe_all(d.places)) << "\n";
            }
            for (const auto& e : h.explain)
                out << dim << "   why: " << reset << terminal_safe(e) << "\n";
            out << "\n";
        }
    }
    for (const FacetResult& f : r.facets) {
        out << bold << terminal_safe(facet_title(f.request)) << reset << (f.exact ? "" : " (estimated)") << "\n";
        std::size_t width = 0, maxc = 1;
        for (const auto& v : f.values) {
            width = std::max(width, code_points(terminal_safe(v.value)));
            maxc = std::max(maxc, v.count);
        }
        if (f.values.empty()) out << "   (none)\n";
        for (const auto& v : f.values) {
            const std::string shown = terminal_safe(v.value);
            const std::size_t cps = code_points(shown);
            const std::size_t bar = std::max<std::size_t>(1, v.count * 30 / maxc);
            std::string bars;
            for (std::size_t i = 0; i < bar; ++i)
                bars += "█";
            char cnt[32];
            std::snprintf(cnt, sizeof cnt, "%6zu", v.count);
            out << (v.selected ? " * " : "   ") << shown << std::string(width - cps + 1, ' ') << cnt << " " << dim
                << bars << reset << "\n";
        }
        if (f.other_values) out << dim << "   … " << f.other_values << " more" << reset << "\n";
        out << "\n";
    }
    if (r.pivot) print_pivot_text(*r.pivot, o.quotes, bold, dim, reset, out);
    if (count_only) {
        // --count: the bare number, for scripts.
        out << r.total << "\n";
        return;
    }
    if (!r.did_you_mean.empty()) out << "did you mean: " << terminal_safe(r.did_you_mean) << "?\n";
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f", r.elapsed_ms);
    out << (r.exact ? "" : "about ") << r.total
        << (o.quotes ? (r.total == 1 ? " quote" : " quotes") : (r.total == 1 ? " match" : " matches"))
        << (r.facets.empty() ? "" : " (facet counts exact)") << " in " << ms << " ms\n";
}

void print_lines(const SearchResult& r, const SearchOptions& o, LineOutput what, std::ostream& out) {
    std::set<std::string> printed;
    for (const Hit& h : r.hits) {
        const DocRecord& d = h.record;
        const std::string& id = o.quotes ? d.parent : d.id;
        if (o.quotes && !printed.insert(id).second) continue;
        // A name with a newline cannot be one line: the control characters become U+FFFD
        // like everywhere else in text output.
        out << terminal_safe(what == LineOutput::paths ? d.path : id) << "\n";
    }
}

void print_json(const SearchResult& r, const SearchOptions& o, std::ostream& out) {
    JsonWriter w(true);
    w.begin_object();
    w.field("format_version", kJsonFormatVersion);
    w.field("query", r.query);
    w.field("mode", o.quotes ? "quotes" : "articles");
    w.field("total", static_cast<unsigned long long>(r.total));
    w.field("exact", r.exact);
    w.field("offset", static_cast<unsigned long long>(o.offset));
    w.field("elapsed_ms", r.elapsed_ms);
    if (o.explain) w.field("parsed", r.parsed).field("analysis", r.analysis);
    string_array(w, "warnings", r.warnings);
    w.key("did_you_mean");
    if (r.did_you_mean.empty())
        w.null();
    else
        w.value(r.did_you_mean);
    w.key("hits").begin_array();
    for (const Hit& h : r.hits) {
        const DocRecord& d = h.record;
        w.begin_object();
        w.field("rank", static_cast<unsigned long long>(h.rank));
        if (o.quotes) {
            w.key("speaker");
            if (d.speaker.empty())
                w.null();
            else
                w.value(d.speaker);
            w.field("text", d.text);
            w.field("article", d.parent);
            w.field("title", d.title);
            w.field("path", d.path);
            w.key("published");
            if (d.published.empty())
                w.null();
            else
                w.value(d.published);
            w.field("indirect", d.indirect);
            w.field("speaker_rule", d.speaker_rule);
        } else {
            w.field("id", d.id).field("path", d.path).field("title", d.title);
            w.key("published");
            if (d.published.empty())
                w.null();
            else
                w.value(d.published);
        }
        w.field("score", h.score);
        w.field("snippet", h.snippet);
        w.key("highlights").begin_array();
        for (const auto& hl : h.highlights) {
            w.begin_array();
            w.value(static_cast<unsigned long long>(hl.begin)).value(static_cast<unsigned long long>(hl.end));
            w.end_array();
        }
        w.end_array();
        if (!o.quotes) {
            string_array(w, "speakers", d.speakers);
            string_array(w, "people", d.people);
            string_array(w, "places", d.places);
            string_array(w, "countries", d.countries);
            w.key("mentioned").begin_array();
            for (const auto& m : d.mentioned)
                w.begin_object().field("value", m.value).field("granularity", m.granularity).end_object();
            w.end_array();
        }
        if (o.explain) string_array(w, "explain", h.explain);
        w.end_object();
    }
    w.end_array();
    w.key("facets").begin_object();
    for (const FacetResult& f : r.facets) {
        w.key(facet_title(f.request)).begin_array();
        for (const auto& v : f.values) {
            w.begin_object().field("value", v.value).field("count", static_cast<unsigned long long>(v.count));
            if (v.selected) w.field("selected", true);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.key("facets_exact").value(true);
    if (r.pivot) {
        const PivotResult& p = *r.pivot;
        auto values = [&](const char* key, const std::vector<FacetValue>& vs, bool cells) {
            w.key(key).begin_array();
            for (std::size_t i = 0; i < vs.size(); ++i) {
                w.begin_object().field("value", vs[i].value).field("count", static_cast<unsigned long long>(vs[i].count));
                if (cells) {
                    w.key("cells").begin_array();
                    for (const std::size_t n : p.cells[i])
                        w.value(static_cast<unsigned long long>(n));
                    w.end_array();
                }
                w.end_object();
            }
            w.end_array();
        };
        w.key("pivot").begin_object();
        w.field("rows", facet_title(p.rows)).field("columns", facet_title(p.columns));
        values("column_values", p.column_values, false);
        values("row_values", p.row_values, true);
        w.field("other_rows", static_cast<unsigned long long>(p.other_rows));
        w.field("other_columns", static_cast<unsigned long long>(p.other_columns));
        w.field("exact", true);
        w.end_object();
    }
    w.end_object();
    out << w.str() << "\n";
}

}  // namespace newsfacet
