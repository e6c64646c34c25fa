#include "docrecord.h"

namespace newsfacet {
namespace {

void put_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                out.push_back(c);
        }
    }
}

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // Copy the runs between escapes in bulk: the article text is most of a record.
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t b = s.find('\\', i);
        if (b == std::string_view::npos || b + 1 >= s.size()) {
            out.append(s.substr(i));
            break;
        }
        out.append(s.substr(i, b - i));
        const char n = s[b + 1];
        out.push_back(n == 't' ? '\t' : n == 'n' ? '\n' : n);
        i = b + 2;
    }
    return out;
}

void put(std::string& out, std::string_view key, std::initializer_list<std::string_view> fields) {
    out += key;
    for (std::string_view f : fields) {
        out.push_back('\t');
        put_escaped(out, f);
    }
    out.push_back('\n');
}

std::vector<std::string> split_tabs(std::string_view line) {
    std::vector<std::string> parts;
    std::size_t p = 0;
    while (true) {
        const std::size_t t = line.find('\t', p);
        parts.push_back(unescape(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p)));
        if (t == std::string_view::npos) break;
        p = t + 1;
    }
    return parts;
}

}  // namespace

std::string DocRecord::serialise() const {
    std::string out;
    out.reserve(text.size() + 512);
    put(out, "kind", {kind});
    put(out, "id", {id});
    if (!path.empty()) put(out, "path", {path});
    if (!source.empty()) put(out, "source", {source});
    if (!title.empty()) put(out, "title", {title});
    if (!published.empty()) put(out, "published", {published});
    for (const auto& s : speakers)
        put(out, "speaker", {s});
    for (const auto& s : people)
        put(out, "person", {s});
    for (const auto& s : places)
        put(out, "place", {s});
    for (const auto& s : countries)
        put(out, "country", {s});
    for (const auto& s : cities)
        put(out, "city", {s});
    for (const auto& m : mentioned)
        put(out, "mentioned", {m.value, m.granularity});
    for (const auto& p : provenance)
        put(out, "why", {p.field, p.value, p.why});
    if (!parent.empty()) put(out, "parent", {parent});
    if (!speaker.empty()) put(out, "quote-speaker", {speaker, speaker_rule, indirect ? "indirect" : "direct"});
    put(out, "text", {text});
    return out;
}

DocRecord DocRecord::parse(std::string_view data) {
    DocRecord r;
    std::size_t p = 0;
    while (p < data.size()) {
        std::size_t e = data.find('\n', p);
        if (e == std::string_view::npos) e = data.size();
        const std::vector<std::string> f = split_tabs(data.substr(p, e - p));
        p = e + 1;
        if (f.size() < 2) continue;
        const std::string& k = f[0];
        if (k == "kind")
            r.kind = f[1];
        else if (k == "id")
            r.id = f[1];
        else if (k == "path")
            r.path = f[1];
        else if (k == "source")
            r.source = f[1];
        else if (k == "title")
            r.title = f[1];
        else if (k == "published")
            r.published = f[1];
        else if (k == "speaker")
            r.speakers.push_back(f[1]);
        else if (k == "person")
            r.people.push_back(f[1]);
        else if (k == "place")
            r.places.push_back(f[1]);
        else if (k == "country")
            r.countries.push_back(f[1]);
        else if (k == "city")
            r.cities.push_back(f[1]);
        else if (k == "mentioned" && f.size() >= 3)
            r.mentioned.push_back({f[1], f[2]});
        else if (k == "why" && f.size() >= 4)
            r.provenance.push_back({f[1], f[2], f[3]});
        else if (k == "parent")
            r.parent = f[1];
        else if (k == "quote-speaker" && f.size() >= 4) {
            r.speaker = f[1];
            r.speaker_rule = f[2];
            r.indirect = f[3] == "indirect";
        } else if (k == "text")
            r.text = f[1];
    }
    return r;
}

}  // namespace newsfacet
