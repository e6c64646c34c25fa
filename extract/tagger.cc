// The entity tagger (see tagger.h): tokenizer, features, Viterbi decoding and the
// embedded model. The trainer (bench/eval/train_ner.cc) uses the same tokenizer and
// features, so what is trained is exactly what runs.
#include "tagger.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <unordered_map>

#include "embedded.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "utf8.h"
#include "people.h"

namespace newsfacet {
namespace ner {
namespace {

constexpr std::array<std::string_view, kTags> kTagNames = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                                           "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

bool is_alnum(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp == 0xFFFD) return false;
    return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
}
bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return u_isupper(static_cast<UChar32>(cp));
}
bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return u_islower(static_cast<UChar32>(cp));
}
bool is_digit(char32_t cp) {
    return cp >= '0' && cp <= '9';
}
bool is_apostrophe(char32_t cp) {
    return cp == '\'' || cp == 0x2019;
}

// Words after which a full stop belongs to the word, as CoNLL writes them ("Corp.").
bool is_abbreviation(std::string_view w) {
    if (w.find('.') != std::string_view::npos) return true;  // "U.S" before its final stop
    if (w.size() == 1) return is_upper(static_cast<unsigned char>(w[0]));
    std::string l = detail::lower(w);
    static const WordSet abbrevs = embedded_lexicon("abbreviations.tsv").set("conll");
    return abbrevs.contains(l);
}

// ---- hashing ----

std::uint64_t fnv(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}
std::uint32_t fin(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    const auto r = static_cast<std::uint32_t>(h);
    return r ? r : 1u;  // 0 marks an empty slot
}
std::uint32_t feat(std::uint32_t tid, std::uint64_t a = 0, std::uint64_t b = 0, std::uint64_t c = 0) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull * (tid + 1);
    h = (h ^ a) * 0x100000001B3ull + (h >> 29);
    h = (h ^ b) * 0x100000001B3ull + (h >> 31);
    h = (h ^ c) * 0x100000001B3ull + (h >> 27);
    return fin(h);
}

// ---- per-token facts ----

enum Lex : std::uint32_t {
    kGivenM = 1u << 0,
    kGivenF = 1u << 1,
    kGivenU = 1u << 2,
    kSurname = 1u << 3,
    kCommon = 1u << 4,  // an ordinary lower-case English word
    kHonorific = 1u << 5,
    kOffice = 1u << 6,
    kRole = 1u << 7,
    kOrgWord = 1u << 8,
    kDemonym = 1u << 9,
    kFunction = 1u << 10,
};

struct Info {
    std::string_view w;
    std::string lw;     // ASCII lower case
    std::string cased;  // ALL-CAPS words title-cased, others as written (for the case-sensitive lists)
    std::uint64_t hw = 0, hshape = 0;
    bool cap = false, allcaps = false, has_alpha = false, has_digit = false, punct = false;
    bool sent_start = false, line_start = false;
    std::uint32_t lex = 0;
    // Gazetteer: position in the longest match covering the token (0 none, 1 first, 2 inside),
    // the match's level and flags.
    std::uint8_t gaz_pos = 0, gaz_len = 0;
    std::string_view gaz_level;
    bool gaz_common = false, gaz_big = false, gaz_country = false;
};

// The name lists as one hash look-up per word: hashes of the word as written (given
// names, surnames, organisation words, demonyms) and of its lower case (common words,
// honorifics, offices, roles) to the list bits.
struct ListTable {
    std::unordered_map<std::uint64_t, std::uint32_t> cased, lower;
};

const ListTable& list_table() {
    static const ListTable table = [] {
        const detail::NameLexicon& lex = detail::name_lexicon();
        ListTable x;
        x.cased.reserve(lex.given.size() + lex.surnames.size() + lex.orgwords.size() + lex.demonyms.size());
        x.lower.reserve(lex.words.size() + lex.honorifics.size() + lex.offices.size() + lex.roles.size());
        for (const auto& [name, g] : lex.given)
            x.cased[fnv(name)] |= g == 'm' ? kGivenM : g == 'f' ? kGivenF : kGivenU;
        for (const std::string& w : lex.surnames)
            x.cased[fnv(w)] |= kSurname;
        for (const std::string& w : lex.orgwords)
            x.cased[fnv(w)] |= kOrgWord;
        for (const std::string& w : lex.demonyms)
            x.cased[fnv(w)] |= kDemonym;
        for (const std::string& w : lex.words)
            x.lower[fnv(w)] |= kCommon;
        for (const std::string& w : lex.honorifics)
            x.lower[fnv(w)] |= kHonorific;
        for (const std::string& w : lex.offices)
            x.lower[fnv(w)] |= kOffice;
        for (const std::string& w : lex.roles)
            x.lower[fnv(w)] |= kRole;
        return x;
    }();
    return table;
}

std::string shape_of(std::string_view w) {
    std::string s;
    char last = 0;
    int run = 0;
    for (std::size_t i = 0; i < w.size();) {
        const char32_t cp = next_code_point(w, i);
        char c = is_upper(cp) ? 'X' : is_lower(cp) ? 'x' : is_digit(cp) ? 'd' : cp < 0x80 ? static_cast<char>(cp) : 'o';
        if (c == last) {
            if (++run >= 2) continue;
        } else {
            run = 0;
        }
        last = c;
        s.push_back(c);
        if (s.size() >= 8) break;
    }
    return s;
}

std::string title_case(std::string_view w) {
    std::string s(w);
    bool after_letter = false;
    for (char& c : s) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (letter && after_letter && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        after_letter = letter;
    }
    return s;
}

}  // namespace

std::string_view tag_name(int tag) {
    return tag >= 0 && tag < kTags ? kTagNames[static_cast<std::size_t>(tag)] : std::string_view("O");
}

int tag_index(std::string_view name) {
    for (int t = 0; t < kTags; ++t)
        if (kTagNames[static_cast<std::size_t>(t)] == name) return t;
    return name == "O" ? 0 : -1;
}

std::vector<Tok> tokenize(std::string_view text) {
    return tokenize(TokenLayer(text));
}

// The tagger's view of the token layer: CoNLL-2003 tokens. Word atoms joined by one
// connector (- . ' ’ & /, and , : between digits) are one word; every other
// punctuation atom is a token; white space and line breaks separate tokens.
std::vector<Tok> tokenize(const TokenLayer& layer) {
    const std::string_view text = layer.text;
    const std::vector<Atom>& atoms = layer.atoms;
    std::vector<Tok> out;
    out.reserve(atoms.size() / 2 + 1);
    std::size_t cursor = 0;  // the end of the last token
    auto push = [&](std::size_t b, std::size_t e, std::uint32_t line) {
        out.push_back(Tok{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), line});
        cursor = e;
    };
    for (std::size_t n = 0; n < atoms.size(); ++n) {
        const Atom& a = atoms[n];
        if (a.end <= cursor || a.kind == AtomKind::newline || a.kind == AtomKind::space) continue;
        if (a.kind == AtomKind::punct) {
            // "'s" after a space is the CoNLL possessive token.
            if (is_apostrophe(a.cp) && a.end < text.size() && (text[a.end] == 's' || text[a.end] == 'S')) {
                const std::size_t j = a.end + 1;
                if (j >= text.size() || !is_alnum(static_cast<unsigned char>(text[j]))) {
                    push(a.begin, j, a.line);
                    continue;
                }
            }
            push(a.begin, a.end, a.line);
            continue;
        }
        // A word: word atoms, joined by connectors that have a word atom right after them.
        const std::size_t start = std::max<std::size_t>(a.begin, cursor);
        std::size_t end = a.end;
        bool digits_before = a.has(Atom::kLastDigit);
        while (n + 2 < atoms.size()) {
            const Atom& c = atoms[n + 1];
            const Atom& after = atoms[n + 2];
            if (c.begin != end || c.kind != AtomKind::punct || after.kind != AtomKind::word || after.begin != c.end) break;
            const bool connector = c.cp == '-' || c.cp == '.' || is_apostrophe(c.cp) || c.cp == '&' || c.cp == '/' ||
                                   ((c.cp == ',' || c.cp == ':') && digits_before && after.has(Atom::kFirstDigit));
            if (!connector) break;
            end = after.end;
            digits_before = after.has(Atom::kLastDigit);
            n += 2;
        }
        std::string_view w = text.substr(start, end - start);
        // The full stop of an abbreviation or an initial belongs to the word.
        if (end < text.size() && text[end] == '.' && is_abbreviation(w)) {
            ++end;
            w = text.substr(start, end - start);
        }
        // Possessive and negation clitics are tokens of their own, as in CoNLL.
        std::size_t split = end;
        if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S")))
            split = end - 2;
        else if (w.size() > 4 && (w.ends_with("\xE2\x80\x99s") || w.ends_with("\xE2\x80\x99S")))
            split = end - 4;
        else if (w.size() > 3 && w.ends_with("n't"))
            split = end - 3;
        if (split != end) {
            push(start, split, a.line);
            push(split, end, a.line);
        } else {
            push(start, end, a.line);
        }
    }
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> sequences(const std::vector<Tok>& toks) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < toks.size();) {
        std::size_t j = i + 1;
        while (j < toks.size() && toks[j].line == toks[i].line)
            ++j;
        out.emplace_back(i, j);
        i = j;
    }
    return out;
}

Features extract_features(std::string_view text, const std::vector<Tok>& toks) {
    const ListTable& lists = list_table();
    const Gazetteer& gaz = Gazetteer::instance();
    const std::size_t n = toks.size();
    std::vector<Info> info(n);

    // Pass 1: the word facts.
    for (std::size_t i = 0; i < n; ++i) {
        Info& t = info[i];
        t.w = text.substr(toks[i].begin, toks[i].end - toks[i].begin);
        t.lw = detail::lower(t.w);
        std::size_t p = 0;
        const char32_t first = next_code_point(t.w, p);
        int letters = 0, uppers = 0;
        for (std::size_t q = 0; q < t.w.size();) {
            const char32_t c = next_code_point(t.w, q);
            if (is_upper(c))
                ++letters, ++uppers;
            else if (is_lower(c))
                ++letters;
            else if (is_digit(c))
                t.has_digit = true;
        }
        t.has_alpha = letters > 0;
        t.cap = is_upper(first);
        t.allcaps = letters >= 2 && uppers == letters;
        t.punct = !is_alnum(first);
        t.cased = t.allcaps ? title_case(t.w) : std::string(t.w);
        t.hw = fnv(t.lw);
        t.hshape = fnv(shape_of(t.w));
        t.line_start = i == 0 || toks[i - 1].line != toks[i].line;
        if (t.line_start) {
            t.sent_start = true;
        } else {
            const Info& pv = info[i - 1];
            t.sent_start = pv.w == "." || pv.w == "!" || pv.w == "?" || pv.w == ":" ||
                           (pv.punct && pv.sent_start && pv.w != "-" && pv.w != ",");
        }
        if (t.has_alpha) {
            std::uint32_t f = 0;
            if (const auto it = lists.cased.find(fnv(t.cased)); it != lists.cased.end()) f |= it->second;
            if (const auto it = lists.lower.find(t.hw); it != lists.lower.end()) f |= it->second;
            if (detail::is_function_word(t.lw)) f |= kFunction;
            t.lex = f;
        }
    }

    // Lines in capitals (headlines, datelines) and Title Case lines.
    std::vector<char> caps_line, title_line;
    {
        const std::uint32_t lines = n ? toks.back().line + 1 : 0;
        std::vector<int> lower_words(lines, 0), caps_words(lines, 0), alpha(lines, 0), capped(lines, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const Info& t = info[i];
            if (!t.has_alpha) continue;
            const std::uint32_t l = toks[i].line;
            ++alpha[l];
            if (t.allcaps) ++caps_words[l];
            if (t.cap) ++capped[l];
            if (!t.cap && !t.allcaps) ++lower_words[l];
        }
        caps_line.resize(lines);
        title_line.resize(lines);
        for (std::uint32_t l = 0; l < lines; ++l) {
            caps_line[l] = caps_words[l] >= 1 && lower_words[l] == 0 && caps_words[l] * 2 >= alpha[l];
            title_line[l] = !caps_line[l] && alpha[l] >= 3 && capped[l] * 10 >= alpha[l] * 7;
        }
    }

    // Document facts: words seen in lower case, and capitalised inside a sentence.
    std::unordered_map<std::uint64_t, std::uint8_t> doc;  // bit 1: lower case seen, bit 2: mid-sentence capital
    for (std::size_t i = 0; i < n; ++i) {
        const Info& t = info[i];
        if (!t.has_alpha) continue;
        if (!t.cap)
            doc[t.hw] |= 1;
        else if (!t.allcaps && !t.sent_start && !caps_line[toks[i].line] && !title_line[toks[i].line])
            doc[t.hw] |= 2;
    }

    // Document contexts: how each capitalised word is used elsewhere in the article, so
    // that "Akram" alone inherits "Wasim Akram", a headline word its body mentions, and
    // "Magna" its "Magna Inc".
    std::unordered_map<std::uint64_t, std::uint32_t> usage;  // hash of the cased word -> context bits
    std::vector<std::uint64_t> cased_hash(n, 0);
    {
        auto word_is = [&](std::size_t k, std::initializer_list<std::string_view> ws) {
            for (std::string_view x : ws)
                if (info[k].lw == x) return true;
            return false;
        };
        for (std::size_t i = 0; i < n; ++i) {
            const Info& t = info[i];
            if (!t.has_alpha || !(t.cap || t.allcaps)) continue;
            cased_hash[i] = fnv(t.cased);
            std::uint32_t bits = 0;
            const bool prev = i > 0 && toks[i - 1].line == toks[i].line;
            const bool next = i + 1 < n && toks[i + 1].line == toks[i].line;
            if (prev) {
                const Info& p = info[i - 1];
                if (p.cap && (p.lex & (kGivenM | kGivenF | kGivenU)) && !(p.lex & kCommon)) bits |= 1u << 0;
                if (p.lex & (kHonorific | kOffice)) bits |= 1u << 1;
                if (word_is(i - 1, {"in", "at", "near", "from", "to", "outside"})) bits |= 1u << 3;
                if (word_is(i - 1, {"of"})) bits |= 1u << 6;
                if (p.cap && !p.sent_start) bits |= 1u << 7;
                if (word_is(i - 1, {"v", "vs", "beat", "against"})) bits |= 1u << 8;
            }
            if (next) {
                const Info& x = info[i + 1];
                if (x.lex & kOrgWord) bits |= 1u << 2;
                if (word_is(i + 1, {"said", "says", "told", "added"})) bits |= 1u << 4;
                if (x.cap && !(t.lex & kFunction)) bits |= 1u << 5;
                if (x.has_digit && !x.has_alpha) bits |= 1u << 9;
                if (word_is(i + 1, {"'s"})) bits |= 1u << 10;
            }
            if (!t.sent_start && !caps_line[toks[i].line] && !title_line[toks[i].line]) bits |= 1u << 11;
            usage[cased_hash[i]] |= bits;
        }
    }

    // Gazetteer matches: the longest run of up to four tokens (within a line) that the
    // gazetteer knows, as written or title-cased in capitals.
    for (std::size_t i = 0; i < n;) {
        if (!info[i].cap) {
            ++i;
            continue;
        }
        const bool caps = caps_line[toks[i].line] || info[i].allcaps;
        std::size_t best = 0;
        const GazetteerEntry* entry = nullptr;
        std::string key;
        for (std::size_t j = i; j < n && j < i + 4 && toks[j].line == toks[i].line; ++j) {
            if (j > i) {
                const std::string_view gap = text.substr(toks[j - 1].end, toks[j].begin - toks[j - 1].end);
                if (gap != " " && !gap.empty()) break;
                key += gap;
            }
            key += caps ? title_case(info[j].w) : std::string(info[j].w);
            const auto hits = gaz.lookup(key);
            if (!hits.empty()) {
                best = j - i + 1;
                entry = &hits.front();
            } else if (!gaz.has_prefix(key)) {
                break;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        for (std::size_t k = 0; k < best; ++k) {
            Info& t = info[i + k];
            t.gaz_pos = k == 0 ? 1 : 2;
            t.gaz_len = static_cast<std::uint8_t>(best);
            t.gaz_level = entry->level;
            t.gaz_common = entry->common_word;
            t.gaz_big = entry->population >= 500000;
            t.gaz_country = entry->level == "country";
        }
        i += best;
    }

    // Pass 2: features.
    Features f;
    f.offsets.reserve(n + 1);
    f.feats.reserve(n * 48);
    static const std::uint64_t kNone = fnv("<none>");
    auto hw_at = [&](std::ptrdiff_t k) -> std::uint64_t {
        if (k < 0 || k >= static_cast<std::ptrdiff_t>(n)) return kNone;
        return info[static_cast<std::size_t>(k)].hw;
    };
    auto same_line = [&](std::size_t a, std::ptrdiff_t b) {
        return b >= 0 && b < static_cast<std::ptrdiff_t>(n) && toks[a].line == toks[static_cast<std::size_t>(b)].line;
    };
    for (std::size_t i = 0; i < n; ++i) {
        f.offsets.push_back(static_cast<std::uint32_t>(f.feats.size()));
        const Info& t = info[i];
        auto add = [&](std::uint32_t h) { f.feats.push_back(h); };
        const auto si = static_cast<std::ptrdiff_t>(i);
        const std::uint64_t pw = same_line(i, si - 1) ? hw_at(si - 1) : kNone;
        const std::uint64_t nw = same_line(i, si + 1) ? hw_at(si + 1) : kNone;
        const std::uint64_t pw2 = same_line(i, si - 2) ? hw_at(si - 2) : kNone;
        const std::uint64_t nw2 = same_line(i, si + 2) ? hw_at(si + 2) : kNone;
        const std::uint64_t ps = same_line(i, si - 1) ? info[i - 1].hshape : kNone;
        const std::uint64_t ns = same_line(i, si + 1) ? info[i + 1].hshape : kNone;
        const bool caps = caps_line[toks[i].line];
        const bool title = title_line[toks[i].line];
        const std::uint64_t ctx = caps ? 1 : title ? 2 : 0;

        add(feat(0));
        add(feat(1, t.hw));
        add(feat(2, t.hshape));
        add(feat(3, t.hshape, ctx, t.sent_start));
        if (!caps) add(feat(4, fnv(t.w)));  // the word as written
        const std::string_view lw = t.lw;
        for (std::size_t k = 1; k <= 4 && k < lw.size(); ++k) {
            add(feat(5, k, fnv(lw.substr(lw.size() - k))));
            if (k <= 3) add(feat(6, k, fnv(lw.substr(0, k))));
        }
        add(feat(7, pw));
        add(feat(8, nw));
        add(feat(9, pw2));
        add(feat(10, nw2));
        add(feat(11, pw, t.hw));
        add(feat(12, t.hw, nw));
        add(feat(13, ps, t.hshape, ns));
        add(feat(14, ps, t.hshape));
        add(feat(15, t.hshape, ns));
        add(feat(16, ctx));
        add(feat(17, t.sent_start, t.line_start));
        add(feat(18, std::min<std::size_t>(t.w.size(), 12)));
        // The name lists, for this word and its neighbours.
        for (std::uint32_t bit = 0; bit < 11; ++bit)
            if (t.lex & (1u << bit)) {
                add(feat(20, bit));
                add(feat(21, bit, t.cap, t.sent_start));
            }
        if (same_line(i, si - 1))
            for (std::uint32_t bit = 0; bit < 11; ++bit)
                if (info[i - 1].lex & (1u << bit)) add(feat(22, bit, info[i - 1].cap, t.cap));
        if (same_line(i, si + 1))
            for (std::uint32_t bit = 0; bit < 11; ++bit)
                if (info[i + 1].lex & (1u << bit)) add(feat(23, bit, info[i + 1].cap, t.cap));
        if (same_line(i, si - 2))
            for (std::uint32_t bit = 5; bit < 8; ++bit)  // titles two words back: "Mr John Smith"
                if (info[i - 2].lex & (1u << bit)) add(feat(24, bit));
        // The gazetteer.
        if (t.gaz_pos) {
            const std::uint64_t lv = fnv(t.gaz_level);
            add(feat(30, t.gaz_pos, lv));
            add(feat(31, t.gaz_pos, t.gaz_len));
            add(feat(32, t.gaz_pos, t.gaz_common, t.sent_start));
            add(feat(33, t.gaz_big, t.gaz_country));
            add(feat(34, t.gaz_pos, lv, nw));
            add(feat(35, t.gaz_pos, lv, pw));
        }
        if (same_line(i, si - 1) && info[i - 1].gaz_pos && !t.gaz_pos) add(feat(36, fnv(info[i - 1].gaz_level)));
        if (same_line(i, si + 1) && info[i + 1].gaz_pos == 1 && !t.gaz_pos) add(feat(37, fnv(info[i + 1].gaz_level)));
        // The document: an ordinary word capitalised only at a sentence start, a headline
        // word the article writes in lower case or as a name.
        if (t.has_alpha && (t.cap || t.allcaps)) {
            const auto it = doc.find(t.hw);
            const std::uint8_t d = it == doc.end() ? 0 : it->second;
            add(feat(40, d, t.sent_start || caps || title));
            const auto u = usage.find(cased_hash[i]);
            if (u != usage.end())
                for (std::uint32_t bit = 0; bit < 12; ++bit)
                    if (u->second & (1u << bit)) add(feat(41, bit, t.sent_start || caps || title));
        }
    }
    f.offsets.push_back(static_cast<std::uint32_t>(f.feats.size()));
    return f;
}

void viterbi(const float* em, std::size_t n, const float* trans, int* out) {
    if (n == 0) return;
    constexpr float kNeg = -1e30f;
    auto allowed = [](int prev, int t) {        // prev -1: start
        if (t == 0 || t % 2 == 1) return true;  // O or B-X
        return prev == t || prev == t - 1;      // I-X after B-X or I-X
    };
    std::vector<float> score(n * kTags);
    std::vector<std::int8_t> back(n * kTags);
    for (int t = 0; t < kTags; ++t)
        score[static_cast<std::size_t>(t)] = allowed(-1, t) ? em[t] + trans[t] : kNeg;
    for (std::size_t i = 1; i < n; ++i)
        for (int t = 0; t < kTags; ++t) {
            float best = kNeg;
            int arg = 0;
            for (int p = 0; p < kTags; ++p) {
                if (!allowed(p, t)) continue;
                const float s = score[(i - 1) * kTags + static_cast<std::size_t>(p)] +
                                trans[static_cast<std::size_t>((p + 1) * kTags + t)];
                if (s > best) best = s, arg = p;
            }
            score[i * kTags + static_cast<std::size_t>(t)] = best + em[i * kTags + static_cast<std::size_t>(t)];
            back[i * kTags + static_cast<std::size_t>(t)] = static_cast<std::int8_t>(arg);
        }
    int best = 0;
    for (int t = 1; t < kTags; ++t)
        if (score[(n - 1) * kTags + static_cast<std::size_t>(t)] >
            score[(n - 1) * kTags + static_cast<std::size_t>(best)])
            best = t;
    for (std::size_t i = n; i-- > 0;) {
        out[i] = best;
        best = back[i * kTags + static_cast<std::size_t>(best)];
    }
}

std::string write_model(std::string_view header, const std::vector<std::uint32_t>& hashes,
                        const std::vector<float>& weights, const std::vector<float>& trans) {
    std::string out(header);
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += kHeaderEnd;
    out += kMagic;
    auto put = [&](const void* p, std::size_t bytes) { out.append(static_cast<const char*>(p), bytes); };
    float maxw = 0;
    for (float w : weights)
        maxw = std::max(maxw, std::fabs(w));
    const float scale = maxw > 0 ? maxw / 127.0f : 1.0f;
    const auto ntags = static_cast<std::uint32_t>(kTags);
    const auto nfeat = static_cast<std::uint32_t>(hashes.size());
    put(&ntags, 4);
    put(&nfeat, 4);
    put(&scale, 4);
    put(trans.data(), trans.size() * sizeof(float));
    put(hashes.data(), hashes.size() * 4);
    for (float w : weights) {
        const long q = std::lround(w / scale);
        const auto b = static_cast<std::int8_t>(std::clamp<long>(q, -127, 127));
        out.push_back(static_cast<char>(b));
    }
    return out;
}

Model::Model(std::string_view file) {
    const std::size_t h = file.find(kHeaderEnd);
    if (h == std::string_view::npos) return;
    std::string_view p = file.substr(h + kHeaderEnd.size());
    if (!p.starts_with(kMagic)) return;
    p.remove_prefix(kMagic.size());
    std::uint32_t ntags = 0, nfeat = 0;
    if (p.size() < 12) return;
    std::memcpy(&ntags, p.data(), 4);
    std::memcpy(&nfeat, p.data() + 4, 4);
    std::memcpy(&scale_, p.data() + 8, 4);
    p.remove_prefix(12);
    const std::size_t ntrans = (kTags + 1) * kTags;
    if (ntags != kTags || p.size() != ntrans * 4 + std::size_t(nfeat) * (4 + kTags)) return;
    trans_.resize(ntrans);
    std::memcpy(trans_.data(), p.data(), ntrans * 4);
    p.remove_prefix(ntrans * 4);
    const char* hp = p.data();
    const char* wp = p.data() + std::size_t(nfeat) * 4;
    // Load factor at most 2/3; each slot holds its hash and weights in one cache line.
    std::size_t cap = 1;
    while (cap * 2 < std::size_t(nfeat) * 3)
        cap <<= 1;
    mask_ = static_cast<std::uint32_t>(cap - 1);
    slots_.assign(cap, Slot{});
    for (std::uint32_t k = 0; k < nfeat; ++k) {
        std::uint32_t hk;
        std::memcpy(&hk, hp + std::size_t(k) * 4, 4);
        if (hk == 0) continue;
        std::uint32_t s = hk & mask_;
        while (slots_[s].hash != 0 && slots_[s].hash != hk)
            s = (s + 1) & mask_;
        slots_[s].hash = hk;
        std::memcpy(slots_[s].w, wp + std::size_t(k) * kTags, kTags);
    }
    size_ = nfeat;
}

const Model& Model::instance() {
    static const Model m(embedded("ner-model.bin"));
    return m;
}

void Model::score(const std::uint32_t* feats, std::size_t n, float* em) const {
    if (slots_.empty()) return;
    std::array<int, kTags> acc{};
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t hk = feats[k];
        for (std::uint32_t s = hk & mask_; slots_[s].hash != 0; s = (s + 1) & mask_)
            if (slots_[s].hash == hk) {
                for (int t = 0; t < kTags; ++t)
                    acc[static_cast<std::size_t>(t)] += slots_[s].w[t];
                break;
            }
    }
    for (int t = 0; t < kTags; ++t)
        em[t] += static_cast<float>(acc[static_cast<std::size_t>(t)]) * scale_;
}

std::vector<int> Model::tag(const std::vector<Tok>& toks, const Features& f) const {
    std::vector<int> tags(toks.size(), 0);
    if (empty()) return tags;
    std::vector<float> em;
    for (const auto& [b, e] : sequences(toks)) {
        em.assign((e - b) * kTags, 0.0f);
        for (std::size_t i = b; i < e; ++i)
            score(&f.feats[f.offsets[i]], f.offsets[i + 1] - f.offsets[i], &em[(i - b) * kTags]);
        viterbi(em.data(), e - b, trans_.data(), &tags[b]);
    }
    return tags;
}

}  // namespace ner

std::vector<TaggedEntity> tag_entities(std::string_view text) {
    return tag_entities(TokenLayer(text));
}

std::vector<TaggedEntity> tag_entities(const TokenLayer& layer) {
    std::vector<TaggedEntity> out;
    const std::string_view text = layer.text;
    const ner::Model& m = ner::Model::instance();
    if (m.empty() || text.empty() || text.size() > UINT32_MAX - 16) return out;
    const std::vector<ner::Tok> toks = ner::tokenize(layer);
    const ner::Features f = ner::extract_features(text, toks);
    const std::vector<int> tags = m.tag(toks, f);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const int t = tags[i];
        if (t == 0) continue;
        const auto kind = static_cast<EntityKind>((t - 1) / 2);
        if (t % 2 == 1 || out.empty() || out.back().kind != kind || i == 0 || tags[i - 1] == 0)
            out.push_back(TaggedEntity{Span{toks[i].begin, toks[i].end}, kind});
        else
            out.back().span.end = toks[i].end;
    }
    return out;
}

}  // namespace newsfacet
