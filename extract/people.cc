// The people finder: person names from cues (honorifics, titles, given names, speech
// frames, appositives), merged within the article to one canonical fullest form.
//
// It works on capitalised runs ("Labour Defence Secretary John Healey"): a run becomes a
// person when a cue says so, the name being what follows the last title in the run.
// Later mentions by surname ("Smith", "Mr Smith") or by a near-identical spelling
// ("Smyth" for "Smythe") join the same person. Everything is one linear pass over
// the tokens plus hash look-ups, so a 10 MB article costs no more than ten 1 MB ones.
#include "people.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>

#include "embedded.h"
#include "extract.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "tokens.h"
#include "tsv.h"

namespace newsfacet {
namespace detail {

namespace {

bool is_abbrev(std::string_view w) {
    // Words after which a full stop does not end the sentence.
    static const WordSet abbr = embedded_lexicon("abbreviations.tsv").set("sentence");
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // an initial: "J. Smith"
    return abbr.contains(lower(w));
}

}  // namespace

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

bool is_double_quote(char32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB || c == 0xBB ||
           c == 0x2033 || c == 0xFF02;
}

std::vector<Token> tokenize(std::string_view text) {
    return tokenize(TokenLayer(text));
}

// The people and quotes view of the token layer (tokens.h).
std::vector<Token> tokenize(const TokenLayer& layer) {
    const std::string_view text = layer.text;
    const std::vector<Atom>& atoms = layer.atoms;
    std::vector<Token> out;
    out.reserve(text.size() / 5 + 1);
    for (std::size_t n = 0; n < atoms.size(); ++n) {
        const Atom& a = atoms[n];
        if (a.kind == AtomKind::newline) {
            if (out.empty() || out.back().kind != TokKind::newline)
                out.push_back(Token{a.begin, a.end, TokKind::newline, '\n'});
            else
                out.back().end = a.end;
            continue;
        }
        if (a.kind == AtomKind::space) continue;
        if (a.kind == AtomKind::punct) {
            out.push_back(Token{a.begin, a.end, TokKind::punct, a.cp});
            continue;
        }
        // A word: word atoms, with inner apostrophes and hyphens.
        Token t{a.begin, a.end, TokKind::word, 0};
        t.cap = a.has(Atom::kUpper) || a.has(Atom::kTitle);
        while (n + 2 < atoms.size()) {
            const Atom& c = atoms[n + 1];
            const Atom& after = atoms[n + 2];
            if (c.begin != t.end || c.kind != AtomKind::punct || after.kind != AtomKind::word || after.begin != c.end) break;
            const bool apos = c.cp == '\'' || c.cp == 0x2019;
            const bool hyph = c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011;
            if (!apos && !hyph) break;
            // Possessive 's: split it off, unless more letters follow ("it's" stays one word
            // either way, it is never a name).
            if (apos && after.end - after.begin == 1 && (after.cp == 's' || after.cp == 'S')) break;
            t.end = after.end;
            n += 2;
        }
        out.push_back(t);
    }
    // Sentences and paragraphs.
    std::uint32_t sent = 0, para = 0;
    bool pending = false, start = true;
    for (std::size_t k = 0; k < out.size(); ++k) {
        Token& t = out[k];
        if (t.kind == TokKind::newline) {
            t.sent = sent;
            t.para = para;
            ++para;
            ++sent;
            pending = false;
            start = true;
            continue;
        }
        if (pending) {
            // A closing quote or bracket glued to the full stop stays in the old sentence.
            const bool glued = t.kind == TokKind::punct && k > 0 && out[k - 1].end == t.begin &&
                               (is_double_quote(t.cp) || t.cp == ')' || t.cp == 0x2019 || t.cp == '\'');
            if (!glued) {
                ++sent;
                pending = false;
                start = true;
            }
        }
        t.sent = sent;
        t.para = para;
        if (t.kind == TokKind::word) {
            t.sent_start = start;
            start = false;
        }
        if (t.kind == TokKind::punct && (t.cp == '.' || t.cp == '!' || t.cp == '?' || t.cp == 0x2026)) {
            if (t.cp == '.' && k > 0 && out[k - 1].kind == TokKind::word && out[k - 1].end == t.begin &&
                is_abbrev(text.substr(out[k - 1].begin, out[k - 1].end - out[k - 1].begin)))
                continue;
            // Look past quote marks and brackets: a capital, a line break, or the end ends it.
            std::size_t m = k + 1;
            while (m < out.size() && out[m].kind == TokKind::punct &&
                   (is_double_quote(out[m].cp) || out[m].cp == ')' || out[m].cp == 0x2019 || out[m].cp == 0x2018 ||
                    out[m].cp == '\''))
                ++m;
            if (m >= out.size() || out[m].kind == TokKind::newline || (out[m].kind == TokKind::word && out[m].cap) ||
                m > k + 1)
                pending = true;
        }
    }
    return out;
}

const NameLexicon& name_lexicon() {
    static const NameLexicon lex = [] {
        NameLexicon x;
        for (std::string_view l : data_lines(embedded("names-given.tsv"))) {
            const std::size_t tab = l.find('\t');
            if (tab == std::string_view::npos)
                x.given.emplace(std::string(l), 'u');
            else
                x.given.emplace(std::string(l.substr(0, tab)), tab + 1 < l.size() ? l[tab + 1] : 'u');
        }
        for (std::string_view l : data_lines(embedded("names-surnames.tsv")))
            x.surnames.emplace(l);
        for (std::string_view l : data_lines(embedded("names-words.tsv")))
            x.words.emplace(l);
        for (std::string_view l : data_lines(embedded("names-orgwords.tsv")))
            x.orgwords.emplace(l);
        // The places module's demonyms: "an American" or "the Dutch" is never a name.
        for (std::string_view l : data_lines(embedded("places-demonyms.tsv"))) {
            const std::string d(l.substr(0, l.find('\t')));
            if (d.empty() || d.find(' ') != std::string::npos) continue;
            x.demonyms.insert(d);
            x.demonyms.insert(d + "s");
        }
        for (std::string_view l : data_lines(embedded("names-titles.tsv"))) {
            const std::size_t tab = l.find('\t');
            if (tab == std::string_view::npos) continue;
            const std::string phrase = lower(l.substr(0, tab));
            const std::string_view kind = l.substr(tab + 1);
            if (kind == "honorific")
                x.honorifics.insert(phrase);
            else if (kind == "office") {
                x.offices.insert(phrase);
                x.longest_office =
                    std::max<std::size_t>(x.longest_office, 1 + std::count(phrase.begin(), phrase.end(), ' '));
            } else
                x.roles.insert(phrase);
        }
        return x;
    }();
    return lex;
}

bool is_function_word(std::string_view w) {
    // Contractions count by their first part: "I've", "we’re".
    for (std::string_view apos : {std::string_view("'"), std::string_view("\u2019")}) {
        const std::size_t a = w.find(apos);
        if (a != std::string_view::npos && a > 0) {
            w = w.substr(0, a);
            // "Don't", "Isn't": negated auxiliaries (but "Don" alone is a first name).
            static const WordSet neg = embedded_lexicon("people-words.tsv").set("negated-auxiliary");
            if (neg.contains(w)) return true;
            break;
        }
    }
    static const WordSet fw = embedded_lexicon("people-words.tsv").set("function-word");
    return fw.contains(w);
}

char pronoun_gender(std::string_view w) {
    if (w == "he" || w == "him" || w == "his" || w == "himself") return 'm';
    if (w == "she" || w == "her" || w == "hers" || w == "herself") return 'f';
    return 0;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > limit) return limit + 1;
    std::vector<std::size_t> prev(a.size() + 1), cur(a.size() + 1);
    for (std::size_t i = 0; i <= a.size(); ++i)
        prev[i] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
        cur[0] = j;
        std::size_t best = cur[0];
        for (std::size_t i = 1; i <= a.size(); ++i) {
            cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            best = std::min(best, cur[i]);
        }
        if (best > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return prev[a.size()];
}

}  // namespace detail

using namespace detail;

namespace {

// Name particles that may sit, lower case, inside a name ("Ursula von der Leyen").
bool is_particle(std::string_view w) {
    static const WordSet p = embedded_lexicon("people-words.tsv").set("particle");
    return p.contains(w);
}

bool is_generational(std::string_view w) {
    return w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV";
}

bool all_caps(std::string_view w) {
    int upper = 0;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++upper;
    }
    return upper >= 2;
}

// A person candidate: name tokens [name_b, name_e] (indices into tokens) and the surface
// start (an honorific is part of the surface, "Mr Healey").
struct Cand {
    std::size_t surf_b = 0, name_b = 0, name_e = 0;
    std::string rule;
    char gender = 0;
};

struct Entity {
    std::vector<std::string> words;  // name words, the fullest form seen
    std::string canonical;
    std::vector<std::size_t> positions;  // token indices of its mentions, for nearest-preceding merging
};

class PeopleFinder {
  public:
    PeopleFinder(std::string_view text, std::vector<Token> toks, const std::vector<PlaceMention>& places)
        : text_(text), places_(places), lex_(name_lexicon()), toks_(std::move(toks)) {
        place_order_.resize(places_.size());
        for (std::size_t i = 0; i < place_order_.size(); ++i)
            place_order_[i] = i;
        std::sort(place_order_.begin(), place_order_.end(),
                  [&](std::size_t a, std::size_t b) { return places_[a].span.begin < places_[b].span.begin; });
    }

    std::vector<PersonMention> run() {
        find_runs();
        for (const auto& [b, e] : runs_)
            consider_run(b, e);
        build_entities();
        drop_weak_singles();
        scan_known_names();
        drop_non_people();
        return output();
    }

    // The tagger's people (tagger.h) replace the rule-based cues: each span it tags as a
    // person is a candidate, merged into entities as before; later surname mentions are
    // found as before, except on words the tagger gives to an organisation, a place or
    // another kind of name ("Smith Barney", "Lara" the city).
    std::vector<PersonMention> run(const std::vector<TaggedEntity>& tagged) {
        find_runs();
        std::vector<char> other(toks_.size(), 0);
        for (const TaggedEntity& te : tagged) {
            auto it = std::lower_bound(toks_.begin(), toks_.end(), te.span.begin,
                                       [](const Token& t, std::size_t b) { return t.begin < b; });
            std::size_t first = SIZE_MAX, last = SIZE_MAX;
            // "Mr. Podesta" tagged as an organisation: an honorific opening the span makes it
            // a person's, so a surname of a person found elsewhere may still be taken there.
            const auto i0 = static_cast<std::size_t>(it - toks_.begin());
            const bool honorific = te.kind != EntityKind::person && is_word(i0) &&
                                   lex_.honorifics.count(lower(word(i0))) > 0 && te.span.end > toks_[i0].end + 2;
            for (std::size_t i = i0; i < toks_.size() && toks_[i].end <= te.span.end; ++i) {
                if (te.kind != EntityKind::person && !honorific) other[i] = 1;
                if (!is_word(i)) continue;
                if (first == SIZE_MAX) first = i;
                last = i;
            }
            if (te.kind != EntityKind::person || first == SIZE_MAX) continue;
            // A span run on past the name: into a headline's verb ("REAGAN SAYS") or a day
            // ("Reagan Friday") loses the word; one ending in an organisation's head word
            // ("Reagan Administration") is no person.
            while (last > first && is_word(last) && !lex_.surnames.count(std::string(word(last))) &&
                   (is_speech_verb(lower(word(last))) || days_.contains(lower(word(last)))))
                --last;
            if (last > first && is_org_word(word(last))) continue;
            // Trailing full stop of an initial ("John F.") stays with the name words.
            char gender = 0;
            const char g = given_gender(word(first));
            if (g == 'm' || g == 'f') gender = g;
            // An honorific before the name is part of the surface ("Mr Healey"), as with
            // the rules: the quote finder looks for the speaker right after "said".
            std::size_t surf = first, h = first;
            if (h > 0 && is_punct(h - 1, '.')) --h;
            if (h > 0 && is_word(h - 1) && lex_.honorifics.count(lower(word(h - 1)))) {
                surf = h - 1;
                const std::string l = lower(word(h - 1));
                if (l == "mr" || l == "sir" || l == "lord" || l == "baron") gender = 'm';
                if (l == "mrs" || l == "ms" || l == "miss" || l == "dame" || l == "lady" || l == "baroness")
                    gender = 'f';
            }
            cands_.push_back(Cand{surf, first, last, "tagger", gender});
        }
        build_entities();
        scan_known_names(&other);
        drop_non_people(true);
        drop_things(tagged);
        return output();
    }

  private:
    std::vector<PersonMention> output() {
        std::vector<PersonMention> out;
        out.reserve(mentions_.size());
        std::sort(mentions_.begin(), mentions_.end(),
                  [](const Mention& a, const Mention& b) { return a.surf_b < b.surf_b; });
        for (const Mention& m : mentions_) {
            PersonMention p;
            p.span = {toks_[m.surf_b].begin, toks_[m.name_e].end};
            p.surface = std::string(text_.substr(p.span.begin, p.span.end - p.span.begin));
            p.name = entities_[m.entity].canonical;
            p.rule = m.rule;
            out.push_back(std::move(p));
        }
        return out;
    }

    struct Mention {
        std::size_t surf_b, name_b, name_e, entity;
        std::string rule;
    };

    std::string_view word(std::size_t i) const { return text_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin); }
    bool is_word(std::size_t i) const { return i < toks_.size() && toks_[i].kind == TokKind::word; }
    bool is_punct(std::size_t i, char32_t c) const {
        return i < toks_.size() && toks_[i].kind == TokKind::punct && toks_[i].cp == c;
    }
    bool common(std::string_view w) const { return lex_.words.count(lower(w)) > 0; }
    // Start of a sentence, or right after an opening quote, colon or dash: capitals there
    // say nothing about names.
    bool weak_start(std::size_t i) const {
        if (toks_[i].sent_start) return true;
        if (i == 0) return true;
        const Token& p = toks_[i - 1];
        return p.kind == TokKind::newline ||
               (p.kind == TokKind::punct && (is_double_quote(p.cp) || p.cp == ':' || p.cp == 0x2018 || p.cp == '\'' ||
                                             p.cp == '(' || p.cp == 0x2014 || p.cp == 0x2013));
    }

    // Capitalised runs: capitalised words, with particles, "of" between capitals, and the
    // full stop of an initial or an abbreviated honorific. All-capital words other than
    // titles end a run (headlines in capitals, acronyms).
    void find_runs() {
        std::size_t i = 0;
        while (i < toks_.size()) {
            if (!(is_word(i) && toks_[i].cap && !(all_caps(word(i)) && !is_titleword(i)))) {
                ++i;
                continue;
            }
            std::size_t b = i, e = i;
            std::size_t j = i + 1;
            while (j < toks_.size()) {
                if (is_word(j) && toks_[j].cap && !(all_caps(word(j)) && !is_titleword(j))) {
                    e = j++;
                    continue;
                }
                if (is_punct(j, '.') && toks_[j].begin == toks_[j - 1].end && is_word(j - 1) && is_word(j + 1) &&
                    toks_[j + 1].cap && is_abbrev_name(j - 1)) {
                    ++j;
                    continue;
                }
                if (is_word(j) && !toks_[j].cap && is_word(j + 1) && toks_[j + 1].cap &&
                    (is_particle(word(j)) || word(j) == "of")) {
                    ++j;
                    continue;
                }
                break;
            }
            runs_.emplace_back(b, e);
            i = e + 1;
        }
    }

    bool is_abbrev_name(std::size_t i) const {
        const std::string_view w = word(i);
        return (w.size() == 1 && toks_[i].cap) || lex_.honorifics.count(lower(w)) > 0;
    }
    bool is_titleword(std::size_t i) const {
        const std::string l = lower(word(i));
        return lex_.honorifics.count(l) || lex_.offices.count(l);
    }

    // The last title in [b, e] that has a word after it: returns the index after the
    // title (the name's first token) or SIZE_MAX; `honorific` tells which kind it was.
    std::size_t after_last_title(std::size_t b, std::size_t e, bool& honorific) const {
        std::size_t best = SIZE_MAX;
        for (std::size_t i = b; i <= e; ++i) {
            if (!is_word(i)) continue;
            const std::string w0 = lower(word(i));
            std::size_t end = SIZE_MAX;
            bool hon = false;
            if (lex_.honorifics.count(w0)) {
                end = i;
                hon = true;
            }
            // A capitalised role opening the run: "Economist Joel Naroff".
            if (i == b && toks_[i].cap && lex_.roles.count(w0)) end = i;
            std::string phrase = w0;
            std::size_t n = 1, j = i;
            for (;;) {
                if (lex_.offices.count(phrase)) {
                    end = j;
                    hon = false;
                }
                if (n >= lex_.longest_office) break;
                std::size_t k = j + 1;
                if (k > e || !is_word(k)) break;
                phrase += ' ';
                phrase += lower(word(k));
                j = k;
                ++n;
            }
            if (end == SIZE_MAX) continue;
            std::size_t next = end + 1;
            if (next <= e && is_punct(next, '.')) ++next;
            if (next <= e && is_word(next)) {
                best = next;
                honorific = hon;
            }
        }
        return best;
    }

    // Places come sorted by position from find_places; a binary search keeps this cheap
    // on long articles.
    bool place_covers(std::size_t b, std::size_t e) const {
        const std::size_t sb = toks_[b].begin, se = toks_[e].end;
        auto it = std::upper_bound(place_order_.begin(), place_order_.end(), sb,
                                   [&](std::size_t v, std::size_t k) { return v < places_[k].span.begin; });
        // Candidates start at or before sb; look back over a few (places rarely nest deeply).
        for (int n = 0; n < 4 && it != place_order_.begin(); ++n) {
            --it;
            const Span& p = places_[*it].span;
            if (p.begin <= sb && se <= p.end) return true;
        }
        return false;
    }

    char given_gender(std::string_view w) const {
        auto it = lex_.given.find(std::string(w));
        return it == lex_.given.end() ? 0 : it->second;
    }

    // Lower-case role or office just before the run ("counterpart Yoav Gallant",
    // "foreign secretary David Lammy", "counterpart, Yoav Gallant").
    bool role_before(std::size_t b) const {
        if (b == 0) return false;
        std::size_t i = b - 1;
        if (is_punct(i, ',') && i > 0) --i;
        if (!is_word(i) || toks_[i].cap) return false;
        const std::string l = lower(word(i));
        return lex_.roles.count(l) || lex_.offices.count(l);
    }

    // The word after position i skipping adverbs and auxiliaries ("later said", "has said").
    std::size_t skip_adverbs(std::size_t i) const {
        for (int n = 0; n < 3 && is_word(i); ++n) {
            const std::string l = lower(word(i));
            const bool adv = (l.size() > 4 && l.ends_with("ly") && !is_speech_verb(l)) || l == "also" || l == "later" ||
                             l == "then" || l == "again" || l == "has" || l == "had" || l == "have" || l == "once" ||
                             l == "previously" || l == "earlier" || l == "today" || l == "was" || l == "is" ||
                             l == "will" || l == "would" || l == "had" || l == "did" || l == "does";
            if (!adv) break;
            ++i;
        }
        return i;
    }

    bool speech_after(std::size_t e) const {
        std::size_t i = skip_adverbs(e + 1);
        return is_word(i) && !toks_[i].cap && is_speech_verb(lower(word(i)));
    }
    // '..." said X' or '..., said X': a speech verb right before the run, after a quote or comma.
    bool speech_before(std::size_t b) const {
        if (b < 2 || !is_word(b - 1) || !is_speech_verb(lower(word(b - 1)))) return false;
        const Token& p = toks_[b - 2];
        return p.kind == TokKind::punct && (is_double_quote(p.cp) || p.cp == ',' || p.cp == 0x2019);
    }
    bool appositive_after(std::size_t e) const {
        std::size_t i = e + 1;
        if (!is_punct(i, ',')) return false;
        ++i;
        if (is_word(i) && lower(word(i)) == "who") return true;
        if (is_word(i) && toks_[i].end - toks_[i].begin <= 3 &&
            std::isdigit(static_cast<unsigned char>(text_[toks_[i].begin])) && is_punct(i + 1, ','))
            return true;  // an age: "John Smith, 45,"
        for (int n = 0; n < 5 && i < toks_.size(); ++n, ++i) {
            if (toks_[i].kind == TokKind::punct && (toks_[i].cp == 0x2019 || toks_[i].cp == '\'')) continue;
            if (!is_word(i)) return false;
            const std::string l = lower(word(i));
            if (lex_.roles.count(l) || lex_.offices.count(l)) return true;
            if (l == "who" || l == "of" || l == "for" || l == "in" || l == "and") return false;
        }
        return false;
    }

    // A credit line after a quote: "…" ― Beck Pimentel (the name ends the paragraph).
    bool dash_credit(std::size_t b, std::size_t e) const {
        if (b < 2 || toks_[b - 1].kind != TokKind::punct) return false;
        const char32_t d = toks_[b - 1].cp;
        if (d != 0x2015 && d != 0x2014 && d != 0x2013 && d != '-') return false;
        if (!(toks_[b - 2].kind == TokKind::punct && is_double_quote(toks_[b - 2].cp))) return false;
        std::size_t k = e + 1;
        if (is_punct(k, '.')) ++k;
        return k >= toks_.size() || toks_[k].kind == TokKind::newline;
    }

    static bool is_preposition(std::string_view w) {
        return w == "in" || w == "on" || w == "at" || w == "for" || w == "to" || w == "from" || w == "of" ||
               w == "and" || w == "or" || w == "with" || w == "by" || w == "near" || w == "into" || w == "across";
    }

    // A word the dictionary knows ("Trump", "Bush") used here as a proper noun: written
    // with a capital at least twice inside sentences and never in lower case.
    bool proper_in_text(const std::string& w) const {
        if (!proper_counted_) {
            proper_counted_ = true;
            for (std::size_t i = 0; i < toks_.size(); ++i) {
                if (!is_word(i)) continue;
                const std::string l = lower(word(i));
                if (!lex_.words.count(l)) continue;
                auto& c = proper_counts_[l];
                if (!toks_[i].cap)
                    ++c.second;
                else if (!weak_start(i))
                    ++c.first;
            }
        }
        auto it = proper_counts_.find(lower(w));
        return it != proper_counts_.end() && it->second.first >= 2 && it->second.second == 0;
    }

    // ", who" / ", whose" / ", 45," after a name: only people take these.
    bool who_or_age_after(std::size_t e) const {
        std::size_t i = e + 1;
        if (!is_punct(i, ',')) return false;
        ++i;
        if (is_word(i) && (lower(word(i)) == "who" || lower(word(i)) == "whose")) return true;
        return is_word(i) && toks_[i].end - toks_[i].begin <= 3 &&
               std::isdigit(static_cast<unsigned char>(text_[toks_[i].begin])) && is_punct(i + 1, ',');
    }

    // "Jansher Khan (Pakistan)": a name followed by its country in brackets.
    bool country_after(std::size_t e) const {
        if (!is_punct(e + 1, '(')) return false;
        std::size_t k = e + 2;
        while (k < toks_.size() && k < e + 6 && !is_punct(k, ')'))
            ++k;
        if (!is_punct(k, ')') || k == e + 2) return false;
        return place_covers(e + 2, k - 1);
    }

    // "and Co", "and Sons", "& Co Inc" after a name: the name is a firm's.
    bool firm_suffix_after(std::size_t e) const {
        static const WordSet suffix = embedded_lexicon("people-words.tsv").set("firm-suffix");
        return (is_punct(e + 1, '&') || (is_word(e + 1) && word(e + 1) == "and")) && is_word(e + 2) &&
               suffix.contains(word(e + 2));
    }

    void consider_run(std::size_t b, std::size_t e) {
        bool honorific = false;
        std::string rule;
        std::size_t nb = after_last_title(b, e, honorific), surf_b = nb;
        char gender = 0;
        if (nb != SIZE_MAX) {
            rule = honorific ? "honorific" : "title+name";
            if (honorific) {
                surf_b = nb - 1;
                if (is_punct(surf_b, '.')) --surf_b;
                const std::string h = lower(word(surf_b));
                if (h == "mr" || h == "sir" || h == "lord" || h == "baron") gender = 'm';
                if (h == "mrs" || h == "ms" || h == "miss" || h == "dame" || h == "lady" || h == "baroness")
                    gender = 'f';
            }
        } else {
            nb = b;
            // Strip leading words that are not names: function words, and common words
            // that are neither given names nor at a place where only names are capitalised.
            while (nb <= e) {
                if (!is_word(nb)) {
                    ++nb;
                    continue;
                }
                const std::string l = lower(word(nb));
                const bool given = lex_.given.count(std::string(word(nb))) > 0;
                // "A. Hollioake", "I. Healy": an initial, not the article or the pronoun.
                if (toks_[nb].end - toks_[nb].begin == 1 && is_punct(nb + 1, '.') &&
                    toks_[nb + 1].begin == toks_[nb].end && nb < e)
                    break;
                if (is_function_word(l) || lex_.demonyms.count(std::string(word(nb))) ||
                    (!given && common(word(nb)) && (nb < e || weak_start(nb)))) {
                    ++nb;
                    continue;
                }
                break;
            }
            surf_b = nb;
        }
        if (nb > e) return;
        // Names hold no "of": "Charles Rangel of New York", "Bank of England".
        for (std::size_t i = nb; i <= e; ++i)
            if (is_word(i) && word(i) == "of") {
                if (i == nb) return;
                e = i - 1;
                break;
            }
        // The name: words from nb to e, at most four (plus particles).
        std::vector<std::size_t> words;
        for (std::size_t i = nb; i <= e; ++i)
            if (is_word(i) && toks_[i].cap) words.push_back(i);
        // "Farmer Geoff Brooks", "Making Michael Howard": an ordinary capitalised word
        // before a first name is not part of the name.
        // "Fellow Lib Dem Norman Baker": all of them, up to the first name.
        if (rule.empty() && words.size() >= 3) {
            std::size_t k = 1;
            while (k + 1 < words.size() && !given_gender(word(words[k])))
                ++k;
            if (k + 1 < words.size()) {
                bool droppable = given_gender(word(words[k])) != 0;
                for (std::size_t i = 0; i < k && droppable; ++i) {
                    const std::string w0(word(words[i]));
                    // "Chancellor of the Exchequer Nigel Lawson": after "of" or "of the" the
                    // first word ends a title.
                    const bool title_tail = i == 0 && b >= 1 && is_word(b - 1) &&
                                            (word(b - 1) == "of" ||
                                             (word(b - 1) == "the" && b >= 2 && is_word(b - 2) && word(b - 2) == "of"));
                    droppable = !lex_.given.count(w0) &&
                                (common(w0) || title_tail || (i == 0 && weak_start(words[0])) ||
                                 lex_.roles.count(lower(w0)) || lex_.orgwords.count(w0) || lex_.demonyms.count(w0));
                }
                if (droppable) {
                    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
                    nb = words[0];
                    surf_b = nb;
                }
            }
        }
        // "Said Comey, ...": an inverted speech frame, not the first name Said.
        if (words.size() >= 2 && toks_[words[0]].sent_start && is_speech_verb(lower(word(words[0])))) {
            words.erase(words.begin());
            nb = words[0];
            surf_b = nb;
        }
        // "Margaret Moran MP": a trailing title is not part of the name; "Salford MP" is a
        // description, not a name.
        if (words.size() >= 2 && is_titleword(words.back()) && all_caps(word(words.back()))) {
            words.pop_back();
            e = words.back();
            if (!(given_gender(word(words[0])) == 'm' || given_gender(word(words[0])) == 'f')) return;
        }
        if (words.empty() || words.size() > 4) return;
        // "U. S. Dlrs", "N. Z. Treasury": initials that spell a place ("U.S.") are not a name.
        if (words.size() >= 2 && word(words[0]).size() == 1 && is_punct(words[0] + 1, '.')) {
            std::string abbrev;
            for (std::size_t i : words) {
                if (word(i).size() != 1 || !is_punct(i + 1, '.')) break;
                abbrev += word(i);
                abbrev += '.';
            }
            if (abbrev.size() >= 4 && !Gazetteer::instance().lookup(abbrev).empty()) return;
        }
        // "Douglas & Lomason", "A.G. Edwards & Sons", "Merrill Lynch and Co": firms.
        if (is_punct(e + 1, '&') || (b > 0 && is_punct(b - 1, '&'))) return;
        if (rule != "honorific" && firm_suffix_after(e)) return;
        const bool given_first = lex_.given.count(std::string(word(words[0]))) > 0;
        for (std::size_t i : words) {
            const std::string_view w = word(i);
            if (lex_.orgwords.count(std::string(w)) && rule != "honorific") return;
            // "Theresa May" after a title, "Peter Such" after a first name are names; a bare
            // "May" or "The" is not, but the initial "A." is.
            const bool initial = w.size() == 1 && is_punct(i + 1, '.') && words.size() > 1;
            if (is_function_word(lower(w)) && !initial &&
                ((rule.empty() && (!given_first || is_preposition(lower(w)))) || i == words.front()))
                return;
        }
        if (words.size() == 1 && is_generational(word(words[0]))) return;
        // A name needs more than one letter and more than titles ("the Queen").
        if (words.size() == 1 && word(words[0]).size() == 1) return;
        {
            bool all_titles = true;
            for (std::size_t i : words)
                all_titles = all_titles && (is_titleword(i) || lex_.roles.count(lower(word(i))));
            if (all_titles) return;
            // "MPs", "Conservatives", "Arabs": a plural of a title, group or ordinary word.
            if (words.size() == 1) {
                const std::string w(word(words[0]));
                if (w.size() > 3 && w.back() == 's') {
                    const std::string stem = w.substr(0, w.size() - 1);
                    if (lex_.honorifics.count(lower(stem)) || lex_.offices.count(lower(stem)) ||
                        lex_.roles.count(lower(stem)) || lex_.orgwords.count(stem) || lex_.demonyms.count(w) ||
                        common(stem))
                        return;
                }
            }
        }
        // After a title, a single ordinary word ("General Election", "Action Plan") is not a
        // name unless the article writes it as a proper noun ("Minister Gallant").
        if (words.size() == 1 && rule == "title+name" && common(word(words[0])) &&
            !proper_in_text(std::string(word(words[0]))) && !lex_.surnames.count(std::string(word(words[0]))))
            return;
        // "Human Rights Watch said": what is left of a longer capitalised name after its
        // ordinary words are stripped is part of that name, not a person.
        if (words.size() == 1 && rule.empty() && nb > b && !weak_start(b)) return;
        // "Commission on Presidential Debates", "Bank of England": the tail of a longer name.
        if (rule.empty() && b >= 2 && is_word(b - 1) && !toks_[b - 1].cap && is_word(b - 2) && toks_[b - 2].cap &&
            !weak_start(b - 2)) {
            const std::string l = lower(word(b - 1));
            if (l == "on" || l == "of" || l == "for" || l == "de" || l == "del") return;
        }
        const bool single = words.size() == 1;
        const std::string_view first = word(words[0]);
        const bool place = place_covers(nb, e);
        if (rule.empty()) {
            const char g = given_gender(first);
            const std::string last(word(words.back()));
            const bool last_namelike = !common(last) || lex_.surnames.count(last) > 0 || proper_in_text(last);
            const bool initial = !single && first.size() == 1 && is_punct(words[0] + 1, '.') && last.size() > 1 &&
                                 std::none_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (role_before(b) && !place) {
                rule = "title+name";
            } else if (!single && g && !place &&
                       (last_namelike || (!weak_start(words[0]) && !lex_.surnames.count(std::string(first))))) {
                // "Donald Trump" even though "trump" is a word; not "Jackson Hole", whose first
                // word is as much a surname as a first name.
                rule = "given-name";
            } else if (initial && !place && last_namelike) {
                rule = "initial";  // "A. Dale", "J. Smith"
            } else if (single && (g == 'm' || g == 'f') && !place && !common(first) && !weak_start(words[0]) &&
                       is_word(e + 1) && !toks_[e + 1].cap && !is_preposition(lower(word(e + 1)))) {
                rule = "given-name";  // a first name alone: "I'm sure Alan is the man"
            } else if (single && ((common(first) && !proper_in_text(std::string(first))) || all_caps(first))) {
                return;
            } else if (!place && who_or_age_after(e)) {
                rule = "appositive";
            } else if (place && !who_or_age_after(e)) {
                return;
            } else if (place) {
                rule = "appositive";  // "Paris, who used to work on Capitol Hill"
            } else if (!g && !last_namelike) {
                // Weak cues need a name-like last word: "Presidential Debates announced" is not one.
                return;
            } else if (speech_after(e) || speech_before(b) || dash_credit(b, e)) {
                rule = "speech-frame";
                // Right next to a quote ('"...," Okonkwo said', 'said Okonkwo', a credit line)
                // a lone name is a person; elsewhere ("Interfax said") it may be an agency.
                const bool after_quote = b > 0 && toks_[b - 1].kind == TokKind::punct &&
                                         (is_double_quote(toks_[b - 1].cp) ||
                                          (toks_[b - 1].cp == ',' && b > 1 && is_double_quote(toks_[b - 2].cp)));
                if (speech_before(b) || dash_credit(b, e) || after_quote) rule = "speech-frame:quote";
            } else if ((!single || !weak_start(words[0])) && (appositive_after(e) || country_after(e))) {
                rule = "appositive";
            } else if (!single && lex_.surnames.count(last) && !common(first)) {
                rule = "given-name";
            } else {
                return;
            }
        }
        if (!gender) {
            const char g = given_gender(first);
            if (g == 'm' || g == 'f') gender = g;
        }
        cands_.push_back(Cand{surf_b, nb, e, rule, gender});
    }

    std::vector<std::string> name_words(std::size_t b, std::size_t e) const {
        std::vector<std::string> w;
        for (std::size_t i = b; i <= e; ++i) {
            if (is_word(i))
                w.emplace_back(word(i));
            else if (is_punct(i, '.') && !w.empty())
                w.back() += '.';
        }
        return w;
    }
    static std::string join(const std::vector<std::string>& w) {
        std::string s;
        for (const auto& x : w) {
            if (!s.empty()) s += ' ';
            s += x;
        }
        return s;
    }
    static std::string surname_of(const std::vector<std::string>& w) {
        for (std::size_t i = w.size(); i-- > 0;)
            if (!is_generational(w[i]) && !is_particle(w[i])) return w[i];
        return w.empty() ? std::string() : w.back();
    }
    // Same surname, or a near-identical spelling of a long one ("Smyth"/"Smythe").
    static int surname_match(std::string_view a, std::string_view b) {
        if (a == b) return 2;
        if (a.size() >= 6 && b.size() >= 6 && a[0] == b[0] && edit_distance(a, b, 1) <= 1) return 1;
        return 0;
    }
    static bool firsts_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
        if (a.size() < 2 || b.size() < 2) return true;
        const std::string& x = a.front();
        const std::string& y = b.front();
        if (x == y) return true;
        // An initial: "J. Smith" and "John Smith".
        const bool xi = x.size() <= 2 && (x.size() == 1 || x[1] == '.');
        const bool yi = y.size() <= 2 && (y.size() == 1 || y[1] == '.');
        return (xi || yi) && x[0] == y[0];
    }

    // Entities whose surname is `sur` or, in articles with a manageable number of people,
    // a near spelling of it.
    void surname_candidates(const std::string& sur, std::vector<std::pair<std::size_t, int>>& out) const {
        out.clear();
        if (auto it = by_surname_.find(sur); it != by_surname_.end())
            for (std::size_t k : it->second)
                out.emplace_back(k, 2);
        if (sur.size() < 6) return;
        // Near spellings share the first letter and differ in length by at most one: only
        // those buckets are compared, and an overfull bucket (a list of thousands of names)
        // is skipped rather than scanned.
        for (std::size_t len = sur.size() - 1; len <= sur.size() + 1; ++len) {
            auto b = by_bucket_.find(bucket_key(sur[0], len));
            if (b == by_bucket_.end() || b->second.size() > 64) continue;
            for (const std::string& s2 : b->second)
                if (surname_match(sur, s2) == 1)
                    for (std::size_t k : by_surname_.at(s2))
                        out.emplace_back(k, 1);
        }
    }
    static std::string bucket_key(char first, std::size_t len) { return std::string(1, first) + std::to_string(len); }
    void index_surname(const std::string& sur, std::size_t k) {
        auto& v = by_surname_[sur];
        if (v.empty() && sur.size() >= 5) by_bucket_[bucket_key(sur[0], sur.size())].push_back(sur);
        v.push_back(k);
    }

    std::size_t entity_for(const std::vector<std::string>& w, std::size_t pos, bool multi) const {
        const std::string sur = surname_of(w);
        std::size_t best = SIZE_MAX, best_pos = 0;
        int best_quality = 0;
        std::vector<std::pair<std::size_t, int>> cands;
        surname_candidates(sur, cands);
        for (const auto& [k, q] : cands) {
            const Entity& en = entities_[k];
            if (multi && !firsts_compatible(w, en.words)) continue;
            // Prefer an exact spelling, then the nearest preceding mention.
            auto pit = std::upper_bound(en.positions.begin(), en.positions.end(), pos);
            const std::size_t near = pit == en.positions.begin() ? 0 : *(pit - 1) + 1;
            if (q > best_quality || (q == best_quality && near > best_pos)) {
                best = k;
                best_quality = q;
                best_pos = near;
            }
        }
        if (best == SIZE_MAX && !multi && w.size() == 1 && lex_.given.count(w[0])) {
            if (auto it = by_first_.find(w[0]); it != by_first_.end()) return it->second;
        }
        return best;
    }

    std::size_t new_entity(const std::vector<std::string>& w) {
        const std::size_t k = entities_.size();
        entities_.push_back(Entity{w, join(w), {}});
        genders_.push_back(0);
        index_surname(surname_of(w), k);
        if (w.size() >= 2) by_first_.emplace(w.front(), k);
        return k;
    }

    void add_to_entity(std::size_t k, const std::vector<std::string>& w, std::size_t pos) {
        Entity& en = entities_[k];
        en.positions.insert(std::upper_bound(en.positions.begin(), en.positions.end(), pos), pos);
        if (w.size() > en.words.size()) {
            const std::string old_sur = surname_of(en.words);
            en.words = w;
            en.canonical = join(w);
            const std::string sur = surname_of(w);
            if (sur != old_sur) index_surname(sur, k);
            if (w.size() >= 2) by_first_.emplace(w.front(), k);
        }
    }

    void build_entities() {
        // Full names first, so that a lone surname finds the full name whichever comes first.
        std::vector<std::size_t> order(cands_.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const bool ma = name_words(cands_[a].name_b, cands_[a].name_e).size() > 1;
            const bool mb = name_words(cands_[b].name_b, cands_[b].name_e).size() > 1;
            return ma > mb;
        });
        for (std::size_t ci : order) {
            const Cand& c = cands_[ci];
            const auto w = name_words(c.name_b, c.name_e);
            std::size_t k = entity_for(w, c.name_b, w.size() > 1);
            if (k == SIZE_MAX) k = new_entity(w);
            add_to_entity(k, w, c.name_b);
            if (c.gender && !genders_[k]) genders_[k] = c.gender;
            mentions_.push_back(Mention{c.surf_b, c.name_b, c.name_e, k, c.rule});
            covered_.emplace_back(c.surf_b, c.name_e);
        }
    }

    // A lone capitalised word whose only cue is a speech frame ("Interfax said") is as
    // likely an agency or a firm as a person: keep it only when a stronger cue (a title,
    // an honorific, "who", an age) or a full name backs it somewhere in the article.
    void drop_weak_singles() {
        std::vector<char> strong(entities_.size(), 0);
        for (const Mention& m : mentions_)
            if (m.rule != "speech-frame" || entities_[m.entity].words.size() > 1) strong[m.entity] = 1;
        for (Mention& m : mentions_)
            if (m.rule == "speech-frame:quote") m.rule = "speech-frame";
        keep_entities(strong);
    }

    // Keeps the entities marked in `keep` and their mentions, and re-indexes them.
    void keep_entities(const std::vector<char>& keep) {
        std::vector<std::size_t> remap(entities_.size(), SIZE_MAX);
        std::vector<Entity> kept;
        std::vector<char> kept_g;
        for (std::size_t k = 0; k < entities_.size(); ++k) {
            if (!keep[k]) continue;
            remap[k] = kept.size();
            kept.push_back(std::move(entities_[k]));
            kept_g.push_back(genders_[k]);
        }
        if (kept.size() == entities_.size()) {
            entities_ = std::move(kept);
            return;
        }
        std::vector<Mention> ms;
        covered_.clear();
        for (Mention& m : mentions_) {
            if (remap[m.entity] == SIZE_MAX) continue;
            m.entity = remap[m.entity];
            covered_.emplace_back(m.surf_b, m.name_e);
            ms.push_back(std::move(m));
        }
        mentions_ = std::move(ms);
        entities_ = std::move(kept);
        genders_ = std::move(kept_g);
        by_surname_.clear();
        by_bucket_.clear();
        by_first_.clear();
        for (std::size_t k = 0; k < entities_.size(); ++k) {
            index_surname(surname_of(entities_[k].words), k);
            if (entities_[k].words.size() >= 2) by_first_.emplace(entities_[k].words.front(), k);
        }
    }

    // Organisations, clubs, films, bands and awards that look like names ("Chelsea",
    // "Vera Drake", "Merrill Lynch") give themselves away by how the article uses them:
    // after an article ("the Chelsea player", "an Oscar nomination"), before a word for
    // what they employ or produce ("Chelsea defender", "Merrill Lynch analyst", "Oscar
    // ceremony"), after a word for what they are ("abortion drama Vera Drake", "brokerage
    // Merrill Lynch"), before "and Co" or "& Co", or in brackets after a person ("Phil
    // Davis (Vera Drake)"). An entity without a strong person cue (honorific, title,
    // appositive) goes when such uses are frequent: any for a lone first name, one in
    // four mentions for a full name. A currency word ending the name ("U.S. Dlrs") always goes.
    // Words that end a company's name ("Group", "Inc", "Securities"); narrower than the
    // organisation words, which also hold "Foundation" or "Library" that people lend
    // their names to ("the Clinton Foundation").
    static bool firm_word(std::string_view w) {
        static const WordSet s = embedded_lexicon("people-words.tsv").set("firm-word");
        return s.contains(w);
    }
    bool org_run(std::size_t r) const {
        for (std::size_t i = runs_[r].first; i <= runs_[r].second; ++i)
            if (is_word(i) && firm_word(word(i))) return true;
        return false;
    }

    // `tagged`: the candidates are the tagger's, which has weighed a lone first name in
    // its context already; only the usage cues apply.
    void drop_non_people(bool tagged = false) {
        run_of_.assign(toks_.size(), SIZE_MAX);
        for (std::size_t r = 0; r < runs_.size(); ++r)
            for (std::size_t i = runs_[r].first; i <= runs_[r].second; ++i)
                run_of_[i] = r;
        static const WordSet after = embedded_lexicon("people-words.tsv").set("non-person-next");
        static const WordSet before = embedded_lexicon("people-words.tsv").set("non-person-previous");
        static const WordSet currencies = embedded_lexicon("people-words.tsv").set("currency");
        static const WordSet workers = embedded_lexicon("people-words.tsv").set("workers");
        static const WordSet adjectives_of_people = embedded_lexicon("people-words.tsv").set("person-adjective");
        const std::size_t n = entities_.size();
        std::vector<int> total(n, 0), cues(n, 0);
        std::vector<char> strong(n, 0), currency(n, 0), speaks(n, 0);
        auto det = [&](std::size_t i) {
            if (!is_word(i)) return false;
            const std::string l = lower(word(i));
            return l == "a" || l == "an" || l == "the" || l == "his" || l == "her" || l == "its" || l == "their";
        };
        for (const Mention& m : mentions_) {
            ++total[m.entity];
            if (m.rule == "honorific" || m.rule == "title+name" || m.rule == "appositive") strong[m.entity] = 1;
            if (m.rule.starts_with("speech-frame")) speaks[m.entity] = 1;
            if (currencies.contains(lower(word(m.name_e)))) currency[m.entity] = 1;
            bool cue = false;
            const std::size_t b = m.surf_b, e = m.name_e;
            // After an article or a possessive, a name followed by a lower-case word may be
            // a possessor ("the Clinton campaign"); followed by anything else it is a thing
            // ("the sixth Harry Potter,", "an Oscar for", "his second Oscar"; "the Chelsea
            // player" is caught by the word after).
            const bool open_after = (!is_word(e + 1) && !is_punct(e + 1, 0x2019) && !is_punct(e + 1, '\'')) ||
                                    (is_word(e + 1) && is_preposition(lower(word(e + 1))));
            if (open_after) {
                // Up to two lower-case modifiers between ("the costume design Oscar").
                for (std::size_t k = 1; k <= 3 && k <= b; ++k) {
                    if (det(b - k)) {
                        cue = true;
                        break;
                    }
                    if (!is_word(b - k) || toks_[b - k].cap) break;
                    const std::string l = lower(word(b - k));
                    if (adjectives_of_people.contains(l) || lex_.roles.count(l) || lex_.offices.count(l) ||
                        is_preposition(l) || is_speech_verb(l))
                        break;
                }
            }
            // "Chelsea are": a plural verb after a lone name is a
            // team's or a band's (not after "and": "Smith and Jones are").
            if (is_word(e + 1) && word(e + 1) == "are" &&
                !(b >= 1 && ((is_word(b - 1) && word(b - 1) == "and") || is_punct(b - 1, ','))))
                cue = true;
            if (is_word(e + 1) && !toks_[e + 1].cap && after.contains(word(e + 1))) cue = true;
            // A lone name, never given in full, used as a modifier of an office or a role
            // is a party's, a club's or a firm's ("Tory leader Michael Howard", "Labour
            // MP"); a person's name before a title is a full one ("Making Michael Howard
            // leader") or one given in full elsewhere ("a key Blair lieutenant").
            if (entities_[m.entity].words.size() == 1 && is_word(e + 1) &&
                (!toks_[e + 1].cap || (all_caps(word(e + 1)) && word(e + 1).size() <= 4))) {
                const std::string l = lower(word(e + 1));
                if (lex_.roles.count(l) || lex_.offices.count(l)) cue = true;
            }
            if (b >= 1 && is_word(b - 1) && !toks_[b - 1].cap && before.contains(word(b - 1))) cue = true;
            if ((is_punct(e + 1, '&') || (is_word(e + 1) && word(e + 1) == "and")) && is_word(e + 2) &&
                lex_.orgwords.count(std::string(word(e + 2))))
                cue = true;
            if (b >= 2 && is_punct(b - 1, '(') && is_punct(e + 1, ')') && is_word(b - 2) && toks_[b - 2].cap)
                cue = true;
            // "Royal Dutch/Shell", "Morgan Stanley <MS>": joint names and ticker symbols.
            if (is_punct(e + 1, '/') || (is_punct(e + 1, '<') && is_word(e + 2) && all_caps(word(e + 2)))) cue = true;
            // "analyst with Merrill Lynch", "officials at Smith Barney": where people work.
            if (b >= 2 && is_word(b - 1) && (word(b - 1) == "at" || word(b - 1) == "with") && is_word(b - 2) &&
                !toks_[b - 2].cap) {
                const std::string l = lower(word(b - 2));
                if (lex_.roles.count(l) || workers.contains(l)) cue = true;
            }
            // "PaineWebber, Merrill Lynch and Montgomery Securities": listed with a firm.
            if (b >= 1 && (is_punct(b - 1, ',') || (is_word(b - 1) && word(b - 1) == "and")) && b >= 2 &&
                run_of_[b - 2] != SIZE_MAX && org_run(run_of_[b - 2]))
                cue = true;
            if ((is_punct(e + 1, ',') || (is_word(e + 1) && word(e + 1) == "and")) && e + 2 < toks_.size() &&
                run_of_[e + 2] != SIZE_MAX && org_run(run_of_[e + 2]))
                cue = true;
            if (cue) ++cues[m.entity];
        }
        // "Morgan Stanley Group Inc", "Merrill Lynch Capital Markets" elsewhere in the
        // article: the name is the head of a firm's name.
        for (const auto& [rb, re] : runs_) {
            std::size_t org = SIZE_MAX;
            for (std::size_t i = rb; i <= re && org == SIZE_MAX; ++i)
                if (i > rb && is_word(i) && firm_word(word(i))) org = i;
            if (org == SIZE_MAX) continue;
            const auto head = name_words(rb, org - 1);
            for (std::size_t k = 0; k < n; ++k)
                if (entities_[k].words == head) cues[k] += 1 + total[k];
        }
        std::vector<char> keep(n, 1);
        bool any = false;
        for (std::size_t k = 0; k < n; ++k) {
            // A lone first name ("Oscar", "Chelsea") is a weak person to begin with.
            const bool single = entities_[k].words.size() == 1 && lex_.given.count(entities_[k].words[0]);
            // A first name never given with a surname, a title or a speech verb is more
            // often a club, an award or a brand than a person ("linked with Chelsea").
            if (currency[k] || (!tagged && !strong[k] && single && !speaks[k]) ||
                (!strong[k] && cues[k] > 0 && (single || cues[k] * 4 >= total[k]))) {
                keep[k] = 0;
                any = true;
            }
        }
        if (any) keep_entities(keep);
    }

    // What the tagger calls a person but the article shows is a thing, by evidence that
    // needs no list of names: a name opened by an article ("The Aviator": a film, a
    // band, a ship); one word that is an organisation word ("Tory") or a number ("Nine
    // mths" in a results table); and uses no person has: a relative "which" ("Chelsea,
    // which gave"), "its" or "itself" just after ("Yukos may have to declare itself
    // bankrupt"), a line of its own (a sign-off or a heading), or a lower-case
    // abbreviation after it that is no English word ("Oper shr loss", "Nine mths"). An
    // entity with an honorific ("Mr Tory") stays; one word goes on one such use in three,
    // a longer name on one in two.
    // Whether another person kept holds entity k's one word, in any case ("SHEARER" in a
    // headline, "Alan Shearer" in the story).
    bool named_elsewhere(std::size_t k, const std::vector<char>& keep) const {
        const std::string w = lower(entities_[k].words[0]);
        for (std::size_t j = 0; j < entities_.size(); ++j)
            if (j != k && keep[j])
                for (const std::string& x : entities_[j].words)
                    if (lower(x) == w) return true;
        return false;
    }

    // Whether token i is the text's last word (only punctuation and line breaks after it).
    bool last_word(std::size_t i) const {
        for (std::size_t k = i + 1; k < toks_.size(); ++k)
            if (is_word(k)) return false;
        return true;
    }

    // An organisation's head word, singular or plural ("Administration", "Ministries"),
    // that is no surname too.
    bool is_org_word(std::string_view w) const {
        const std::string s(w);
        if (lex_.surnames.count(s)) return false;
        if (lex_.orgwords.count(s)) return true;
        if (s.ends_with("ies") && lex_.orgwords.count(s.substr(0, s.size() - 3) + "y")) return true;
        return s.ends_with('s') && lex_.orgwords.count(s.substr(0, s.size() - 1));
    }

    // Week days and months ("Friday", "March"), which end no name.
    static const WordSet& day_words() {
        static const WordSet w = date_words({"weekday", "month"});
        return w;
    }

    // The words of some classes of data/dates-en.tsv, as one set.
    static WordSet date_words(std::initializer_list<const char*> classes) {
        WordSet w;
        const Lexicon& d = embedded_lexicon("dates-en.tsv");
        for (const char* cls : classes)
            for (const LexEntry& e : d.list(cls))
                w.insert(e.word);
        return w;
    }

    void drop_things(const std::vector<TaggedEntity>& tagged) {
        if (entities_.empty()) return;
        // How often the tagger calls each one-word name something else in this article.
        std::unordered_map<std::string, int> elsewhere;
        for (const TaggedEntity& te : tagged)
            if (te.kind != EntityKind::person && te.span.end - te.span.begin <= 40) {
                const std::string_view t = text_.substr(te.span.begin, te.span.end - te.span.begin);
                if (t.find(' ') == std::string_view::npos) ++elsewhere[lower(t)];
            }
        static const WordSet numbers = date_words({"count", "ones", "tens"});
        const std::size_t n = entities_.size();
        std::vector<int> total(n, 0), cues(n, 0), caps(n, 0);
        std::vector<char> strong(n, 0);
        auto line_words = [&](std::size_t i, std::size_t& first, std::size_t& last) {
            first = i;
            while (first > 0 && toks_[first - 1].kind != TokKind::newline)
                --first;
            last = i;
            while (last + 1 < toks_.size() && toks_[last + 1].kind != TokKind::newline)
                ++last;
            std::size_t words = 0;
            for (std::size_t k = first; k <= last; ++k)
                words += is_word(k);
            return words;
        };
        // The entity whose mention ends at a token, and the entity of a mention starting there.
        std::unordered_map<std::size_t, std::size_t> ends_at, starts_at;
        for (const Mention& m : mentions_) {
            ends_at[m.name_e] = m.entity;
            starts_at[m.surf_b] = m.entity;
        }
        static const WordSet things_after = embedded_lexicon("people-words.tsv").set("non-person-next");
        static const WordSet workers = embedded_lexicon("people-words.tsv").set("workers");
        for (const Mention& m : mentions_) {
            ++total[m.entity];
            if (m.surf_b < m.name_b || m.rule == "honorific" || m.rule == "title+name" || m.rule == "appositive")
                strong[m.entity] = 1;
            const std::size_t b = m.name_b, e = m.name_e;
            // A title before the name ("President Suharto", "coach Fabio Capello").
            if (b >= 1 && is_word(b - 1) &&
                (lex_.offices.count(lower(word(b - 1))) || lex_.roles.count(lower(word(b - 1)))))
                strong[m.entity] = 1;
            bool cue = false;
            std::size_t first = 0, last = 0;
            if (line_words(b, first, last) == 1 && last == first) cue = true;
            // "a Reuter inquiry", "an Oscar nomination": one name between an indefinite
            // article and a lower-case word is a brand's or an organisation's.
            if (b == e && b >= 1 && is_word(b - 1) && (word(b - 1) == "a" || word(b - 1) == "an") && is_word(e + 1) &&
                !toks_[e + 1].cap && !is_function_word(lower(word(e + 1))) && !is_speech_verb(lower(word(e + 1))))
                cue = true;
            // "Chelsea v Birmingham", "Arsenal vs Chelsea": a fixture, two teams.
            if ((is_word(e + 1) && (word(e + 1) == "v" || word(e + 1) == "vs") && is_word(e + 2) && toks_[e + 2].cap) ||
                (b >= 2 && is_word(b - 1) && (word(b - 1) == "v" || word(b - 1) == "vs") && is_word(b - 2) &&
                 toks_[b - 2].cap))
                cue = true;
            // "Chelsea have", "Chelsea were": a plural verb after one name (not after "and").
            if (b == e && is_word(e + 1) && (word(e + 1) == "have" || word(e + 1) == "were") &&
                !(b >= 1 && ((is_word(b - 1) && word(b - 1) == "and") || is_punct(b - 1, ','))))
                cue = true;
            // The news agency's credit: one word between a dateline's date and its dash
            // ("ROME, March 13, Reuter - Italy's ..."), or last in the story (a sign-off).
            if (b == e && ((b >= 1 && is_punct(b - 1, ',') && (is_punct(e + 1, '-') || is_punct(e + 1, 0x2013) ||
                                                                 is_punct(e + 1, 0x2014))) ||
                           last_word(e)))
                cue = true;
            // "Peter Greenbaum of Smith Barney": a person's firm, club or town.
            if (b >= 2 && is_word(b - 1) && word(b - 1) == "of")
                if (const auto it = ends_at.find(b - 2); it != ends_at.end() && it->second != m.entity) cue = true;
            // "Smith Barney, Harris Upham and Co", "Kidder, Peabody and Co Inc": the head
            // of a firm's name listed with its partners before "and Co".
            {
                std::size_t k = is_punct(e + 1, ',') ? e + 2 : e + 1, caps_run = 0;
                while (is_word(k) && toks_[k].cap && caps_run < 3 && !firm_word(word(k))) {
                    ++k;
                    ++caps_run;
                }
                if (caps_run > 0 && (is_punct(k, '&') || (is_word(k) && word(k) == "and")) && is_word(k + 1) &&
                    firm_word(word(k + 1)))
                    cue = true;
            }
            // "Smith Barney analyst Craig Sloane", "X livestock analyst Tom Hale": the name
            // before a role and another person is their employer's.
            // At most one modifier between, no function word or verb-like form ("Kate
            // Winslet and director Mike Leigh", "X edged out rival Y", "X slated comedian Y").
            for (std::size_t k = e + 1; k <= e + 2 && is_word(k) && !toks_[k].cap; ++k) {
                const std::string l = lower(word(k));
                // Only a word that makes a name no person's ("analyst", "striker"): "Danforth
                // aide Austin Schlick" and "Reagan spokesman X" name a person's staff.
                if (things_after.contains(l) || workers.contains(l)) {
                    if (const auto it = starts_at.find(k + 1); it != starts_at.end() && it->second != m.entity)
                        cue = true;
                    break;
                }
                if (is_function_word(l) || l.ends_with("ed") || l.ends_with("s") || l.ends_with("ing")) break;
            }
            // "Franz Ferdinand's album", "Smith Barney's Greenbaum": what a band or a firm
            // has, or a person it employs.
            if ((is_punct(e + 1, '\'') || is_punct(e + 1, 0x2019)) && is_word(e + 2) && word(e + 2) == "s") {
                if (is_word(e + 3) && !toks_[e + 3].cap && things_after.contains(word(e + 3))) cue = true;
                if (const auto it = starts_at.find(e + 3); it != starts_at.end() && it->second != m.entity) cue = true;
            }
            // "Chelsea, which", "Chelsea which" (a person is "who").
            const std::size_t after = is_punct(e + 1, ',') ? e + 2 : e + 1;
            if (is_word(after) && word(after) == "which") cue = true;
            // One word followed by "its" or "itself" within four words, before any other name
            // or a personal pronoun.
            for (std::size_t k = e + 1; b == e && k <= e + 5 && k < toks_.size() && !cue; ++k) {
                if (toks_[k].kind == TokKind::newline || is_punct(k, '.') || is_punct(k, '"')) break;
                if (!is_word(k)) continue;
                if (toks_[k].cap) break;
                const std::string l = lower(word(k));
                if (l == "its" || l == "itself") cue = true;
                if (l == "he" || l == "she" || l == "his" || l == "her" || l == "him" || l == "who" || l == "they")
                    break;
            }
            // "Oper shr", "Nine mths": an abbreviation without a vowel next on the line ...
            if (is_word(e + 1) && !toks_[e + 1].cap && e + 1 <= last) {
                const std::string_view l = word(e + 1);
                if (l.size() >= 3 && std::all_of(l.begin(), l.end(), [](char c) {
                        return c >= 'a' && c <= 'z' && std::string_view("aeiouy").find(c) == std::string_view::npos;
                    })) {
                    // ... followed by a figure, a lower-case word or the line's end, not by
                    // a name or a letter (a cricket score's "lbw b Kumble").
                    const std::size_t k = e + 2;
                    if (k > last || !is_word(k) || std::isdigit(static_cast<unsigned char>(word(k)[0])) ||
                        (!toks_[k].cap && word(k).size() > 1))
                        cue = true;
                }
            }
            // A line in capitals (a headline: "REUTER UNIT COMPLETES ...") tells nothing by
            // case; a lone word known only from such lines is no person on its own.
            bool lower_seen = false;
            for (std::size_t k = first; k <= last && !lower_seen; ++k)
                if (is_word(k)) {
                    const std::string_view w = word(k);
                    lower_seen = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                }
            if (!lower_seen) ++caps[m.entity];
            if (cue) ++cues[m.entity];
        }
        std::vector<char> keep(n, 1);
        bool any = false;
        for (std::size_t k = 0; k < n; ++k) {
            if (strong[k]) continue;
            const auto& w = entities_[k].words;
            const bool thing = (w.size() > 1 && (w[0] == "The" || w[0] == "A" || w[0] == "An")) ||
                               numbers.contains(lower(w[0])) || (w.size() == 1 && lex_.orgwords.count(w[0]));
            int votes = cues[k];
            if (w.size() == 1)
                if (const auto it = elsewhere.find(lower(w[0])); it != elsewhere.end()) votes += it->second;
            const bool used = votes > 0 && votes * (w.size() == 1 ? 3 : 2) >= total[k];
            if (thing || used) {
                keep[k] = 0;
                any = true;
            }
        }
        // Then the words known only from headlines, against the people that stay.
        for (std::size_t k = 0; k < n; ++k)
            if (keep[k] && !strong[k] && entities_[k].words.size() == 1 && caps[k] == total[k] &&
                !named_elsewhere(k, keep)) {
                keep[k] = 0;
                any = true;
            }
        // Then the words known only from headlines, against the people that stay.
        for (std::size_t k = 0; k < n; ++k)
            if (keep[k] && !strong[k] && entities_[k].words.size() == 1 && caps[k] == total[k] &&
                !named_elsewhere(k, keep)) {
                keep[k] = 0;
                any = true;
            }
        if (any) keep_entities(keep);
    }

    // Other mentions of people already found: their surname alone ("Smith", "Smith's"),
    // a fuller form ("Keir Starmer" after "Starmer, who"), or a near spelling.
    void scan_known_names(const std::vector<char>* blocked = nullptr) {
        if (entities_.empty()) return;
        std::vector<char> cov(toks_.size(), 0);
        if (blocked) cov = *blocked;
        for (const auto& [b, e] : covered_)
            for (std::size_t i = b; i <= e && i < cov.size(); ++i)
                cov[i] = 1;
        std::vector<std::pair<std::size_t, int>> cands;
        for (const auto& [b, e] : runs_) {
            bool org = is_punct(e + 1, '&') || (b > 0 && is_punct(b - 1, '&'));
            for (std::size_t i = b; i <= e && !org; ++i)
                org = is_word(i) && lex_.orgwords.count(std::string(word(i))) > 0;
            if (org) continue;  // "Jones Medical Industries Inc"
            for (std::size_t i = b; i <= e; ++i) {
                if (!is_word(i) || cov[i] || !toks_[i].cap) continue;
                const std::string w(word(i));
                surname_candidates(w, cands);
                int q = 0;
                for (const auto& c : cands)
                    q = std::max(q, c.second);
                if (!q) continue;
                // A near spelling that is an ordinary word opening a sentence ("Cleverly, ...")
                // is that word.
                if (q == 1 && toks_[i].sent_start && common(w)) continue;
                if (place_covers(i, i)) continue;
                // Extend back over given names or unknown capitalised words of the same run.
                std::size_t nb = i;
                while (nb > b && is_word(nb - 1) && !cov[nb - 1] && toks_[nb - 1].cap) {
                    const std::string_view p = word(nb - 1);
                    const std::string l = lower(p);
                    if (is_function_word(l) || lex_.orgwords.count(std::string(p)) || lex_.honorifics.count(l) ||
                        lex_.offices.count(l) || all_caps(p))
                        break;
                    if (!lex_.given.count(std::string(p)) && common(p)) break;
                    // "Said Comey", "See Sexton": an ordinary word opening the sentence before a
                    // known surname is not a first name.
                    if (toks_[nb - 1].sent_start && (common(p) || is_speech_verb(l))) break;
                    if (i - (nb - 1) > 2) break;
                    --nb;
                }
                std::size_t sb = nb;
                // A title or honorific glued before is part of the surface only for honorifics.
                if (sb > b && is_word(sb - 1) && lex_.honorifics.count(lower(word(sb - 1)))) --sb;
                if (sb >= 2 && is_punct(sb - 1, '.') && is_word(sb - 2) && lex_.honorifics.count(lower(word(sb - 2))))
                    sb -= 2;
                const auto wv = name_words(nb, i);
                std::size_t k = entity_for(wv, nb, wv.size() > 1);
                if (k == SIZE_MAX) continue;
                add_to_entity(k, wv, nb);
                mentions_.push_back(Mention{sb, nb, i, k, q == 2 ? "merged:surname" : "merged:variant"});
                for (std::size_t x = sb; x <= i; ++x)
                    cov[x] = 1;
            }
        }
    }

    std::string_view text_;
    const std::vector<PlaceMention>& places_;
    const NameLexicon& lex_;
    std::vector<Token> toks_;
    std::vector<std::size_t> place_order_;
    mutable bool proper_counted_ = false;
    mutable std::unordered_map<std::string, std::pair<int, int>>
        proper_counts_;  // capitalised mid-sentence, lower case
    std::vector<std::pair<std::size_t, std::size_t>> runs_;
    std::vector<std::size_t> run_of_;  // token -> index into runs_, or SIZE_MAX
    std::vector<Cand> cands_;
    std::vector<Entity> entities_;
    std::vector<char> genders_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
    std::unordered_map<std::string, std::size_t> by_first_;
    std::unordered_map<std::string, std::vector<std::string>> by_bucket_;  // first letter + length -> surnames
    std::vector<Mention> mentions_;
    const WordSet& days_ = day_words();
    std::vector<std::pair<std::size_t, std::size_t>> covered_;
};

}  // namespace

std::vector<PersonMention> find_people(std::string_view text, const std::vector<PlaceMention>& places) {
    if (text.empty() || text.size() > UINT32_MAX - 16) return {};
    return PeopleFinder(text, tokenize(text), places).run();
}

std::vector<PersonMention> find_people(std::string_view text, const std::vector<PlaceMention>& places,
                                       const std::vector<TaggedEntity>& tagged) {
    return find_people(text, text.size() > UINT32_MAX - 16 ? std::vector<Token>() : tokenize(text), places, tagged);
}

std::vector<PersonMention> find_people(std::string_view text, std::vector<detail::Token> toks,
                                       const std::vector<PlaceMention>& places,
                                       const std::vector<TaggedEntity>& tagged) {
    if (text.empty() || text.size() > UINT32_MAX - 16) return {};
    return PeopleFinder(text, std::move(toks), places).run(tagged);
}

std::vector<std::string> person_name_keys(std::string_view canonical_name, const std::vector<std::string>& surfaces) {
    std::vector<std::string> keys;
    auto add = [&](std::string k) {
        if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
    };
    auto last_word = [](std::string_view s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == '.'))
            s.remove_suffix(1);
        const std::size_t sp = s.rfind(' ');
        std::string_view w = sp == std::string_view::npos ? s : s.substr(sp + 1);
        return std::string(w);
    };
    add(lower(canonical_name));
    const std::string sur = last_word(canonical_name);
    add(lower(sur));
    for (const std::string& s : surfaces) {
        const std::string w = last_word(s);
        // Only variant spellings of the surname, not titles or other words.
        if (w != sur && !w.empty() && edit_distance(lower(w), lower(sur), 1) <= 1) add(lower(w));
    }
    return keys;
}

}  // namespace newsfacet
