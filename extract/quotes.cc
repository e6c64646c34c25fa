// The quote finder: quotations in double (and single) quote marks, multi-paragraph
// quotes, partial quotes inside a sentence, indirect speech, and who said each one.
//
// Quote marks are told apart by context, not by glyph: some outlets open with ” or
// close with “, so a mark after a space, colon or line start that touches a word opens,
// and a mark glued to a word or stop closes; the glyph only breaks ties. A quote whose
// paragraph ends without a closing mark continues when the next paragraph opens with a
// mark (the news convention for long quotes).
//
// Attribution looks, in order, right after the quote ("…," X said / said X), before it
// in the same sentence (X said: "…" / X said Britain was "…" / according to X), then
// falls back to the previous quote's speaker for a continuation paragraph. Pronouns go
// to the most recent person of the right gender outside quotes, never to a person the
// same sentence names as an object ("he wrote to Keir Starmer"); when that is the only
// candidate, a person introduced at the start of the next sentence is taken instead.
// Sources that are not people ("a Labour source", "an Israeli statement") are kept as
// the source's text with speaker_is_person = false.
//
// Scare quotes (humanitarian "pauses", 'shadow cabinet') are not quotes: a quoted phrase
// of at most three words with no speech verb framing it, and not a whole sentence, is
// dropped.
#include <algorithm>
#include <climits>
#include <optional>
#include <stdexcept>
#include <string>

#include "extract.h"
#include "lexicon.h"
#include "people.h"

namespace newsfacet {

namespace detail {
namespace {

// The one speech-verb list (data/speech-verbs.tsv), split by use; see the file.
struct SpeechVerbs {
    WordSet frame, clause, hearer, participle;
};

const SpeechVerbs& speech_verbs() {
    static const SpeechVerbs v = [] {
        SpeechVerbs x;
        for (const LexEntry& e : embedded_lexicon("speech-verbs.tsv").list("speech-verb")) {
            std::string_view uses = e.value;
            while (!uses.empty()) {
                const std::size_t sp = std::min(uses.find(' '), uses.size());
                const std::string_view use = uses.substr(0, sp);
                uses.remove_prefix(std::min(sp + 1, uses.size()));
                if (use == "frame")
                    x.frame.insert(e.word);
                else if (use == "clause")
                    x.clause.insert(e.word);
                else if (use == "hearer")
                    x.hearer.insert(e.word);
                else if (use == "participle")
                    x.participle.insert(e.word);
                else if (!use.empty())
                    throw std::runtime_error("speech-verbs.tsv: \"" + std::string(e.word) + "\" has an unknown use \"" +
                                             std::string(use) + "\"");
            }
        }
        return x;
    }();
    return v;
}

}  // namespace

bool is_speech_verb(std::string_view w) {
    return speech_verbs().frame.contains(w);
}

}  // namespace detail

using namespace detail;

namespace {

bool is_single_open(char32_t c) {
    return c == 0x2018 || c == '\'' || c == 0x201A;
}
bool is_single_close(char32_t c) {
    return c == 0x2019 || c == '\'';
}

struct RawQuote {
    std::size_t open = 0;          // token index of the opening mark
    std::size_t close = SIZE_MAX;  // token index of the closing mark, if any
    std::vector<Span> segs;        // content byte ranges, one per paragraph
    std::string rule;
};

struct Source {
    bool found = false;
    bool person = false;
    std::string name;
    Span span;
    std::string rule;
    std::size_t verb_distance = SIZE_MAX;  // tokens between the speech verb and the quote mark
    bool after = false;                    // found after the quote ('"…," X said')
};

class QuoteFinder {
  public:
    QuoteFinder(std::string_view text, std::vector<Token> toks, const std::vector<PersonMention>& people)
        : text_(text), people_(people), lex_(name_lexicon()), toks_(std::move(toks)) {
        person_at_.assign(toks_.size(), -1);
        in_quote_.assign(toks_.size(), 0);
        // People are sorted by span; walk both lists together.
        std::size_t t = 0;
        for (std::size_t p = 0; p < people_.size(); ++p) {
            const Span s = people_[p].span;
            while (t < toks_.size() && toks_[t].begin < s.begin)
                ++t;
            for (std::size_t u = t; u < toks_.size() && toks_[u].end <= s.end; ++u)
                person_at_[u] = static_cast<int>(p);
        }
        for (std::size_t p = 0; p < people_.size(); ++p) {
            first_mention_.emplace(people_[p].name, p);
            gender_.emplace(people_[p].name, 0);
        }
        for (const PersonMention& p : people_) {
            char& g = gender_[p.name];
            if (g) continue;
            const std::size_t sp = p.name.find(' ');
            if (sp != std::string::npos) {
                auto it = lex_.given.find(p.name.substr(0, sp));
                if (it != lex_.given.end() && (it->second == 'm' || it->second == 'f')) {
                    g = it->second;
                    given_gender_.insert(p.name);
                }
            }
            const std::string s = lower(p.surface);
            if (s.starts_with("mr ") || s.starts_with("mr. ") || s.starts_with("sir ") || s.starts_with("lord ")) {
                g = 'm';
                given_gender_.erase(p.name);
            } else if (s.starts_with("mrs") || s.starts_with("ms ") || s.starts_with("ms. ") ||
                       s.starts_with("miss ") || s.starts_with("dame ") || s.starts_with("lady ")) {
                g = 'f';
                given_gender_.erase(p.name);
            }
        }
        // Paragraph ends.
        for (const Token& tk : toks_)
            if (tk.kind == TokKind::newline) para_end_.push_back(tk.begin);
    }

    std::vector<Quote> run() {
        std::vector<RawQuote> raw = pair_double();
        mark_inside(raw);
        pair_single(raw);
        std::sort(raw.begin(), raw.end(), [](const RawQuote& a, const RawQuote& b) { return a.open < b.open; });
        mark_inside(raw);
        infer_genders();
        find_speech_events();
        std::vector<Quote> out;
        std::size_t last_para = SIZE_MAX;
        Source last;
        for (const RawQuote& r : raw) {
            Quote q = make_quote(r);
            if (q.text.empty()) continue;
            Source s = attribute(r);
            // '“…,” Thiel wrote in a statement explaining why, “but …”': a quote resuming in the
            // sentence of the previous quote after that quote's own frame has the same speaker.
            if (last.found && last.after && last_quote_tok_ != SIZE_MAX && r.open > 0 && is_punct(r.open - 1, ',') &&
                toks_[last_quote_tok_].sent == toks_[r.open].sent &&
                toks_[last_quote_tok_].para == toks_[r.open].para) {
                s = last;
                s.rule = "continuation";
                s.verb_distance = 1;
            }
            const std::size_t words = count_words(q.text);
            const bool framed = s.found && s.verb_distance <= 1;
            const bool sentence = is_upper_start(q.text) && ends_sentence(q.text);
            if (words <= 3 && !framed && !sentence) continue;  // a scare quote
            // A title: "Face the Nation"; but '"Like Oakland. Or Ferguson," Trump said' is speech.
            const bool sentences = q.text.find(". ") != std::string::npos || q.text.find("? ") != std::string::npos ||
                                   q.text.find("! ") != std::string::npos;
            if (title_case(q.text) && !(s.after && sentences) && (words >= 2 || !framed)) continue;
            const bool opens_sentence =
                r.open > 0 && is_punct(r.open - 1) &&
                (toks_[r.open - 1].cp == '.' || toks_[r.open - 1].cp == '!' || toks_[r.open - 1].cp == '?');
            if (!s.found && (para_first(r.open) || opens_sentence) && r.open > 0) {
                // A quote paragraph after a paragraph whose last speech event names someone
                // ("Biden said Trump's accusation ..."), later than any earlier quote; or a
                // quote opening a sentence after one in the same paragraph ("Bystrom
                // agreed. “…”").
                auto it = std::lower_bound(speech_events_.begin(), speech_events_.end(), std::make_pair(r.open, -1));
                if (it != speech_events_.begin()) {
                    --it;
                    const bool after_last_quote = last_quote_tok_ == SIZE_MAX || it->first > last_quote_tok_;
                    const std::uint32_t ep = toks_[it->first].para, qp = toks_[r.open].para;
                    if (after_last_quote && (para_first(r.open) ? ep + 1 == qp : ep == qp && last_para != qp)) {
                        s = from_person(it->second, "continuation");
                    }
                }
            }
            if (!s.found && opens_sentence && !para_first(r.open)) {
                // '... lays the blame on one issue. "You cannot underestimate ..."': a quote
                // opening a sentence right after one whose subject is a named person is that
                // person's, not the previous quote's speaker's (the topic has moved on).
                const int p = sentence_subject(r.open - 1);
                if (p >= 0) s = from_person(p, "previous-subject");
            }
            if (!s.found && last.found && last_para != SIZE_MAX) {
                // A paragraph that is only a quote, right after a quote: same speaker. Also a
                // second quote in the same paragraph with no frame of its own.
                const std::size_t para = toks_[r.open].para;
                if ((para == last_para || para == last_para + 1) && (para == last_para || para_first(r.open))) {
                    s = last;
                    s.rule = "continuation";
                }
            }
            if (!sentence && fragment(r)) {
                // 'He called the plan "reckless"', 'said Labour would publish "a rich agenda
                // for ..."': words quoted inside the reporter's own clause are part of reported
                // speech, not a quotation standing for itself; kept with the speaker, marked
                // indirect.
                q.indirect = true;
                q.rule = "partial";
            }
            if (s.found) {
                q.speaker = s.name;
                q.speaker_is_person = s.person;
                q.speaker_span = s.span;
                q.speaker_rule = s.rule;
                last = s;
            } else {
                last = Source{};
            }
            last_para = toks_[r.close != SIZE_MAX ? r.close : r.open].para;
            last_quote_tok_ = r.close != SIZE_MAX ? r.close : r.open;
            if (r.segs.size() > 1) last_para = toks_[r.open].para + r.segs.size() - 1;
            out.push_back(std::move(q));
        }
        find_indirect(out);
        std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
        return out;
    }

  private:
    std::string_view slice(Span s) const { return text_.substr(s.begin, s.end - s.begin); }
    std::string_view word(std::size_t i) const { return text_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin); }
    bool is_word(std::size_t i) const { return i < toks_.size() && toks_[i].kind == TokKind::word; }
    bool is_punct(std::size_t i) const { return i < toks_.size() && toks_[i].kind == TokKind::punct; }
    bool is_punct(std::size_t i, char32_t c) const { return is_punct(i) && toks_[i].cp == c; }
    bool para_first(std::size_t i) const { return i == 0 || toks_[i - 1].kind == TokKind::newline; }

    static std::size_t count_words(std::string_view s) {
        std::size_t n = 0;
        bool in = false;
        for (char c : s) {
            const bool sp = c == ' ' || c == '\n' || c == '\t';
            if (!sp && !in) ++n;
            in = !sp;
        }
        return n;
    }
    // Every word capitalised but short linking ones, at most six words: a title ("Fox
    // News Sunday", "State of the Union"), not speech.
    static bool title_case(std::string_view s) {
        std::size_t words = 0, caps = 0, i = 0;
        while (i < s.size()) {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\n'))
                ++i;
            std::size_t j = i;
            while (j < s.size() && s[j] != ' ' && s[j] != '\n')
                ++j;
            if (j > i) {
                const std::string_view w = s.substr(i, j - i);
                const bool small = w == "of" || w == "the" || w == "and" || w == "a" || w == "an" || w == "in" ||
                                   w == "on" || w == "to" || w == "for" || w == "at" || w == "with";
                ++words;
                if (w[0] >= 'A' && w[0] <= 'Z')
                    ++caps;
                else if (!small)
                    return false;
            }
            i = j;
        }
        return words >= 1 && words <= 6 && caps >= 1;
    }
    static bool is_upper_start(std::string_view s) {
        return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || static_cast<unsigned char>(s[0]) >= 0x80);
    }
    static bool ends_sentence(std::string_view s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == ','))
            s.remove_suffix(1);
        return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
    }

    bool prev_space(std::size_t k) const {
        return k == 0 || toks_[k - 1].kind == TokKind::newline || toks_[k - 1].end < toks_[k].begin;
    }
    bool next_space(std::size_t k) const {
        return k + 1 >= toks_.size() || toks_[k + 1].kind == TokKind::newline || toks_[k + 1].begin > toks_[k].end;
    }
    // Opening or closing, by context first and by glyph only when the context is unclear.
    bool opens(std::size_t k, bool inside) const {
        const bool ps = prev_space(k), ns = next_space(k);
        bool prev_open = false, next_close = false;
        if (!ps && is_punct(k - 1)) {
            const char32_t c = toks_[k - 1].cp;
            prev_open = c == '(' || c == '[' || c == ':' || c == 0x2014 || c == 0x2013 || c == '-' || c == '/' ||
                        (c != toks_[k].cp && (is_double_quote(c) || is_single_open(c)));
        }
        if (!ns && is_punct(k + 1)) {
            const char32_t c = toks_[k + 1].cp;
            next_close = c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
                         c == 0x2014 || c == 0x2013 || c == 0x2026 || is_double_quote(c) || is_single_close(c);
        }
        const bool open_ctx = (ps || prev_open) && !ns && !next_close;
        const bool close_ctx = (!ps && !prev_open) && (ns || next_close);
        if (open_ctx && !close_ctx) return true;
        if (close_ctx && !open_ctx) return false;
        const char32_t c = toks_[k].cp;
        if (c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2018) return true;
        if (c == 0x201D || c == 0xBB || c == 0x2019) return false;
        return !inside;
    }

    std::size_t para_end(std::size_t para) const { return para < para_end_.size() ? para_end_[para] : text_.size(); }

    Span trim(std::size_t b, std::size_t e) const {
        while (b < e && (text_[b] == ' ' || text_[b] == '\t' || text_[b] == '\n' || text_[b] == '\r'))
            ++b;
        while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '\t' || text_[e - 1] == '\n' || text_[e - 1] == '\r'))
            --e;
        return {b, e};
    }

    std::vector<RawQuote> pair_double() {
        std::vector<RawQuote> out;
        std::optional<RawQuote> cur;
        std::size_t seg_begin = 0, cur_para = 0;
        bool cur_para_first = false;
        // A quote opening inside an open one in the same paragraph ('"… what he calls "hell"
        // than …"'): nested when a closing mark follows the inner one's close in the
        // paragraph; otherwise the outer was never closed and is dropped, as before.
        std::optional<RawQuote> outer;
        std::size_t outer_seg_begin = 0;
        bool outer_para_first = false;
        auto finish_unterminated = [&]() {
            // Keep an unclosed quote only when it looks like one: it starts its paragraph
            // or follows a colon, and runs to the paragraph's end.
            const std::size_t o = cur->open;
            const bool ok = cur_para_first || (o > 0 && is_punct(o - 1, ':')) || cur->segs.size() > 0;
            cur->segs.push_back(trim(seg_begin, para_end(cur_para)));
            if (ok) {
                cur->rule = cur->segs.size() > 1 ? "multi-paragraph" : "unterminated";
                out.push_back(*cur);
            }
            cur.reset();
        };
        for (std::size_t k = 0; k < toks_.size(); ++k) {
            if (!is_punct(k) || !is_double_quote(toks_[k].cp)) continue;
            const bool open = opens(k, cur.has_value());
            if (cur && toks_[k].para != cur_para) {
                if (open && para_first(k) && toks_[k].para == cur_para + 1) {
                    cur->segs.push_back(trim(seg_begin, para_end(cur_para)));
                    seg_begin = toks_[k].end;
                    cur_para = toks_[k].para;
                    outer.reset();
                    continue;
                }
                finish_unterminated();
                outer.reset();
            }
            if (open) {
                if (cur && !outer && cur->segs.empty()) {
                    outer = cur;
                    outer_seg_begin = seg_begin;
                    outer_para_first = cur_para_first;
                } else {
                    outer.reset();
                }
                cur = RawQuote{k, SIZE_MAX, {}, "double-quotes"};
                seg_begin = toks_[k].end;
                cur_para = toks_[k].para;
                cur_para_first = para_first(k);
            } else if (cur) {
                if (outer) {
                    std::size_t m = k + 1;
                    while (m < toks_.size() && toks_[m].kind != TokKind::newline &&
                           !(is_punct(m) && is_double_quote(toks_[m].cp)))
                        ++m;
                    const bool nested = m < toks_.size() && toks_[m].kind != TokKind::newline && !opens(m, true);
                    if (nested) {
                        cur = outer;
                        seg_begin = outer_seg_begin;
                        cur_para_first = outer_para_first;
                        outer.reset();
                        continue;
                    }
                    outer.reset();
                }
                cur->segs.push_back(trim(seg_begin, toks_[k].begin));
                cur->close = k;
                if (cur->segs.size() > 1) cur->rule = "multi-paragraph";
                out.push_back(*cur);
                cur.reset();
            }
        }
        if (cur) finish_unterminated();
        return out;
    }

    void mark_inside(const std::vector<RawQuote>& raw) {
        std::fill(in_quote_.begin(), in_quote_.end(), 0);
        for (const RawQuote& r : raw) {
            const std::size_t last = r.close != SIZE_MAX ? r.close : toks_.size();
            const std::size_t end_byte = r.segs.empty() ? 0 : r.segs.back().end;
            for (std::size_t i = r.open; i < last && i < toks_.size(); ++i) {
                if (r.close == SIZE_MAX && toks_[i].begin >= end_byte) break;
                in_quote_[i] = 1;
            }
            if (r.close != SIZE_MAX) in_quote_[r.close] = 1;
        }
    }

    // Single quotes: ‘…’ or '…' within a paragraph, outside double quotes. Apostrophes
    // are told apart by what touches them: an opening mark after a space before a word, a
    // closing one after a word and before a space or stop.
    void pair_single(std::vector<RawQuote>& out) {
        for (std::size_t k = 0; k < toks_.size(); ++k) {
            if (!is_punct(k) || !is_single_open(toks_[k].cp) || in_quote_[k]) continue;
            if (!prev_space(k) && !(k > 0 && is_punct(k - 1) && (toks_[k - 1].cp == ':' || toks_[k - 1].cp == '(')))
                continue;
            if (next_space(k) || !is_word(k + 1)) continue;
            for (std::size_t j = k + 2; j < toks_.size() && j < k + 80; ++j) {
                if (toks_[j].kind == TokKind::newline || in_quote_[j]) break;
                if (!is_punct(j)) continue;
                if (is_double_quote(toks_[j].cp)) break;
                if (!is_single_close(toks_[j].cp) || prev_space(j)) continue;
                if (!next_space(j) && is_word(j + 1)) continue;  // an apostrophe ("Labour's")
                out.push_back(RawQuote{k, j, {trim(toks_[k].end, toks_[j].begin)}, "single-quotes"});
                k = j;
                break;
            }
        }
    }

    Quote make_quote(const RawQuote& r) const {
        Quote q;
        q.rule = r.rule;
        if (r.segs.empty()) return q;
        q.span = {r.segs.front().begin, r.segs.back().end};
        for (const Span& s : r.segs) {
            if (s.end <= s.begin) continue;
            if (!q.text.empty()) q.text += ' ';
            q.text += slice(s);
        }
        return q;
    }

    // ---- attribution ------------------------------------------------------------------

    bool is_adverb(std::size_t i) const {
        if (!is_word(i)) return false;
        const std::string l = lower(word(i));
        return (l.size() > 4 && l.ends_with("ly") && !is_speech_verb(l)) || l == "also" || l == "later" ||
               l == "then" || l == "again" || l == "has" || l == "had" || l == "have" || l == "once" ||
               l == "previously" || l == "earlier" || l == "was" || l == "is" || l == "will" || l == "would" ||
               l == "did" || l == "does" || l == "further" || l == "recently" || l == "simply" || l == "s" ||
               l == "re" || l == "ve" || l == "d" || l == "ll" || l == "just" || l == "still" || l == "once";
    }
    bool speech_verb_at(std::size_t i) const {
        // A capital is allowed mid-sentence ("Murphy ... Tweeted on Friday") and for an
        // inverted frame at the start ("Said Dorothy Poynter, ...").
        if (!is_word(i) || in_quote_[i]) return false;
        const std::string l = lower(word(i));
        if (toks_[i].cap && toks_[i].sent_start && l != "said" && l != "says") return false;
        // "Trump shot back", "she fired back", "he hit back": a retort.
        if ((l == "shot" || l == "fired" || l == "hit") && is_word(i + 1) && lower(word(i + 1)) == "back") return true;
        // "as he puts it, “…”"
        if ((l == "put" || l == "puts") && is_word(i + 1) && lower(word(i + 1)) == "it") return true;
        return is_speech_verb(l) || speech_verbs().participle.contains(l);
    }

    Source from_person(int p, std::string rule) const {
        Source s;
        s.found = true;
        s.person = true;
        s.name = people_[static_cast<std::size_t>(p)].name;
        s.span = people_[static_cast<std::size_t>(p)].span;
        s.rule = std::move(rule);
        return s;
    }

    // The referent of a subject pronoun at token i, or nothing ("they", "it").
    // g_override: 'x' resolves a description ("the Texas senator") with no gender.
    Source resolve_pronoun(std::size_t i, char g_override = 0) const {
        const std::string l = lower(word(i));
        const char g = g_override ? g_override : pronoun_gender(l);
        if (!g) return {};
        // Names the pronoun's own sentence gives after it are objects, not its referent.
        std::vector<std::string> excluded;
        for (std::size_t j = i + 1; j < toks_.size() && j < i + 200 && toks_[j].sent == toks_[i].sent; ++j)
            if (person_at_[j] >= 0 && !in_quote_[j])
                excluded.push_back(people_[static_cast<std::size_t>(person_at_[j])].name);
        auto fits = [&](const std::string& name) {
            auto it = gender_.find(name);
            const char pg = it == gender_.end() ? 0 : it->second;
            return !pg || pg == g || g == 'x';
        };
        const std::string pron(word(i));
        // "The Tory leader countered that .... He declared: '…'": a sentence naming nobody
        // whose subject is a definite description of a person is what a subject pronoun
        // opening the next sentence continues.
        if (!g_override) {
            Source d = previous_description(i);
            if (d.found && d.person && fits(d.name) &&
                std::find(excluded.begin(), excluded.end(), d.name) == excluded.end()) {
                d.rule = "pronoun:" + pron + "->" + d.name;
                d.span = {toks_[i].begin, toks_[i].end};
                return d;
            }
        }
        // Candidates sentence by sentence going back, and within a sentence from the left:
        // subjects come first, so "Trump says he ..." and "X met Y. He said" go to the subject.
        const std::size_t floor = i > 4000 ? i - 4000 : 0;
        std::vector<std::size_t> order;  // token indices of person mentions
        {
            std::vector<std::size_t> group;
            std::uint32_t cur = toks_[i].sent;
            std::size_t first_word = SIZE_MAX;  // the current sentence's first word seen so far
            // "He said on Thursday that Trump needs ...": a sentence whose subject is a
            // pronoun of the same gender carries the same referent; the names in it are
            // objects, so the chain goes on to earlier sentences.
            auto chained = [&]() {
                if (g == 'x' || cur == toks_[i].sent || first_word == SIZE_MAX || in_quote_[first_word]) return false;
                const std::string fw = lower(word(first_word));
                return (fw == "he" || fw == "she") && pronoun_gender(fw) == g;
            };
            // "While Obama had ..., that concerns Henry Crespo.": names in a clause opening the
            // sentence with a subordinator come after the main clause's.
            auto flush = [&]() {
                if (chained()) return;
                std::size_t comma = SIZE_MAX;
                if (first_word != SIZE_MAX && toks_[first_word].cap && subordinator(lower(word(first_word)))) {
                    for (std::size_t c = first_word + 1;
                         c < toks_.size() && c < first_word + 60 && toks_[c].sent == toks_[first_word].sent; ++c)
                        if (is_punct(c, ',') && !in_quote_[c]) {
                            comma = c;
                            break;
                        }
                }
                const std::size_t n0 = order.size();
                for (auto it = group.rbegin(); it != group.rend(); ++it)
                    if (comma == SIZE_MAX || *it > comma) order.push_back(*it);
                if (order.size() - n0 < group.size())
                    for (auto it = group.rbegin(); it != group.rend(); ++it)
                        if (comma != SIZE_MAX && *it < comma) order.push_back(*it);
            };
            for (std::size_t j = i; j-- > floor;) {
                if (toks_[j].sent != cur) {
                    flush();
                    group.clear();
                    cur = toks_[j].sent;
                    first_word = SIZE_MAX;
                    if (order.size() > 40) break;
                }
                if (is_word(j)) first_word = j;
                if (person_at_[j] < 0 || in_quote_[j]) continue;
                if (j > 0 && person_at_[j - 1] == person_at_[j]) continue;  // one entry per mention
                group.push_back(j);
            }
            flush();
        }
        // The sentence of the nearest fitting candidate that is not an object.
        std::uint32_t later_subject = UINT32_MAX;
        for (std::size_t j : order) {
            const std::string& name = people_[static_cast<std::size_t>(person_at_[j])].name;
            if (!fits(name) || after_preposition(j) || possessor(j) ||
                std::find(excluded.begin(), excluded.end(), name) != excluded.end())
                continue;
            later_subject = toks_[j].sent;
            break;
        }
        // The latest speaker named within the last few sentences, if the pronoun fits; a
        // definite description as a speech subject ("the Conservative leader said") refers
        // back to that speaker too.
        {
            auto it = std::lower_bound(speech_events_.begin(), speech_events_.end(), std::make_pair(i, -1));
            for (int n = 0; n < 2 && it != speech_events_.begin(); ++n) {
                --it;
                // Within three sentences, or the next paragraph (the quote between may hold
                // several sentences of its own).
                if (toks_[i].sent > toks_[it->first].sent + 3 && toks_[i].para > toks_[it->first].para + 1) break;
                const std::string& name = people_[static_cast<std::size_t>(it->second)].name;
                if (!fits(name) || std::find(excluded.begin(), excluded.end(), name) != excluded.end()) continue;
                // "Kasich agreed to ... Cruz played down the idea. '…,' he said": a fitting
                // subject in a later sentence than the speech event is the nearer referent.
                if (later_subject > toks_[it->first].sent && later_subject != UINT32_MAX) break;
                Source sp = from_person(it->second, "pronoun:" + pron + "->" + name);
                sp.span = {toks_[i].begin, toks_[i].end};
                return sp;
            }
        }
        bool nearest = true;
        for (std::size_t j : order) {
            const std::string& name = people_[static_cast<std::size_t>(person_at_[j])].name;
            if (!fits(name)) continue;
            // The object of a preposition ("loyalists to Joe Biden", "a demand of Obama") is
            // rarely what a later subject pronoun points to, nor is a possessor ("Mr Blair's
            // government was ..., he added").
            if (after_preposition(j) || possessor(j)) continue;
            if (std::find(excluded.begin(), excluded.end(), name) != excluded.end()) {
                if (nearest) {
                    // The only recent candidate is ruled out: a person introduced at the
                    // start of the next sentence is the likelier speaker.
                    const Source f = forward_person(i, excluded);
                    if (f.found) return f;
                }
                nearest = false;
                continue;
            }
            Source s = from_person(person_at_[j], "pronoun:" + pron + "->" + name);
            s.span = {toks_[i].begin, toks_[i].end};
            return s;
        }
        return forward_person(i, excluded);
    }

    static bool subordinator(const std::string& w) {
        return w == "while" || w == "although" || w == "though" || w == "whereas" || w == "when" || w == "because" ||
               w == "if" || w == "unless" || w == "since" || w == "after" || w == "before" || w == "as";
    }

    // For a pronoun at i opening its sentence: the previous sentence of the paragraph (past
    // one opening with the same pronoun), when it names no one and opens with a definite description whose head is a title, role or
    // person noun followed by a lower-case word ("The Tory leader countered"), resolved.
    Source previous_description(std::size_t i) const {
        std::size_t b = i;
        while (b > 0 && toks_[b - 1].sent == toks_[i].sent && i - b < 3)
            --b;
        if (b == 0 || toks_[b - 1].sent == toks_[i].sent || toks_[b - 1].para != toks_[i].para) return {};
        std::size_t t = b - 1;
        std::size_t a = t;
        while (a > 0 && toks_[a - 1].sent == toks_[t].sent && t - a < 200)
            --a;
        // 'He declared: "…" He continued: "…"': a sentence opening with the same pronoun
        // carries the same referent; look past it once.
        if (is_word(a) && lower(word(a)) == lower(word(i)) && a > 0 && toks_[a - 1].sent != toks_[a].sent &&
            toks_[a - 1].para == toks_[i].para) {
            t = a - 1;
            a = t;
            while (a > 0 && toks_[a - 1].sent == toks_[t].sent && t - a < 200)
                --a;
        }
        for (std::size_t k = a; k <= t; ++k)
            if ((person_at_[k] >= 0 && !in_quote_[k]) || in_quote_[k]) return {};
        if (!is_word(a) || lower(word(a)) != "the") return {};
        for (std::size_t k = a + 1; k <= a + 3 && k < t; ++k) {
            if (!is_word(k)) return {};
            const std::string h = lower(word(k));
            if (!(lex_.offices.count(h) || lex_.roles.count(h) || person_noun(h))) continue;
            if (!is_word(k + 1) || toks_[k + 1].cap) return {};
            return from_phrase(a, k, "description");
        }
        return {};
    }

    // A colon at k right before an opening quote mark: its frame introduces that quote.
    bool colon_before_quote(std::size_t k) const {
        return is_punct(k, ':') && is_punct(k + 1) && (is_double_quote(toks_[k + 1].cp) || is_single_open(toks_[k + 1].cp));
    }

    // The person mention at j is a possessor: "Mr Blair's government".
    bool possessor(std::size_t j) const {
        std::size_t e = j;
        while (e + 1 < toks_.size() && person_at_[e + 1] == person_at_[j])
            ++e;
        return possessive_after(e + 1);
    }

    // The person mention at j is an object ("told Mr Blair", "asked the minister, Ann
    // Bell"): the word before it, past a description ("Brighton nurse", a title, a comma),
    // is a lower-case word of its sentence other than one naming an agent or a source
    // ("posed by nurse Ann Bell", "a letter from Ann Bell").
    bool object_mention(std::size_t j) const {
        std::size_t b = j;
        while (b > 0 && person_at_[b - 1] == person_at_[j])
            --b;
        for (std::size_t k = b; k-- > 0;) {
            if (toks_[k].sent != toks_[b].sent || in_quote_[k]) return false;
            if (is_punct(k, ',')) continue;
            if (!is_word(k)) return false;
            if (toks_[k].cap) continue;
            const std::string l = lower(word(k));
            if (lex_.offices.count(l) || lex_.roles.count(l) || person_noun(l)) continue;
            return l != "by" && l != "from" && l != "of";
        }
        return false;
    }

    bool after_preposition(std::size_t j) const {
        // The mention's first token, then the word before it (past an honorific's stop).
        std::size_t b = j;
        while (b > 0 && person_at_[b - 1] == person_at_[j])
            --b;
        if (b == 0 || !is_word(b - 1)) return false;
        std::string w = lower(word(b - 1));
        if (w == "and" || w == "or") {
            // "to Joe Biden and Bernie Sanders": look past the first conjunct.
            std::size_t k = b - 1;
            while (k > 0 && person_at_[k - 1] >= 0)
                --k;
            if (k == b - 1 || k == 0 || !is_word(k - 1)) return false;
            w = lower(word(k - 1));
        }
        return w == "to" || w == "of" || w == "with" || w == "by" || w == "for" || w == "against" || w == "from" ||
               w == "about" || w == "at" || w == "on" || w == "than" || w == "like" || w == "toward" ||
               w == "towards" || w == "between" || w == "under" || w == "behind" || w == "over";
    }

    // Where a named person is the subject of a speech verb ("Biden said", "Sarandon, 69,
    // told MSNBC", '"…," said Graham'): a later he/she most often continues that speaker.
    void find_speech_events() {
        speech_events_.clear();
        for (std::size_t j = 0; j < toks_.size(); ++j) {
            if (person_at_[j] < 0 || in_quote_[j]) continue;
            if (j > 0 && person_at_[j - 1] == person_at_[j]) continue;
            std::size_t e = j;
            while (e + 1 < toks_.size() && person_at_[e + 1] == person_at_[j])
                ++e;
            bool ev = false;
            // '"…," said X' — but not ", said X's statement ...": a possessor is no speaker.
            if (j >= 1 && speech_verb_at(j - 1) && j >= 2 && is_punct(j - 2) &&
                (toks_[j - 2].cp == ',' || is_double_quote(toks_[j - 2].cp)) && !possessive_after(e + 1))
                ev = true;
            if (!ev) {
                std::size_t k = e + 1;
                // "Lee Zeldin of New York, a Trump supporter, said"
                if (is_word(k) && word(k) == "of" && is_word(k + 1) && toks_[k + 1].cap) {
                    std::size_t m = k + 1;
                    while (m < k + 5 && is_word(m) && toks_[m].cap)
                        ++m;
                    k = m;
                }
                if (is_punct(k, ',')) {  // "Sarandon, 69, told"
                    std::size_t m = k + 1;
                    while (m < toks_.size() && m < k + 12 && !is_punct(m, ',') && toks_[m].kind != TokKind::newline)
                        ++m;
                    if (is_punct(m, ',')) k = m + 1;
                }
                while (is_adverb(k))
                    ++k;
                ev = speech_verb_at(k) && !possessive_after(e + 1);
            }
            if (ev) speech_events_.emplace_back(j, person_at_[j]);
        }
    }

    // Gender for people whose first name and honorific say nothing ("Barack Obama",
    // "Antonin Scalia"): a sentence that names only them, followed by a sentence opening
    // with he or she before naming anyone, votes for that pronoun's gender.
    void infer_genders() {
        std::unordered_map<std::string, std::pair<int, int>> votes;  // name -> (he, she)
        // Votes from sentences with no personal pronoun of their own ("she and Anton Dolin
        // founded ..." votes nothing against Anton's given name) and where the name is
        // neither a possessor nor the object of a preposition.
        std::unordered_map<std::string, std::pair<int, int>> clean;
        std::size_t i = 0;
        while (i < toks_.size()) {
            const std::uint32_t sent = toks_[i].sent;
            std::size_t e = i;
            int person = -1;
            bool several = false, pronoun = false;
            for (; e < toks_.size() && toks_[e].sent == sent; ++e) {
                if (!in_quote_[e] && is_word(e) && pronoun_gender(lower(word(e)))) pronoun = true;
                if (person_at_[e] < 0 || in_quote_[e]) continue;
                // "... endorsing Clinton's plan. He said": a possessor or an object is no clean voter.
                if ((e == 0 || person_at_[e - 1] != person_at_[e]) && (possessor(e) || after_preposition(e)))
                    pronoun = true;
                if (person >= 0 && people_[static_cast<std::size_t>(person)].name !=
                                       people_[static_cast<std::size_t>(person_at_[e])].name)
                    several = true;
                person = person_at_[e];
            }
            if (person >= 0 && !several) {
                // The next sentence's first words, up to its first name.
                for (std::size_t k = e, n = 0; k < toks_.size() && n < 12 && toks_[k].sent <= sent + 1; ++k, ++n) {
                    if (person_at_[k] >= 0 && !in_quote_[k]) break;
                    if (!is_word(k) || in_quote_[k]) continue;
                    const std::string l = lower(word(k));
                    if (l == "he" || l == "she") {
                        const std::string& name = people_[static_cast<std::size_t>(person)].name;
                        auto& v = votes[name];
                        (l == "he" ? v.first : v.second)++;
                        // Clean: nor does the voting sentence hold a pronoun of the other
                        // gender ("He acknowledged her backing" may be about someone else).
                        bool other = false;
                        for (std::size_t m = k + 1; m < toks_.size() && m < k + 200 && toks_[m].sent == toks_[k].sent;
                             ++m)
                            if (!in_quote_[m] && is_word(m) && pronoun_gender(lower(word(m))) &&
                                pronoun_gender(lower(word(m))) != pronoun_gender(l))
                                other = true;
                        if (!pronoun && !other) {
                            auto& c = clean[name];
                            (l == "he" ? c.first : c.second)++;
                        }
                        break;
                    }
                }
            }
            i = e > i ? e : i + 1;
        }
        for (const auto& [name, v] : votes) {
            char& g = gender_[name];
            // A given name's usual gender ("Terry" is listed as a man's) yields to the
            // article's own pronouns when a clean vote says otherwise and none agrees; an
            // honorific does not.
            if (g && given_gender_.contains(name) && (g == 'm' ? v.first : v.second) == 0) {
                const auto c = clean[name];
                if ((g == 'm' ? c.second : c.first) >= 1) g = 0;
            }
            if (g) continue;
            if (v.first >= 1 && v.first > 2 * v.second) g = 'm';
            if (v.second >= 1 && v.second > 2 * v.first) g = 'f';
        }
    }

    Source forward_person(std::size_t i, const std::vector<std::string>& excluded) const {
        const std::uint32_t sent = toks_[i].sent;
        std::size_t j = i + 1;
        while (j < toks_.size() && j < i + 300 && toks_[j].sent == sent)
            ++j;
        if (j < toks_.size() && toks_[j].sent == sent) return {};  // a sentence too long to look past
        while (j < toks_.size() && toks_[j].kind != TokKind::word)
            ++j;
        if (j >= toks_.size() || toks_[j].sent > sent + 2 || person_at_[j] < 0) return {};
        const int p = person_at_[j];
        const std::string& name = people_[static_cast<std::size_t>(p)].name;
        if (std::find(excluded.begin(), excluded.end(), name) != excluded.end()) return {};
        // Only a person met for the first time there.
        if (auto it = first_mention_.find(name);
            it != first_mention_.end() && it->second != static_cast<std::size_t>(p))
            return {};
        Source s = from_person(p, "pronoun-forward:" + std::string(word(i)) + "->" + name);
        s.span = {toks_[i].begin, toks_[i].end};
        return s;
    }

    // A noun phrase source that is not a person ("a Labour source", "Israeli officials").
    Source from_phrase(std::size_t b, std::size_t e, std::string rule) const {
        // A person named inside the phrase is the source ("campaign manager Kellyanne Conway"),
        // unless it is a possessor: "Trump's spokesman" is not Trump, but "Lewandowski's
        // statement" is Lewandowski's words.
        const std::string head = is_word(e) ? lower(word(e)) : std::string();
        const bool document = head == "statement" || head == "letter" || head == "tweet" || head == "post" ||
                              head == "email" || head == "memo" || head == "op-ed" || head == "remarks" ||
                              head == "book" || head == "memoir" || head == "speech" || head == "account" ||
                              head == "testimony" || head == "interview";
        for (std::size_t j = e + 1; j-- > b;) {
            if (person_at_[j] < 0) continue;
            std::size_t pe = j;
            while (pe + 1 <= e && person_at_[pe + 1] == person_at_[j])
                ++pe;
            if (possessive_after(pe + 1) && !document) continue;
            return from_person(person_at_[j], std::move(rule));
        }
        // A source phrase ends in a noun: not "his", "the", nor a lone past tense ("heard").
        if (!is_word(e) || (is_function_word(head) && head != "officials") ||
            (e == b && !toks_[b].cap && head.size() > 3 && head.ends_with("ed")))
            return {};
        Source s;
        s.found = true;
        s.person = false;
        s.span = {toks_[b].begin, toks_[e].end};
        s.name = std::string(slice(s.span));
        s.rule = std::move(rule);
        // "the president", "the mayor": the nearest person named with that title.
        if (e >= b + 1 && e <= b + 2 && is_word(b) && lower(word(b)) == "the" && is_word(e)) {
            if (lex_.offices.count(head) || lex_.roles.count(head)) {
                const std::size_t floor = b > 3000 ? b - 3000 : 0;
                for (std::size_t j = b; j-- > floor;) {
                    if (person_at_[j] < 0 || in_quote_[j] || (j > 0 && person_at_[j - 1] == person_at_[j])) continue;
                    // The mention's own surface or the few words before it carry the title.
                    bool titled = lower(people_[static_cast<std::size_t>(person_at_[j])].surface).find(head) == 0;
                    for (std::size_t k = j, n = 0; !titled && k-- > 0 && n < 4; ++n)
                        titled = is_word(k) && lower(word(k)) == head;
                    if (titled) {
                        const std::string name = people_[static_cast<std::size_t>(person_at_[j])].name;
                        Source d = from_person(person_at_[j], "description:" + s.name + "->" + name);
                        d.span = s.span;
                        return d;
                    }
                }
            }
        }
        // "the Texas senator", "the 46-year-old": a definite description of a person goes
        // to the most salient person before it, as a pronoun would.
        if (e >= b + 1 && e <= b + 4 && is_word(b) && lower(word(b)) == "the" && is_word(e)) {
            if (lex_.offices.count(head) || lex_.roles.count(head) || head.ends_with("year-old") ||
                head == "frontrunner" || head == "front-runner" || head == "billionaire" || head == "mogul" ||
                head == "neurosurgeon" || head == "businessman" || head == "businesswoman" || person_noun(head) ||
                (e == b + 1 && (head == "statement" || head == "letter" || head == "email" || head == "memo"))) {
                Source d = resolve_pronoun(b, 'x');
                if (d.found && d.person) {
                    d.rule = "description:" + s.name + "->" + d.name;
                    d.span = s.span;
                    return d;
                }
            }
        }
        return s;
    }

    // Head nouns of descriptions of a person beyond the title and role lists: "the gambling
    // tycoon", "the actress", "the Wisconsin Republican", "the economist".
    static bool person_noun(const std::string& h) {
        static const WordSet nouns = embedded_lexicon("people-words.tsv").set("person-noun");
        return nouns.contains(h);
    }

    // The subject of a speech verb at v, looking backwards.
    Source subject_before(std::size_t v, const std::string& rule, bool fallback_to_sentence_subject) const {
        std::size_t k = v;
        while (k > 0 && (is_adverb(k - 1) || is_punct(k - 1, 0x2019) || is_punct(k - 1, '\'')))
            --k;
        if (k == 0) return {};
        const std::size_t s = k - 1;
        if (toks_[s].sent != toks_[v].sent && !(toks_[s].kind == TokKind::word)) return {};
        if (person_at_[s] >= 0 && !in_quote_[s]) return from_person(person_at_[s], rule);
        if (is_punct(s, ',') && !in_quote_[s]) {
            // "Levine, who has given money to Marco Rubio, said": the name before the clause.
            for (std::size_t c = s; c-- > 0 && c + 25 > s && toks_[c].sent == toks_[s].sent && !in_quote_[c];) {
                if (!is_punct(c, ',')) continue;
                if (c > 0 && person_at_[c - 1] >= 0 && !in_quote_[c - 1]) return from_person(person_at_[c - 1], rule);
                if (c > 0 && is_word(c - 1)) {
                    const std::string l = lower(word(c - 1));
                    if (l == "he" || l == "she") return resolve_pronoun(c - 1);
                }
                break;
            }
        }
        if (is_word(s) && pronoun_gender(lower(word(s))) && !in_quote_[s]) {
            const std::string l = lower(word(s));
            if (l == "he" || l == "she") return resolve_pronoun(s);
            return {};
        }
        if (is_word(s) && !in_quote_[s]) {
            const std::string l = lower(word(s));
            // "Mike Lee, who declared ...": the person the relative clause hangs on.
            if (l == "who" && s >= 2 && is_punct(s - 1, ',') && person_at_[s - 2] >= 0 && !in_quote_[s - 2])
                return from_person(person_at_[s - 2], rule);
            if (l == "they" || l == "it" || l == "we" || l == "i" || l == "you" || l == "who" || l == "which" ||
                l == "that")
                return {};
            if (!is_function_word(l) || l == "officials") {
                // Collect the phrase back to a determiner, punctuation or sentence start.
                std::size_t b = s;
                int n = 0;
                while (b > 0 && n < 6 && is_word(b - 1) && !in_quote_[b - 1] && toks_[b - 1].sent == toks_[s].sent) {
                    const std::string pl = lower(word(b - 1));
                    if (pl == "the" || pl == "a" || pl == "an" || pl == "his" || pl == "her" || pl == "their") {
                        --b;
                        break;
                    }
                    // "Lewandowski's statement": take the possessor in.
                    if (pl == "s" && b >= 2 && (is_punct(b - 2, 0x2019) || is_punct(b - 2, '\'')) && is_word(b - 3)) {
                        b -= 3;
                        ++n;
                        continue;
                    }
                    if (is_function_word(pl) || speech_verb_at(b - 1)) break;
                    // "the meeting Israeli officials": a capitalised modifier starts the phrase.
                    if (toks_[b].cap && !toks_[b - 1].cap) break;
                    --b;
                    ++n;
                }
                // Possessives inside the phrase ("the party's leader") end it too.
                return from_phrase(b, s, rule);
            }
        }
        if (!fallback_to_sentence_subject) return {};
        // A clause boundary ("..., but said ..."): the sentence's subject.
        for (std::size_t j = v; j-- > 0 && j + 300 > v && toks_[j].sent == toks_[v].sent;) {
            std::size_t first = j;
            if (j > 0 && j + 299 > v && toks_[j - 1].sent == toks_[v].sent) continue;
            // j is the sentence's first token; scan forward to v.
            for (std::size_t t = first; t < v; ++t) {
                if (in_quote_[t]) continue;
                if (person_at_[t] >= 0 && !after_preposition(t) && !possessive_after(t + 1))
                    return from_person(person_at_[t], rule);
                if (is_word(t)) {
                    const std::string l = lower(word(t));
                    if (l == "he" || l == "she") return resolve_pronoun(t);
                }
            }
            break;
        }
        return {};
    }

    // A person mention at k used as a possessive ("Obama's former strategist") is a
    // modifier, not the source.
    bool possessive_after(std::size_t k) const {
        return (is_punct(k, 0x2019) || is_punct(k, '\'')) && is_word(k + 1) && lower(word(k + 1)) == "s";
    }

    // Scans a source phrase from i: words, person mentions, abbreviation stops, one
    // parenthesis ("(D-Wis.)") and one appositive after a person ("X, MP for Y,").
    // Returns the index where it stopped; `last_person` is the last person seen.
    std::size_t scan_source(std::size_t i, int& last_person, bool allow_appositive) const {
        std::size_t k = i;
        int n = 0;
        bool appos = !allow_appositive;
        last_person = -1;
        while (k < toks_.size() && n < 12) {
            const Token& t = toks_[k];
            if (t.kind == TokKind::newline || in_quote_[k]) break;
            if (t.kind == TokKind::word) {
                if (speech_verb_at(k)) break;
                if (person_at_[k] >= 0) {
                    const int p = person_at_[k];
                    while (k < toks_.size() && person_at_[k] == p)
                        ++k;
                    last_person = possessive_after(k) ? -1 : p;
                    ++n;
                    continue;
                }
                // A source phrase holds nouns, names and a few linking words; anything
                // else ("sings to Clinton before asking") is not a source.
                const std::string l = lower(word(k));
                if (is_function_word(l) && l != "the" && l != "a" && l != "an" && l != "of" && l != "for" &&
                    l != "at" && l != "in" && l != "his" && l != "her" && l != "their" && l != "its" && l != "one" &&
                    l != "another" && l != "our" && !is_adverb(k))
                    break;
                ++k;
                ++n;
                continue;
            }
            if (person_at_[k] >= 0) {
                ++k;
                continue;
            }
            if (t.cp == '(') {
                std::size_t m = k + 1;
                while (m < toks_.size() && m < k + 10 && !is_punct(m, ')') && toks_[m].kind != TokKind::newline)
                    ++m;
                if (!is_punct(m, ')')) break;
                k = m + 1;
                continue;
            }
            // ... but not the full stop after a name ("said campaign manager Jon Kohan. Ayotte").
            if (t.cp == '.' && k > 0 && is_word(k - 1) && toks_[k - 1].end == t.begin && toks_[k - 1].cap &&
                toks_[k - 1].end - toks_[k - 1].begin <= 5 &&
                !(person_at_[k - 1] >= 0 && k + 1 < toks_.size() && toks_[k + 1].sent != toks_[k - 1].sent)) {
                ++k;  // "R-Ky." "Jr."
                continue;
            }
            if ((t.cp == 0x2019 || t.cp == '\'') && is_word(k + 1) && lower(word(k + 1)) == "s") {
                k += 2;
                continue;
            }
            // Glued punctuation inside a word-like unit: "9/11", "AT&T".
            if (k > i && t.cp != ',' && t.cp != ';' && t.cp != ':' && !is_double_quote(t.cp) &&
                toks_[k - 1].end == t.begin && k + 1 < toks_.size() && toks_[k + 1].begin == t.end && is_word(k - 1) &&
                is_word(k + 1)) {
                ++k;
                continue;
            }
            if (t.cp == ',' && last_person >= 0 && !appos) {
                appos = true;
                std::size_t m = k + 1;
                while (m < toks_.size() && m < k + 30 && !is_punct(m, ',') && toks_[m].kind != TokKind::newline &&
                       !in_quote_[m])
                    ++m;
                if (!is_punct(m, ',')) break;
                // "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said": an
                // appositive of several comma parts, taken only when a speech verb follows.
                std::size_t c = m;
                for (int part = 0; part < 4 && !speech_verb_at(c + 1); ++part) {
                    std::size_t x = c + 1;
                    while (x < toks_.size() && x < c + 20 && !is_punct(x, ',') && toks_[x].kind != TokKind::newline &&
                           !in_quote_[x])
                        ++x;
                    if (!is_punct(x, ',')) break;
                    c = x;
                }
                bool named = false;  // "Of Carson, Levine, who ..., said": a list, not an appositive
                for (std::size_t x = k + 1; x < c && !named; ++x)
                    named = person_at_[x] >= 0;
                if (c != m && speech_verb_at(c + 1) && !named) m = c;
                k = m + 1;
                continue;
            }
            break;
        }
        return k;
    }

    // "…," X said / "…," said X / "…" he concluded / "…" ― X.
    Source after_frame(const RawQuote& r) const {
        if (r.close == SIZE_MAX) return {};
        Source s = frame_from(r.close, r.close + 1);
        if (s.found) return s;
        // A credit line of its own after a quote paragraph: "“…”\n\n- Clinton."
        std::size_t k = r.close + 1;
        while (is_punct(k) && !is_double_quote(toks_[k].cp))
            ++k;
        if (k >= toks_.size() || toks_[k].kind != TokKind::newline) return {};
        while (k < toks_.size() && toks_[k].kind == TokKind::newline)
            ++k;
        if (!is_punct(k) ||
            !(toks_[k].cp == '-' || toks_[k].cp == 0x2013 || toks_[k].cp == 0x2014 || toks_[k].cp == 0x2015))
            return {};
        const std::size_t n = k + 1;
        if (person_at_[n] < 0) return {};
        std::size_t m = n;
        while (m < toks_.size() && person_at_[m] == person_at_[n])
            ++m;
        while (is_punct(m) && toks_[m].cp != '(' && !is_double_quote(toks_[m].cp))
            ++m;
        if (m < toks_.size() && toks_[m].kind != TokKind::newline) return {};
        s = from_person(person_at_[n], "dash-credit");
        s.verb_distance = 0;
        return s;
    }

    // '"People were celebrating" before the incident, she said.': a frame closing the
    // quote's sentence after a clause of its own.
    Source sentence_end_frame(const RawQuote& r) const {
        if (r.close == SIZE_MAX) return {};
        const std::uint32_t sent = toks_[r.close].sent;
        std::size_t commas[4];
        std::size_t nc = 0, k = r.close + 1;
        for (; k < toks_.size() && k < r.close + 40 && toks_[k].sent == sent; ++k) {
            if (toks_[k].kind == TokKind::newline) break;  // the paragraph's end ends the sentence
            if (in_quote_[k]) return {};
            if (is_punct(k, ',')) {
                if (nc == 4) std::move(commas + 1, commas + 4, commas), --nc;
                commas[nc++] = k;
            }
        }
        if (nc == 0 || (k < toks_.size() && toks_[k].sent == sent && toks_[k].kind != TokKind::newline)) return {};
        // The frame runs from a comma to the sentence's end: ", said X." / ", X said." /
        // ", said X, an analyst at Y." (the last comma may be the appositive's).
        for (std::size_t c = nc; c-- > 0;) {
            Source s = frame_from(r.close, commas[c] + 1);
            if (!s.found) continue;
            s.verb_distance = 2;
            return s;
        }
        return {};
    }

    // A reported clause starts right after the speech verb at v ("said he would", "said that").
    bool new_clause_after(std::size_t v) const {
        if (!is_word(v + 1)) return false;
        const std::string nx = lower(word(v + 1));
        return nx == "he" || nx == "she" || nx == "they" || nx == "it" || nx == "we" || nx == "that" || nx == "there" ||
               nx == "i";
    }

    // "Blair retorted voters remembered ...": a clause with no "that" after a verb that
    // takes none as its object (two lower-case words that are not function words or
    // adverbs). Verbs of telling take a hearer instead ("told reporters").
    bool bare_clause_after(std::size_t v) const {
        if (!is_word(v + 1) || !is_word(v + 2) || toks_[v + 1].cap || toks_[v + 2].cap) return false;
        const std::string verb = lower(word(v)), a = lower(word(v + 1)), b = lower(word(v + 2));

        if (speech_verbs().hearer.contains(verb)) return false;
        return !is_function_word(a) && !is_function_word(b) && !is_adverb(v + 1) && !is_adverb(v + 2);
    }

    Source frame_from(std::size_t close, std::size_t i) const {
        const RawQuote r{0, close, {}, {}};
        bool dash = false;
        while (is_punct(i) && (toks_[i].cp == ',' || toks_[i].cp == 0x2014 || toks_[i].cp == 0x2013 ||
                               toks_[i].cp == 0x2015 || toks_[i].cp == '-')) {
            dash |= toks_[i].cp != ',';
            ++i;
        }
        if (!is_word(i) || toks_[i].para != toks_[r.close].para) return {};
        if (speech_verb_at(i)) {
            // said X, said the minister
            const std::size_t j = i + 1;
            // "said his campaign manager Jeff Weaver": a possessive opens a noun phrase.
            if (is_word(j) && pronoun_gender(lower(word(j))) &&
                !((lower(word(j)) == "his" || lower(word(j)) == "her") && is_word(j + 1))) {
                const std::string l = lower(word(j));
                if (l == "he" || l == "she") {
                    Source s = resolve_pronoun(j);
                    s.verb_distance = 0;
                    return s;
                }
                return {};
            }
            // The source must start like a noun phrase: "said that ..." is reported speech.
            if (is_word(j) && !toks_[j].cap && person_at_[j] < 0) {
                const std::string fl = lower(word(j));
                if (fl != "the" && fl != "a" && fl != "an" && fl != "one" && fl != "another" && fl != "his" &&
                    fl != "her" && fl != "their" && fl != "its" && fl != "our" && is_function_word(fl))
                    return {};
                if (fl == "that") return {};
            }
            int p = -1;
            std::size_t e = scan_source(j, p, false);
            if (p >= 0) {
                Source s = from_person(p, "said-after-quote");
                s.verb_distance = 0;
                return s;
            }
            while (e > j && !is_word(e - 1))
                --e;
            if (e == j) return {};
            Source s = from_phrase(j, e - 1, "said-after-quote");
            s.verb_distance = 0;
            return s;
        }
        if (Source n = speech_noun_source(i); n.found) return n;
        const std::string l = lower(word(i));
        if (l == "he" || l == "she") {
            std::size_t k = i + 1;
            while (is_adverb(k))
                ++k;
            // '"…" He continued: "…"': a frame ending in a colon introduces the next quote.
            if (!speech_verb_at(k) || colon_before_quote(k + 1)) return {};
            Source s = resolve_pronoun(i);
            s.verb_distance = 0;
            return s;
        }
        if (l == "they" || l == "it" || l == "we" || l == "i" || l == "you") return {};
        if (!toks_[i].cap && person_at_[i] < 0 && is_function_word(l) && l != "the" && l != "a" && l != "an" &&
            l != "one" && l != "another" && l != "his" && l != "her" && l != "their" && l != "its" && l != "our")
            return {};
        // X said: a subject phrase, then a speech verb.
        int p = -1;
        const std::size_t k = scan_source(i, p, true);
        // '"… a political campaign." Ohio Gov. John Kasich said he would have ...': after a
        // quote closed by a full stop (or ? or !), "X said" followed by a clause opens a new sentence of
        // reported speech; it is not this quote's frame.
        const bool closed_sentence =
            close > 0 && (is_punct(close - 1, '.') || is_punct(close - 1, '?') || is_punct(close - 1, '!'));
        if (speech_verb_at(k) && closed_sentence && (new_clause_after(k) || bare_clause_after(k)))
            return {};
        // '"… the better." The Buckeye State is one of 45 states': after a full stop a frame
        // needs a named subject; a phrase reaching a noun that looks like a verb is a new sentence.
        if (speech_verb_at(k) && p < 0 && close > 0 && is_punct(close - 1, '.') && k > i + 3) return {};
        if (speech_verb_at(k) && colon_before_quote(k + 1)) return {};  // 'X added: "…"' opens the next quote
        if (speech_verb_at(k)) {
            if (p >= 0) {
                Source s = from_person(p, "said-after-quote");
                s.verb_distance = 0;
                return s;
            }
            std::size_t v = k;
            while (v > i && (is_adverb(v - 1) || !is_word(v - 1)))
                --v;
            if (v == i) return {};
            Source s = from_phrase(i, v - 1, "said-after-quote");
            s.verb_distance = 0;
            return s;
        }
        // A credit line: "…" ― Sonya Herridge (the name ends the paragraph).
        if (dash && person_at_[i] >= 0) {
            std::size_t m = i;
            while (m < toks_.size() && person_at_[m] == person_at_[i])
                ++m;
            while (is_punct(m) && toks_[m].cp != '(' && !is_double_quote(toks_[m].cp))
                ++m;
            if (m >= toks_.size() || toks_[m].kind == TokKind::newline) {
                Source s = from_person(person_at_[i], "dash-credit");
                s.verb_distance = 0;
                return s;
            }
        }
        // A credit the finder split or did not see as one person ("― Christina N Luis
        // Olidem", "― Nell Carden Grey"): two to five name-shaped words (capitalised, or
        // an initial) running to the line's end, one of them a person's or a given name.
        if (dash && toks_[i].cap) {
            std::size_t m = i, words = 0;
            bool named = false;
            while (m < toks_.size() && toks_[m].kind != TokKind::newline) {
                if (is_word(m)) {
                    const std::string_view w = word(m);
                    if (!toks_[m].cap || lex_.orgwords.count(std::string(w)) || is_function_word(lower(w))) break;
                    named |= person_at_[m] >= 0 || lex_.given.count(std::string(w)) > 0;
                    ++words;
                } else if (!(is_punct(m, '.') && m > i && word(m - 1).size() == 1)) {  // "A." an initial
                    break;
                }
                ++m;
            }
            const std::size_t e = m;
            while (is_punct(m) && toks_[m].cp != '(' && !is_double_quote(toks_[m].cp))
                ++m;
            if (named && words >= 2 && words <= 5 && (m >= toks_.size() || toks_[m].kind == TokKind::newline)) {
                std::size_t last = e - 1;
                while (last > i && !is_word(last))
                    --last;
                Source s;
                s.found = true;
                s.person = true;
                s.span = {toks_[i].begin, toks_[last].end};
                s.name = std::string(slice(s.span));
                s.rule = "dash-credit";
                s.verb_distance = 0;
                return s;
            }
        }
        return {};
    }

    // X said: "…" / X told the BBC: "…" / X said Britain was "…" / according to X "…".
    // The subject of sentence `sent` before token `limit`: its first person mention or
    // he/she, outside quotes.
    Source sentence_subject(std::size_t limit, std::uint32_t sent, const std::string& rule) const {
        std::size_t j = limit;
        for (int n = 0; j > 0 && n < 300 && toks_[j - 1].sent == sent; ++n)
            --j;
        for (; j < limit; ++j) {
            if (in_quote_[j]) continue;
            if (person_at_[j] >= 0 && !after_preposition(j)) return from_person(person_at_[j], rule);
            if (is_word(j)) {
                const std::string l = lower(word(j));
                if (l == "he" || l == "she") return resolve_pronoun(j);
            }
        }
        return {};
    }

    Source before_frame(const RawQuote& r) const {
        const std::size_t o = r.open;
        if (o == 0) return {};
        if (para_first(o)) {
            // "Cruz called them on it:" ending the previous paragraph.
            if (o < 2 || !is_punct(o - 2, ':') || in_quote_[o - 2]) return {};
            Source s = sentence_subject(o - 2, toks_[o - 2].sent, "colon-frame");
            // "The New York Times reports:" — no person, but the speech verb's subject phrase.
            if (!s.found && o >= 3 && speech_verb_at(o - 3)) s = subject_before(o - 3, "colon-frame", false);
            if (s.found) s.verb_distance = 0;
            return s;
        }
        std::size_t i = o - 1;
        const bool colon = is_punct(i, ':');
        if (colon || is_punct(i, ',')) {
            if (i == 0) return {};
            // "Healey: '…'" in a headline; "Rep. Trey Gowdy (R-S.C.): '…'" in a transcript.
            std::size_t n = i - 1;
            if (colon && is_punct(n, ')')) {
                while (n > 0 && n + 10 > i && !is_punct(n, '('))
                    --n;
                if (is_punct(n, '(') && n > 0) --n;
            }
            // "Mr Brown told Mr Blair: '…'", "asked Mrs Ames:": a name after a lower-case
            // word of its sentence is an object (the hearer), not a headline's speaker.
            if (colon && person_at_[n] >= 0 && !in_quote_[n] && !object_mention(n)) {
                Source s = from_person(person_at_[n], "colon-frame");
                s.verb_distance = 0;
                return s;
            }
            --i;
        }
        const std::uint32_t sent = toks_[o].sent;
        std::size_t steps = 0;
        for (std::size_t v = i + 1; v-- > 0 && steps < 60; ++steps) {
            if (toks_[v].kind == TokKind::newline || (toks_[v].sent != sent && !colon)) break;
            if (in_quote_[v]) break;
            if (speech_verb_at(v)) {
                const std::size_t dist = o - v - 1;
                Source s;
                if (toks_[v].sent_start) {
                    // Inverted: "Said Dorothy Poynter, who grew up with him, “…”".
                    int p = -1;
                    scan_source(v + 1, p, true);
                    if (p >= 0) s = from_person(p, colon ? "colon-frame" : "said-before-quote");
                } else {
                    s = subject_before(v, colon ? "colon-frame" : "said-before-quote", true);
                }
                if (!s.found) return {};
                s.verb_distance = dist;
                return s;
            }
            if (is_word(v) && lower(word(v)) == "according" && is_word(v + 1) && lower(word(v + 1)) == "to") {
                std::size_t e = v + 2;
                while (e < o && is_word(e) && e < v + 10)
                    ++e;
                if (e == v + 2) return {};
                Source s = from_phrase(v + 2, e - 1, "according-to");
                s.verb_distance = 1;
                return s;
            }
        }
        // "Trump issued a statement, “…”": a comma after a document noun introduces its text.
        bool doc_comma = false;
        if (is_punct(o - 1, ',') && o >= 2 && is_word(o - 2) && !in_quote_[o - 2]) {
            const std::string d = lower(word(o - 2));
            doc_comma = d == "statement" || d == "tweet" || d == "letter" || d == "post" || d == "email" ||
                        d == "release" || d == "memo" || d == "message";
        }
        if (colon || doc_comma) {
            // "She then addressed the supporters again: “…”": no speech verb, but a colon
            // introducing a quote after a sentence about a person.
            Source s = sentence_subject(o - 1, toks_[o - 1].sent, "colon-frame");
            if (s.found) s.verb_distance = 1;
            return s;
        }
        return {};
    }

    // A quote whose opening mark continues the reporter's own clause: a word of the same
    // sentence before it that is not a speech verb or its hearer ('said "We will win"',
    // 'told reporters "We will win"'). The caller keeps whole sentences ('chanting "We
    // will win."').
    bool fragment(const RawQuote& r) const {
        if (r.open == 0 || para_first(r.open) || r.segs.size() > 1) return false;
        const std::size_t p = r.open - 1;
        if (!is_word(p) || toks_[p].sent != toks_[r.open].sent) return false;
        if (speech_verb_at(p)) return false;
        // 'told reporters "…"', 'told the BBC "…"': a speech verb of telling and its hearer
        // before a quote that starts like a sentence.
        const bool capital = is_word(r.open + 1) && toks_[r.open + 1].cap;
        for (std::size_t k = p, n = 0; capital && k-- > 0 && n < 3 && is_word(k); ++n)
            if (speech_verb_at(k)) return false;
        return true;
    }

    // The person who is the subject of the sentence ending at token k, when the sentence
    // holds no quote mark and names them first: at its start, after a short phrase and a
    // comma ("His friend, Saxon Spence, leader of ..."), or after capitalised and title
    // words ("Labour veteran Ann Ross"); -1 otherwise.
    int sentence_subject(std::size_t k) const {
        if (k >= toks_.size()) return -1;
        const std::uint32_t sent = toks_[k].sent, para = toks_[k].para;
        std::size_t b = k;
        while (b > 0 && toks_[b - 1].sent == sent && toks_[b - 1].para == para && k - b < 200)
            --b;
        if (b > 0 && toks_[b - 1].sent == sent && toks_[b - 1].para == para) return -1;
        for (std::size_t t = b; t <= k; ++t)
            if (in_quote_[t] || (is_punct(t) && (is_double_quote(toks_[t].cp) || is_single_open(toks_[t].cp))))
                return -1;
        std::size_t t = b;
        while (t <= k && t < b + 5 && person_at_[t] < 0)
            ++t;
        if (t > k || person_at_[t] < 0 || possessor(t)) return -1;
        if (t > b) {
            const bool comma = is_punct(t - 1, ',');
            for (std::size_t u = b; u + (comma ? 1 : 0) < t; ++u) {
                if (!is_word(u)) return -1;
                if (comma) continue;
                const std::string l = lower(word(u));
                if (!toks_[u].cap && l != "the" && !lex_.offices.count(l) && !lex_.roles.count(l)) return -1;
            }
        }
        return person_at_[t];
    }

    // '"…," is the dry assessment of Graham Lane' / 'was Ann Ross's verdict': a speech noun
    // after the quote whose possessor is the speaker.
    Source speech_noun_source(std::size_t i) const {
        static const WordSet nouns = embedded_lexicon("speech-verbs.tsv").set("speech-noun");
        if (!is_word(i)) return {};
        const std::string be = lower(word(i));
        if (be != "is" && be != "was") return {};
        std::size_t k = i + 1;
        auto found = [&](int p) {
            Source s = from_person(p, "speech-noun");
            s.verb_distance = 0;
            return s;
        };
        if (person_at_[k] >= 0 && !in_quote_[k]) {
            std::size_t e = k;
            while (e + 1 < toks_.size() && person_at_[e + 1] == person_at_[k])
                ++e;
            if (possessive_after(e + 1) && is_word(e + 3) && nouns.contains(lower(word(e + 3))))
                return found(person_at_[k]);
            return {};
        }
        if (!is_word(k)) return {};
        const std::string det = lower(word(k));
        if (det != "the" && det != "a" && det != "an") return {};
        for (std::size_t n = 0; n < 4 && is_word(k + 1) && !toks_[k + 1].cap; ++n) {
            ++k;
            if (!nouns.contains(lower(word(k)))) continue;
            if (is_word(k + 1) && lower(word(k + 1)) == "of" && person_at_[k + 2] >= 0 && !in_quote_[k + 2])
                return found(person_at_[k + 2]);
            return {};
        }
        return {};
    }

    Source attribute(const RawQuote& r) const {
        Source s = after_frame(r);
        s.after = s.found;
        if (s.found) return s;
        s = before_frame(r);
        if (s.found) return s;
        s = sentence_end_frame(r);
        if (s.found) return s;
        return {};
    }

    // Reported speech: "X said that …", "X said Britain was …".
    void find_indirect(std::vector<Quote>& out) {

        for (std::size_t v = 1; v + 3 < toks_.size(); ++v) {
            if (!is_word(v) || toks_[v].cap || in_quote_[v]) continue;
            const std::string l = lower(word(v));
            if (!speech_verbs().clause.contains(l)) continue;
            std::size_t c = v + 1;
            if (l == "told" || l == "tells") {
                // told NP that …
                std::size_t k = c;
                while (k < toks_.size() && k < c + 5 && is_word(k) && lower(word(k)) != "that")
                    ++k;
                if (!is_word(k) || lower(word(k)) != "that") continue;
                c = k + 1;
            } else if (is_word(c) && lower(word(c)) == "that") {
                ++c;
            }
            if (!is_word(c) || in_quote_[c]) continue;
            {
                const std::string cl = lower(word(c));
                if (cl == "in" || cl == "on" || cl == "at" || cl == "during" || cl == "after" || cl == "before" ||
                    cl == "to" || cl == "by" || cl == "of" || cl == "for" || cl == "with" || cl == "about" ||
                    cl == "so" || cl == "and" || cl == "but" || cl == "or" || cl == "as" || cl == "from" ||
                    cl == "today" || cl == "yesterday" || cl == "tomorrow" || cl == "earlier" || cl == "later" ||
                    cl == "last" || cl == "recently" || cl == "previously" || cl == "repeatedly" || cl == "also")
                    continue;
            }
            Source s = subject_before(v, "indirect", false);
            if (!s.found) continue;
            if (s.rule.rfind("pronoun", 0) == 0 || s.rule.rfind("pronoun-forward", 0) == 0) {
                // keep the pronoun provenance
            } else {
                s.rule = "indirect";
            }
            std::size_t e = c;
            // The clause runs to the sentence's end or to a coordinated clause (", but said ...").
            while (e < toks_.size() && toks_[e].sent == toks_[c].sent && toks_[e].kind != TokKind::newline) {
                if (!in_quote_[e] &&
                    (is_punct(e, ';') || (is_punct(e, ',') && is_word(e + 1) &&
                                          (lower(word(e + 1)) == "but" || lower(word(e + 1)) == "and"))))
                    break;
                ++e;
            }
            // Drop the sentence's final stop.
            std::size_t last = e - 1;
            while (last > c && is_punct(last) &&
                   (toks_[last].cp == '.' || toks_[last].cp == '!' || toks_[last].cp == '?'))
                --last;
            if (last < c + 2) continue;
            Quote q;
            q.span = {toks_[c].begin, toks_[last].end};
            q.text = std::string(slice(q.span));
            q.speaker = s.name;
            q.speaker_is_person = s.person;
            q.speaker_span = s.span;
            q.speaker_rule = s.rule;
            q.indirect = true;
            q.rule = "indirect";
            out.push_back(std::move(q));
            v = last;
        }
    }

    std::string_view text_;
    const std::vector<PersonMention>& people_;
    const NameLexicon& lex_;
    std::vector<Token> toks_;
    std::vector<int> person_at_;
    std::vector<char> in_quote_;
    std::unordered_map<std::string, char> gender_;
    std::unordered_set<std::string> given_gender_;  // names whose gender comes from the given-name list only
    std::unordered_map<std::string, std::size_t> first_mention_;
    std::vector<std::pair<std::size_t, int>> speech_events_;
    std::size_t last_quote_tok_ =
        SIZE_MAX;  // the previous quote's closing mark, for continuations  // (token, person index), in text order
    std::vector<std::size_t> para_end_;
};

}  // namespace

std::vector<Quote> find_quotes(std::string_view text, std::vector<PersonMention>& people) {
    return find_quotes(text, text.size() > UINT32_MAX - 16 ? std::vector<Token>() : tokenize(text), people);
}

std::vector<Quote> find_quotes(std::string_view text, std::vector<detail::Token> toks,
                               std::vector<PersonMention>& people) {
    if (text.empty() || text.size() > UINT32_MAX - 16) return {};
    return QuoteFinder(text, std::move(toks), people).run();
}

}  // namespace newsfacet
