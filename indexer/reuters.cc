#include "reuters.h"

#include <cstring>

namespace newsfacet {
namespace {

// The text between <tag ...> and </tag>, or empty.
std::string_view element(std::string_view s, std::string_view tag) {
    const std::string open = "<" + std::string(tag);
    std::size_t b = s.find(open);
    while (b != std::string_view::npos && b + open.size() < s.size() && s[b + open.size()] != '>' &&
           s[b + open.size()] != ' ')
        b = s.find(open, b + 1);
    if (b == std::string_view::npos) return {};
    b = s.find('>', b);
    if (b == std::string_view::npos) return {};
    ++b;
    const std::size_t e = s.find("</" + std::string(tag) + ">", b);
    if (e == std::string_view::npos) return {};
    return s.substr(b, e - b);
}

std::vector<std::string> d_list(std::string_view s) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while ((p = s.find("<D>", p)) != std::string_view::npos) {
        p += 3;
        const std::size_t e = s.find("</D>", p);
        if (e == std::string_view::npos) break;
        out.emplace_back(s.substr(p, e - p));
        p = e + 4;
    }
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r'))
        --e;
    return std::string(s.substr(b, e - b));
}

// Undoes the 70-column wrapping: a line break followed by text continues the
// paragraph; a break followed by indentation (or a blank line) starts a new one.
std::string unwrap(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\n') {
            std::size_t j = i + 1;
            while (j < body.size() && body[j] == ' ')
                ++j;
            const bool indented = j > i + 1 || (j < body.size() && body[j] == '\n');
            while (!out.empty() && out.back() == ' ')
                out.pop_back();
            out.push_back(indented ? '\n' : ' ');
            i = j - 1;
            continue;
        }
        if (c == '\r') continue;
        out.push_back(c);
    }
    // The sign-off is not part of the story.
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    for (std::string_view tail : {"Reuter", "REUTER"}) {
        if (out.size() >= tail.size() && std::string_view(out).substr(out.size() - tail.size()) == tail)
            out.resize(out.size() - tail.size());
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

}  // namespace

std::string ReutersStory::text() const {
    std::string t = title;
    if (!t.empty()) t += '\n';
    t += dateline;
    if (!dateline.empty() && !body.empty()) t += ' ';
    t += body;
    return t;
}

std::string latin1_to_utf8(std::string_view latin1) {
    std::string out;
    out.reserve(latin1.size() + latin1.size() / 16);
    for (char c : latin1) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out.push_back(c);
        } else {
            out.push_back(static_cast<char>(0xC0 | (u >> 6)));
            out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
        }
    }
    return out;
}

std::string unescape_sgml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out.push_back('&');
            continue;
        }
        const std::string_view ent = s.substr(i + 1, semi - i - 1);
        if (ent == "lt")
            out.push_back('<');
        else if (ent == "gt")
            out.push_back('>');
        else if (ent == "amp")
            out.push_back('&');
        else if (ent == "quot")
            out.push_back('"');
        else if (!ent.empty() && ent[0] == '#') {
            int n = 0;
            for (char c : ent.substr(1))
                n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1000000;
            if (n >= 32 && n < 127)
                out.push_back(static_cast<char>(n));
            else if (n == 10 || n == 9)
                out.push_back(static_cast<char>(n));
        } else {
            out.append(s.substr(i, semi - i + 1));
        }
        i = semi;
    }
    return out;
}

std::optional<Ymd> parse_reuters_date(std::string_view d) {
    while (!d.empty() && (d.front() == ' ' || d.front() == '\n'))
        d.remove_prefix(1);
    static const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    const std::size_t dash1 = d.find('-');
    if (dash1 == std::string_view::npos || dash1 == 0 || dash1 > 2 || d.size() < dash1 + 9 || d[dash1 + 4] != '-')
        return std::nullopt;
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (d.substr(dash1 + 1, 3) == kMonths[m]) month = m + 1;
    int day = 0, year = 0;
    for (char c : d.substr(0, dash1)) {
        if (c < '0' || c > '9') return std::nullopt;
        day = day * 10 + (c - '0');
    }
    for (char c : d.substr(dash1 + 5, 4)) {
        if (c < '0' || c > '9') return std::nullopt;
        year = year * 10 + (c - '0');
    }
    if (month == 0 || year < 1 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return Ymd{year, month, day};
}

std::vector<ReutersStory> parse_reuters_sgml(std::string_view sgml) {
    std::vector<ReutersStory> docs;
    std::size_t p = 0;
    while ((p = sgml.find("<REUTERS", p)) != std::string_view::npos) {
        const std::size_t e = sgml.find("</REUTERS>", p);
        if (e == std::string_view::npos) break;
        const std::string_view r = sgml.substr(p, e - p);
        p = e + 10;
        ReutersStory d;
        const std::size_t id = r.find("NEWID=\"");
        if (id != std::string_view::npos) d.newid = std::string(r.substr(id + 7, r.find('"', id + 7) - id - 7));
        d.date = parse_reuters_date(element(r, "DATE"));
        d.places = d_list(element(r, "PLACES"));
        d.people = d_list(element(r, "PEOPLE"));
        const std::string_view text = element(r, "TEXT");
        d.title = trim(unescape_sgml(element(text, "TITLE")));
        d.dateline = trim(unescape_sgml(element(text, "DATELINE")));
        if (const std::string_view b = element(text, "BODY"); !b.empty()) {
            d.has_body = true;
            d.body = trim(unwrap(unescape_sgml(b)));
        } else {
            // UNPROC and BRIEF stories: the text itself, without the title/dateline tags.
            std::string rest(text);
            for (const char* tag : {"TITLE", "DATELINE"}) {
                const std::size_t tb = rest.find(std::string("<") + tag + ">");
                const std::size_t te = rest.find(std::string("</") + tag + ">");
                if (tb != std::string::npos && te != std::string::npos && te > tb)
                    rest.erase(tb, te + std::strlen(tag) + 3 - tb);
            }
            d.body = trim(unwrap(unescape_sgml(rest)));
        }
        docs.push_back(std::move(d));
    }
    return docs;
}

}  // namespace newsfacet
