// newsfacet-eval polnear: direct-quote detection and speaker accuracy on PolNeAR.
//
// Layout: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann (brat standoff,
// code-point offsets), or .txt and .ann side by side in DIR. When several annotators
// annotated one article, the first .ann in name order is used.
//
// What is scored (see docs/speakers.md):
// - Gold direct quotes: attributions whose Content opens with a quote mark or sits right
//   after one. Contents that only hold a quote inside ("voter fraud “would be …”") are
//   partial: a prediction that overlaps one counts neither way.
// - A predicted quote (find_quotes, indirect ones left out) matches a gold content when
//   their overlap covers at least half of the shorter of the two. Recall is matched gold
//   over gold; precision is matched predictions over predictions that are not neutral.
// - Speaker accuracy: over matched gold quotes whose source resolves to a name, the share
//   whose predicted speaker has the same surname (see same_speaker). Pronoun and
//   definite description sources are resolved to the nearest preceding gold source that
//   is a name, of the pronoun's gender when an honorific or given name tells it;
//   indefinite ones ("a man", "one Clinton aide") name someone new and stay unresolved.
#include "eval_quotes.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "article.h"
#include "extract.h"
#include "people.h"

namespace newsfacet::eval {

namespace fs = std::filesystem;

namespace {

bool is_quote_cp(char32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB || c == 0x2018 ||
           c == 0x2019 || c == '\'';
}
bool is_double_quote_cp(char32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

// Code point at byte i (and its length); invalid bytes count as one code point each.
char32_t cp_at(std::string_view t, std::size_t i, std::size_t& len) {
    const auto b = static_cast<unsigned char>(t[i]);
    auto cont = [&](std::size_t k) {
        return i + k < t.size() && (static_cast<unsigned char>(t[i + k]) & 0xC0) == 0x80;
    };
    if (b < 0x80) {
        len = 1;
        return b;
    }
    if ((b & 0xE0) == 0xC0 && cont(1)) {
        len = 2;
        return ((b & 0x1F) << 6) | (t[i + 1] & 0x3F);
    }
    if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        len = 3;
        return ((b & 0x0F) << 12) | ((t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
    }
    if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        len = 4;
        return ((b & 0x07) << 18) | ((t[i + 1] & 0x3F) << 12) | ((t[i + 2] & 0x3F) << 6) | (t[i + 3] & 0x3F);
    }
    len = 1;
    return 0xFFFD;
}

// byte offset of each code point, plus the end.
std::vector<std::size_t> cp_offsets(std::string_view t) {
    std::vector<std::size_t> off;
    off.reserve(t.size() + 1);
    for (std::size_t i = 0; i < t.size();) {
        off.push_back(i);
        std::size_t len = 1;
        cp_at(t, i, len);
        i += len;
    }
    off.push_back(t.size());
    return off;
}

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

std::vector<std::string> split_ws(std::string_view in) {
    // A no-break space (U+00A0) or a line break in a gold source separates words too
    // ("Trump\u00A0" is Trump).
    std::string norm;
    norm.reserve(in.size());
    for (std::size_t k = 0; k < in.size(); ++k) {
        if (static_cast<unsigned char>(in[k]) == 0xC2 && k + 1 < in.size() &&
            static_cast<unsigned char>(in[k + 1]) == 0xA0) {
            norm += ' ';
            ++k;
        } else {
            norm += (in[k] == '\n' || in[k] == '\r') ? ' ' : in[k];
        }
    }
    const std::string_view s = norm;
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t')
            ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// The name part of a source or speaker: appositives, parentheses and honorifics dropped.
std::vector<std::string> name_words(std::string_view s, bool cut_at_links = true) {
    std::string t;
    int paren = 0;
    for (char c : s) {
        if (c == '(')
            ++paren;
        else if (c == ')')
            paren = std::max(0, paren - 1);
        else if (c == ',' && !paren)
            break;  // "Kenneth Baer, a former official" -> "Kenneth Baer"
        else if (!paren)
            t += c;
    }
    std::vector<std::string> w = split_ws(t);
    // "Charles B. Rangel of New York", "Dan McLaughlin at the National Review": the name
    // ends before a lower-case linking word.
    for (std::size_t i = 1; i < w.size() && cut_at_links; ++i)
        if (w[i] == "of" || w[i] == "at" || w[i] == "from" || w[i] == "in" || w[i] == "who" || w[i] == "on") {
            w.resize(i);
            break;
        }
    static const char* hon[] = {"mr",  "mr.",  "mrs", "mrs.", "ms",        "ms.", "dr", "dr.", "sen.", "sen", "rep.",
                                "rep", "gov.", "gov", "sir",  "president", "jr.", "jr", "sr.", "ii",   "iii", "iv"};
    std::erase_if(w, [](const std::string& x) {
        const std::string l = lower_ascii(x);
        return std::any_of(std::begin(hon), std::end(hon), [&](const char* h) { return l == h; });
    });
    for (std::string& x : w) {
        // Possessives and trailing punctuation: "Trump’s" -> "Trump".
        for (std::string_view suf : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")})
            if (x.size() > suf.size() && x.ends_with(suf)) x.resize(x.size() - suf.size());
        while (!x.empty() && (x.back() == '.' || x.back() == ':' || x.back() == ';'))
            x.pop_back();
    }
    std::erase_if(w, [](const std::string& x) { return x.empty(); });
    return w;
}

bool capitalised(std::string_view w) {
    return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0xC0);
}

// A source that names someone: a capitalised word that is not a pronoun or determiner.
bool names_someone(std::string_view source) {
    static const char* skip[] = {"he",  "she",   "i",   "we",   "they", "it",    "the", "a",    "an",  "his",
                                 "her", "their", "its", "this", "that", "which", "who", "said", "you", "our"};
    for (const std::string& w : name_words(source)) {
        const std::string l = lower_ascii(w);
        if (std::any_of(std::begin(skip), std::end(skip), [&](const char* s) { return l == s; })) continue;
        if (capitalised(w)) return true;
    }
    return false;
}

// "the Republican presidential nominee", "Obama's aides": a description of someone named
// elsewhere, not a name ("The New York Times" is a name: two capitalised words).
bool is_description(std::string_view source) {
    const std::vector<std::string> w = split_ws(source);
    if (w.empty()) return false;
    const std::string first = lower_ascii(w[0]);
    if (first.ends_with("'s") || first.ends_with("\xE2\x80\x99s")) return true;
    static const char* det[] = {"the", "a", "an", "another", "his", "her", "their", "its", "one", "my", "our"};
    if (std::none_of(std::begin(det), std::end(det), [&](const char* d) { return first == d; })) return false;
    // "the New York businessman": a lower-case head noun makes it a description.
    std::size_t caps = 0, last = 0;
    for (std::size_t i = 1; i < w.size() && w[i].find(',') == std::string::npos; ++i) {
        caps += capitalised(w[i]);
        last = i;
    }
    return caps < 2 || (last > 0 && !capitalised(w[last]));
}

char gender_of_source(std::string_view source) {
    const std::vector<std::string> w = split_ws(source);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string l = lower_ascii(w[i]);
        if (l == "mr." || l == "mr") return 'm';
        if (l == "mrs." || l == "ms." || l == "mrs" || l == "ms") return 'f';
        const auto& given = detail::name_lexicon().given;
        if (auto it = given.find(w[i]);
            it != given.end() && (it->second == 'm' || it->second == 'f') && i + 1 < w.size())
            return it->second;
    }
    return 0;
}

std::string excerpt(std::string_view s, std::size_t n = 90) {
    std::string r;
    for (char c : s.substr(0, std::min(s.size(), n)))
        r += c == '\n' ? ' ' : c;
    // Do not cut a UTF-8 sequence.
    while (!r.empty() && (static_cast<unsigned char>(r.back()) & 0xC0) == 0x80)
        r.pop_back();
    if (!r.empty() && static_cast<unsigned char>(r.back()) >= 0xC0) r.pop_back();
    return s.size() > n ? r + "…" : r;
}

std::size_t overlap(Span a, Span b) {
    const std::size_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
    return hi > lo ? hi - lo : 0;
}

bool substantial(Span a, Span b) {
    const std::size_t o = overlap(a, b);
    const std::size_t shorter = std::min(a.end - a.begin, b.end - b.begin);
    return o > 0 && 2 * o >= shorter;
}

}  // namespace

std::vector<GoldAttribution> parse_polnear_ann(std::string_view ann, std::string_view text) {
    const std::vector<std::size_t> off = cp_offsets(text);
    auto byte = [&](std::size_t cp) { return off[std::min(cp, off.size() - 1)]; };
    std::map<std::string, Span> spans;
    std::vector<std::map<std::string, std::string>> events;
    std::size_t p = 0;
    while (p < ann.size()) {
        std::size_t e = ann.find('\n', p);
        if (e == std::string_view::npos) e = ann.size();
        std::string_view line = ann.substr(p, e - p);
        p = e + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t t1 = line.find('\t');
        if (t1 == std::string_view::npos) continue;
        const std::string id(line.substr(0, t1));
        const std::size_t t2 = line.find('\t', t1 + 1);
        const std::string_view mid =
            line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1);
        if (id[0] == 'T') {
            // "Source 12 17" or "Content 1 5;7 9"
            const std::size_t sp = mid.find(' ');
            if (sp == std::string_view::npos) continue;
            std::size_t lo = SIZE_MAX, hi = 0;
            std::string ranges(mid.substr(sp + 1));
            for (char& c : ranges)
                if (c == ';') c = ' ';
            const std::vector<std::string> nums = split_ws(ranges);
            for (std::size_t k = 0; k + 1 < nums.size(); k += 2) {
                try {
                    lo = std::min<std::size_t>(lo, std::stoul(nums[k]));
                    hi = std::max<std::size_t>(hi, std::stoul(nums[k + 1]));
                } catch (...) {
                }
            }
            if (lo == SIZE_MAX || hi < lo) continue;
            spans[id] = Span{byte(lo), byte(hi)};
        } else if (id[0] == 'E') {
            std::map<std::string, std::string> roles;
            for (const std::string& r : split_ws(mid)) {
                const std::size_t c = r.find(':');
                if (c != std::string::npos) roles[r.substr(0, c)] = r.substr(c + 1);
            }
            events.push_back(std::move(roles));
        }
    }
    std::vector<GoldAttribution> out;
    for (const auto& roles : events) {
        auto c = roles.find("Content");
        if (c == roles.end() || !spans.count(c->second)) continue;
        GoldAttribution g;
        g.content = spans[c->second];
        if (auto s = roles.find("Source"); s != roles.end() && spans.count(s->second)) {
            g.source = spans[s->second];
            g.has_source = true;
            g.source_text = std::string(text.substr(g.source.begin, g.source.end - g.source.begin));
        }
        // Direct: the content, trimmed, opens with a quote mark, or a quote mark sits just
        // before it (annotators sometimes leave the marks out of the span).
        std::size_t b = g.content.begin;
        while (b < g.content.end && (text[b] == ' ' || text[b] == '\n'))
            ++b;
        std::size_t len = 1;
        if (b < g.content.end && is_quote_cp(cp_at(text, b, len)) && cp_at(text, b, len) != '\'') g.direct = true;
        if (!g.direct && g.content.begin > 0) {
            std::size_t k = g.content.begin;
            while (k > 0 && text[k - 1] == ' ')
                --k;
            std::size_t s = k;
            while (s > 0 && (static_cast<unsigned char>(text[s - 1]) & 0xC0) == 0x80)
                --s;
            if (s > 0 && k > 0) {
                --s;
                while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80)
                    --s;
                const char32_t q = cp_at(text, s, len);
                if (is_double_quote_cp(q) || q == 0x2018) g.direct = true;
            }
        }
        if (!g.direct) {
            for (std::size_t i = g.content.begin; i < g.content.end; i += len)
                if (is_double_quote_cp(cp_at(text, i, len))) {
                    g.partial = true;
                    break;
                }
        }
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(),
              [](const GoldAttribution& a, const GoldAttribution& b) { return a.content.begin < b.content.begin; });
    return out;
}

void resolve_gold_speakers(std::vector<GoldAttribution>& gold) {
    // In text order of the sources (a source may follow its content).
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < gold.size(); ++i)
        if (gold[i].has_source) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return gold[a].source.begin < gold[b].source.begin; });
    for (std::size_t k = 0; k < order.size(); ++k) {
        GoldAttribution& g = gold[order[k]];
        if (names_someone(g.source_text) && !is_description(g.source_text)) {
            g.speaker = g.source_text;
            g.named = true;
            continue;
        }
        const std::vector<std::string> w = split_ws(g.source_text);
        const std::string first = w.empty() ? "" : lower_ascii(w[0]);
        const char pg = first == "he" || first == "him" ? 'm' : first == "she" || first == "her" ? 'f' : 0;
        if (first == "it" || first == "they" || first == "which" || first == "we" || first == "i" || first == "that")
            continue;  // not a person, or not resolvable this way
        // An indefinite description ("a man", "one Clinton aide", "another source", "a sign")
        // introduces someone new: it never refers back to an earlier named source.
        // NEWSFACET_POLNEAR_RESOLVE_INDEFINITE=1 resolves them as before, for comparison.
        static const bool resolve_indefinite = std::getenv("NEWSFACET_POLNEAR_RESOLVE_INDEFINITE") != nullptr;
        if (!resolve_indefinite &&
            (first == "a" || first == "an" || first == "one" || first == "another" || first == "some" ||
             first == "several" || first == "many" || first == "two" || first == "three"))
            continue;
        for (std::size_t j = k; j-- > 0;) {
            const GoldAttribution& prev = gold[order[j]];
            if (!names_someone(prev.source_text) || is_description(prev.source_text)) continue;
            const char g2 = gender_of_source(prev.source_text);
            if (pg && g2 && g2 != pg) continue;
            g.speaker = prev.speaker.empty() ? prev.source_text : prev.speaker;
            break;
        }
    }
}

bool same_speaker(std::string_view predicted, std::string_view gold) {
    const auto p = name_words(predicted);
    if (p.empty()) return false;
    // "Secretary of State John F. Kerry": the cut at "of" is wrong there, so the last word
    // of the uncut form counts too.
    for (bool cut : {true, false}) {
        const auto g = name_words(gold, cut);
        if (!g.empty() && lower_ascii(p.back()) == lower_ascii(g.back())) return true;
    }
    return false;
}

PolnearScore& PolnearScore::operator+=(const PolnearScore& o) {
    gold_direct += o.gold_direct;
    gold_matched += o.gold_matched;
    predicted += o.predicted;
    predicted_matched += o.predicted_matched;
    predicted_neutral += o.predicted_neutral;
    speaker_total += o.speaker_total;
    speaker_correct += o.speaker_correct;
    speaker_unresolved += o.speaker_unresolved;
    named_total += o.named_total;
    named_correct += o.named_correct;
    return *this;
}
double PolnearScore::precision() const {
    const std::size_t d = predicted - predicted_neutral;
    return d ? double(predicted_matched) / double(d) : 0.0;
}
double PolnearScore::recall() const {
    return gold_direct ? double(gold_matched) / double(gold_direct) : 0.0;
}
double PolnearScore::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double PolnearScore::speaker_accuracy() const {
    return speaker_total ? double(speaker_correct) / double(speaker_total) : 0.0;
}

PolnearScore score_polnear_document(const std::string& doc, std::string_view text,
                                    const std::vector<GoldAttribution>& gold, const std::vector<Quote>& predicted,
                                    std::vector<PolnearError>* errors) {
    PolnearScore s;
    std::vector<const Quote*> pred;
    for (const Quote& q : predicted)
        if (!q.indirect && q.span.end > q.span.begin) pred.push_back(&q);
    s.predicted = pred.size();
    std::vector<char> pred_matched(pred.size(), 0);
    for (const GoldAttribution& g : gold) {
        if (!g.direct) continue;
        ++s.gold_direct;
        // The best-overlapping prediction.
        std::size_t best = SIZE_MAX, best_o = 0;
        for (std::size_t i = 0; i < pred.size(); ++i) {
            if (!substantial(pred[i]->span, g.content)) continue;
            const std::size_t o = overlap(pred[i]->span, g.content);
            if (o > best_o) {
                best = i;
                best_o = o;
            }
        }
        const std::string quote = excerpt(text.substr(g.content.begin, g.content.end - g.content.begin));
        if (best == SIZE_MAX) {
            if (errors)
                errors->push_back({PolnearError::miss, doc, quote, g.speaker.empty() ? g.source_text : g.speaker, ""});
            continue;
        }
        ++s.gold_matched;
        pred_matched[best] = 1;
        if (g.speaker.empty()) {
            ++s.speaker_unresolved;
            continue;
        }
        ++s.speaker_total;
        s.named_total += g.named;
        if (same_speaker(pred[best]->speaker, g.speaker)) {
            ++s.speaker_correct;
            s.named_correct += g.named;
        } else if (errors) {
            // A gold speaker resolved from a pronoun or description shows its source.
            errors->push_back({PolnearError::wrong_speaker, doc, quote,
                               g.named ? g.speaker : g.speaker + " [from: " + excerpt(g.source_text, 30) + "]",
                               pred[best]->speaker + " (" + pred[best]->speaker_rule + ")"});
        }
    }
    for (std::size_t i = 0; i < pred.size(); ++i) {
        if (pred_matched[i]) {
            ++s.predicted_matched;
            continue;
        }
        // Matching another gold direct quote (one prediction over two gold contents) or a
        // partial one counts neither way.
        bool neutral = false;
        for (const GoldAttribution& g : gold)
            if ((g.partial || g.direct) && overlap(pred[i]->span, g.content) > 0) neutral = true;
        if (neutral) {
            ++s.predicted_neutral;
            continue;
        }
        if (errors)
            errors->push_back({PolnearError::false_alarm, doc,
                               excerpt(text.substr(pred[i]->span.begin, pred[i]->span.end - pred[i]->span.begin)), "",
                               pred[i]->speaker + " (" + pred[i]->rule + ")"});
    }
    return s;
}

int eval_polnear(const EvalOptions& o, std::ostream& out) {
    const char* dump = std::getenv("NEWSFACET_POLNEAR_DUMP");
    const fs::path root(o.path);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        std::cerr << "newsfacet-eval polnear: not a directory: " << o.path << "\n";
        return 1;
    }
    const fs::path text_dir = fs::is_directory(root / "text", ec) ? root / "text" : root;
    const fs::path ann_dir = fs::is_directory(root / "attributions", ec) ? root / "attributions" : root;
    auto junk = [](const fs::path& p) {
        const std::string n = p.filename().string();
        return n.empty() || n[0] == '.';  // macOS "._*" files, hidden files
    };
    // Text stem -> the first .ann for it ("NAME_ANNOTATOR.ann" or "NAME.ann").
    std::map<std::string, fs::path> texts, anns;
    for (const auto& e : fs::directory_iterator(text_dir, ec))
        if (e.is_regular_file() && !junk(e.path()) && e.path().extension() == ".txt")
            texts[e.path().stem().string()] = e.path();
    std::vector<fs::path> ann_files;
    for (const auto& e : fs::directory_iterator(ann_dir, ec))
        if (e.is_regular_file() && !junk(e.path()) && e.path().extension() == ".ann") ann_files.push_back(e.path());
    std::sort(ann_files.begin(), ann_files.end());
    for (const fs::path& a : ann_files) {
        std::string stem = a.stem().string();
        if (!texts.count(stem)) {
            const std::size_t u = stem.rfind('_');
            if (u != std::string::npos) stem = stem.substr(0, u);
        }
        if (texts.count(stem) && !anns.count(stem)) anns[stem] = a;
    }
    if (anns.empty()) {
        std::cerr << "newsfacet-eval polnear: no .txt/.ann pairs in " << o.path << "\n";
        return 1;
    }
    auto slurp = [](const fs::path& p, std::string& s) {
        std::ifstream f(p, std::ios::binary);
        if (!f) return false;
        std::stringstream ss;
        ss << f.rdbuf();
        s = ss.str();
        return true;
    };
    PolnearScore total;
    std::vector<PolnearError> errs;
    std::size_t docs = 0, empty = 0;
    for (const auto& [stem, ann_path] : anns) {
        if (o.limit && docs >= o.limit) break;
        std::string raw, ann;
        if (!slurp(texts[stem], raw) || !slurp(ann_path, ann)) {
            std::cerr << "newsfacet-eval polnear: cannot read " << stem << "\n";
            return 1;
        }
        Article a;
        DecodeReport rep;
        if (decode_text(raw, a.text, rep) != RejectReason::none) {
            ++empty;
            continue;
        }
        ++docs;
        std::vector<GoldAttribution> gold = parse_polnear_ann(ann, a.text);
        resolve_gold_speakers(gold);
        const Extraction x = extract(a);
        if (dump && stem.find(dump) == 0) {
            // NEWSFACET_POLNEAR_DUMP=<document prefix>: the people and quotes found, for
            // reading a document's errors.
            for (const PersonMention& p : x.people)
                std::cerr << "person " << p.span.begin << " " << p.surface << " -> " << p.name << " (" << p.rule
                          << ")\n";
            for (const Quote& q : x.quotes)
                std::cerr << "quote " << q.span.begin << (q.indirect ? " indirect" : "") << " [" << excerpt(q.text, 60)
                          << "] " << q.speaker << " (" << q.speaker_rule << ")\n";
        }
        total += score_polnear_document(stem, a.text, gold, x.quotes, o.errors ? &errs : nullptr);
    }
    char buf[512];
    if (o.json) {
        std::snprintf(buf, sizeof buf,
                      "{\"documents\": %zu, \"empty_documents\": %zu, \"quotes\": {\"precision\": %.4f, \"recall\": "
                      "%.4f, \"f1\": %.4f, \"gold_direct\": %zu, \"gold_matched\": %zu, \"predicted\": %zu, "
                      "\"predicted_matched\": %zu, \"predicted_neutral\": %zu}, \"speaker\": {\"accuracy\": %.4f, "
                      "\"correct\": %zu, \"total\": %zu, \"unresolved\": %zu, \"named_correct\": %zu, "
                      "\"named_total\": %zu}}",
                      docs, empty, total.precision(), total.recall(), total.f1(), total.gold_direct, total.gold_matched,
                      total.predicted, total.predicted_matched, total.predicted_neutral, total.speaker_accuracy(),
                      total.speaker_correct, total.speaker_total, total.speaker_unresolved, total.named_correct,
                      total.named_total);
        out << buf << "\n";
    } else {
        out << "PolNeAR " << o.path << ": " << docs << " documents";
        if (empty) out << " (" << empty << " empty skipped)";
        out << "\n";
        std::snprintf(buf, sizeof buf,
                      "direct quotes   P %.3f  R %.3f  F1 %.3f  (gold %zu, matched %zu; predicted %zu, matched %zu, "
                      "neutral %zu)\n",
                      total.precision(), total.recall(), total.f1(), total.gold_direct, total.gold_matched,
                      total.predicted, total.predicted_matched, total.predicted_neutral);
        out << buf;
        std::snprintf(buf, sizeof buf,
                      "speaker         accuracy %.3f  (%zu of %zu; %zu matched quotes with no named source)\n",
                      total.speaker_accuracy(), total.speaker_correct, total.speaker_total, total.speaker_unresolved);
        out << buf;
        // The same split by how the gold speaker was found: the gold source is itself a name,
        // or a pronoun/description resolved by the gold-side heuristic (less certain).
        const std::size_t rt = total.speaker_total - total.named_total,
                          rc = total.speaker_correct - total.named_correct;
        std::snprintf(buf, sizeof buf,
                      "  named gold sources %.3f (%zu of %zu); pronoun/description gold sources %.3f (%zu of %zu)\n",
                      total.named_total ? double(total.named_correct) / double(total.named_total) : 0.0,
                      total.named_correct, total.named_total, rt ? double(rc) / double(rt) : 0.0, rc, rt);
        out << buf;
    }
    if (o.errors) {
        auto& eo = o.json ? std::cerr : out;
        const char* titles[] = {"misses", "false alarms", "wrong speakers"};
        for (int k = 0; k < 3; ++k) {
            std::size_t n = 0;
            eo << "-- " << titles[k] << "\n";
            for (const PolnearError& e : errs) {
                if (e.kind != k || n >= o.errors) continue;
                ++n;
                eo << e.doc << ": \"" << e.quote << "\"";
                if (!e.gold_speaker.empty()) eo << "  gold=" << e.gold_speaker;
                if (!e.predicted_speaker.empty()) eo << "  got=" << e.predicted_speaker;
                eo << "\n";
            }
        }
    }
    return 0;
}

}  // namespace newsfacet::eval
