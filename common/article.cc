#include "article.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "text.h"

namespace newsfacet {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

RejectReason decode_text(std::string_view raw, std::string& out, DecodeReport& report) {
    out.clear();
    report = DecodeReport{};
    std::size_t i = 0;
    if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") {
        report.had_bom = true;
        i = 3;
    }
    // Binary: any NUL byte, or more than 10% of control bytes other than white space.
    std::size_t controls = 0;
    for (std::size_t k = i; k < raw.size(); ++k) {
        const unsigned char c = static_cast<unsigned char>(raw[k]);
        if (c == 0) return RejectReason::binary;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++controls;
    }
    if (raw.size() > i && controls * 10 > raw.size() - i) return RejectReason::binary;
    out.reserve(raw.size() - i);
    const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(raw.size(), INT32_MAX));
    int32_t pos = static_cast<int32_t>(i);
    while (pos < len) {
        const uint8_t c = s[pos];
        if (c < 0x80) {
            if (c == '\r') {
                out.push_back('\n');
                ++pos;
                if (pos < len && s[pos] == '\n') ++pos;
                continue;
            }
            out.push_back(static_cast<char>(c));
            ++pos;
            continue;
        }
        const int32_t start = pos;
        UChar32 cp;
        U8_NEXT(s, pos, len, cp);
        if (cp < 0) {
            if (report.invalid_bytes == 0) report.first_invalid_offset = static_cast<std::size_t>(start);
            report.invalid_bytes += static_cast<std::size_t>(pos - start);
            out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
            out.append(raw.data() + start, static_cast<std::size_t>(pos - start));
        }
    }
    // Only white space, Unicode's included (no-break spaces, U+3000): nothing to index.
    if (is_blank(out)) return RejectReason::empty;
    return RejectReason::none;
}

std::string shorten_title(std::string_view sentence, std::size_t max_chars) {
    sentence = trim(sentence);
    if (code_points(sentence) <= max_chars) return std::string(sentence);
    // Cut at the last space before the limit, on a code-point boundary.
    std::size_t bytes = 0, cps = 0;
    while (bytes < sentence.size() && cps < max_chars) {
        ++bytes;
        while (bytes < sentence.size() && (static_cast<unsigned char>(sentence[bytes]) & 0xC0) == 0x80)
            ++bytes;
        ++cps;
    }
    std::string_view head = sentence.substr(0, bytes);
    const std::size_t sp = head.rfind(' ');
    if (sp != std::string_view::npos && sp > bytes / 2) head = head.substr(0, sp);
    while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':' || head.back() == ' '))
        head.remove_suffix(1);
    return std::string(head) + "…";
}

namespace {

// A headline: one short line, no sentence-final full stop, followed by more text.
bool looks_like_headline(std::string_view line) {
    line = trim(line);
    if (line.empty()) return false;
    const std::size_t cps = code_points(line);
    if (cps > 200) return false;
    const char last = line.back();
    if (last == '.' && cps > 60) return false;
    // A line that opens a quotation and runs on is body text.
    return true;
}

// A standfirst: a second short line without a closing full stop, under a headline.
bool looks_like_standfirst(std::string_view line) {
    line = trim(line);
    if (line.empty()) return false;
    const std::size_t cps = code_points(line);
    return cps <= 250 && line.back() != '.' && line.back() != ':';
}

// End of the first sentence in a paragraph: ". ", "! ", "? " followed by a capital or quote.
std::size_t first_sentence_end(std::string_view para) {
    for (std::size_t k = 0; k + 1 < para.size(); ++k) {
        const char c = para[k];
        if ((c == '.' || c == '!' || c == '?') && para[k + 1] == ' ') {
            // Skip abbreviations such as "Mr." and initials ("J. Smith").
            std::size_t w = k;
            while (w > 0 && para[w - 1] != ' ')
                --w;
            const std::string_view word = para.substr(w, k - w);
            if (word.size() <= 2 || word == "Mr" || word == "Mrs" || word == "Dr" || word == "Ms" || word == "St")
                continue;
            return k + 1;
        }
    }
    return para.size();
}

}  // namespace

void split_article(Article& a) {
    const std::string& t = a.text;
    // Lines with their byte ranges, skipping leading blank lines.
    struct Line {
        std::size_t begin, end;
    };
    std::vector<Line> lines;
    std::size_t p = 0;
    while (p < t.size() && lines.size() < 3) {
        std::size_t e = t.find('\n', p);
        if (e == std::string::npos) e = t.size();
        if (!is_blank(std::string_view(t).substr(p, e - p))) lines.push_back({p, e});
        p = e + 1;
    }
    auto text_of = [&](const Line& l) { return trim(std::string_view(t).substr(l.begin, l.end - l.begin)); };
    a.title.clear();
    a.standfirst.clear();
    a.title_from_text = false;
    a.title_span = {};
    a.body_begin = 0;
    if (lines.empty()) return;
    const std::string_view first = text_of(lines[0]);
    // A headline is a short first line that does not end like a sentence of body text,
    // when there is more text after it. Long first lines are the body (seed 002).
    const std::size_t first_cps = code_points(first);
    const bool ends_sentence = first.ends_with('.') || first.ends_with(".\"") || first.ends_with(".\xE2\x80\x9D");
    if (lines.size() >= 2 && looks_like_headline(first) && first_cps <= 150 && !ends_sentence) {
        a.title = std::string(first);
        const std::size_t off = static_cast<std::size_t>(first.data() - t.data());
        a.title_span = Span{off, off + first.size()};
        a.body_begin = lines[1].begin;
        if (lines.size() >= 3) {
            const std::string_view second = text_of(lines[1]);
            if (looks_like_standfirst(second) && code_points(second) < 200) {
                a.standfirst = std::string(second);
                a.body_begin = lines[2].begin;
            }
        }
        return;
    }
    a.title_from_text = true;
    a.body_begin = lines[0].begin;
    a.title = shorten_title(first.substr(0, first_sentence_end(first)));
}

}  // namespace newsfacet
