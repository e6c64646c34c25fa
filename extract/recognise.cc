// confirm_places: where the tagger (tagger.h) and the gazetteer matcher (places.cc)
// meet. The tagger says whether a name is a place at all ("Barcelona beat" is a club,
// "Santa Fe Pacific" a company, "Lara" a person); the gazetteer says which place it is.
// A place the tagger finds but the gazetteer does not know cannot be faceted, so it goes.
#include <algorithm>

#include "extract.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "people.h"

namespace newsfacet {
namespace {

bool overlaps(Span a, Span b) {
    return a.begin < b.end && b.begin < a.end;
}

// The gazetteer's preferred row for a span of text: as written, or case-folded for
// text in capitals ("NEW YORK").
const GazetteerEntry* look_up(std::string_view surface) {
    const Gazetteer& g = Gazetteer::instance();
    if (const auto hits = g.lookup(surface); !hits.empty()) return &hits.front();
    bool has_lower = false;
    for (char c : surface)
        has_lower = has_lower || (c >= 'a' && c <= 'z');
    if (!has_lower) {
        const auto folded = g.lookup_folded(surface);
        if (!folded.empty()) return folded.front();
    }
    return nullptr;
}

// The word before byte `pos` (skipping spaces), or "".
std::string_view word_before(std::string_view text, std::size_t pos) {
    std::size_t e = pos;
    while (e > 0 && text[e - 1] == ' ')
        --e;
    std::size_t b = e;
    while (b > 0 && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') || (text[b - 1] >= 'A' && text[b - 1] <= 'Z')))
        --b;
    return text.substr(b, e - b);
}

// Context that only a place fits, whatever the tagger thought of the name itself: a
// locative preposition ("in Bradford", "near Leeds") or an office for a constituency
// ("MP for Bradford", "Secretary of State for Scotland").
bool place_context(std::string_view text, Span s) {
    const std::string_view w = word_before(text, s.begin);
    static const WordSet locatives = embedded_lexicon("places-words.tsv").set("place-context");
    if (locatives.contains(w)) return true;
    if (w != "for") return false;
    const std::size_t at = static_cast<std::size_t>(w.data() - text.data());
    const std::string office = detail::lower(word_before(text, at));
    const detail::NameLexicon& lex = detail::name_lexicon();
    return !office.empty() && (lex.offices.count(office) || lex.roles.count(office)) && office != "candidate";
}

// The second of two places of one country joined by "and", "or" or a comma ("Zürich and
// Genève", "Lyon, Marseille"): the tagger, which has not seen a spelling, may read it as an
// organisation from its neighbours ("Genève reported gains"), but a list keeps its kind.
bool listed_after_place(std::string_view text, const PlaceMention& p, const std::vector<PlaceMention>& confirmed) {
    if (confirmed.empty() || p.country.empty()) return false;
    const PlaceMention& before = confirmed.back();
    if (before.country != p.country || before.span.end > p.span.begin) return false;
    const std::string_view gap = text.substr(before.span.end, p.span.begin - before.span.end);
    return gap == " and " || gap == " or " || gap == ", " || gap == ", and ";
}

// A country written as its abbreviation in capitals without stops ("UK", "UAE"): the
// tagger learnt from text that writes them with stops, so it has next to no evidence
// for the undotted form, and the shape of an acronym draws it to ORG or to no name at
// all, above all before a noun ("the US economy", "UK firms"). The gazetteer's
// country row is the better judge there.
bool undotted_country_abbreviation(const PlaceMention& p) {
    if (p.level != "country" || p.surface.size() < 2 || p.surface.size() > 4) return false;
    return std::all_of(p.surface.begin(), p.surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::vector<PlaceMention> confirm_places(std::string_view text, std::vector<PlaceMention> matched,
                                         const std::vector<TaggedEntity>& tagged) {
    std::vector<PlaceMention> out;
    out.reserve(matched.size());
    std::vector<char> used(tagged.size(), 0);
    // tagged is in text order; a cursor keeps this linear.
    std::size_t cursor = 0;
    std::sort(matched.begin(), matched.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
    for (PlaceMention& p : matched) {
        while (cursor < tagged.size() && tagged[cursor].span.end <= p.span.begin)
            ++cursor;
        std::size_t k = cursor;
        while (k < tagged.size() && tagged[k].span.begin < p.span.end && !overlaps(tagged[k].span, p.span))
            ++k;
        const bool untagged = k >= tagged.size() || !overlaps(tagged[k].span, p.span);
        // An undotted country abbreviation stays unless the tagger puts it inside a
        // longer name ("US Open", "UK Athletics") or calls it a person.
        if (undotted_country_abbreviation(p) &&
            (untagged || (tagged[k].span == p.span && tagged[k].kind != EntityKind::person))) {
            if (!untagged) used[k] = 1;
            if (out.empty() || !(out.back().span == p.span)) out.push_back(std::move(p));
            continue;
        }
        if (untagged) continue;
        if (tagged[k].kind != EntityKind::location) {
            // An organisation's name in place context is the place ("MP for Bradford"), and
            // so is one listed after a place of the same country ("in Zürich and Genève").
            if (tagged[k].kind == EntityKind::organisation && tagged[k].span == p.span &&
                (place_context(text, p.span) || listed_after_place(text, p, out))) {
                used[k] = 1;
                out.push_back(std::move(p));
            }
            continue;
        }
        const TaggedEntity* hit = &tagged[k];
        // The tagger's span is the name as written ("East Jerusalem"); the gazetteer's
        // row says which place it is.
        if (hit->span.begin != p.span.begin || hit->span.end != p.span.end) {
            const bool inside = hit->span.begin <= p.span.begin && p.span.end <= hit->span.end;
            if (!inside) continue;  // only part of the match is a place: not this place
            p.span = hit->span;
            p.surface = std::string(text.substr(p.span.begin, p.span.end - p.span.begin));
        }
        used[k] = 1;
        if (!out.empty() && out.back().span == p.span) continue;
        out.push_back(std::move(p));
    }
    // Places the tagger found and the matcher did not (its guards, capitals, datelines).
    for (std::size_t k = 0; k < tagged.size(); ++k) {
        const TaggedEntity& t = tagged[k];
        if (t.kind != EntityKind::location || used[k]) continue;
        const std::string_view surface = text.substr(t.span.begin, t.span.end - t.span.begin);
        const GazetteerEntry* e = look_up(surface);
        if (!e) continue;
        PlaceMention p;
        p.span = t.span;
        p.surface = std::string(surface);
        p.name = e->name;
        p.level = e->level;
        p.country = e->country;
        p.admin1 = e->admin1;
        p.rule = "tagger+" + std::string(e->rule);
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
    return out;
}

}  // namespace newsfacet
