// Dates mentioned in an article, normalised against its publication date the way
// TimeML/TempEval and HeidelTime's news mode do it (see docs/dates.md).
//
// Two passes over one token list. The first recognises expressions ("7 October
// 2023", "last year", "Tuesday", "the third quarter") without resolving them; the
// second resolves them in text order, because a year-less date may borrow its year
// from a dated mention just before it, and "a year ago" in a report about a quarter
// means that quarter a year before. No regexes: the tokenizer is one scan, each
// pattern a few token comparisons, so a 3 KB article costs some 50 microseconds.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "date_extract.h"
#include "extract.h"
#include "lexicon.h"
#include "utf8.h"

namespace newsfacet {

namespace {

namespace ch = std::chrono;

// Day d of month m exists in year y.
bool real_day(int y, int m, int d) {
    return to_chrono(Ymd{y, m, d}).ok();
}

// Day d of month m exists in some year (29 February does).
bool real_month_day(int m, int d) {
    return (ch::month{static_cast<unsigned>(m)} / ch::day{static_cast<unsigned>(d)}).ok();
}

// Day d of month m of year y, or the month's last day when it is shorter ("31
// February" is the 28th or 29th).
ch::sys_days clamped_day(int y, int m, int d) {
    const ch::year_month ym = ch::year{y} / ch::month{static_cast<unsigned>(m)};
    return ch::sys_days{ym / std::min(ch::day{static_cast<unsigned>(d)}, (ym / ch::last).day())};
}

// Month m of year y, for month arithmetic (+ ch::months{n}) and distances.
ch::year_month months_of(int y, int m) {
    return ch::year{y} / ch::month{static_cast<unsigned>(m)};
}

// A weekday numbered as the recogniser does, 0 = Monday ... 6 = Sunday.
ch::weekday weekday_from_monday(int d) {
    return ch::weekday{static_cast<unsigned>(d + 1)};  // 7 is Sunday too
}

// ---------------------------------------------------------------------------
// Tokens

enum class TokKind : std::uint8_t { word, num, punct, other };

struct Tok {
    std::size_t b = 0, e = 0;
    TokKind kind = TokKind::punct;
    bool cap = false;           // first letter upper case
    bool space_before = false;  // white space between this token and the previous one
    int sent = 0;               // sentence number
    std::string low;            // lower-cased text (ASCII); a punctuation character itself
    int num = -1;               // value of a digit run of at most 4 digits; -1 otherwise
    std::size_t ndigits = 0;
};

// A holiday of data/dates-en.tsv: its lower-case words ("new", "year's", "eve") and
// its day, fixed or computed (see holiday_day).
struct Holiday {
    std::vector<std::string_view> words;
    int month = 0, day = 0;  // day 0: computed by `rule`
    enum class Rule : std::uint8_t { fixed, thanksgiving, easter } rule = Rule::fixed;
};

// The vocabulary of dates (data/dates-en.tsv), read once. Each class is a set with
// one hash lookup a word; see the file for what each holds.
struct DateWords {
    WordSet month, month_abbr, weekday, season, ordinal, ordinal_suffix, count, tens, ones, modifier,
        relative_day, period_modifier, abbreviation, time_of_day, day_modifier, approximately, part_of, range,
        percent, not_year_after, year_after, year_plural, counted, month_before, honorific, generic_before_weekday,
        title_after_weekday, generic_after_today, fall_before, fall_verb_after, season_before, past_irregular,
        not_past_ed, future, future_to, modal, not_after_modal;
    std::unordered_map<std::string_view, char> unit;  // "years" -> 'y'
    std::vector<Holiday> holidays;                     // in file order: longer names first
};

const DateWords& words() {
    static const DateWords w = [] {
        const Lexicon& x = embedded_lexicon("dates-en.tsv");
        DateWords d;
        d.month = x.set("month");
        d.month_abbr = x.set("month-abbr");
        d.weekday = x.set("weekday");
        d.season = x.set("season");
        d.ordinal = x.set("ordinal");
        d.ordinal_suffix = x.set("ordinal-suffix");
        d.count = x.set("count");
        d.tens = x.set("tens");
        d.ones = x.set("ones");
        d.modifier = x.set("modifier");
        d.relative_day = x.set("relative-day");
        d.period_modifier = x.set("period-modifier");
        d.abbreviation = embedded_lexicon("abbreviations.tsv").set("dates");
        d.time_of_day = x.set("time-of-day");
        d.day_modifier = x.set("day-modifier");
        d.approximately = x.set("approximately");
        d.part_of = x.set("part-of");
        d.range = x.set("range");
        d.percent = x.set("percent");
        d.not_year_after = x.set("not-year-after");
        d.year_after = x.set("year-after");
        d.year_plural = x.set("year-plural");
        d.counted = x.set("counted");
        d.month_before = x.set("month-before");
        d.honorific = x.set("honorific");
        d.generic_before_weekday = x.set("generic-before-weekday");
        d.title_after_weekday = x.set("title-after-weekday");
        d.generic_after_today = x.set("generic-after-today");
        d.fall_before = x.set("fall-before");
        d.fall_verb_after = x.set("fall-verb-after");
        d.season_before = x.set("season-before");
        d.past_irregular = x.set("past-irregular");
        d.not_past_ed = x.set("not-past-ed");
        d.future = x.set("future");
        d.future_to = x.set("future-to");
        d.modal = x.set("modal");
        d.not_after_modal = x.set("not-after-modal");
        for (const LexEntry& e : x.list("unit"))
            d.unit.emplace(e.word, e.value.empty() ? '\0' : e.value[0]);
        for (const LexEntry& e : x.list("holiday")) {
            Holiday h;
            for (std::size_t b = 0; b < e.word.size();) {
                const std::size_t sp = std::min(e.word.find(' ', b), e.word.size());
                h.words.push_back(e.word.substr(b, sp - b));
                b = sp + 1;
            }
            if (e.value == "thanksgiving") {
                h.rule = Holiday::Rule::thanksgiving;
                h.month = 11;
            } else if (e.value == "easter") {
                h.rule = Holiday::Rule::easter;
            } else {
                h.month = std::atoi(std::string(e.value.substr(0, 2)).c_str());
                h.day = std::atoi(std::string(e.value.substr(3)).c_str());
            }
            d.holidays.push_back(std::move(h));
        }
        return d;
    }();
    return w;
}

int season_of(std::string_view w) {
    return words().season.value(w, -1);
}

// Tens words of a spelled year ("nineteen ninety-six"): 2..9 for twenty..ninety.
int tens_of(std::string_view w) {
    return words().tens.value(w, 0);
}

int ones_of(std::string_view w) {
    return words().ones.value(w, 0);
}

// Easter Sunday (anonymous Gregorian algorithm).
Ymd easter(int y) {
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Ymd{y, month, day};
}

Ymd holiday_day(int id, int y) {
    const Holiday& h = words().holidays[static_cast<std::size_t>(id)];
    switch (h.rule) {
        case Holiday::Rule::fixed:
            return Ymd{y, h.month, h.day};
        case Holiday::Rule::thanksgiving:  // US Thanksgiving: the fourth Thursday of November
            return from_chrono(ch::sys_days{ch::year{y} / ch::November / ch::Thursday[4]});
        case Holiday::Rule::easter:
            break;
    }
    return easter(y);
}

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

bool is_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// The dates view of the token layer (tokens.h) over bytes [begin, end). Words are
// ASCII letter runs, numbers digit runs; every other ASCII character is its own token
// (ASCII white space separates them); a non-ASCII code point is one `other` token,
// except the typographic apostrophe, quotes and dashes, which are folded to ASCII so
// that "won’t" and "we’ll" read like "won't" and "we'll".
std::vector<Tok> tokenize(const TokenLayer& layer, std::size_t begin, std::size_t end, int& sent) {
    const std::string_view t = layer.text;
    std::vector<Tok> out;
    out.reserve((end - begin) / 4 + 4);
    bool space = true;
    int newlines = 0;  // line breaks in the white space before this token
    std::size_t last_end = begin;
    auto push = [&](Tok&& k) {
        // A sentence ends at a line break, or at . ! ? followed by a capital, quote or
        // digit-less token after white space ("Oct. 7" and "U.S. officials" stay whole
        // when the next token is a digit or lower case).
        // A blank line always ends a sentence. A single line break ends one after final
        // punctuation, or between a capitalised word (or number) and a capital (a
        // headline); inside hard-wrapped text ("until\n July 1") it does not.
        bool line_break = false;
        if (newlines >= 2)
            line_break = begin > 0 || !out.empty();
        else if (newlines == 1) {
            if (out.empty())
                line_break = begin > 0;
            else {
                const Tok& p = out.back();
                line_break = in(p.low, {".", "!", "?", "\"", "'", ":", ")"}) ||
                             (k.cap && (p.kind == TokKind::num || (p.kind == TokKind::word && p.cap)));
            }
        }
        if (line_break)
            ++sent;
        else if (!out.empty() && k.space_before) {
            const Tok& p = out.back();
            if ((p.low == "." || p.low == "!" || p.low == "?") && (k.cap || k.low == "\"")) {
                // "Oct. Smith" is rare, "Mr. Smith" common: an abbreviation before the
                // period keeps the sentence open.
                const bool abbrev = out.size() >= 2 && out[out.size() - 2].kind == TokKind::word &&
                                    out[out.size() - 2].cap &&
                                    words().abbreviation.contains(out[out.size() - 2].low);
                if (!abbrev) ++sent;
            }
        }
        k.sent = sent;
        newlines = 0;
        space = false;
        out.push_back(std::move(k));
    };
    auto one = [&](std::size_t from, std::size_t to, TokKind kind, std::string low) {
        Tok k;
        k.b = from;
        k.e = to;
        k.space_before = space;
        k.kind = kind;
        k.low = std::move(low);
        push(std::move(k));
    };
    for (std::size_t n = layer.atom_at(begin); n < layer.atoms.size() && layer.atoms[n].begin < end; ++n) {
        const Atom& a = layer.atoms[n];
        const std::size_t ab = std::max<std::size_t>(a.begin, begin), ae = std::min<std::size_t>(a.end, end);
        if (ab > last_end) space = true;  // spaces between the atoms
        last_end = ae;
        if (a.kind == AtomKind::newline) {
            ++newlines;
            space = true;
            continue;
        }
        if (a.cp == '\t' || a.cp == '\r' || a.cp == '\f' || a.cp == '\v') {
            space = true;
            continue;
        }
        if (a.kind != AtomKind::word) {
            if (a.cp < 0x80) {
                one(ab, ae, TokKind::punct, std::string(1, static_cast<char>(a.cp)));
            } else if (a.cp == 0x2019 || a.cp == 0x2018) {
                one(ab, ae, TokKind::punct, "'");
            } else if (a.cp == 0x201C || a.cp == 0x201D) {
                one(ab, ae, TokKind::punct, "\"");
            } else if (a.cp == 0x2013 || a.cp == 0x2014) {
                one(ab, ae, TokKind::punct, "-");
            } else {
                one(ab, ae, TokKind::other, std::string(t.substr(ab, ae - ab)));  // an invalid sequence too, as it is
            }
            continue;
        }
        // A word atom: its ASCII letter runs, digit runs and other code points.
        for (std::size_t i = ab; i < ae;) {
            const unsigned char c = static_cast<unsigned char>(t[i]);
            Tok k;
            k.b = i;
            k.space_before = space;
            if (is_alpha(c)) {
                while (i < ae && is_alpha(static_cast<unsigned char>(t[i])))
                    ++i;
                k.kind = TokKind::word;
                k.cap = c >= 'A' && c <= 'Z';
                k.low.assign(t.substr(k.b, i - k.b));
                for (char& ch : k.low)
                    ch = static_cast<char>(ch | 0x20);  // ASCII letters only
            } else if (is_digit(c)) {
                while (i < ae && is_digit(static_cast<unsigned char>(t[i])))
                    ++i;
                k.kind = TokKind::num;
                k.ndigits = i - k.b;
                k.low.assign(t.substr(k.b, i - k.b));
                if (k.ndigits <= 4) k.num = std::stoi(k.low);
            } else {
                next_code_point(t.substr(0, ae), i);
                k.kind = TokKind::other;
                k.low.assign(t.substr(k.b, i - k.b));
            }
            k.e = i;
            push(std::move(k));
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// Vocabulary

// Month number for a full or abbreviated name; `abbr` tells which it was.
int month_of(std::string_view w, bool& abbr) {
    if (const int m = words().month.value(w, 0)) {
        abbr = false;
        return m;
    }
    abbr = true;
    return words().month_abbr.value(w, 0);
}

// 0 = Monday ... 6 = Sunday; -1 when not a weekday name.
int weekday_of(std::string_view w) {
    return words().weekday.value(w, -1);
}

// "one".."twelve", "a", "an" as small counts for "two years ago".
int count_of(const Tok& t) {
    if (t.kind == TokKind::num) return t.ndigits <= 3 ? t.num : -1;
    return words().count.value(t.low, -1);
}

int ordinal_of(std::string_view w) {
    return words().ordinal.value(w, 0);
}

// ---------------------------------------------------------------------------
// Recognised expressions (before resolution)

enum class Kind : std::uint8_t {
    absolute,        // y (and m, d) given
    month_day,       // m, d; year from context (year_rel when "last year" follows)
    month_only,      // m; mod last/this/next or none
    weekday,         // d = weekday; mod
    rel_day,         // offset days from publication
    rel_unit,        // unit 'y','m','w','q' with offset from publication
    ago,             // "a year ago": offset years/months/weeks/days, granularity from context
    quarter,         // q with year y (0 = from context) or year_rel
    decade,          // y = first year of the decade
    holiday,         // q = holiday id (see holiday_day); y given or from context; mod
    season,          // q = 0 spring, 1 summer, 2 fall, 3 winter; y given or mod
    weekend,         // mod last/this/next or none
    century,         // y = century number - 1 ("the 20th century" -> 19)
    anaphoric_year,  // "that year" (offset 0), "the following year" (+1): from the last dated mention
};

constexpr int kNone = -100;

struct Cand {
    std::size_t tb = 0, te = 0;  // token range [tb, te)
    Kind kind = Kind::absolute;
    int y = 0, m = 0, d = 0, q = 0;
    int mod = kNone;       // -1 last, 0 this, +1 next (kNone when absent)
    int year_rel = kNone;  // "7 October last year": -1
    int offset = 0;
    char unit = 'y';
    int weekday = -1;  // "Monday, Oct. 26": the weekday written beside a year-less date
    Granularity g = Granularity::day;
    const char* rule = "";
};

class Recogniser {
  public:
    explicit Recogniser(const std::vector<Tok>& toks) : t_(toks) {}

    std::vector<Cand> run() {
        std::vector<Cand> out;
        std::size_t i = 0;
        while (i < t_.size()) {
            Cand c;
            if (match(i, c) && c.te > c.tb) {
                extend(c, out.empty() ? 0 : out.back().te);
                out.push_back(c);
                i = c.te;
                // "April 24 and 25", "Oct. 7-9": the second day shares the month (and year).
                // Month first only: in "5 May and 6 ..." the 6 is more likely a count.
                if (c.g == Granularity::day && (c.kind == Kind::month_day || c.kind == Kind::absolute) && c.m &&
                    t_[c.tb].kind == TokKind::word && at(i) && words().range.contains(t_[i].low) &&
                    same_sent(i - 1, i)) {
                    int day = 0;
                    int mo = 0;
                    bool ab = false;
                    if (std::size_t e = day_num(i + 1, day); e && day > c.d && !month_name(e, mo, ab) &&
                                                             !(at(e) && at(e)->kind == TokKind::num) &&
                                                             !(at(e) && words().percent.contains(at(e)->low)) &&
                                                             !(at(e) && at(e)->kind == TokKind::word && !at(e)->cap &&
                                                               at(e)->low.size() > 2 && at(e)->low.back() == 's')) {
                        Cand second = c;
                        second.tb = i + 1;
                        second.te = e;
                        second.d = day;
                        second.year_rel = kNone;
                        second.rule = c.kind == Kind::absolute ? "absolute:range-end" : "month-day:range-end";
                        if (c.kind == Kind::absolute && !real_day(c.y, c.m, day)) continue;
                        out.push_back(second);
                        i = e;
                    }
                }
            } else {
                ++i;
            }
        }
        return out;
    }

  private:
    const std::vector<Tok>& t_;

    // Words around an expression that TimeML puts in its span without changing the
    // value: "late yesterday", "Wednesday night", "fiscal 1989", "the end of 1990",
    // "the early 1980s", "nearly four years ago". `floor` is the end of the previous
    // expression, which the span must not reach back into.
    void extend(Cand& c, std::size_t floor) const {
        auto before = [&](std::size_t k, std::string_view w) {
            return k >= floor + 1 && is(k - 1, w) && same_sent(k - 1, k);
        };
        if (c.kind == Kind::weekday || c.kind == Kind::rel_day) {
            if (at(c.te) && same_sent(c.te - 1, c.te) && words().time_of_day.contains(t_[c.te].low))
                ++c.te;
            if (c.tb > floor && words().day_modifier.contains(t_[c.tb - 1].low) &&
                same_sent(c.tb - 1, c.tb))
                --c.tb;
        }
        if (c.kind == Kind::absolute && c.g == Granularity::year && before(c.tb, "fiscal")) --c.tb;
        if (c.kind == Kind::decade && before(c.tb, "the")) --c.tb;
        if (c.kind == Kind::ago && c.tb > floor &&
            words().approximately.contains(t_[c.tb - 1].low))
            --c.tb;
        if ((c.kind == Kind::absolute && c.g != Granularity::day) || c.kind == Kind::month_only) {
            if (before(c.tb, "of") && c.tb >= floor + 2 &&
                words().part_of.contains(t_[c.tb - 2].low)) {
                c.tb -= 2;
                if (before(c.tb, "the")) --c.tb;
            }
        }
    }

    const Tok* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
    bool is(std::size_t i, std::string_view w) const { return i < t_.size() && t_[i].low == w; }
    // Token i follows token i-1 without white space ("mid-2024", "7th").
    bool glued(std::size_t i) const { return i < t_.size() && !t_[i].space_before; }
    bool same_sent(std::size_t a, std::size_t b) const { return t_[a].sent == t_[b].sent; }

    // A plausible year number at token i.
    bool year_num(std::size_t i, int lo = 1000, int hi = 2099) const {
        const Tok* k = at(i);
        return k && k->kind == TokKind::num && k->ndigits == 4 && k->num >= lo && k->num <= hi;
    }

    // Day of month at token i, with an optional glued ordinal suffix; returns the
    // index after it or 0.
    std::size_t day_num(std::size_t i, int& day) const {
        const Tok* k = at(i);
        if (!k || k->kind != TokKind::num || k->ndigits > 2 || k->num < 1 || k->num > 31) return 0;
        day = k->num;
        std::size_t j = i + 1;
        if (glued(j) && words().ordinal_suffix.contains(t_[j].low)) ++j;
        // "7:30", "7.5", "7,000" and "7-year" are not days.
        if (glued(j) && (t_[j].kind == TokKind::num || t_[j].kind == TokKind::word)) return 0;
        if (glued(j) && t_[j].low == ":" && glued(j + 1) && t_[j + 1].kind == TokKind::num) return 0;
        if (glued(j) && (t_[j].low == "." || t_[j].low == ",") && glued(j + 1) && t_[j + 1].kind == TokKind::num)
            return 0;
        if (glued(j) && t_[j].low == "%") return 0;
        return j;
    }

    // A month name at i (capitalised); returns the index after it (past an
    // abbreviation's period) or 0.
    std::size_t month_name(std::size_t i, int& month, bool& abbr) const {
        const Tok* k = at(i);
        if (!k || k->kind != TokKind::word || !k->cap) return 0;
        month = month_of(k->low, abbr);
        if (!month) return 0;
        std::size_t j = i + 1;
        if (abbr && glued(j) && t_[j].low == ".") ++j;
        return j;
    }

    // "last year", "this year", "next year" at i: sets rel and returns the end.
    std::size_t year_phrase(std::size_t i, int& rel) const {
        if (!is(i + 1, "year")) return 0;
        if (is(i, "last"))
            rel = -1;
        else if (is(i, "this"))
            rel = 0;
        else if (is(i, "next"))
            rel = 1;
        else
            return 0;
        return i + 2;
    }

    // Year-like context for a bare four-digit number. A year is taken after a
    // preposition or modifier that introduces times, before typical "2020 election"
    // nouns, or standing alone at a clause end; a number that counts things
    // ("2020 people", "about 1,900") or is part of a code, time or phone number is not.
    bool year_context(std::size_t i) const {
        if (!year_num(i, 1900, 2099)) return false;
        const Tok& k = t_[i];
        const Tok* p = i > 0 ? &t_[i - 1] : nullptr;
        const Tok* n = at(i + 1);
        // Glued neighbours: "$2020", "2020.5", "12:2020", "2020-555", "#2020".
        if (p && !k.space_before && p->kind != TokKind::word && !in(p->low, {"(", "\"", "'", "["})) return false;
        if (p && !k.space_before && p->kind == TokKind::word && p->low != "mid") return false;
        if (n && !n->space_before) {
            if (n->kind == TokKind::num || n->kind == TokKind::word) return false;
            if (in(n->low, {":", "%", "/"})) return false;
            if ((n->low == "." || n->low == ",") && glued(i + 2) && t_[i + 2].kind == TokKind::num) return false;
            if (n->low == "-" && glued(i + 2) && t_[i + 2].kind == TokKind::num) return false;
        }
        // Sequences of numbers: phone numbers, scores, tables.
        if (p && p->kind == TokKind::num) return false;
        if (n && n->kind == TokKind::num) return false;
        if (p &&
            words().not_year_after.contains(p->low))
            return false;
        const bool strong_before =
            p && words().year_after.contains(p->low);
        if (strong_before) return true;
        if (!n) return true;
        if (n->kind == TokKind::punct) return true;
        if (n->kind == TokKind::word) {
            // "2020 people", "1950 troops": a lower-case plural right after the number
            // counts things.
            if (!n->cap && n->low.size() > 3 && n->low.back() == 's' &&
                !words().year_plural.contains(n->low))
                return false;
            if (words().counted.contains(n->low))
                return false;
            return true;
        }
        return true;
    }

    // "nineteen ninety-six" at i: sets the year and returns the end or 0.
    std::size_t spelled_year(std::size_t i, int& year) const {
        if (!is(i, "nineteen") || !at(i + 1)) return 0;
        const int tens = tens_of(t_[i + 1].low);
        if (!tens) return 0;
        year = 1900 + tens * 10;
        std::size_t e = i + 2;
        if (is(e, "-") && at(e + 1) && ones_of(t_[e + 1].low)) {
            year += ones_of(t_[e + 1].low);
            e += 2;
        }
        return e;
    }

    // A holiday name at i (capitalised); sets its id and returns the end or 0.
    std::size_t holiday_at(std::size_t i, int& id) const {
        if (!t_[i].cap) return 0;
        const std::vector<Holiday>& hs = words().holidays;
        for (std::size_t h = 0; h < hs.size(); ++h) {
            std::size_t j = i;
            bool all = true;
            for (const std::string_view want : hs[h].words) {
                if (want.ends_with("'s")) {  // "year's", "valentine's"
                    const std::string_view stem = want.substr(0, want.size() - 2);
                    all = is(j, stem) && is(j + 1, "'") && is(j + 2, "s");
                    j += 3;
                } else {
                    all = is(j, want);
                    ++j;
                }
                if (!all) break;
            }
            if (all) {
                id = static_cast<int>(h);
                return j;
            }
        }
        return 0;
    }

    bool match(std::size_t i, Cand& c) {
        const Tok& k = t_[i];
        c.tb = i;
        if (k.kind == TokKind::num) return match_number(i, c);
        if (k.kind != TokKind::word) return false;
        return match_word(i, c);  // one hash lookup for a word that starts no expression
    }

    // Expressions that start with a number: "7 October 2023", "2023-10-07", "1990s",
    // "2020".
    bool match_number(std::size_t i, Cand& c) {
        const Tok& k = t_[i];
        // ISO 2023-10-07.
        if (k.ndigits == 4 && glued(i + 1) && is(i + 1, "-") && glued(i + 2) && at(i + 2)->kind == TokKind::num &&
            at(i + 2)->ndigits == 2 && glued(i + 3) && is(i + 3, "-") && glued(i + 4) &&
            at(i + 4)->kind == TokKind::num && at(i + 4)->ndigits == 2) {
            const int y = k.num, m = t_[i + 2].num, d = t_[i + 4].num;
            if (y >= 1000 && real_day(y, m, d)) {
                c.kind = Kind::absolute;
                c.y = y, c.m = m, c.d = d, c.g = Granularity::day;
                c.te = i + 5;
                c.rule = "absolute:iso";
                return true;
            }
        }
        // Day first: "7 October 2023", "7th of October", "27 October".
        int day = 0;
        if (std::size_t j = day_num(i, day)) {
            if (is(j, "of")) ++j;
            int month = 0;
            bool abbr = false;
            if (std::size_t e = month_name(j, month, abbr)) {
                if (!real_month_day(month, day)) return false;
                std::size_t f = e;
                if (is(f, ",")) ++f;
                if (year_num(f)) {
                    if (!real_day(t_[f].num, month, day)) return false;
                    c.kind = Kind::absolute;
                    c.y = t_[f].num, c.m = month, c.d = day, c.g = Granularity::day;
                    c.te = f + 1;
                    c.rule = "absolute:dmy";
                    return true;
                }
                c.kind = Kind::month_day;
                c.m = month, c.d = day, c.g = Granularity::day;
                c.te = e;
                c.rule = "month-day:dm";
                int rel = 0;
                if (std::size_t r = year_phrase(e, rel)) {
                    c.year_rel = rel;
                    c.te = r;
                    c.rule = "month-day:dm+relative-year";
                }
                return true;
            }
        }
        if (k.ndigits <= 3 && at(i + 1) && t_[i + 1].kind == TokKind::word && match_ago(i, c)) return true;
        // Centuries: "the 20th century" (TimeML "19").
        if (k.ndigits <= 2 && k.num >= 1 && k.num <= 21 && glued(i + 1) &&
            words().ordinal_suffix.contains(t_[i + 1].low) && is(i + 2, "century") &&
            !(at(i + 3) && t_[i + 3].cap && t_[i + 3].kind == TokKind::word)) {  // 20th Century Fox
            c.kind = Kind::century;
            c.y = k.num - 1;
            c.g = Granularity::year;
            c.te = i + 3;
            c.rule = "century";
            return true;
        }
        // Decades: "1990s", "the 1990s" (the article is taken by the word matcher).
        if (k.ndigits == 4 && k.num >= 1000 && k.num <= 2090 && k.num % 10 == 0 && glued(i + 1) && is(i + 1, "s") &&
            !(i + 2 < t_.size() && glued(i + 2) && t_[i + 2].kind == TokKind::word)) {
            c.kind = Kind::decade;
            c.y = k.num;
            c.g = Granularity::year;
            c.te = i + 2;
            c.rule = "decade";
            return true;
        }
        if (year_context(i)) {
            c.kind = Kind::absolute;
            c.y = k.num;
            c.g = Granularity::year;
            c.te = i + 1;
            c.rule = "absolute:year";
            // "2020-21": a season or financial year; the first year is the anchor.
            return true;
        }
        return false;
    }

    // Quarter expression starting at i ("third quarter", "third-quarter", "Q3"),
    // without the article; returns the end or 0.
    std::size_t quarter_at(std::size_t i, int& q) const {
        const Tok* k = at(i);
        if (!k) return 0;
        if (int o = ordinal_of(k->low)) {
            std::size_t j = i + 1;
            if (is(j, "-") && glued(j)) ++j;
            if (is(j, "quarter") && !t_[j].cap) {
                q = o;
                return j + 1;
            }
            return 0;
        }
        if (k->kind == TokKind::num && k->ndigits == 1 && k->num >= 1 && k->num <= 4 && glued(i + 1) &&
            words().ordinal_suffix.contains(t_[i + 1].low) && is(i + 2, "quarter")) {
            q = k->num;
            return i + 3;
        }
        // "Q3" tokenizes as "Q" + "3".
        if (k->low == "q" && k->cap && glued(i + 1) && at(i + 1)->kind == TokKind::num && at(i + 1)->ndigits == 1 &&
            t_[i + 1].num >= 1 && t_[i + 1].num <= 4 && !(glued(i + 2) && t_[i + 2].kind == TokKind::word)) {
            q = t_[i + 1].num;
            return i + 2;
        }
        return 0;
    }

    bool finish_quarter(std::size_t start, std::size_t e, int q, Cand& c) {
        // TimeML spans keep "the" before a noun ("the third quarter") but not before
        // the adjective ("third-quarter profit").
        if (start + 1 < e && t_[start].low == "the" && e >= 2 && is(e - 2, "-")) ++start;
        c.tb = start;
        c.kind = Kind::quarter;
        c.q = q;
        c.g = Granularity::month;
        c.te = e;
        c.rule = "quarter:context";
        std::size_t f = e;
        if (is(f, "of") || is(f, ",")) ++f;
        if (year_num(f)) {
            c.y = t_[f].num;
            c.te = f + 1;
            c.rule = "quarter:absolute";
        } else if (year_num(e)) {
            c.y = t_[e].num;
            c.te = e + 1;
            c.rule = "quarter:absolute";
        } else if (is(e, "of")) {
            int rel = 0;
            if (std::size_t r = year_phrase(e + 1, rel)) {
                c.year_rel = rel;
                c.te = r;
                c.rule = "quarter:relative-year";
            }
        }
        return true;
    }

    // ---- Expressions that start with a word: a dispatch table (kWordRules, after the
    // class) of small matchers, each tried for the words that trigger it, in table order.

    enum class Step : std::uint8_t {
        matched,  // c holds the expression
        stop,     // the word starts no expression here: try no other matcher
        next,     // not this pattern: try the next matcher
    };

    // The common ending of a relative matcher: a count of units from the anchor.
    static Step relative(Cand& c, Kind kind, char unit, int offset, Granularity g, std::size_t te,
                         const char* rule) {
        c.kind = kind;
        c.unit = unit;
        c.offset = offset;
        c.g = g;
        c.te = te;
        c.rule = rule;
        return Step::matched;
    }

    static Step found(bool ok) { return ok ? Step::matched : Step::stop; }

    bool match_word(std::size_t i, Cand& c) {
        const auto& rules = word_dispatch();
        const auto it = rules.find(t_[i].low);
        if (it == rules.end()) return false;
        for (const std::uint8_t r : it->second) {
            const Step s = (this->*kWordRules[r].fn)(i, c);
            if (s != Step::next) return s == Step::matched;
        }
        return false;
    }

    // Modifiers that may precede a month, a year or a decade and belong to the
    // expression's span: "late November", "mid-2024", "early 1990s", "earlier this year".
    Step period_modifier(std::size_t i, Cand& c) {
        const std::string& w = t_[i].low;
        int month = 0;
        bool abbr = false;
        std::size_t j = i + 1;
        if (is(j, "-") && glued(j)) ++j;
        if (is(j, "in") && w != "mid") ++j;  // "early in 2024"
        if (std::size_t e = month_name(j, month, abbr); e && !abbr) {
            Cand inner;
            if (match_word(j, inner) && inner.kind != Kind::weekday) {
                c = inner;
                c.tb = i;
                return Step::matched;
            }
        }
        if (at(j) && at(j)->kind == TokKind::num && at(j)->ndigits == 4) {
            Cand inner;
            if (is(j + 1, "s") && glued(j + 1)) {
                if (match_number(j, inner)) {
                    c = inner;
                    c.tb = i;
                    return Step::matched;
                }
            } else if (year_num(j, 1900, 2099) && !(at(j + 1) && at(j + 1)->kind == TokKind::num)) {
                c.kind = Kind::absolute;
                c.y = t_[j].num;
                c.g = Granularity::year;
                c.te = j + 1;
                c.rule = "absolute:year";
                return Step::matched;
            }
        }
        // "earlier this year", "late last year", "early next month", "later that year".
        if (in(t_.size() > j ? t_[j].low : std::string(), {"this", "last", "next", "that"}) && at(j + 1) &&
            in(t_[j + 1].low, {"year", "month", "week"})) {
            Cand inner;
            if (match_word(j, inner)) {
                c = inner;
                c.tb = i;
                return Step::matched;
            }
        }
        return Step::stop;
    }

    // After "the" (and "fiscal"): the token where the phrase proper starts.
    std::size_t after_the(std::size_t i) const { return is(i + 1, "fiscal") ? i + 2 : i + 1; }

    // "the third quarter", "the fiscal first quarter".
    Step the_quarter(std::size_t i, Cand& c) {
        int q = 0;
        if (std::size_t e = quarter_at(after_the(i), q)) return found(finish_quarter(i, e, q, c));
        return Step::next;
    }

    // "the 1988 second quarter", "the 1988 period".
    Step the_year_quarter(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!year_num(j)) return Step::next;
        int q = 0;
        std::size_t e = quarter_at(j + 1, q);
        if (!e && (is(j + 1, "quarter") || is(j + 1, "period"))) e = j + 2;
        if (!e) return Step::next;
        c.kind = Kind::quarter;
        c.q = q;
        c.y = t_[j].num;
        c.g = Granularity::month;
        c.te = e;
        c.rule = "quarter:absolute";
        return Step::matched;
    }

    // "the 1990s" (the decade itself is match_number's).
    Step the_decade(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(at(j) && at(j)->kind == TokKind::num && at(j)->ndigits == 4 && is(j + 1, "s") && glued(j + 1)))
            return Step::next;
        Cand inner;
        if (!match_number(j, inner)) return Step::next;
        c = inner;
        c.tb = i;
        return Step::matched;
    }

    // "the current year", "the current fiscal year", "the current quarter", "the past
    // year" (TimeML: the year before publication); "the past quarter" is no date.
    Step the_current(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        std::size_t e = j + 1;
        if (is(e, "fiscal")) ++e;
        if (!((is(j, "current") || is(j, "present") || is(j, "past")) && at(e) &&
              (t_[e].low == "year" || t_[e].low == "quarter") && !(glued(e + 1) && is(e + 1, "-"))))
            return Step::next;
        const bool past = is(j, "past");
        if (past && t_[e].low == "quarter") return Step::stop;
        return relative(c, Kind::rel_unit, t_[e].low[0], past ? -1 : 0, c.unit == 'y' ? Granularity::year : Granularity::month, e + 1, past ? "relative:the-past-year" : c.unit == 'y' ? "relative:current-year" : "relative:current-quarter");
    }

    // "the end of the year": the publication year.
    Step the_year_end(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(is(j, "end") && is(j + 1, "of") && is(j + 2, "the") && is(j + 3, "year") && !is(j + 4, "'")))
            return Step::next;
        return relative(c, Kind::rel_unit, 'y', 0, Granularity::year, j + 4, "relative:year-end");
    }

    // "the following year": the one after the last dated mention.
    Step the_following_year(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(is(j, "following") && is(j + 1, "year"))) return Step::next;
        c.kind = Kind::anaphoric_year;
        c.offset = 1;
        c.g = Granularity::year;
        c.te = j + 2;
        c.rule = "anaphoric:following-year";
        return Step::matched;
    }

    // "the latest period", "the most recent period": the quarter being reported.
    Step the_latest_period(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        const bool latest = is(j, "latest");
        if (!((latest || (is(j, "most") && is(j + 1, "recent"))) && is(j + (latest ? 1 : 2), "period")))
            return Step::next;
        return relative(c, Kind::rel_unit, 'q', -1, Granularity::month, j + (latest ? 2 : 3), "relative:the-quarter");
    }

    // "the latest quarter" (the last one completed), "the most recent quarter", "the
    // quarter" (the one being discussed), "the quarter a year ago" (that one, a year before).
    Step the_latest_quarter(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        std::size_t e = j;
        if (is(e, "latest") || is(e, "last") || is(e, "past") || is(e, "previous"))
            ++e;
        else if (is(e, "most") && is(e + 1, "recent"))
            e += 2;
        if (!(is(e, "quarter") && !t_[e].cap && !is(e + 1, "of") && !is(e + 1, "-"))) return Step::next;
        c.kind = Kind::rel_unit;
        c.unit = 'q';
        c.offset = -1;
        c.g = Granularity::month;
        c.te = e + 1;
        c.rule = e == j ? "relative:the-quarter" : "relative:latest-quarter";
        if (count_of(t_.size() > e + 1 ? t_[e + 1] : t_[e]) == 1 && is(e + 2, "year") &&
            (is(e + 3, "ago") || is(e + 3, "earlier"))) {
            c.year_rel = -1;
            c.te = e + 4;
        }
        return Step::matched;
    }

    // "the weekend", "the past weekend".
    Step the_weekend(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        std::size_t w0 = j;
        if (is(w0, "past")) ++w0;
        if (!(is(w0, "weekend") && !t_[w0].cap)) return Step::next;
        c.kind = Kind::weekend;
        c.mod = w0 == j ? kNone : -1;
        c.g = Granularity::week;
        c.te = w0 + 1;
        c.rule = "weekend";
        return Step::matched;
    }

    // "the nineties".
    Step the_decade_words(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(at(j) && at(j)->low.size() > 4 && at(j)->low.ends_with("ies"))) return Step::next;
        const int tens = tens_of(at(j)->low.substr(0, at(j)->low.size() - 3) + "y");
        if (!tens) return Step::next;
        c.kind = Kind::decade;
        c.y = 1900 + 10 * tens;
        c.g = Granularity::year;
        c.te = j + 1;
        c.rule = "decade:words";
        return Step::matched;
    }

    // "the '90s".
    Step the_decade_short(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(is(j, "'") && at(j + 1) && at(j + 1)->kind == TokKind::num && at(j + 1)->ndigits == 2 &&
              at(j + 1)->num % 10 == 0 && glued(j + 2) && is(j + 2, "s")))
            return Step::next;
        c.kind = Kind::decade;
        c.y = (at(j + 1)->num >= 30 ? 1900 : 2000) + at(j + 1)->num;
        c.g = Granularity::year;
        c.te = j + 3;
        c.rule = "decade:short";
        return Step::matched;
    }

    // "the year-earlier quarter", "the year-ago period", "the year-ago third quarter".
    Step the_year_earlier(std::size_t i, Cand& c) {
        const std::size_t j = after_the(i);
        if (!(is(j, "year") && glued(j + 1) && is(j + 1, "-") && (is(j + 2, "earlier") || is(j + 2, "ago"))))
            return Step::next;
        const std::size_t f = j + 3;
        int oq = 0;
        if (std::size_t qe = quarter_at(f, oq)) {
            c.kind = Kind::quarter;
            c.q = oq;
            c.year_rel = -1;
            c.g = Granularity::month;
            c.te = qe;
            c.rule = "quarter:year-earlier";
            return Step::matched;
        }
        if (!(is(f, "quarter") || is(f, "period"))) return Step::next;
        return relative(c, Kind::ago, 'y', -1, Granularity::year, f + 1, "relative:year-earlier");
    }

    // Ordinal quarters without an article: "third-quarter profit", "Q3 2024".
    Step ordinal_quarter(std::size_t i, Cand& c) {
        int q = 0;
        if (std::size_t e = quarter_at(i, q)) return found(finish_quarter(i, e, q, c));
        return Step::next;
    }

    // "year-end", "year end", "year's end": the end of the publication year (the last
    // one after "since").
    Step year_end(std::size_t i, Cand& c) {
        std::size_t e = 0;
        if (glued(i + 1) && is(i + 1, "-") && glued(i + 2) && is(i + 2, "end"))
            e = i + 3;
        else if (is(i + 1, "end") && same_sent(i, i + 1))
            e = i + 2;
        else if (is(i + 1, "'") && is(i + 2, "s") && is(i + 3, "end"))
            e = i + 4;
        if (!e) return Step::next;
        return relative(c, Kind::rel_unit, 'y', i > 0 && t_[i - 1].low == "since" ? -1 : 0, Granularity::year, e, "relative:year-end");
    }

    // "that year": the year of the last dated mention.
    Step that_year(std::size_t i, Cand& c) {
        if (!(is(i + 1, "year") && !is(i + 2, "-"))) return Step::next;
        c.kind = Kind::anaphoric_year;
        c.offset = 0;
        c.g = Granularity::year;
        c.te = i + 2;
        c.rule = "anaphoric:that-year";
        return Step::matched;
    }

    // "year-earlier", "year-ago" (adjectives).
    Step year_earlier(std::size_t i, Cand& c) {
        if (!(glued(i + 1) && is(i + 1, "-") && glued(i + 2) && (is(i + 2, "earlier") || is(i + 2, "ago"))))
            return Step::next;
        return relative(c, Kind::ago, 'y', -1, Granularity::year, i + 3, "relative:year-earlier");
    }

    // Month names: "October 7, 2023", "March 1987", "in April" (match_month).
    Step month(std::size_t i, Cand& c) {
        int m = 0;
        bool abbr = false;
        if (std::size_t e = month_name(i, m, abbr)) return found(match_month(i, e, m, abbr, kNone, c));
        return Step::next;
    }

    // Weekdays: "on Tuesday"; "Monday, Oct. 26" and "Saturday 25 April 1998" are the date.
    Step weekday_name(std::size_t i, Cand& c) {
        if (!t_[i].cap) return Step::next;
        const int wd = weekday_of(t_[i].low);
        if (wd < 0) return Step::next;
        std::size_t j = i + 1;
        if (is(j, ",")) ++j;
        Cand inner;
        int m = 0;
        bool abbr = false;
        if (at(j) && same_sent(i, j) &&
            ((at(j)->kind == TokKind::num && match_number(j, inner)) ||
             (at(j)->kind == TokKind::word && month_name(j, m, abbr) && match_word(j, inner))) &&
            (inner.kind == Kind::month_day || (inner.kind == Kind::absolute && inner.g == Granularity::day))) {
            c = inner;
            c.tb = i;
            c.weekday = wd;
            return Step::matched;
        }
        // Not a day: "a Friday or Saturday night" (generic), "The Sunday Times",
        // "Sunday Telegraph journalist" (titles).
        const Tok* p = i > 0 ? &t_[i - 1] : nullptr;
        if (p && words().generic_before_weekday.contains(p->low)) return Step::stop;
        if (at(i + 1) && t_[i + 1].cap && t_[i + 1].kind == TokKind::word && same_sent(i, i + 1) &&
            ((p && p->low == "the") || words().title_after_weekday.contains(t_[i + 1].low)))
            return Step::stop;
        c.kind = Kind::weekday;
        c.d = wd;
        c.g = Granularity::day;
        c.te = i + 1;
        c.rule = "weekday";
        return Step::matched;
    }

    // "Christmas", "New Year's Eve", "Easter 2023".
    Step holiday(std::size_t i, Cand& c) {
        if (!t_[i].cap) return Step::next;
        const std::size_t e = holiday_at(i, c.q);
        if (!e) return Step::next;
        c.kind = Kind::holiday;
        c.g = Granularity::day;
        c.te = e;
        c.rule = "holiday";
        if (year_num(e)) {
            c.y = t_[e].num;
            c.te = e + 1;
            c.rule = "holiday:absolute";
        }
        return Step::matched;
    }

    // Seasons: "summer 2023", "the summer", "in the spring of 1998".
    Step season(std::size_t i, Cand& c) {
        const std::string& w = t_[i].low;
        const int sn = season_of(w);
        if (sn < 0 || t_[i].cap) return Step::next;
        std::size_t f = i + 1;
        if (is(f, "of")) ++f;
        int spelled = 0;
        const std::size_t spelled_end = spelled_year(f, spelled);
        const bool yr = year_num(f) || spelled_end;
        const Tok* p = i > 0 ? &t_[i - 1] : nullptr;
        // "the fall in profits" is a drop: a bare "fall" needs "in/during/since the"
        // before it and the clause to end after it.
        const bool ok_fall = w != "fall" || (p && p->low == "the" && i >= 2 &&
                                             words().fall_before.contains(t_[i - 2].low) &&
                                             (!at(i + 1) || at(i + 1)->kind == TokKind::punct));
        if (!(yr || (ok_fall && p && words().season_before.contains(p->low)))) return Step::next;
        c.kind = Kind::season;
        c.q = sn;
        c.g = Granularity::month;
        c.te = spelled_end ? spelled_end : yr ? f + 1 : i + 1;
        if (yr) c.y = spelled_end ? spelled : t_[f].num;
        if (p && p->low == "the") c.tb = i - 1;
        c.rule = yr ? "season:absolute" : "season";
        c.mod = kNone;
        return Step::matched;
    }

    // Spelled years: "nineteen ninety-six".
    Step year_words(std::size_t i, Cand& c) {
        int year = 0;
        const std::size_t e = spelled_year(i, year);
        if (!e) return Step::next;
        c.kind = Kind::absolute;
        c.y = year;
        c.g = Granularity::year;
        c.te = e;
        c.rule = "absolute:year-words";
        return Step::matched;
    }

    // "the year two thousand".
    Step year_two_thousand(std::size_t i, Cand& c) {
        if (!(is(i + 1, "two") && is(i + 2, "thousand") && i > 0 && t_[i - 1].low == "the")) return Step::next;
        c.tb = i - 1;
        c.kind = Kind::absolute;
        c.y = 2000;
        c.g = Granularity::year;
        c.te = i + 3;
        c.rule = "absolute:year-words";
        return Step::matched;
    }

    // Days relative to publication: "today", "late yesterday". Generic uses are not
    // dates: "today's youth", "the world of tomorrow", and a capitalised "Today" after
    // a name is a programme ("VOA Today").
    Step relative_day(std::size_t i, Cand& c) {
        const Tok& k = t_[i];
        const std::string& w = k.low;
        const int offset = words().relative_day.value(w, kNone);
        if (offset == kNone) return Step::next;
        const Tok* p = i > 0 ? &t_[i - 1] : nullptr;
        if (is(i + 1, "'") && is(i + 2, "s") && at(i + 3) && words().generic_after_today.contains(t_[i + 3].low))
            return Step::stop;
        if (p && p->low == "of" && (w == "today" || w == "tomorrow") && at(i + 1) &&
            (t_[i + 1].low == "," || t_[i + 1].low == "." || t_[i + 1].low == "\"" || t_[i + 1].low == "'"))
            return Step::stop;
        if (k.cap && p && p->kind == TokKind::word && p->cap && p->sent == k.sent) return Step::stop;
        c.kind = Kind::rel_day;
        c.offset = offset;
        c.g = Granularity::day;
        c.te = i + 1;
        c.rule = w == "today"       ? "relative:today"
                 : w == "yesterday" ? "relative:yesterday"
                 : w == "tomorrow"  ? "relative:tomorrow"
                                    : "relative:tonight";
        return Step::matched;
    }

    // last -1 / this 0 / next +1 at i, with a word after it in the same sentence;
    // kNone otherwise.
    int modifier_at(std::size_t i) const {
        if (!at(i + 1) || !same_sent(i, i + 1)) return kNone;
        return words().modifier.value(t_[i].low, kNone);
    }

    // "this past spring".
    Step this_past_season(std::size_t i, Cand& c) {
        if (modifier_at(i) != 0 || !is(i + 1, "past") || !at(i + 2) || season_of(t_[i + 2].low) < 0)
            return Step::next;
        c.kind = Kind::season;
        c.q = season_of(t_[i + 2].low);
        c.mod = -1;
        c.g = Granularity::month;
        c.te = i + 3;
        c.rule = "season:last";
        return Step::matched;
    }

    // "this year's third quarter", "last year's quarter", "next year's first quarter".
    Step modifier_year_quarter(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone || !(is(i + 1, "year") && is(i + 2, "'") && is(i + 3, "s") && glued(i + 2)))
            return Step::next;
        int q = 0;
        std::size_t e = quarter_at(i + 4, q);
        if (!e && (is(i + 4, "quarter") || is(i + 4, "period"))) e = i + 5;
        if (!e) return Step::next;
        c.kind = Kind::quarter;
        c.q = q;
        c.year_rel = mod;
        c.g = Granularity::month;
        c.te = e;
        c.rule = "quarter:relative-year";
        return Step::matched;
    }

    // "last weekend", "this weekend".
    Step modifier_weekend(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone || !is(i + 1, "weekend") || t_[i + 1].cap) return Step::next;
        c.kind = Kind::weekend;
        c.mod = mod;
        c.g = Granularity::week;
        c.te = i + 2;
        c.rule = mod < 0 ? "weekend:last" : mod == 0 ? "weekend:this" : "weekend:next";
        return Step::matched;
    }

    // "last year", "this month", "next week", "last quarter"; "This Week" (capitalised)
    // is a programme's name, not a date.
    Step modifier_unit(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone) return Step::next;
        const Tok& n = t_[i + 1];
        if (n.low == "week" && n.cap && t_[i].cap) return Step::stop;
        if (!in(n.low, {"year", "month", "week", "quarter"})) return Step::next;
        static constexpr std::array<std::array<const char*, 4>, 3> kRules = {{
            {"relative:last-year", "relative:last-month", "relative:last-week", "relative:last-quarter"},
            {"relative:this-year", "relative:this-month", "relative:this-week", "relative:this-quarter"},
            {"relative:next-year", "relative:next-month", "relative:next-week", "relative:next-quarter"},
        }};
        const std::size_t unit = n.low == "year" ? 0 : n.low == "month" ? 1 : n.low == "week" ? 2 : 3;
        return relative(c, Kind::rel_unit, n.low[0], mod, unit == 0 ? Granularity::year : unit == 2 ? Granularity::week : Granularity::month, i + 2, kRules[static_cast<std::size_t>(mod + 1)][unit]);
    }

    // "last fall", "this summer" (not "last fall was ...": a drop).
    Step modifier_season(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone) return Step::next;
        const Tok& n = t_[i + 1];
        const int sn = season_of(n.low);
        if (sn < 0 || n.cap || (n.low == "fall" && at(i + 2) && words().fall_verb_after.contains(t_[i + 2].low)))
            return Step::next;
        c.kind = Kind::season;
        c.q = sn;
        c.mod = mod;
        c.g = Granularity::month;
        c.te = i + 2;
        c.rule = mod < 0 ? "season:last" : mod == 0 ? "season:this" : "season:next";
        return Step::matched;
    }

    // "last Christmas", "next Easter".
    Step modifier_holiday(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone || !t_[i + 1].cap) return Step::next;
        int id = 0;
        const std::size_t e = holiday_at(i + 1, id);
        if (!e) return Step::next;
        c.kind = Kind::holiday;
        c.q = id;
        c.mod = mod;
        c.g = Granularity::day;
        c.te = e;
        c.rule = mod < 0 ? "holiday:last" : mod == 0 ? "holiday:this" : "holiday:next";
        return Step::matched;
    }

    // "last April", "next May".
    Step modifier_month(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone) return Step::next;
        int m = 0;
        bool abbr = false;
        const std::size_t e = month_name(i + 1, m, abbr);
        if (!e || abbr) return Step::next;
        Cand inner;
        if (!match_month(i + 1, e, m, abbr, mod, inner)) return Step::next;
        c = inner;
        c.tb = i;
        return Step::matched;
    }

    // "last Friday", "next Monday".
    Step modifier_weekday(std::size_t i, Cand& c) {
        const int mod = modifier_at(i);
        if (mod == kNone || !t_[i + 1].cap) return Step::next;
        const int wd = weekday_of(t_[i + 1].low);
        if (wd < 0) return Step::next;
        c.kind = Kind::weekday;
        c.d = wd;
        c.mod = mod;
        c.g = Granularity::day;
        c.te = i + 2;
        c.rule = mod < 0 ? "weekday:last" : mod == 0 ? "weekday:this" : "weekday:next";
        return Step::matched;
    }

    // "two years ago", "a month earlier" (match_ago, which numbers use too).
    Step ago(std::size_t i, Cand& c) { return match_ago(i, c) ? Step::matched : Step::next; }

  public:
    // One row of the dispatch table: the words that trigger a matcher ("@class" for a
    // class of data/dates-en.tsv, "@holiday" for the first words of the holidays), the
    // matcher, and an example that is also a unit-test row: find_dates(input,
    // kExamplePublished) gives `expected` ("surface=value | ...").
    struct WordRule {
        const char* name;
        const char* triggers;
        Step (Recogniser::*fn)(std::size_t, Cand&);
        const char* input;
        const char* expected;
    };
    static const std::array<WordRule, 33> kWordRules;

  private:
    // Word -> indices into kWordRules, in table order; built once.
    static const std::unordered_map<std::string_view, std::vector<std::uint8_t>>& word_dispatch();

    // "two years ago", "a month earlier", "six weeks ago", "41 years ago".
    bool match_ago(std::size_t i, Cand& c) {
        const Tok& k = t_[i];
        if (int n = count_of(k); n > 0 && n <= 200) {
            std::size_t j = i + 1;
            if (!at(j)) return false;
            const auto found = words().unit.find(t_[j].low);
            const char unit = found == words().unit.end() ? '\0' : found->second;
            if (!unit || !(is(j + 1, "ago") || is(j + 1, "earlier"))) return false;
            if (unit == 'D') return false;  // a decade ago: the decade is too vague to index
            c.kind = Kind::ago;
            c.unit = unit;
            c.offset = -n;
            c.g = unit == 'y'   ? Granularity::year
                  : unit == 'm' ? Granularity::month
                  : unit == 'w' ? Granularity::week
                                : Granularity::day;
            c.te = j + 2;
            c.rule = is(j + 1, "ago") ? "relative:ago" : "relative:earlier";
            return true;
        }
        return false;
    }

    // After a month name at i..e: "October 7, 2023", "October 7", "March 1987",
    // "April"; `mod` when "last/this/next" came before.
    bool match_month(std::size_t i, std::size_t e, int month, bool abbr, int mod, Cand& c) {
        c.tb = i;
        int day = 0;
        if (std::size_t j = day_num(e, day); j && mod == kNone) {
            if (!real_month_day(month, day)) return false;
            std::size_t f = j;
            if (is(f, ",")) ++f;
            if (year_num(f)) {
                if (!real_day(t_[f].num, month, day)) return false;
                c.kind = Kind::absolute;
                c.y = t_[f].num, c.m = month, c.d = day, c.g = Granularity::day;
                c.te = f + 1;
                c.rule = "absolute:mdy";
                return true;
            }
            c.kind = Kind::month_day;
            c.m = month, c.d = day, c.g = Granularity::day;
            c.te = j;
            c.rule = "month-day:md";
            int rel = 0;
            std::size_t r = j;
            if (is(r, ",") || is(r, "of")) ++r;
            if (std::size_t z = year_phrase(r, rel)) {
                c.year_rel = rel;
                c.te = z;
                c.rule = "month-day:md+relative-year";
            }
            return true;
        }
        std::size_t f = e;
        if (is(f, ",") || is(f, "of")) ++f;
        if (year_num(f) && mod == kNone) {
            c.kind = Kind::absolute;
            c.y = t_[f].num, c.m = month, c.g = Granularity::month;
            c.te = f + 1;
            c.rule = "absolute:month-year";
            return true;
        }
        {
            int year = 0;
            if (std::size_t z = spelled_year(e, year); z && mod == kNone) {
                c.kind = Kind::absolute;
                c.y = year, c.m = month, c.g = Granularity::month;
                c.te = z;
                c.rule = "absolute:month-year-words";
                return true;
            }
        }
        if (abbr) return false;  // "Jan" alone is a name more often than a month
        // A bare month name. "May" and "March" are also a name, a verb and a noun:
        // they need a preposition or a modifier before them.
        const Tok* p = i > 0 ? &t_[i - 1] : nullptr;
        const bool prep = p && same_sent(i - 1, i) &&
                          words().month_before.contains(p->low);
        if ((month == 5 || month == 3) && mod == kNone && !prep) return false;
        // "Theresa May", "Mrs May": a capitalised word or an honorific before the month.
        if (p && p->kind == TokKind::word && p->cap && same_sent(i - 1, i) && mod == kNone && !prep) return false;
        if (p && words().honorific.contains(p->low)) return false;
        // "of May" after a title is still a name: "the Ministry of May"? too rare.
        c.kind = Kind::month_only;
        c.m = month;
        c.mod = mod;
        c.g = Granularity::month;
        c.te = e;
        c.rule = mod == kNone ? "month-only"
                 : mod < 0    ? "month-only:last"
                 : mod == 0   ? "month-only:this"
                              : "month-only:next";
        int rel = 0;
        std::size_t r = e;
        if (is(r, "of")) ++r;
        if (mod == kNone) {
            if (std::size_t z = year_phrase(r, rel)) {
                c.year_rel = rel;
                c.te = z;
                c.rule = "month-only:relative-year";
            }
        }
        return true;
    }
};

const std::array<Recogniser::WordRule, 33> Recogniser::kWordRules = {{
    {"period-modifier", "@period-modifier", &Recogniser::period_modifier,
     "Talks began in late November and resumed in mid-2024, earlier this year.",
     "late November=2024-11 | mid-2024=2024 | earlier this year=2024"},
    {"the-quarter", "the", &Recogniser::the_quarter,
     "Profit rose in the third quarter.",
     "the third quarter=2024-Q3"},
    {"the-year-quarter", "the", &Recogniser::the_year_quarter,
     "Sales fell in the 1988 second quarter.",
     "the 1988 second quarter=1988-Q2"},
    {"the-decade", "the", &Recogniser::the_decade,
     "Prices rose in the 1990s.",
     "the 1990s=199"},
    {"the-current", "the", &Recogniser::the_current,
     "Growth slowed over the past year and the current fiscal year.",
     "the past year=2023 | the current fiscal year=2024"},
    {"the-year-end", "the", &Recogniser::the_year_end,
     "The plant will close by the end of the year.",
     "the end of the year=2024"},
    {"the-following-year", "the", &Recogniser::the_following_year,
     "It opened in 2019 and closed the following year.",
     "2019=2019 | the following year=2020"},
    {"the-latest-period", "the", &Recogniser::the_latest_period,
     "Earnings in the latest period were flat.",
     "the latest period=2024-Q3"},
    {"the-latest-quarter", "the", &Recogniser::the_latest_quarter,
     "Net income fell in the latest quarter.",
     "the latest quarter=2024-Q3"},
    {"the-weekend", "the", &Recogniser::the_weekend,
     "Shops were busy over the weekend.",
     "the weekend=2024-W40-WE"},
    {"the-decade-words", "the", &Recogniser::the_decade_words,
     "Rents doubled in the nineties.",
     "the nineties=199"},
    {"the-decade-short", "the", &Recogniser::the_decade_short,
     "Fashions of the '90s returned.",
     "the '90s=199"},
    {"the-year-earlier", "the", &Recogniser::the_year_earlier,
     "Profit beat the year-earlier quarter.",
     "the year-earlier quarter=2023"},
    {"ordinal-quarter", "@ordinal q", &Recogniser::ordinal_quarter,
     "The company reported third-quarter profit and Q3 2023 sales.",
     "third-quarter=2024-Q3 | Q3 2023=2023-Q3"},
    {"year-end", "year", &Recogniser::year_end,
     "Rates will rise by year-end.",
     "year-end=2024"},
    {"that-year", "that", &Recogniser::that_year,
     "She moved in 2015 and married that year.",
     "2015=2015 | that year=2015"},
    {"year-earlier", "year", &Recogniser::year_earlier,
     "Sales beat year-earlier levels.",
     "year-earlier=2023"},
    {"month", "@month @month-abbr", &Recogniser::month,
     "The vote was on October 7, 2023 and the count in May.",
     "October 7, 2023=2023-10-07 | May=2024-05"},
    {"weekday", "@weekday", &Recogniser::weekday_name,
     "Officials met on Tuesday; the deal was signed Monday, Oct. 7.",
     "Tuesday=2024-10-01 | Monday, Oct. 7=2024-10-07"},
    {"holiday", "@holiday", &Recogniser::holiday,
     "Shops closed at Christmas and reopened after New Year's Day.",
     "Christmas=2023-12-25 | New Year's Day=2024-01-01"},
    {"season", "@season", &Recogniser::season,
     "The bridge opened in the summer of 1998.",
     "the summer of 1998=1998-SU"},
    {"year-words", "nineteen", &Recogniser::year_words,
     "It was built in nineteen ninety-six.",
     "nineteen ninety-six=1996"},
    {"year-two-thousand", "year", &Recogniser::year_two_thousand,
     "Fears about the year two thousand faded.",
     "the year two thousand=2000"},
    {"relative-day", "@relative-day", &Recogniser::relative_day,
     "The minister resigned late yesterday.",
     "late yesterday=2024-10-06"},
    {"this-past-season", "this", &Recogniser::this_past_season,
     "Floods hit the town this past spring.",
     "this past spring=2024-SP"},
    {"modifier-year-quarter", "@modifier", &Recogniser::modifier_year_quarter,
     "Profit topped last year's third quarter.",
     "last year's third quarter=2023-Q3"},
    {"modifier-weekend", "@modifier", &Recogniser::modifier_weekend,
     "Protests grew last weekend.",
     "last weekend=2024-W40-WE"},
    {"modifier-unit", "@modifier", &Recogniser::modifier_unit,
     "Inflation fell last year and will rise next month.",
     "last year=2023 | next month=2024-11"},
    {"modifier-season", "@modifier", &Recogniser::modifier_season,
     "The law passed last fall.",
     "last fall=2023-FA"},
    {"modifier-holiday", "@modifier", &Recogniser::modifier_holiday,
     "Prices peaked last Christmas.",
     "last Christmas=2023-12-25"},
    {"modifier-month", "@modifier", &Recogniser::modifier_month,
     "Talks stalled last April.",
     "last April=2024-04"},
    {"modifier-weekday", "@modifier", &Recogniser::modifier_weekday,
     "He left last Friday.",
     "last Friday=2024-10-04"},
    {"ago", "@count", &Recogniser::ago,
     "The plant closed two years ago.",
     "two years ago=2022"},
}};

const std::unordered_map<std::string_view, std::vector<std::uint8_t>>& Recogniser::word_dispatch() {
    static const auto table = [] {
        std::unordered_map<std::string_view, std::vector<std::uint8_t>> m;
        const Lexicon& x = embedded_lexicon("dates-en.tsv");
        for (std::size_t r = 0; r < kWordRules.size(); ++r) {
            auto add = [&](std::string_view w) {
                std::vector<std::uint8_t>& v = m[w];
                if (v.empty() || v.back() != r) v.push_back(static_cast<std::uint8_t>(r));
            };
            std::string_view ts = kWordRules[r].triggers;
            while (!ts.empty()) {
                const std::size_t sp = std::min(ts.find(' '), ts.size());
                const std::string_view t = ts.substr(0, sp);
                ts.remove_prefix(std::min(sp + 1, ts.size()));
                if (t == "@holiday") {
                    // The first word of each holiday, "year's" as "year" (matched as year ' s).
                    for (const Holiday& h : words().holidays) {
                        const std::string_view first = h.words.front();
                        add(first.ends_with("'s") ? first.substr(0, first.size() - 2) : first);
                    }
                } else if (t.starts_with("@")) {
                    for (const LexEntry& e : x.list(t.substr(1)))
                        add(e.word);
                } else {
                    add(t);
                }
            }
        }
        return m;
    }();
    return table;
}

// ---------------------------------------------------------------------------
// Tense: which way a weekday or a year-less date points from the publication date.

enum class Tense { past, future, unknown };

// Past-tense verbs that do not end in -ed.
bool irregular_past(std::string_view w) {
    return words().past_irregular.contains(w);
}

bool future_cue(const std::vector<Tok>& t, std::size_t i) {
    const std::string& w = t[i].low;
    // "as soon as Tuesday", "as early as Tuesday", "set to resume Monday".
    if ((w == "soon" || w == "early") && i > 0 && t[i - 1].low == "as" && i + 1 < t.size() && t[i + 1].low == "as")
        return true;
    if (w == "set" && i + 1 < t.size() && t[i + 1].low == "to") return true;
    // Intentions: "hopes to win Tuesday's primary", "is preparing to vote on Monday".
    if (words().future_to.contains(w) &&
        i + 1 < t.size() && t[i + 1].low == "to")
        return true;
    if (words().future.contains(w))
        return true;
    if (w == "ll" && i > 0 && t[i - 1].low == "'") return true;
    if (w == "won" && i + 2 < t.size() && t[i + 1].low == "'" && t[i + 2].low == "t") return true;
    if (w == "going" && i + 1 < t.size() && t[i + 1].low == "to") return true;
    if (w == "would" && !(i + 1 < t.size() && t[i + 1].low == "have")) return true;
    // Present modals look ahead too ("can win in November", "must vote by May"),
    // unless followed by "have" or "not". "could" and "might" are left out: in past
    // narrative they are reports ("could not be located Wednesday").
    if (words().modal.contains(w) && !(i + 1 < t.size() && words().not_after_modal.contains(t[i + 1].low))) return true;
    if ((w == "is" || w == "are") && i + 1 < t.size() && t[i + 1].low == "to") return true;
    if (w == "be" && i > 0 && t[i - 1].low == "to") return true;
    return false;
}

bool past_cue(const std::vector<Tok>& t, std::size_t i) {
    const Tok& k = t[i];
    if (k.kind != TokKind::word || k.cap) return false;
    // "to be held", "will be launched": a participle after "be" tells nothing; the
    // modal before it decides.
    if (i > 0 && t[i - 1].low == "be") return false;
    const std::string& w = k.low;
    if (irregular_past(w)) return true;
    if (w.size() >= 5 && w.ends_with("ed") &&
        !words().not_past_ed.contains(w))
        return true;
    return false;
}

// The tense of the clause around tokens [tb, te): the nearest cue within the
// sentence, looking up to 12 tokens either side; a tie goes to the cue after the
// expression ("on Friday will meet" is rare, "said on Friday" common, but the verb
// usually comes first: "will meet on Friday").
Tense tense_around(const std::vector<Tok>& t, std::size_t tb, std::size_t te) {
    constexpr std::size_t kWindow = 12;
    const int s = t[tb].sent;
    // A deadline ("by Jan. 14") lies ahead; "Wednesday's ruling" has happened.
    if (tb > 0 && (t[tb - 1].low == "by" || t[tb - 1].low == "before")) return Tense::future;
    if (tb > 1 && t[tb - 1].low == "of" && t[tb - 2].low == "ahead") return Tense::future;
    Tense left = Tense::unknown, right = Tense::unknown;
    std::size_t dl = kWindow + 1, dr = kWindow + 1;
    for (std::size_t k = 1; k <= kWindow && tb >= k; ++k) {
        const std::size_t i = tb - k;
        if (t[i].sent != s) break;
        if (future_cue(t, i)) {
            left = Tense::future;
            dl = k;
            break;
        }
        if (past_cue(t, i)) {
            left = Tense::past;
            dl = k;
            break;
        }
    }
    for (std::size_t k = 0; k < kWindow && te + k < t.size(); ++k) {
        const std::size_t i = te + k;
        if (t[i].sent != s) break;
        if (future_cue(t, i)) {
            right = Tense::future;
            dr = k + 1;
            break;
        }
        if (past_cue(t, i)) {
            right = Tense::past;
            dr = k + 1;
            break;
        }
    }
    if (left == Tense::unknown) return right;
    if (right == Tense::unknown) return left;
    return dl <= dr ? left : right;
}

// ---------------------------------------------------------------------------
// Resolution

std::string pad2(int v) {
    return v < 10 ? "0" + std::to_string(v) : std::to_string(v);
}

// A year as four digits: a three-digit value would read as a TimeML decade. Years
// outside 1..9999 (a publication date near year 0) give no value.
std::string year_value(int y) {
    if (y < 1 || y > 9999) return {};
    std::string s = std::to_string(y);
    return std::string(4 - s.size(), '0') + s;
}

std::string month_value(int y, int m) {
    return year_value(y).empty() ? std::string() : year_value(y) + "-" + pad2(m);
}

std::string month_value(const ch::year_month& ym) {
    return month_value(static_cast<int>(ym.year()), static_cast<int>(static_cast<unsigned>(ym.month())));
}

std::string quarter_value(int y, int q) {
    return year_value(y).empty() ? std::string() : year_value(y) + "-Q" + std::to_string(q);
}

std::string week_value(const Ymd& d) {
    const IsoWeek w = iso_week(d);
    return year_value(w.year).empty() ? std::string() : year_value(w.year) + "-W" + pad2(w.week);
}

// How far (days) a tense cue may push a year-less date away from the nearest reading.
constexpr long kTenseReach = 300;
// How far (days) from a dated mention a year-less date may be to borrow its year.
constexpr long kContextReach = 62;

struct Resolver {
    const std::vector<Tok>* tp = nullptr;  // the tokens of the chunk being resolved
    std::optional<Ymd> dct;

    // The last resolved date with an explicit or computed year, for year-less dates
    // that follow it (HeidelTime's "last mentioned date" for narratives).
    struct Ref {
        int year = 0;
        int sent = -10;
        char unit = 'y';  // granularity of the last mention: 'd', 'm', 'y', 'q', 'w'
        int q = 0;
        Ymd day{};  // first day of the mention (for 'd' and 'm')
    };
    Ref ref{};    // last date carrying an explicit year
    Ref last{};   // last date of any kind
    Ref lastq{};  // last quarter (for "a year ago" and "the quarter" in financial news)

    // A quarter was named in this sentence or the three before.
    bool quarter_in_context(int s) const { return lastq.q && s - lastq.sent <= 3; }
    // The year last given to each month and day in this article (0 = none), so that
    // a repeated "7 October" keeps the year it had. A table, not a search: constant
    // time however long the article.
    std::array<int, 13 * 32> seen_md{};

    // Year for a year-less month (and day): context first, then tense.
    int year_for(const Cand& c, int m, int d, const char*& rule) {
        const Ymd p = *dct;
        const int s = (*tp)[c.tb].sent;
        if (d > 0) {
            if (const int y = seen_md[static_cast<std::size_t>(m * 32 + d)]) {
                rule = "month-day:same-as-earlier";
                return y;
            }
        }
        const Tense tense = tense_around(*tp, c.tb, c.te);
        // A narrative: a day or month with its year, in this or the previous sentence,
        // lends its year to a year-less date close to it ("on 7 October last year ...
        // invaded Gaza on 27 October"), when the date so made is not after publication
        // (or the clause is in the future tense). Farther apart, the year is more often
        // the publication's (measured on TBAQ), so the context is not used.
        if (ref.year && s - ref.sent <= 1 && ref.year != p.year && (ref.unit == 'd' || ref.unit == 'm')) {
            const ch::sys_days cand = clamped_day(ref.year, m, d > 0 ? d : 1);
            const long gap = (cand - ch::sys_days{to_chrono(ref.day)}).count();
            if ((cand <= ch::sys_days{to_chrono(p)} || tense == Tense::future) && gap >= -kContextReach &&
                gap <= kContextReach) {
                rule = d > 0 ? "month-day:year-from-context" : "month-only:year-from-context";
                return ref.year;
            }
        }
        // Otherwise the nearest such date, unless the tense points the other way and
        // the date in that direction is not too far: "were held on 20 December" in
        // October is last December, but "by Jan. 14" in a past-tense sentence written
        // on 6 January is next week, not last year. (Measured on TBAQ: plain tense
        // loses to nearest; nearest with this override wins.)
        const ch::sys_days dp{to_chrono(p)};
        const bool month_only = d <= 0;
        auto cmp = [&](int y) -> long {
            // Month granularity compares months (in days), so "April" in April is this April.
            if (month_only) return 30L * (months_of(y, m) - months_of(p.year, p.month)).count();
            return (clamped_day(y, m, d) - dp).count();
        };
        int best = p.year;
        for (int y : {p.year - 1, p.year + 1})
            if (std::abs(cmp(y)) < std::abs(cmp(best)) || (std::abs(cmp(y)) == std::abs(cmp(best)) && y < best))
                best = y;
        const int past = cmp(p.year) <= 0 ? p.year : p.year - 1;
        const int future = cmp(p.year) >= 0 ? p.year : p.year + 1;
        if (tense == Tense::past && best != past && -cmp(past) <= kTenseReach) {
            rule = month_only ? "month-only:past" : "month-day:past";
            return past;
        }
        if (tense == Tense::future && best != future && cmp(future) <= kTenseReach) {
            rule = month_only ? "month-only:future" : "month-day:future";
            return future;
        }
        rule = month_only ? "month-only:nearest" : "month-day:nearest";
        return best;
    }

    DateMention resolve(const Cand& c) {
        DateMention m;
        m.granularity = c.g;
        m.rule = c.rule;
        const int s = (*tp)[c.tb].sent;
        auto set_ref = [&](int year, char unit, int q = 0, Ymd first = {}) {
            ref = Ref{year, s, unit, q, first};
            last = ref;
        };
        switch (c.kind) {
            case Kind::absolute:
                if (c.g == Granularity::day) {
                    m.value = iso_day(Ymd{c.y, c.m, c.d});
                    seen_md[static_cast<std::size_t>(c.m * 32 + c.d)] = c.y;
                    set_ref(c.y, 'd', 0, Ymd{c.y, c.m, c.d});
                } else if (c.g == Granularity::month) {
                    m.value = month_value(c.y, c.m);
                    set_ref(c.y, 'm', 0, Ymd{c.y, c.m, 1});
                } else {
                    m.value = year_value(c.y);
                    set_ref(c.y, 'y');
                }
                return m;
            case Kind::decade:
                m.value = std::to_string(c.y / 10);
                return m;
            case Kind::century:
                m.value = (c.y < 10 ? "0" : "") + std::to_string(c.y);
                return m;
            default:
                break;
        }
        if (!dct) return m;  // relative and year-less: unresolved without a publication date
        const Ymd p = *dct;
        switch (c.kind) {
            case Kind::month_day: {
                int y = 0;
                const char* rule = c.rule;
                if (c.year_rel != kNone)
                    y = p.year + c.year_rel;
                else
                    y = year_for(c, c.m, c.d, rule);
                if (c.weekday >= 0 && c.year_rel == kNone) {
                    // "Monday, Oct. 26": the year nearest publication in which that date
                    // is that weekday, when there is one within a year either side.
                    for (int cand : {p.year, p.year - 1, p.year + 1})
                        if (const ch::year_month_day day = to_chrono(Ymd{cand, c.m, c.d});
                            day.ok() && ch::weekday{ch::sys_days{day}} == weekday_from_monday(c.weekday)) {
                            y = cand;
                            rule = "month-day:weekday-match";
                            break;
                        }
                }
                m.rule = rule;
                if (!real_day(y, c.m, c.d)) return m;
                m.value = iso_day(Ymd{y, c.m, c.d});
                seen_md[static_cast<std::size_t>(c.m * 32 + c.d)] = y;
                if (c.year_rel != kNone)
                    set_ref(y, 'd', 0, Ymd{y, c.m, c.d});
                else
                    last = Ref{y, s, 'd'};
                return m;
            }
            case Kind::month_only: {
                int y = p.year;
                const char* rule = c.rule;
                if (c.year_rel != kNone)
                    y = p.year + c.year_rel;
                else if (c.mod == -1)
                    y = c.m < p.month ? p.year : p.year - 1;
                else if (c.mod == 1)
                    y = c.m > p.month ? p.year : p.year + 1;
                else if (c.mod == 0)
                    y = p.year;
                else
                    y = year_for(c, c.m, 0, rule);
                m.rule = rule;
                m.value = month_value(y, c.m);
                last = Ref{y, s, 'm'};
                return m;
            }
            case Kind::weekday: {
                const ch::weekday today{ch::sys_days{to_chrono(p)}}, day = weekday_from_monday(c.d);
                const long back = (today - day).count();  // days back to the most recent one
                const long fwd = (day - today).count();   // days forward to the next one
                long off = 0;
                if (c.mod == -1)
                    off = -(back == 0 ? 7 : back);
                else if (c.mod == 1)
                    off = fwd == 0 ? 7 : fwd;
                else {
                    const Tense tense = tense_around(*tp, c.tb, c.te);
                    if (tense == Tense::future) {
                        off = fwd;
                        m.rule = "weekday:future";
                    } else {
                        off = -back;
                        m.rule = "weekday:past";
                    }
                }
                m.value = iso_day(add_days(p, off));
                last = Ref{add_days(p, off).year, s, 'd'};
                return m;
            }
            case Kind::rel_day:
                m.value = iso_day(add_days(p, c.offset));
                last = Ref{p.year, s, 'd'};
                return m;
            case Kind::rel_unit: {
                switch (c.unit) {
                    case 'y':
                        m.value = year_value(p.year + c.offset);
                        set_ref(p.year + c.offset, 'y');
                        break;
                    case 'm': {
                        const ch::year_month ym = months_of(p.year, p.month) + ch::months{c.offset};
                        m.value = month_value(ym);
                        last = Ref{static_cast<int>(ym.year()), s, 'm'};
                        break;
                    }
                    case 'w':
                        m.value = week_value(add_days(p, 7L * c.offset));
                        last = Ref{p.year, s, 'w'};
                        break;
                    case 'q': {
                        const int back = c.year_rel == -1 ? 1 : 0;  // "the quarter a year ago"
                        if (c.offset == -1 && c.rule == std::string_view("relative:the-quarter") &&
                            quarter_in_context(s)) {
                            // "the quarter" is the quarter being discussed.
                            m.value = quarter_value(lastq.year - back, lastq.q);
                            break;
                        }
                        int idx = p.year * 4 + (p.month - 1) / 3 + c.offset - 4 * back;
                        m.value = quarter_value(idx / 4, idx % 4 + 1);
                        last = Ref{idx / 4, s, 'q', idx % 4 + 1};
                        lastq = last;
                        break;
                    }
                    default:
                        break;
                }
                return m;
            }
            case Kind::ago: {
                // "a year ago", "the year-earlier period" while a quarter is discussed
                // name the same quarter a year before ("profit rose from $5m a year
                // ago"): financial news compares quarters.
                if (c.unit == 'y') {
                    if (c.offset == -1 && quarter_in_context(s)) {
                        m.value = quarter_value(lastq.year - 1, lastq.q);
                        m.granularity = Granularity::month;
                        m.rule = std::string(c.rule) + "+quarter";
                    } else {
                        m.value = year_value(p.year + c.offset);
                    }
                } else if (c.unit == 'm') {
                    m.value = month_value(months_of(p.year, p.month) + ch::months{c.offset});
                } else if (c.unit == 'w') {
                    m.value = week_value(add_days(p, 7L * c.offset));
                } else {
                    m.value = iso_day(add_days(p, c.offset));
                }
                return m;
            }
            case Kind::holiday: {
                const char* rule = c.rule;
                int y = c.y;
                if (!y) {
                    const Ymd here = holiday_day(c.q, p.year);
                    if (c.mod == -1)
                        y = here < p ? p.year : p.year - 1;
                    else if (c.mod == 1)
                        y = here > p ? p.year : p.year + 1;
                    else if (c.mod == 0)
                        y = p.year;
                    else
                        y = year_for(c, here.month, here.day, rule);
                }
                m.rule = rule;
                m.value = iso_day(holiday_day(c.q, y));
                last = Ref{y, s, 'd'};
                return m;
            }
            case Kind::anaphoric_year:
                // Without an earlier dated mention there is nothing to refer to: the
                // mention is dropped (find_dates skips empty values when it has a
                // publication date).
                if (ref.year) m.value = year_value(ref.year + c.offset);
                return m;
            case Kind::weekend: {
                // The weekend of an ISO week ("1990-W32-WE"). "the weekend" in news is the
                // one just past (this week's when published on the weekend itself);
                // "this weekend" is this week's; "next"/"last" move a week.
                const ch::weekday wd{ch::sys_days{to_chrono(p)}};
                Ymd anchor = p;
                if (c.mod == kNone)
                    anchor = wd == ch::Saturday || wd == ch::Sunday ? p : add_days(p, -7);
                else if (c.mod == -1)
                    anchor = add_days(p, -7);
                else if (c.mod == 1)
                    anchor = add_days(p, 7);
                if (c.mod == kNone && tense_around(*tp, c.tb, c.te) == Tense::future) anchor = p;
                m.value = week_value(anchor) + "-WE";
                return m;
            }
            case Kind::season: {
                // Seasons as a running index: year*4 + (0 spring .. 3 winter); January
                // and February belong to the previous year's winter.
                const int cur = (p.month <= 2 ? p.year - 1 : p.year) * 4 + (p.month <= 2 ? 3 : (p.month - 3) / 3);
                int idx = 0;
                if (c.y)
                    idx = c.y * 4 + c.q;
                else if (c.mod == -1) {
                    idx = cur - 1;
                    while (idx % 4 != c.q)
                        --idx;
                } else if (c.mod == 1) {
                    idx = cur + 1;
                    while (idx % 4 != c.q)
                        ++idx;
                } else if (c.mod == 0) {
                    // "this summer" is the publication year's (or the current season).
                    idx = cur % 4 == c.q ? cur : p.year * 4 + c.q;
                } else {
                    // "the spring": the nearest one, unless the tense points the other way.
                    const Tense tense = tense_around(*tp, c.tb, c.te);
                    int best = 0;
                    for (int y : {p.year - 1, p.year, p.year + 1}) {
                        const int cand = y * 4 + c.q;
                        if (tense == Tense::past && cand > cur) continue;
                        if (tense == Tense::future && cand < cur) continue;
                        if (!best || std::abs(cand - cur) < std::abs(best - cur)) best = cand;
                    }
                    idx = best;
                    m.rule = tense == Tense::past     ? "season:past"
                             : tense == Tense::future ? "season:future"
                                                      : "season:nearest";
                }
                static constexpr std::array<const char*, 4> kCodes = {"SP", "SU", "FA", "WI"};
                if (!year_value(idx / 4).empty())
                    m.value = year_value(idx / 4) + "-" + kCodes[static_cast<std::size_t>(idx % 4)];
                return m;
            }
            case Kind::quarter: {
                int y = c.y;
                const char* rule = c.rule;
                if (!y && c.year_rel != kNone) y = p.year + c.year_rel;
                int q = c.q;
                if (!q) {
                    // "last year's quarter", "the 1988 period": the quarter being
                    // discussed, or else the whole year.
                    if (quarter_in_context(s)) {
                        q = lastq.q;
                    } else {
                        m.value = year_value(y);
                        m.granularity = Granularity::year;
                        return m;
                    }
                }
                if (!y) {
                    // The quarter of this year if it has begun, else last year's. (Not
                    // next year's in a future-tense clause: "will report third-quarter
                    // results" in October is about the quarter just ended.)
                    const int cur = (p.month - 1) / 3 + 1;
                    y = q <= cur ? p.year : p.year - 1;
                    rule = "quarter:publication-year";
                }
                m.rule = rule;
                m.value = quarter_value(y, q);
                last = Ref{y, s, 'q', q};
                lastq = last;
                return m;
            }
            default:
                return m;
        }
    }
};

}  // namespace

std::vector<DateRuleExample> date_rule_examples() {
    std::vector<DateRuleExample> out;
    for (const Recogniser::WordRule& r : Recogniser::kWordRules)
        out.push_back(DateRuleExample{r.name, r.triggers, r.input, r.expected});
    return out;
}

std::vector<DateMention> find_dates(std::string_view text, const std::optional<Ymd>& published) {
    return find_dates(TokenLayer(text), published);
}

std::vector<DateMention> find_dates(const TokenLayer& layer, const std::optional<Ymd>& published) {
    std::vector<DateMention> out;
    const std::string_view text = layer.text;
    if (text.empty()) return out;
    // The text goes through in chunks of about 64 KB cut before a line break (or,
    // in one very long line, at a space), so that a 10 MB article never holds more
    // than one chunk's tokens. Sentence numbers and the resolver's memory of earlier
    // dates carry over from chunk to chunk.
    constexpr std::size_t kChunk = 64 * 1024;
    Resolver res{nullptr, published};
    int sent = 0;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.size();
        if (end - begin > kChunk) {
            std::size_t cut = text.find('\n', begin + kChunk);
            if (cut == std::string_view::npos || cut - begin > 2 * kChunk) {
                cut = text.find(' ', begin + kChunk);
                if (cut == std::string_view::npos || cut - begin > 2 * kChunk) cut = begin + 2 * kChunk;
                // Never cut inside a UTF-8 sequence.
                while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                    ++cut;
            }
            end = std::min(cut, text.size());
        }
        const std::vector<Tok> toks = tokenize(layer, begin, end, sent);
        if (!toks.empty()) sent = toks.back().sent;
        Recogniser rec(toks);
        const std::vector<Cand> cands = rec.run();
        res.tp = &toks;
        for (const Cand& c : cands) {
            DateMention m = res.resolve(c);
            if (published && m.value.empty()) continue;  // "that year" with no year before it
            m.span = Span{toks[c.tb].b, toks[c.te - 1].e};
            m.surface.assign(text.substr(m.span.begin, m.span.end - m.span.begin));
            out.push_back(std::move(m));
        }
        res.tp = nullptr;
        begin = end;
    }
    return out;
}

}  // namespace newsfacet
