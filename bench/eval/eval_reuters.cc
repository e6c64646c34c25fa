// newsfacet-eval reuters: document-level places and people of extract() against the
// Reuters-21578 <PLACES> and <PEOPLE> codes.
//
// Choices (see docs/places.md):
// - The story is rebuilt as an article: TITLE on the first line, then DATELINE and BODY,
//   with the corpus's 70-column hard wrapping undone (a paragraph is one line, as news
//   arrives today).
// - Places: every predicted place counts as its country (Reuters codes countries, so
//   a story that names only Tokyo is a "japan" story); a region counts as itself.
//   Codes map to our canonical names through bench/eval/data/reuters-places.tsv, with
//   alternatives for historical states ("ussr" is matched by Soviet Union or Russia).
//   Predicted names that no Reuters code maps to ("Middle East") are not scored.
// - People: predicted canonical names become codes ("James Baker" -> "james-baker");
//   a gold code is found by the same code or the same surname.
// - Only stories carrying PLACES (resp. PEOPLE) are scored.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "article.h"
#include "extract.h"
#include "gazetteer.h"
#include "ner_eval.h"
#include "reuters.h"
#include "tsv.h"

namespace newsfacet::eval {

PlaceCodeMap parse_place_codes(std::string_view tsv) {
    PlaceCodeMap m;
    for (const std::string_view line : data_lines(tsv)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        auto& names = m[std::string(line.substr(0, tab))];
        std::string_view rest = line.substr(tab + 1);
        while (!rest.empty()) {
            const std::size_t bar = rest.find('|');
            names.emplace_back(rest.substr(0, bar));
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
    }
    return m;
}

Prf score_places(const std::vector<std::string>& gold_codes, const std::set<std::string>& predicted_names,
                 const PlaceCodeMap& codes, std::vector<std::string>* misses, std::vector<std::string>* false_alarms) {
    Prf s;
    std::set<std::string> explained;  // predicted names that some gold code accounts for
    for (const std::string& g : std::set<std::string>(gold_codes.begin(), gold_codes.end())) {
        bool found = false;
        const auto it = codes.find(g);
        if (it != codes.end())
            for (const std::string& n : it->second)
                if (predicted_names.contains(n)) {
                    found = true;
                    explained.insert(n);
                }
        if (found)
            ++s.tp;
        else {
            ++s.fn;
            if (misses) misses->push_back(g);
        }
    }
    std::set<std::string> scorable;
    for (const auto& [code, names] : codes)
        scorable.insert(names.begin(), names.end());
    for (const std::string& n : predicted_names) {
        if (explained.contains(n) || !scorable.contains(n)) continue;
        ++s.fp;
        if (false_alarms) false_alarms->push_back(n);
    }
    return s;
}

std::string person_code(std::string_view name) {
    std::string out;
    bool dash = false;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(c);
        } else if (u >= 'A' && u <= 'Z') {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(static_cast<char>(u + 32));
        } else if (c == '\'') {
            // "O'Neill" -> "oneill"
        } else {
            dash = true;
        }
    }
    return out;
}

namespace {

std::string_view surname(std::string_view code) {
    const std::size_t d = code.rfind('-');
    return d == std::string_view::npos ? code : code.substr(d + 1);
}

}  // namespace

Prf score_people(const std::vector<std::string>& gold_codes, const std::set<std::string>& predicted_codes,
                 std::vector<std::string>* misses, std::vector<std::string>* false_alarms) {
    Prf s;
    std::set<std::string> explained;
    for (const std::string& g : std::set<std::string>(gold_codes.begin(), gold_codes.end())) {
        bool found = false;
        for (const std::string& p : predicted_codes)
            if (p == g || surname(p) == surname(g)) {
                found = true;
                explained.insert(p);
            }
        if (found)
            ++s.tp;
        else {
            ++s.fn;
            if (misses) misses->push_back(g);
        }
    }
    for (const std::string& p : predicted_codes)
        if (!explained.contains(p)) {
            ++s.fp;
            if (false_alarms) false_alarms->push_back(p);
        }
    return s;
}

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string join(const std::vector<std::string>& v) {
    std::string o;
    for (const auto& s : v)
        o += (o.empty() ? "" : ", ") + s;
    return o;
}

}  // namespace

int eval_reuters(const EvalOptions& o, std::ostream& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(o.path, ec)) {
        const std::string n = e.path().filename().string();
        if (e.path().extension() == ".sgm" && n.rfind("._", 0) != 0) files.push_back(e.path());
    }
    if (ec || files.empty()) {
        out << "newsfacet-eval reuters: no *.sgm files in " << o.path << "\n";
        return 1;
    }
    std::sort(files.begin(), files.end());

    // The code table sits beside this source file (bench/eval/data/), or under the
    // current directory when run from the project root.
    std::string table;
    for (const fs::path& p : {fs::path(__FILE__).parent_path() / "data" / "reuters-places.tsv",
                              fs::path("bench/eval/data/reuters-places.tsv")}) {
        table = read_file(p);
        if (!table.empty()) break;
    }
    if (table.empty()) {
        out << "newsfacet-eval reuters: cannot find bench/eval/data/reuters-places.tsv\n";
        return 1;
    }
    const PlaceCodeMap codes = parse_place_codes(table);

    Prf places, people;
    std::size_t docs_places = 0, docs_people = 0, evaluated = 0;
    std::map<std::string, std::size_t> missed, false_alarm;
    std::vector<std::string> errors;
    for (const fs::path& f : files) {
        if (o.limit && evaluated >= o.limit) break;
        const std::string sgml = latin1_to_utf8(read_file(f));
        for (ReutersStory& d : parse_reuters_sgml(sgml)) {
            if (d.places.empty() && d.people.empty()) continue;
            if (o.limit && evaluated >= o.limit) break;
            ++evaluated;
            Article a;
            a.id = d.newid;
            a.text = d.text();
            split_article(a);
            const Extraction x = extract(a);
            if (!d.places.empty()) {
                ++docs_places;
                std::set<std::string> names;
                for (const PlaceMention& p : x.places) {
                    if (p.level == "country" || p.country.empty())
                        names.insert(p.name);
                    else
                        names.insert(p.country);
                }
                std::vector<std::string> miss, fa;
                places += score_places(d.places, names, codes, &miss, &fa);
                for (const auto& m : miss)
                    ++missed[m];
                for (const auto& m : fa)
                    ++false_alarm[m];
                if ((!miss.empty() || !fa.empty()) && errors.size() < o.errors)
                    errors.push_back("places #" + d.newid + ": missed [" + join(miss) + "] false [" + join(fa) +
                                     "] | " + a.text.substr(0, std::min<std::size_t>(a.text.size(), 140)));
            }
            if (!d.people.empty()) {
                ++docs_people;
                std::set<std::string> pcodes;
                for (const PersonMention& p : x.people)
                    pcodes.insert(person_code(p.name));
                std::vector<std::string> miss, fa;
                people += score_people(d.people, pcodes, &miss, &fa);
                if ((!miss.empty() || !fa.empty()) && errors.size() < 2 * o.errors)
                    errors.push_back("people #" + d.newid + ": missed [" + join(miss) + "] false [" + join(fa) + "]");
            }
        }
    }

    auto top = [](const std::map<std::string, std::size_t>& m, std::size_t n) {
        std::vector<std::pair<std::string, std::size_t>> v(m.begin(), m.end());
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (v.size() > n) v.resize(n);
        return v;
    };
    if (o.json) {
        out << "{\"places\": " << prf_json(places) << ", \"people\": " << prf_json(people)
            << ", \"documents_places\": " << docs_places << ", \"documents_people\": " << docs_people << "}\n";
        return 0;
    }
    out << "Reuters-21578 " << o.path << ": " << evaluated << " stories scored\n";
    out << "  places (" << docs_places << " stories)  " << prf_text(places) << "\n";
    out << "  people (" << docs_people << " stories)  " << prf_text(people) << "\n";
    out << "Most-missed place codes:\n ";
    for (const auto& [k, v] : top(missed, 15))
        out << " " << k << " (" << v << ")";
    out << "\nMost-frequent false places:\n ";
    for (const auto& [k, v] : top(false_alarm, 15))
        out << " " << k << " (" << v << ")";
    out << "\n";
    if (o.errors) {
        out << "Errors:\n";
        for (const auto& e : errors)
            out << "  " << e << "\n";
    }
    return 0;
}

}  // namespace newsfacet::eval
