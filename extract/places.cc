// find_places: gazetteer matching with context guards (see docs/places.md).
//
// One pass tokenises the text; each capitalised token starts a longest-match search
// in the gazetteer (case-sensitive; ALL-CAPS lines and datelines are matched
// case-insensitively). Guards then drop matches that are part of a person's or an
// organisation's name, or a common word at a sentence start, and a second pass picks
// among same-named places (London, England vs London, Ontario) using the other places
// in the article, then population.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "tokens.h"

namespace newsfacet {
namespace {

struct Token {
    std::size_t begin = 0, end = 0;
    bool upper_initial = false;  // first letter is upper case
    bool all_caps = false;       // at least two letters, none lower case
    bool has_lower = false;
    bool sentence_start = false;
    std::uint32_t line = 0;
};

// The places view of the token layer (tokens.h): words only, no punctuation tokens; a
// sentence starts after . ! ? : ; or a line break.
std::vector<Token> tokenize(const TokenLayer& layer) {
    std::vector<Token> toks;
    const std::string_view text = layer.text;
    bool sentence_start = true;
    for (const Atom& a : layer.atoms) {
        if (a.kind != AtomKind::word) {
            if (a.kind == AtomKind::newline || (a.kind == AtomKind::punct && (a.cp == '.' || a.cp == '!' || a.cp == '?' ||
                                                                             a.cp == ':' || a.cp == ';')))
                sentence_start = true;
            continue;
        }
        Token t;
        t.begin = a.begin;
        t.end = a.end;
        t.line = a.line;
        t.sentence_start = sentence_start;
        t.upper_initial = a.has(Atom::kUpper);
        t.all_caps = a.has(Atom::kAllCaps);
        t.has_lower = a.has(Atom::kHasLower);
        toks.push_back(t);
        sentence_start = false;
    }
    // The period after a one-letter capital ("U.S. officials", "J. Smith") ends an
    // abbreviation or an initial, not a sentence.
    for (std::size_t k = 1; k < toks.size(); ++k) {
        const Token& p = toks[k - 1];
        if (toks[k].sentence_start && p.end < text.size() && text[p.end] == '.' && p.end - p.begin == 1 &&
            p.upper_initial && toks[k].begin <= p.end + 2 && toks[k].line == p.line)
            toks[k].sentence_start = false;
    }
    return toks;
}

// The characters between two tokens that may occur inside one place name.
bool joinable_gap(std::string_view gap) {
    if (gap == "\xE2\x80\x99") return true;  // "Côte d’Ivoire"
    if (gap.empty() || gap.size() > 3) return false;
    for (char c : gap)
        if (c != ' ' && c != '-' && c != '.' && c != ',' && c != '\'') return false;
    return true;
}

std::string_view word(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

const WordSet& function_words() {
    // Capitalised at a sentence start or in a Title Case headline, these say nothing
    // about whether the next word is part of a name.
    static const WordSet s = embedded_lexicon("places-words.tsv").set("capitalised-function-word");
    return s;
}

const WordSet& modifiers_after_place() {
    // A capitalised word after a place usually means the place is part of a longer
    // name ("London School", "Jordan Henderson"), except for these: titles and
    // government words ("UK Prime Minister", "U.S. Treasury"), months and weekdays.
    static const WordSet s = embedded_lexicon("places-words.tsv").set("modifier-after-place");
    return s;
}

const WordSet& directions() {
    static const WordSet s = embedded_lexicon("places-words.tsv").set("direction");
    return s;
}

const WordSet& org_heads_before_of() {
    // "Bank of England", "University of London", "Prince of Wales": the place is part
    // of an organisation's name or a title.
    static const WordSet s = embedded_lexicon("places-words.tsv").set("organisation-head");
    return s;
}

// Cities this big are named without their country ("Tokyo", "Lagos"); smaller ones
// need the article to support them (see find_places).
constexpr std::uint32_t kFamousCity = 500000;

struct Match {
    std::size_t first_tok = 0, last_tok = 0;
    Span span;
    std::vector<const GazetteerEntry*> candidates;  // best first
    bool caps = false;
    bool dateline = false;  // "TOKYO, March 3 -": the story's own place, always supported
    bool locative = false;  // "in Tel Aviv", "to Bradford": said to be a place
};

// Longest gazetteer match starting at token i. `folded` matches ALL-CAPS text.
bool longest_match(std::string_view text, const std::vector<Token>& toks, std::size_t i, bool folded,
                   const Gazetteer& g, Match& out) {
    std::string key;
    bool found = false;
    for (std::size_t j = i; j < toks.size() && j < i + 8; ++j) {
        if (j > i) {
            const std::string_view gap = text.substr(toks[j - 1].end, toks[j].begin - toks[j - 1].end);
            if (!joinable_gap(gap) || toks[j].line != toks[i].line) break;
            key.append(gap);
            if (folded && !toks[j].all_caps && toks[j].has_lower) break;
        }
        key.append(word(text, toks[j]));
        if (folded ? !g.has_folded_prefix(key) : !g.has_prefix(key)) break;
        auto try_key = [&](const std::string& k, std::size_t end) {
            std::vector<const GazetteerEntry*> c;
            if (folded) {
                c = g.lookup_folded(k);
            } else {
                for (const GazetteerEntry& e : g.lookup(k))
                    c.push_back(&e);
            }
            if (c.empty()) return;
            out.first_tok = i;
            out.last_tok = j;
            out.span = {toks[i].begin, end};
            out.candidates = std::move(c);
            out.caps = folded;
            found = true;
        };
        try_key(key, toks[j].end);
        // "U.S." and "Washington, D.C." end with a period that belongs to the name.
        if (toks[j].end < text.size() && text[toks[j].end] == '.' && !folded) try_key(key + ".", toks[j].end + 1);
        // An AP state abbreviation written without its stop ("Tulsa, Okla", "Minn ." in
        // tokenised text): only those rows, and accept() still wants "City, " before it.
        else if (!folded && j == i && !found) {
            bool ap = false;
            for (const GazetteerEntry& e : g.lookup(key + "."))
                ap = ap || e.rule == "alias:ap-state";
            if (ap) try_key(key + ".", toks[j].end);
        }
    }
    return found;
}

struct LineInfo {
    bool caps = false;   // an ALL-CAPS headline or dateline line
    bool title = false;  // a Title Case headline: capitalisation says little
};

std::vector<LineInfo> line_info(const std::vector<Token>& toks) {
    std::vector<LineInfo> info(toks.empty() ? 1 : toks.back().line + 1);
    std::vector<std::array<int, 4>> counts(info.size(), {0, 0, 0, 0});  // all-caps, lower, capitalised, words
    for (const Token& t : toks) {
        auto& c = counts[t.line];
        if (!t.upper_initial && !t.has_lower) continue;  // numbers
        ++c[3];
        if (t.all_caps) ++c[0];
        if (t.has_lower && !t.upper_initial) ++c[1];
        if (t.upper_initial && t.end - t.begin > 3) ++c[2];
    }
    for (std::size_t l = 0; l < info.size(); ++l) {
        const auto& c = counts[l];
        info[l].caps = c[0] >= 1 && c[0] * 3 >= c[3] * 2;
        info[l].title = c[3] >= 3 && c[2] * 4 >= (c[3] - c[0]) * 3 && c[1] * 4 <= c[3];
    }
    return info;
}

// A dateline: the match opens its line and is followed by ',', '-', '(' or a date
// ("TOKYO, March 3 -", "LONDON 1996-08-30"), not by a plain number ("NEW YORK 72 53").
bool is_dateline(std::string_view text, const std::vector<Token>& toks, const Match& m) {
    // Everything before the match on its line is capitals too ("MINNETONKA, MINN., Feb 26").
    for (std::size_t k = m.first_tok; k > 0 && toks[k - 1].line == toks[m.first_tok].line; --k)
        if (!toks[k - 1].all_caps) return false;
    std::size_t p = m.span.end;
    while (p < text.size() && text[p] == ' ')
        ++p;
    if (p >= text.size()) return false;
    if (text[p] == ',' || text[p] == '-' || text[p] == '(') return true;
    std::size_t digits = 0;
    while (p + digits < text.size() && text[p + digits] >= '0' && text[p + digits] <= '9')
        ++digits;
    return digits == 4 || (digits > 0 && p + digits < text.size() && text[p + digits] == '-');
}

bool all_common_words(const Match& m) {
    for (const GazetteerEntry* e : m.candidates)
        if (!e->common_word || e->level == "country") return false;
    return true;
}

// Names the place that follows ", " after the match ("London, Ontario"), if any.
std::string_view comma_follower(std::string_view text, const std::vector<Token>& toks, const Match& m) {
    const std::size_t k = m.last_tok + 1;
    if (k >= toks.size() || toks[k].line != toks[m.last_tok].line) return {};
    const std::string_view gap = text.substr(toks[m.last_tok].end, toks[k].begin - toks[m.last_tok].end);
    if (gap != ", " || !toks[k].upper_initial) return {};
    // The follower may be several words ("New York"); take capitalised tokens.
    std::size_t e = k;
    while (e + 1 < toks.size() && toks[e + 1].upper_initial && toks[e + 1].line == toks[k].line &&
           text.substr(toks[e].end, toks[e + 1].begin - toks[e].end) == " " && e < k + 3)
        ++e;
    return text.substr(toks[k].begin, toks[e].end - toks[k].begin);
}

// Context guards: false when the match is not a place mention.
bool accept(std::string_view text, const std::vector<Token>& toks, const std::vector<LineInfo>& lines, const Match& m) {
    const Token& first = toks[m.first_tok];
    const Token& last = toks[m.last_tok];
    const LineInfo& li = lines[first.line];
    const bool dateline = is_dateline(text, toks, m);
    const bool common = all_common_words(m);
    // Nations (England, Scotland ...) behave like countries: "England 326" is the team.
    const bool country = m.candidates.front()->level == "country" || m.candidates.front()->nation;

    if (m.caps && common && !dateline) return false;
    // "T-Mobile", "Orange-owned": a common word joined by a hyphen is not a place.
    if (common &&
        ((m.first_tok > 0 && text.substr(toks[m.first_tok - 1].end, first.begin - toks[m.first_tok - 1].end) == "-") ||
         (m.span.end < text.size() && text[m.span.end] == '-')))
        return false;
    // "Richmond, Va.": AP state abbreviations ("Miss.", "Mass.") only after a city.
    if (m.candidates.front()->rule == "alias:ap-state") {
        const std::string_view gap =
            m.first_tok == 0 ? std::string_view()
                             : text.substr(toks[m.first_tok - 1].end, first.begin - toks[m.first_tok - 1].end);
        if (m.first_tok == 0 || (gap != ", " && gap != " , ") || !toks[m.first_tok - 1].upper_initial) return false;
    }

    // Neighbours on the same line, and the characters between them and the match.
    const Token* prev = nullptr;
    const Token* next = nullptr;
    std::string_view prev_gap, next_gap;
    if (m.first_tok > 0 && toks[m.first_tok - 1].line == first.line) {
        prev = &toks[m.first_tok - 1];
        prev_gap = text.substr(prev->end, first.begin - prev->end);
    }
    if (m.last_tok + 1 < toks.size() && toks[m.last_tok + 1].line == last.line) {
        next = &toks[m.last_tok + 1];
        next_gap = text.substr(m.span.end, next->begin - std::min(next->begin, m.span.end));
    }
    const std::string_view next_word = next ? word(text, *next) : std::string_view();
    const std::string_view prev_word = prev ? word(text, *prev) : std::string_view();

    // "pro-Israel", "Tokyo-based", "U.S.-led": a place inside a lower-case compound is
    // an adjective; "US$" is a currency.
    if (prev && prev_gap == "-" && !prev->upper_initial) return false;
    if (next && next_gap == "-" && !next->upper_initial && next->has_lower) return false;
    if (m.span.end < text.size() && text[m.span.end] == '$') return false;

    // Sports results and tables name clubs by their city: "Leeds 3 Newcastle 2",
    // "NEW YORK 72 53 .576", "Kent 255-3", "v Surrey", "OAKLAND AT BOSTON". A number
    // after a country is a national team, which is still the country.
    if (!country) {
        if (next && next_gap == " " && next_word[0] >= '0' && next_word[0] <= '9' && !dateline) return false;
        if (prev && prev_gap == " " && (prev_word == "v" || prev_word == "vs" || prev_word == "V" || prev_word == "VS"))
            return false;
        if (next && next_gap == " " && (next_word == "v" || next_word == "vs" || next_word == "AT")) return false;
    }

    if (!li.caps && !m.caps) {  // in capitals every neighbour is capitalised
        const auto& fw = function_words();
        // "Jordan Henderson", "London School of Economics", "Algeria TV".
        if (next && next_gap == " " && next->upper_initial) {
            if (!modifiers_after_place().contains(next_word) && !fw.contains(next_word)) return false;
        }
        // "George Washington", "Inter Milan"; "J. Crawley", "D. Cork" (initials).
        if (prev && prev_gap == " " && prev->upper_initial) {
            if (!directions().contains(prev_word) && !fw.contains(prev_word)) return false;
        }
        if (prev && prev_gap == ". " && prev->end - prev->begin == 1 && prev->upper_initial) return false;
        // "Hassan al-Turabi", "Paris de la ...": a name particle after the match.
        static const WordSet particles = embedded_lexicon("places-words.tsv").set("particle");
        if (next && particles.contains(next_word) && m.last_tok + 2 < toks.size() &&
            toks[m.last_tok + 2].upper_initial && toks[m.last_tok + 2].line == last.line)
            return false;
        // "Tour de France", "Banco de Mexico": a capitalised word and a particle before it.
        if (prev && prev_gap == " " && particles.contains(prev_word) && m.first_tok >= 2) {
            const Token& head = toks[m.first_tok - 2];
            if (head.line == first.line && head.upper_initial && !head.sentence_start &&
                text.substr(head.end, prev->begin - head.end) == " ")
                return false;
        }
        // "Organisation for Security and Cooperation in Europe (OSCE)": an acronym in
        // brackets right after the match closes an organisation's name.
        {
            std::size_t p = m.span.end;
            while (p < text.size() && text[p] == ' ')
                ++p;
            if (p < text.size() && text[p] == '(' && next && next->all_caps && !m.caps) {
                std::size_t q = next->end;
                while (q < text.size() && text[q] == ' ')
                    ++q;
                if (q < text.size() && text[q] == ')' && Gazetteer::instance().lookup(next_word).empty()) return false;
            }
        }
        // "Bank of England", "Prince of Wales", "Reserve bank of India".
        if (prev && prev_gap == " " && prev_word == "of" && m.first_tok >= 2) {
            const Token& head = toks[m.first_tok - 2];
            std::string h(word(text, head));
            if (!h.empty() && h[0] >= 'a' && h[0] <= 'z') h[0] = static_cast<char>(h[0] - 32);
            if (head.line == first.line && org_heads_before_of().contains(h)) return false;
        }
    }

    // A common word capitalised only because of its position ("Reading the report",
    // "Nice Weather Ahead") is a place only with support: "Reading, England".
    if (common && !country && !dateline) {
        const bool unreliable = first.sentence_start || li.title || li.caps;
        if (unreliable && Gazetteer::instance().lookup(comma_follower(text, toks, m)).empty()) return false;
    }
    return true;
}

}  // namespace

std::vector<PlaceMention> find_places(std::string_view text) {
    return find_places(TokenLayer(text));
}

std::vector<PlaceMention> find_places(const TokenLayer& layer) {
    std::vector<PlaceMention> out;
    const std::string_view text = layer.text;
    if (text.empty()) return out;
    const Gazetteer& g = Gazetteer::instance();
    const std::vector<Token> toks = tokenize(layer);
    const std::vector<LineInfo> lines = line_info(toks);

    std::vector<Match> matches;
    for (std::size_t i = 0; i < toks.size();) {
        const Token& t = toks[i];
        if (!t.upper_initial) {
            ++i;
            continue;
        }
        Match m;
        bool ok = longest_match(text, toks, i, false, g, m);
        if (!ok && t.all_caps) {
            // ALL-CAPS text is matched case-insensitively in capitals lines and in
            // datelines ("NEW YORK, Feb 26 -"), which open a line.
            bool caps_prefix = true;  // only capitals before it on this line
            for (std::size_t k = i; k > 0 && toks[k - 1].line == t.line && caps_prefix; --k)
                caps_prefix = toks[k - 1].all_caps;
            if (lines[t.line].caps || caps_prefix) {
                ok = longest_match(text, toks, i, true, g, m);
                if (ok && !lines[t.line].caps && !is_dateline(text, toks, m)) ok = false;
            }
        }
        if (!ok) {
            ++i;
            continue;
        }
        const std::size_t after = m.last_tok + 1;
        if (accept(text, toks, lines, m)) {
            m.dateline = is_dateline(text, toks, m);
            if (m.first_tok > 0) {
                static const WordSet locatives = embedded_lexicon("places-words.tsv").set("locative");
                const Token& p = toks[m.first_tok - 1];
                m.locative =
                    p.line == t.line && text.substr(p.end, t.begin - p.end) == " " && locatives.contains(word(text, p));
            }
            // "East Jerusalem", "South Tottenham": a capitalised direction belongs to the
            // name as written; the place is still the gazetteer's.
            if (m.first_tok > 0) {
                const Token& p = toks[m.first_tok - 1];
                if (p.line == t.line && p.upper_initial && text.substr(p.end, t.begin - p.end) == " " &&
                    directions().contains(word(text, p)) && !lines[t.line].caps)
                    m.span.begin = p.begin;
            }
            matches.push_back(std::move(m));
        }
        i = after;
    }

    // Disambiguation. Unambiguous mentions set the article's context: the countries
    // and first-level regions it talks about.
    std::unordered_set<std::string_view> ctx_countries, ctx_admin1;
    for (const Match& m : matches) {
        const GazetteerEntry* a = m.candidates.front();
        const bool unambiguous = std::all_of(m.candidates.begin(), m.candidates.end(), [&](const GazetteerEntry* e) {
            return e->name == a->name && e->country == a->country;
        });
        if (!unambiguous) continue;
        if (!a->country.empty()) ctx_countries.insert(a->country);
        if (!a->admin1.empty()) ctx_admin1.insert(a->admin1);
        if (a->level == "admin1") ctx_admin1.insert(a->name);
    }
    // One choice per surface in an article: "London, Ontario" once settles every "London".
    std::unordered_map<std::string_view, std::pair<int, const GazetteerEntry*>> choice;
    for (const Match& m : matches) {
        if (m.candidates.size() < 2) continue;
        const std::string_view follower = comma_follower(text, toks, m);
        const std::string_view surface = text.substr(m.span.begin, m.span.end - m.span.begin);
        // "London, Ontario": the follower as written (exact look-up only; this runs per
        // mention). Any of its places counts: "Athens, Georgia" names the state, whose
        // canonical name is "Georgia (United States)", as well as the country.
        const std::span<const GazetteerEntry> follower_rows =
            follower.empty() ? std::span<const GazetteerEntry>() : g.lookup(follower);
        auto follower_names = [&](std::string_view name) {
            return !name.empty() && std::any_of(follower_rows.begin(), follower_rows.end(),
                                                [&](const GazetteerEntry& f) { return f.name == name; });
        };
        // A city at least three times as big as its namesakes is the default reading
        // (Athens, Greece over Athens, Georgia): it keeps the lead unless the article
        // names the smaller one's region or says "Athens, Georgia".
        std::uint32_t second = 0;
        const GazetteerEntry* biggest = nullptr;
        for (const GazetteerEntry* e : m.candidates) {
            if (e->level != "city") continue;
            if (!biggest || e->population > biggest->population) {
                if (biggest) second = std::max(second, biggest->population);
                biggest = e;
            } else {
                second = std::max(second, e->population);
            }
        }
        for (const GazetteerEntry* e : m.candidates) {
            int score = e->level == "country" ? 2 : 0;
            if (e == biggest && second > 0 && e->population >= 3 * std::uint64_t(second)) score += 2;
            if (!e->country.empty() && e->level != "country" && ctx_countries.contains(e->country)) score += 2;
            if (!e->admin1.empty() && ctx_admin1.contains(e->admin1)) score += 2;
            if (e->level == "admin1" && ctx_admin1.contains(e->name)) score += 2;
            if (follower_names(e->admin1) || follower_names(e->country)) score += 5;
            auto& best = choice[surface];
            if (!best.second || score > best.first) best = {score, e};
        }
    }

    out.reserve(matches.size());
    std::vector<bool> from_dateline;
    std::vector<const GazetteerEntry*> chosen;
    for (const Match& m : matches) {
        from_dateline.push_back(m.dateline || m.locative);
        const GazetteerEntry* e = m.candidates.front();
        std::string rule(e->rule);
        if (m.candidates.size() > 1) {
            const auto it = choice.find(text.substr(m.span.begin, m.span.end - m.span.begin));
            if (it != choice.end() && it->second.second != e) {
                e = it->second.second;
                rule = std::string(e->rule) + "+context";
            }
            // "Athens, Georgia": the place right after "City, " is that city's region or country.
            if (!chosen.empty() && out.back().span.end + 2 == m.span.begin &&
                text.substr(out.back().span.end, 2) == ", ") {
                const GazetteerEntry* city = chosen.back();
                for (const GazetteerEntry* c : m.candidates)
                    if (c != e && ((c->level == "admin1" && c->name == city->admin1 && c->country == city->country) ||
                                   (c->level == "country" && c->name == city->country))) {
                        e = c;
                        rule = std::string(e->rule) + "+context";
                        break;
                    }
            }
        }
        if (m.caps) rule += "+caps";
        chosen.push_back(e);
        PlaceMention p;
        p.span = m.span;
        p.surface = std::string(text.substr(m.span.begin, m.span.end - m.span.begin));
        p.name = e->name;
        p.level = e->level;
        p.country = e->country;
        p.admin1 = e->admin1;
        p.rule = std::move(rule);
        out.push_back(std::move(p));
    }

    // A city of less than kFamousCity people in an article about other countries needs
    // support: another place of its country, a demonym ("Palestinians"), a dateline or a
    // locative preposition ("in Tel Aviv"). Without it, a name like "Westminster",
    // "Delta", "Toyota" or "Davenport" in a British story is far more often a building,
    // a company or a surname than the Colorado, British Columbia or Aichi city.
    {
        std::unordered_map<std::string_view, std::unordered_set<std::string_view>> by_country;
        for (const PlaceMention& p : out)
            if (!p.country.empty()) by_country[p.country].insert(p.name);
        std::unordered_set<std::string_view> demonym_countries;
        for (const Token& t : toks) {
            if (!t.upper_initial || t.all_caps) continue;
            std::string_view w = word(text, t);
            auto c = demonym_country(w);
            if (!c && w.size() > 3 && w.back() == 's') c = demonym_country(w.substr(0, w.size() - 1));
            if (c) demonym_countries.insert(*c);
        }
        // Named in a dateline or after "in", "at", "from", "to" ...: the text says it is a place.
        std::unordered_set<std::string_view> datelined;
        for (std::size_t k = 0; k < out.size(); ++k)
            if (from_dateline[k]) datelined.insert(out[k].name);
        // Decide first, then compact: the sets above view strings inside `out`.
        std::vector<bool> keep(out.size(), true);
        for (std::size_t k = 0; k < out.size(); ++k) {
            const PlaceMention& p = out[k];
            // A city that is also a common word ("Orange", "Mobile", "Sale") always needs support.
            const bool common = chosen[k]->common_word;
            // GeoNames' extra regions ("Miranda", "Lara", "Bolivar") are often names too.
            const bool weak_region = chosen[k]->rule == "gazetteer:admin1-geonames";
            if ((p.level != "city" && !weak_region) || p.country.empty() || datelined.contains(p.name) ||
                (chosen[k]->population >= kFamousCity && !common && !weak_region))
                continue;
            const auto it = by_country.find(p.country);
            const bool other_place = it != by_country.end() && it->second.size() > 1;
            // Only an article visibly about other countries speaks against it: "He flew
            // to Tel Aviv" alone stays a place.
            const bool elsewhere = by_country.size() > (it != by_country.end() ? 1u : 0u);
            keep[k] = other_place || demonym_countries.contains(p.country) || (!elsewhere && !common);
        }
        std::vector<PlaceMention> kept;
        kept.reserve(out.size());
        for (std::size_t k = 0; k < out.size(); ++k)
            if (keep[k]) kept.push_back(std::move(out[k]));
        out = std::move(kept);
    }
    return out;
}

}  // namespace newsfacet
