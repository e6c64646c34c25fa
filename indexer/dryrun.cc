#include "dryrun.h"

#include <algorithm>
#include <cstdio>

#include "json.h"
#include "text.h"

namespace newsfacet {
namespace {

// Byte offset -> code-point offset, computed once per article.
class Offsets {
  public:
    explicit Offsets(std::string_view text) : map_(text.size() + 1) {
        std::size_t cp = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            map_[i] = cp;
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
                ++cp;
            else
                map_[i] = cp - 1;
        }
        map_[text.size()] = cp;
    }
    std::size_t operator()(std::size_t byte) const { return map_[std::min(byte, map_.size() - 1)]; }

  private:
    std::vector<std::size_t> map_;
};

/// One row of the table: an entity of any kind.
struct Item {
    std::string kind;
    Span span;
    std::string surface, value, rule, extra;
};

std::vector<Item> items_of(const Article& a, const Extraction& x) {
    std::vector<Item> items;
    for (const auto& p : x.people)
        items.push_back({"person", p.span, p.surface, p.name, p.rule, ""});
    for (const auto& p : x.places) {
        std::string extra = p.level;
        if (!p.country.empty() && p.country != p.name) extra += ", " + p.country;
        if (!p.admin1.empty()) extra += ", " + p.admin1;
        items.push_back({"place", p.span, p.surface, p.name, p.rule, extra});
    }
    for (const auto& d : x.dates)
        items.push_back({"date-mentioned", d.span, d.surface, d.resolved() ? d.value : "(unresolved)", d.rule,
                         std::string(granularity_name(d.granularity))});
    for (const auto& q : x.quotes) {
        if (q.speaker_span && q.speaker_is_person)
            items.push_back({"speaker", *q.speaker_span,
                             a.text.substr(q.speaker_span->begin, q.speaker_span->end - q.speaker_span->begin),
                             q.speaker, q.speaker_rule, ""});
    }
    std::sort(items.begin(), items.end(), [](const Item& l, const Item& r) {
        return l.span.begin != r.span.begin ? l.span.begin < r.span.begin : l.kind < r.kind;
    });
    return items;
}

std::string clip(std::string_view s, std::size_t max_cps) {
    std::string out;
    std::size_t cps = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (cps == max_cps) return out + "…";
            ++cps;
        }
        out.push_back(s[i] == '\n' ? ' ' : s[i]);
    }
    return out;
}

void pad_to(std::string& line, std::size_t col) {
    std::size_t cps = 0;
    for (unsigned char c : line)
        if ((c & 0xC0) != 0x80) ++cps;
    line.append(cps < col ? col - cps : 1, ' ');
}

}  // namespace

void print_dry_run(const Article& a, const Extraction& x, bool json, std::ostream& out) {
    const Offsets cp(a.text);
    const std::vector<Item> items = items_of(a, x);
    if (json) {
        JsonWriter w(false);
        w.begin_object();
        w.field("id", a.id).field("path", a.path).field("title", a.title);
        w.field("title_from_text", a.title_from_text);
        w.key("published");
        if (a.published)
            w.value(iso_day(*a.published));
        else
            w.null();
        w.key("published_source");
        if (a.published)
            w.value(a.published_source);
        else
            w.null();
        w.field("length", static_cast<unsigned long long>(cp(a.text.size())));
        w.key("entities").begin_array();
        if (a.published) {
            w.begin_object().field("kind", "date-published").field("value", iso_day(*a.published));
            w.field("granularity", "day").field("rule", a.published_source).end_object();
        }
        for (const Item& it : items) {
            w.begin_object().field("kind", it.kind);
            w.field("begin", static_cast<unsigned long long>(cp(it.span.begin)));
            w.field("end", static_cast<unsigned long long>(cp(it.span.end)));
            w.field("text", it.surface).field("value", it.value).field("rule", it.rule);
            if (it.kind == "place") {
                for (const auto& p : x.places)
                    if (p.span == it.span) {
                        w.field("level", p.level).field("country", p.country).field("admin1", p.admin1);
                        break;
                    }
            } else if (it.kind == "date-mentioned") {
                w.field("granularity", it.extra);
            }
            w.end_object();
        }
        w.end_array();
        w.key("quotes").begin_array();
        for (const auto& q : x.quotes) {
            w.begin_object();
            w.field("begin", static_cast<unsigned long long>(cp(q.span.begin)));
            w.field("end", static_cast<unsigned long long>(cp(q.span.end)));
            w.field("text", q.text).field("rule", q.rule);
            w.key("speaker");
            if (q.speaker.empty())
                w.null();
            else
                w.value(q.speaker);
            w.field("speaker_is_person", q.speaker_is_person).field("speaker_rule", q.speaker_rule);
            w.field("indirect", q.indirect);
            if (q.speaker_span) {
                w.key("speaker_span").begin_array();
                w.value(static_cast<unsigned long long>(cp(q.speaker_span->begin)));
                w.value(static_cast<unsigned long long>(cp(q.speaker_span->end)));
                w.end_array();
            }
            w.end_object();
        }
        w.end_array();
        w.end_object();
        out << w.str() << '\n';
        return;
    }
    // Every line holds text from the article or its file name: each goes through
    // terminal_safe (one code point for one, so the columns stay aligned).
    auto line_out = [&](const std::string& line) { out << terminal_safe(line) << "\n"; };
    line_out("== " + a.id + "  " + a.path);
    line_out("   title:     " + a.title + (a.title_from_text ? "  (from the first sentence)" : ""));
    line_out("   published: " +
             (a.published ? iso_day(*a.published) + " (" + a.published_source + ")" : std::string("unknown")));
    out << "\n";
    std::string head = "   kind";
    pad_to(head, 19);
    head += "span";
    pad_to(head, 32);
    head += "text";
    pad_to(head, 58);
    head += "value";
    pad_to(head, 84);
    head += "rule";
    line_out(head);
    for (const Item& it : items) {
        std::string line = "   " + it.kind;
        pad_to(line, 19);
        line += std::to_string(cp(it.span.begin)) + "-" + std::to_string(cp(it.span.end));
        pad_to(line, 32);
        line += clip(it.surface, 24);
        pad_to(line, 58);
        line += clip(it.value, 24);
        pad_to(line, 84);
        line += it.rule;
        if (!it.extra.empty()) line += "  [" + it.extra + "]";
        line_out(line);
    }
    if (!x.quotes.empty()) {
        out << "\n   quotes:\n";
        for (const auto& q : x.quotes) {
            line_out("   " + std::to_string(cp(q.span.begin)) + "-" + std::to_string(cp(q.span.end)) + "  " +
                     (q.speaker.empty() ? std::string("(no speaker)") : q.speaker) +
                     (q.speaker_is_person || q.speaker.empty() ? "" : " (not a person)") +
                     (q.indirect ? " [indirect]" : "") + "  via " + (q.speaker_rule.empty() ? "-" : q.speaker_rule) +
                     "  (" + q.rule + ")");
            line_out("      \"" + clip(q.text, 110) + "\"");
        }
    }
    out << "\n";
}

}  // namespace newsfacet
