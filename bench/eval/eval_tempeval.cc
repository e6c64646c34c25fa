// newsfacet-eval tempeval: scores find_dates() against TimeML (.tml) gold, the
// TempEval-3 way (see docs/dates.md for the choices).
//
// For each file: the TIMEX3 inside <DCT> is the publication date; the <TEXT> element,
// tags stripped and entities decoded, is the article, and each TIMEX3 in it keeps
// its byte span in that text. Gold DATEs with a calendar value are scored; DATEs
// whose value cannot be a calendar date (PRESENT_REF, PAST_REF, FUTURE_REF, values
// with X, durations) and TIMEX3s of other types (TIME, DURATION, SET) are not: a
// prediction that overlaps one of them is neither right nor wrong.
#include "eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "eval_tempeval.h"
#include "extract.h"

namespace newsfacet::eval {

namespace {

std::string attr(std::string_view tag, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = tag.find(name, pos)) != std::string_view::npos) {
        const bool boundary = pos == 0 || tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n';
        const std::size_t eq = pos + name.size();
        if (boundary && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
            const char q = tag[eq + 1];
            const std::size_t end = tag.find(q, eq + 2);
            if (end == std::string_view::npos) return {};
            return std::string(tag.substr(eq + 2, end - eq - 2));
        }
        pos = eq;
    }
    return {};
}

// Appends the decoded form of the entity at s[i] ('&') and returns its length.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
        out += '&';
        return 1;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp")
        out += '&';
    else if (name == "lt")
        out += '<';
    else if (name == "gt")
        out += '>';
    else if (name == "quot")
        out += '"';
    else if (name == "apos")
        out += '\'';
    else if (!name.empty() && name[0] == '#') {
        long cp = 0;
        try {
            cp = name.size() > 1 && (name[1] == 'x' || name[1] == 'X')
                     ? std::stol(std::string(name.substr(2)), nullptr, 16)
                     : std::stol(std::string(name.substr(1)));
        } catch (...) {
            cp = 0xFFFD;
        }
        if (cp < 0x80)
            out += static_cast<char>(cp);
        else
            out += "\xEF\xBF\xBD";  // rare in TimeML; any non-ASCII code point will do
    } else {
        out.append(s.substr(i, semi - i + 1));  // unknown entity ("&Cx1f;"): keep as written
    }
    return semi - i + 1;
}

}  // namespace

std::optional<TmlDoc> parse_tml(std::string_view xml) {
    TmlDoc doc;
    // The document creation time.
    if (const std::size_t dct = xml.find("<DCT>"); dct != std::string_view::npos) {
        const std::size_t open = xml.find("<TIMEX3", dct);
        const std::size_t close = open == std::string_view::npos ? open : xml.find('>', open);
        if (close != std::string_view::npos) {
            const std::string v = attr(xml.substr(open, close - open), "value");
            if (auto p = parse_partial_date(v.substr(0, 10)); p && p->granularity == Granularity::day) doc.dct = p->ymd;
        }
    }
    const std::size_t tb = xml.find("<TEXT>");
    const std::size_t te = xml.find("</TEXT>");
    if (tb == std::string_view::npos || te == std::string_view::npos || te < tb) return std::nullopt;
    const std::string_view body = xml.substr(tb + 6, te - tb - 6);
    std::vector<std::size_t> open_timex;  // indices into doc.gold of unclosed TIMEX3s
    std::size_t i = 0;
    while (i < body.size()) {
        const char c = body[i];
        if (c == '<') {
            const std::size_t close = body.find('>', i);
            if (close == std::string_view::npos) break;
            const std::string_view tag = body.substr(i + 1, close - i - 1);
            if (tag.starts_with("TIMEX3")) {
                GoldTimex g;
                g.tid = attr(tag, "tid");
                g.type = attr(tag, "type");
                g.value = attr(tag, "value");
                g.span.begin = doc.text.size();
                doc.gold.push_back(std::move(g));
                if (!tag.ends_with("/"))
                    open_timex.push_back(doc.gold.size() - 1);
                else
                    doc.gold.back().span.end = doc.text.size();
            } else if (tag.starts_with("/TIMEX3") && !open_timex.empty()) {
                doc.gold[open_timex.back()].span.end = doc.text.size();
                open_timex.pop_back();
            }
            i = close + 1;
        } else if (c == '&') {
            i += decode_entity(body, i, doc.text);
        } else {
            doc.text += c;
            ++i;
        }
    }
    return doc;
}

std::string normalise_value(std::string_view v) {
    std::string s(v);
    // A time of day ("1998-08-07TNI", "1998-08-07T12:00") is scored on its day.
    if (s.size() > 10 && s[10] == 'T' && s[4] == '-' && s[7] == '-') s.resize(10);
    // Week numbers are written both "2000-W7" and "2000-W07".
    if (s.size() == 7 && s[4] == '-' && s[5] == 'W' && s[6] >= '0' && s[6] <= '9') s.insert(6, "0");
    return s;
}

bool scored_value(std::string_view v) {
    if (v.empty() || v.find('X') != std::string_view::npos || v.ends_with("_REF") || v[0] == 'P') return false;
    return true;
}

DocScore score_document(const TmlDoc& doc, const std::vector<DateMention>& pred, bool all_dates) {
    DocScore s;
    std::vector<char> gold_used(doc.gold.size(), 0);
    auto overlaps = [](const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; };
    auto scored = [&](const GoldTimex& g) { return g.type == "DATE" && (all_dates || scored_value(g.value)); };
    std::size_t scored_gold = 0;
    for (const GoldTimex& g : doc.gold)
        if (scored(g)) ++scored_gold;
    std::size_t counted_pred = 0, strict_tp = 0, value_tp = 0, matched = 0;
    for (std::size_t p = 0; p < pred.size(); ++p) {
        const DateMention& m = pred[p];
        std::size_t hit = doc.gold.size();
        bool ignore = false;
        for (std::size_t g = 0; g < doc.gold.size(); ++g) {
            if (!overlaps(m.span, doc.gold[g].span)) continue;
            if (scored(doc.gold[g])) {
                if (!gold_used[g]) {
                    hit = g;
                    break;
                }
                continue;  // a second prediction on a matched gold is a false alarm
            }
            ignore = true;  // overlaps an unscored TIMEX3
        }
        if (hit == doc.gold.size()) {
            if (!ignore) {
                ++counted_pred;
                s.errors.push_back({ErrorKind::false_alarm, m.span, m.surface, m.value, "", m.rule});
            }
            continue;
        }
        gold_used[hit] = 1;
        ++counted_pred;
        ++matched;
        const GoldTimex& g = doc.gold[hit];
        if (m.span == g.span)
            ++strict_tp;
        else
            s.errors.push_back({ErrorKind::span, g.span, doc.text.substr(g.span.begin, g.span.end - g.span.begin),
                                m.surface, g.value, m.rule});
        if (normalise_value(m.value) == normalise_value(g.value)) {
            ++value_tp;
        } else {
            s.errors.push_back({ErrorKind::wrong_value, g.span,
                                doc.text.substr(g.span.begin, g.span.end - g.span.begin), m.value, g.value, m.rule});
        }
    }
    for (std::size_t g = 0; g < doc.gold.size(); ++g)
        if (scored(doc.gold[g]) && !gold_used[g])
            s.errors.push_back({ErrorKind::miss, doc.gold[g].span,
                                doc.text.substr(doc.gold[g].span.begin, doc.gold[g].span.end - doc.gold[g].span.begin),
                                "", doc.gold[g].value, ""});
    s.detection = Prf{matched, counted_pred - matched, scored_gold - matched};
    s.strict = Prf{strict_tp, counted_pred - strict_tp, scored_gold - strict_tp};
    s.value = Prf{value_tp, counted_pred - value_tp, scored_gold - value_tp};
    s.matched = matched;
    for (const GoldTimex& g : doc.gold)
        if (g.type == "DATE" && !scored_value(g.value)) ++s.unscored_gold;
    std::sort(s.errors.begin(), s.errors.end(),
              [](const DocError& a, const DocError& b) { return a.span.begin < b.span.begin; });
    return s;
}

namespace {

std::string context(const std::string& text, const Span& sp) {
    const std::size_t b = sp.begin > 50 ? sp.begin - 50 : 0;
    const std::size_t e = std::min(text.size(), sp.end + 50);
    std::string out = text.substr(b, sp.begin - b) + "[[" + text.substr(sp.begin, sp.end - sp.begin) + "]]" +
                      text.substr(sp.end, e - sp.end);
    for (char& c : out)
        if (c == '\n' || c == '\t') c = ' ';
    return out;
}

}  // namespace

int eval_tempeval(const EvalOptions& o, std::ostream& out) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(o.path, ec)) {
        for (auto it = fs::recursive_directory_iterator(o.path, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
    } else if (fs::is_regular_file(o.path, ec)) {
        files.push_back(o.path);
    }
    if (files.empty()) {
        std::cerr << "error: no .tml files under " << o.path << "\n";
        return 1;
    }
    std::sort(files.begin(), files.end());
    if (o.limit && files.size() > o.limit) files.resize(o.limit);

    Prf det, strict, val, val_all;
    std::size_t matched = 0, docs = 0, unscored = 0, no_dct = 0;
    std::vector<std::string> misses, alarms, wrong, spans;
    for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::optional<TmlDoc> doc = parse_tml(ss.str());
        if (!doc) {
            std::cerr << "warning: no <TEXT> in " << f.string() << "\n";
            continue;
        }
        ++docs;
        if (!doc->dct) ++no_dct;
        const std::vector<DateMention> pred = find_dates(doc->text, doc->dct);
        const DocScore s = score_document(*doc, pred);
        val_all += score_document(*doc, pred, true).value;
        det += s.detection;
        strict += s.strict;
        val += s.value;
        matched += s.matched;
        unscored += s.unscored_gold;
        for (const DocError& e : s.errors) {
            std::string line = f.filename().string() + "  " + context(doc->text, e.span);
            if (e.kind == ErrorKind::miss) {
                if (misses.size() < o.errors) misses.push_back(line + "  gold=" + e.gold);
            } else if (e.kind == ErrorKind::false_alarm) {
                if (alarms.size() < o.errors) alarms.push_back(line + "  got=" + e.predicted + " (" + e.rule + ")");
            } else if (e.kind == ErrorKind::span) {
                if (spans.size() < o.errors) spans.push_back(line + "  got=\"" + e.predicted + "\" (" + e.rule + ")");
            } else if (wrong.size() < o.errors) {
                wrong.push_back(line + "  got=" + e.predicted + " gold=" + e.gold + " (" + e.rule + ")");
            }
        }
    }
    const double accuracy = matched ? double(val.tp) / double(matched) : 0.0;
    if (o.json) {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "{\"accuracy\": %.4f, \"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"tp\": %zu, "
                      "\"fp\": %zu, \"fn\": %zu}",
                      accuracy, val.precision(), val.recall(), val.f1(), val.tp, val.fp, val.fn);
        out << "{\"detection\": " << prf_json(det) << ", \"strict\": " << prf_json(strict) << ", \"value\": " << buf
            << ", \"value_all_dates\": " << prf_json(val_all) << ", \"documents\": " << docs
            << ", \"unscored_gold\": " << unscored << "}\n";
    } else {
        out << "TempEval (TimeML DATE) over " << docs << " documents";
        if (no_dct) out << " (" << no_dct << " without a creation time)";
        out << "\n"
            << "  detection (overlap)  " << prf_text(det) << "\n"
            << "  detection (strict)   " << prf_text(strict) << "\n"
            << "  value                " << prf_text(val) << "\n";
        char buf[128];
        std::snprintf(buf, sizeof buf, "  value accuracy       %.3f  (%zu of %zu matched)\n", accuracy, val.tp,
                      matched);
        out << buf << "  unscored gold DATEs  " << unscored
            << " (PRESENT_REF/PAST_REF/FUTURE_REF, X values, durations)\n"
            << "  value, all DATEs     " << prf_text(val_all) << "  (unscored gold counted as misses)\n";
    }
    if (o.errors) {
        auto& eo = o.json ? std::cerr : out;
        eo << "\n-- misses\n";
        for (const auto& l : misses)
            eo << l << "\n";
        eo << "\n-- false alarms\n";
        for (const auto& l : alarms)
            eo << l << "\n";
        eo << "\n-- wrong values\n";
        for (const auto& l : wrong)
            eo << l << "\n";
        eo << "\n-- span differences (gold in [[ ]])\n";
        for (const auto& l : spans)
            eo << l << "\n";
    }
    return 0;
}

}  // namespace newsfacet::eval
