// newsfacet-eval conll: PER and LOC precision/recall/F1 (exact token spans) of
// extract() on CoNLL-2003 documents rebuilt as article text.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "article.h"
#include "extract.h"
#include "ner_eval.h"

namespace newsfacet::eval {

std::vector<ConllDoc> read_conll(std::istream& in) {
    std::vector<ConllDoc> docs;
    std::string line;
    bool new_sentence = true;
    auto current = [&]() -> ConllDoc& {
        if (docs.empty()) docs.emplace_back();
        return docs.back();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("-DOCSTART-", 0) == 0) {
            if (docs.empty() || !docs.back().tokens.empty()) docs.emplace_back();
            new_sentence = true;
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            new_sentence = true;
            continue;
        }
        std::istringstream fields(line);
        std::vector<std::string> f;
        for (std::string x; fields >> x;)
            f.push_back(x);
        if (f.size() < 2) continue;
        ConllDoc& d = current();
        if (new_sentence) d.sentence_starts.push_back(d.tokens.size());
        new_sentence = false;
        d.tokens.push_back(f.front());
        d.tags.push_back(f.back());
    }
    if (!docs.empty() && docs.back().tokens.empty()) docs.pop_back();
    return docs;
}

std::vector<TokenSpan> bio_spans(const std::vector<std::string>& tags) {
    std::vector<TokenSpan> out;
    std::string open;  // type of the entity being extended, "" when none
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const std::string& t = tags[i];
        if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') {
            open.clear();
            continue;
        }
        const std::string type = t.substr(2);
        // IOB2 starts every entity with B-; IOB1 starts with I- unless the previous
        // token is of the same type. Both are read by one rule.
        if (t[0] == 'B' || open != type) {
            out.push_back({i, i + 1, type});
            open = type;
        } else {
            out.back().end = i + 1;
        }
    }
    return out;
}

ConllText rebuild_text(const ConllDoc& doc) {
    ConllText r;
    std::size_t next_sentence = 0;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        if (i > 0) {
            const bool starts = next_sentence < doc.sentence_starts.size() && doc.sentence_starts[next_sentence] == i;
            r.text.push_back(starts ? '\n' : ' ');
        }
        while (next_sentence < doc.sentence_starts.size() && doc.sentence_starts[next_sentence] <= i)
            ++next_sentence;
        const std::size_t b = r.text.size();
        r.text += doc.tokens[i];
        r.token_bytes.push_back({b, r.text.size()});
    }
    return r;
}

bool to_token_span(const std::vector<Span>& token_bytes, Span bytes, TokenSpan& out) {
    auto first = std::lower_bound(token_bytes.begin(), token_bytes.end(), bytes.begin,
                                  [](const Span& t, std::size_t b) { return t.end <= b; });
    if (first == token_bytes.end() || first->begin >= bytes.end) return false;
    auto last = first;
    while (last + 1 != token_bytes.end() && (last + 1)->begin < bytes.end)
        ++last;
    out.begin = static_cast<std::size_t>(first - token_bytes.begin());
    out.end = static_cast<std::size_t>(last - token_bytes.begin()) + 1;
    return true;
}

namespace {

std::string surface_of(const std::vector<std::string>* tokens, const TokenSpan& s) {
    if (!tokens) return {};
    std::string out;
    for (std::size_t i = s.begin; i < s.end && i < tokens->size(); ++i) {
        if (!out.empty()) out += ' ';
        out += (*tokens)[i];
    }
    return out;
}

}  // namespace

void score_ner(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted, NerScore& score,
               const std::vector<std::string>* tokens) {
    const std::set<TokenSpan> g(gold.begin(), gold.end());
    const std::set<TokenSpan> p(predicted.begin(), predicted.end());
    for (const char* type : {"PER", "LOC"}) {
        Prf& s = std::string_view(type) == "PER" ? score.per : score.loc;
        for (const TokenSpan& x : p) {
            if (x.type != type) continue;
            if (g.contains(x)) {
                ++s.tp;
                continue;
            }
            ++s.fp;
            // Why was it wrong? Same span with another gold type, an overlap, or nothing.
            std::string why = std::string("gold O -> predicted ") + type;
            for (const TokenSpan& y : g) {
                if (y.begin == x.begin && y.end == x.end) {
                    why = "gold " + y.type + " -> predicted " + type;
                    break;
                }
                if (y.begin < x.end && x.begin < y.end) why = "boundary: gold " + y.type + " vs predicted " + type;
            }
            ++score.confusions[why];
            if (std::string_view(type) == "LOC" && tokens) ++score.false_loc[surface_of(tokens, x)];
        }
        for (const TokenSpan& y : g) {
            if (y.type != type || p.contains(y)) continue;
            ++s.fn;
            std::string why = std::string("gold ") + type + " -> missed";
            for (const TokenSpan& x : p) {
                if (y.begin == x.begin && y.end == x.end) {
                    why = std::string("gold ") + type + " -> predicted " + x.type;
                    break;
                }
                if (y.begin < x.end && x.begin < y.end) why = std::string("gold ") + type + " -> boundary";
            }
            // Overlapping errors are counted once, on the false-alarm side.
            if (why.find("predicted") == std::string::npos) ++score.confusions[why];
            if (std::string_view(type) == "LOC" && tokens) ++score.missed_loc[surface_of(tokens, y)];
        }
    }
}

namespace {

std::string context(const ConllDoc& d, const TokenSpan& s) {
    // The sentence around the entity, the entity in [[ ]].
    std::size_t sb = 0, se = d.tokens.size();
    for (std::size_t st : d.sentence_starts) {
        if (st <= s.begin)
            sb = st;
        else {
            se = st;
            break;
        }
    }
    std::string out;
    for (std::size_t i = sb; i < se; ++i) {
        if (!out.empty()) out += ' ';
        if (i == s.begin) out += "[[";
        out += d.tokens[i];
        if (i + 1 == s.end) out += "]]";
    }
    if (out.size() > 220) out = out.substr(0, 220) + "...";
    return out;
}

std::string json_escape(std::string_view s) {
    std::string o;
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        o += c;
    }
    return o;
}

template <class Map>
std::vector<std::pair<std::string, std::size_t>> top(const Map& m, std::size_t n) {
    std::vector<std::pair<std::string, std::size_t>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > n) v.resize(n);
    return v;
}

}  // namespace

int eval_conll(const EvalOptions& o, std::ostream& out) {
    std::ifstream in(o.path);
    if (!in) {
        out << "newsfacet-eval conll: cannot read " << o.path << "\n";
        return 1;
    }
    std::vector<ConllDoc> docs = read_conll(in);
    if (o.limit && docs.size() > o.limit) docs.resize(o.limit);

    NerScore score;
    // LOC as find_places() alone sees it, before extract() lets people override places:
    // separates gazetteer/guard errors from person/place arbitration errors.
    NerScore places_only;
    struct Err {
        std::string kind, text;
    };
    std::vector<Err> misses, alarms;
    for (const ConllDoc& d : docs) {
        const ConllText ct = rebuild_text(d);
        Article a;
        a.id = "conll";
        a.text = ct.text;
        split_article(a);
        const Extraction x = extract(a);
        std::vector<TokenSpan> pred;
        TokenSpan ts;
        for (const PlaceMention& p : x.places)
            if (to_token_span(ct.token_bytes, p.span, ts)) pred.push_back({ts.begin, ts.end, "LOC"});
        for (const PersonMention& p : x.people)
            if (to_token_span(ct.token_bytes, p.span, ts)) pred.push_back({ts.begin, ts.end, "PER"});
        // A place and a person on the same tokens: one prediction per span is scored.
        std::sort(pred.begin(), pred.end());
        pred.erase(
            std::unique(pred.begin(), pred.end(),
                        [](const TokenSpan& l, const TokenSpan& r) { return l.begin == r.begin && l.end == r.end; }),
            pred.end());
        std::vector<TokenSpan> gold;
        for (const TokenSpan& g : bio_spans(d.tags))
            if (g.type == "PER" || g.type == "LOC" || g.type == "ORG" || g.type == "MISC") gold.push_back(g);
        score_ner(gold, pred, score, &d.tokens);
        std::vector<TokenSpan> raw;
        for (const PlaceMention& p : find_places(a.text))
            if (to_token_span(ct.token_bytes, p.span, ts)) raw.push_back({ts.begin, ts.end, "LOC"});
        score_ner(gold, raw, places_only);
        if (o.errors) {
            const std::set<TokenSpan> gs(gold.begin(), gold.end()), ps(pred.begin(), pred.end());
            for (const TokenSpan& g : gold)
                if ((g.type == "LOC" || g.type == "PER") && !ps.contains(g) && misses.size() < o.errors)
                    misses.push_back({g.type, context(d, g)});
            for (const TokenSpan& p : pred)
                if (!gs.contains(p) && alarms.size() < o.errors) alarms.push_back({p.type, context(d, p)});
        }
    }

    if (o.json) {
        out << "{\"PER\": " << prf_json(score.per) << ", \"LOC\": " << prf_json(score.loc)
            << ", \"LOC_places_only\": " << prf_json(places_only.loc) << ", \"documents\": " << docs.size()
            << ", \"confusions\": {";
        bool first = true;
        for (const auto& [k, v] : top(score.confusions, 20)) {
            out << (first ? "" : ", ") << '"' << json_escape(k) << "\": " << v;
            first = false;
        }
        out << "}}\n";
        return 0;
    }
    out << "CoNLL-2003 " << o.path << ": " << docs.size() << " documents\n";
    out << "  PER  " << prf_text(score.per) << "\n";
    out << "  LOC  " << prf_text(score.loc) << "\n";
    out << "  LOC  " << prf_text(places_only.loc) << "  (find_places alone, before people override places)\n";
    out << "Costliest confusions:\n";
    for (const auto& [k, v] : top(score.confusions, 12))
        out << "  " << v << "\t" << k << "\n";
    out << "Most-missed LOC:\n ";
    for (const auto& [k, v] : top(score.missed_loc, 20))
        out << " " << k << " (" << v << ")";
    out << "\nMost-frequent false LOC:\n ";
    for (const auto& [k, v] : top(score.false_loc, 20))
        out << " " << k << " (" << v << ")";
    out << "\n";
    if (o.errors) {
        out << "Misses:\n";
        for (const Err& e : misses)
            out << "  " << e.kind << "\t" << e.text << "\n";
        out << "False alarms:\n";
        for (const Err& e : alarms)
            out << "  " << e.kind << "\t" << e.text << "\n";
    }
    return 0;
}

}  // namespace newsfacet::eval
