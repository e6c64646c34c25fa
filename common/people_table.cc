#include "people_table.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <unordered_set>

#include "database.h"
#include "embedded.h"
#include "schema.h"
#include "text.h"
#include "tsv.h"

namespace newsfacet {
namespace {

bool is_initial(std::string_view w);

// One-word titles, honorifics and roles (data/names-titles.tsv) and "the": words that
// may open an extracted name ("mr bush", "president bush", "the reagan") without
// being part of it.
const std::unordered_set<std::string>& title_words() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> w{"the"};
        for (std::string_view l : data_lines(embedded("names-titles.tsv"))) {
            const std::string_view phrase = l.substr(0, l.find('\t'));
            if (phrase.find(' ') != std::string_view::npos) continue;
            std::string t;
            for (char c : phrase)
                if (c != '.') t.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            if (!t.empty()) w.insert(t);
        }
        return w;
    }();
    return words;
}

const std::unordered_set<std::string>& given_names() {
    static const std::unordered_set<std::string> names = [] {
        std::unordered_set<std::string> n;
        for (std::string_view l : data_lines(embedded("names-given.tsv")))
            n.insert(fold_name(l.substr(0, l.find('\t'))));
        return n;
    }();
    return names;
}

bool is_suffix_word(std::string_view w) {
    return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

// A word that is one letter: an initial (one code point, as folded).
bool is_initial(std::string_view w) {
    return !w.empty() && code_points(w) == 1;
}

// Word `a` of a short form fits word `b` of a fuller one: the same, or an initial of it.
bool word_fits(std::string_view a, std::string_view b) {
    return a == b || (is_initial(a) && b.size() > a.size() && b.substr(0, a.size()) == a);
}

std::size_t letters(const std::vector<std::string>& t) {
    std::size_t n = 0;
    for (const auto& w : t)
        n += w.size();
    return n;
}

std::string join(const std::vector<std::string>& t) {
    std::string s;
    for (const auto& w : t)
        s += (s.empty() ? "" : " ") + w;
    return s;
}

constexpr std::string_view kHeader = "newsfacet-people 1 ";

}  // namespace

std::string fold_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool word = false;  // inside a word of letters
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (!word && !out.empty()) out.push_back(' ');
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            word = true;
        } else if (c == ' ') {
            word = false;
        } else if (c == '.' && word && (i + 1 == name.size() || name[i + 1] == ' ')) {
            word = false;  // "W." is the word "w"
        } else {
            return fold_key(name);  // anything else: the word breaker decides
        }
    }
    return out;
}

std::vector<std::string> name_tokens(std::string_view folded) {
    std::vector<std::string> t;
    std::size_t p = 0;
    while (p < folded.size()) {
        std::size_t e = folded.find(' ', p);
        if (e == std::string_view::npos) e = folded.size();
        std::string w;
        for (char c : folded.substr(p, e - p))
            if (c != '.') w.push_back(c);
        if (!w.empty()) t.push_back(std::move(w));
        p = e + 1;
    }
    const auto& titles = title_words();
    std::size_t first = 0;
    while (first + 1 < t.size() && titles.count(t[first]))
        ++first;
    t.erase(t.begin(), t.begin() + static_cast<long>(first));
    while (t.size() > 1 && is_suffix_word(t.back()))
        t.pop_back();
    return t;
}

bool is_full_name(std::string_view folded) {
    const std::vector<std::string> t = name_tokens(folded);
    return t.size() >= 2 && (is_initial(t.front()) || given_names().count(t.front()));
}

std::string name_variant_key(std::string_view folded) {
    return join(name_tokens(folded));
}

bool is_partial_name(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty() || a == b || a.size() > b.size() || a.back() != b.back()) return false;
    // A tail: the surname ("bush"), or the surname with what precedes it ("w bush").
    if (std::equal(a.rbegin(), a.rend(), b.rbegin())) return true;
    // First word and surname kept, middle words a subsequence; initials fit words.
    if (a.size() < 2 || !word_fits(a.front(), b.front())) return false;
    std::size_t j = 1;
    for (std::size_t i = 1; i + 1 < a.size(); ++i) {
        while (j + 1 < b.size() && !word_fits(a[i], b[j]))
            ++j;
        if (j + 1 >= b.size()) return false;
        ++j;
    }
    return true;
}

PeopleTable PeopleTable::build(std::vector<NameCount> names) {
    PeopleTable t;
    std::sort(names.begin(), names.end(), [](const NameCount& a, const NameCount& b) { return a.key < b.key; });
    for (std::size_t i = 0; i < names.size(); ++i) {
        NameCount& n = names[i];
        if (n.key.empty() || (i > 0 && names[i - 1].key == n.key)) continue;
        std::vector<std::string> tokens = name_tokens(n.key);
        const std::string vkey = join(tokens);
        auto [it, fresh] = t.by_vkey_.emplace(vkey, static_cast<int>(t.variants_.size()));
        if (fresh) {
            Variant v;
            v.tokens = std::move(tokens);
            t.variants_.push_back(std::move(v));
            t.by_surname_[t.variants_.back().tokens.back()].push_back(it->second);
        }
        Variant& v = t.variants_[static_cast<std::size_t>(it->second)];
        v.keys.push_back(n.key);
        v.docs += n.docs;
    }
    // Surnames in a fixed order, so that group numbers do not depend on hashing.
    std::vector<const std::string*> surnames;
    for (const auto& [s, vs] : t.by_surname_)
        surnames.push_back(&s);
    std::sort(surnames.begin(), surnames.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const std::string* s : surnames) {
        std::vector<int> order = t.by_surname_[*s];
        // Most specific first: more words, then more letters (a word spelt out before
        // its initial), then more documents.
        std::sort(order.begin(), order.end(), [&](int x, int y) {
            const Variant& a = t.variants_[static_cast<std::size_t>(x)];
            const Variant& b = t.variants_[static_cast<std::size_t>(y)];
            if (a.tokens.size() != b.tokens.size()) return a.tokens.size() > b.tokens.size();
            const std::size_t la = letters(a.tokens), lb = letters(b.tokens);
            if (la != lb) return la > lb;
            if (a.docs != b.docs) return a.docs > b.docs;
            return a.tokens < b.tokens;
        });
        std::vector<int> family_groups;
        for (int vi : order) {
            Variant& v = t.variants_[static_cast<std::size_t>(vi)];
            std::vector<int> cands;
            for (int g : family_groups)
                if (is_partial_name(v.tokens, t.variants_[static_cast<std::size_t>(t.groups_[g].root)].tokens))
                    cands.push_back(g);
            const int d = cands.empty() ? -1 : t.dominant(cands);
            if (d >= 0) {
                v.group = d;
                Group& g = t.groups_[static_cast<std::size_t>(d)];
                g.keys.insert(g.keys.end(), v.keys.begin(), v.keys.end());
                g.docs += v.docs;
                continue;
            }
            Group g;
            g.root = vi;
            g.keys = v.keys;
            g.docs = v.docs;
            g.candidates = std::move(cands);
            v.group = static_cast<int>(t.groups_.size());
            family_groups.push_back(v.group);
            t.groups_.push_back(std::move(g));
        }
    }
    t.link();
    return t;
}

void PeopleTable::link() {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        const Group& gr = groups_[g];
        const NameCount l = label(static_cast<int>(g));
        if (gr.keys.size() > 1) {
            for (const std::string& k : gr.keys)
                if (k != l.key) label_.emplace(k, l.key);
            members_.emplace(l.key, gr.keys);
        }
        if (!gr.candidates.empty()) {
            std::vector<NameCount> people;
            for (int c : gr.candidates)
                people.push_back(label(c));
            std::stable_sort(people.begin(), people.end(),
                             [](const NameCount& a, const NameCount& b) { return a.docs > b.docs; });
            ambiguous_.emplace(l.key, std::move(people));
        }
    }
}

std::string PeopleTable::label_of(const std::string& key) const {
    auto it = label_.find(key);
    return it == label_.end() ? key : it->second;
}

std::vector<std::string> PeopleTable::members(const std::string& label) const {
    auto it = members_.find(label);
    return it == members_.end() ? std::vector<std::string>{label} : it->second;
}

const std::vector<NameCount>* PeopleTable::candidates(const std::string& label) const {
    auto it = ambiguous_.find(label);
    return it == ambiguous_.end() ? nullptr : &it->second;
}

int PeopleTable::dominant(const std::vector<int>& cands) const {
    if (cands.empty()) return -1;
    std::size_t total = 0;
    int best = cands.front();
    for (int c : cands) {
        total += groups_[static_cast<std::size_t>(c)].docs;
        if (groups_[static_cast<std::size_t>(c)].docs > groups_[static_cast<std::size_t>(best)].docs) best = c;
    }
    if (cands.size() == 1) return best;
    return static_cast<double>(groups_[static_cast<std::size_t>(best)].docs) >=
                   kDominance * static_cast<double>(total)
               ? best
               : -1;
}

std::vector<int> PeopleTable::fitting_groups(const std::vector<std::string>& tokens) const {
    std::vector<int> out;
    if (tokens.empty()) return out;
    auto it = by_surname_.find(tokens.back());
    if (it == by_surname_.end()) return out;
    for (int vi : it->second) {
        const int g = variants_[static_cast<std::size_t>(vi)].group;
        if (groups_[static_cast<std::size_t>(g)].root != vi) continue;
        if (is_partial_name(tokens, variants_[static_cast<std::size_t>(vi)].tokens)) out.push_back(g);
    }
    std::sort(out.begin(), out.end());
    return out;
}

NameCount PeopleTable::label(int g) const {
    // The group's fullest spelling with the most documents: its root variant's key
    // that is the variant key itself when there is one.
    const Group& gr = groups_[static_cast<std::size_t>(g)];
    const Variant& root = variants_[static_cast<std::size_t>(gr.root)];
    const std::string vkey = join(root.tokens);
    std::string name = root.keys.front();
    for (const auto& k : root.keys)
        if (k == vkey) name = k;
    return {name, gr.docs};
}

PeopleTable::Resolution PeopleTable::resolve(std::string_view folded, bool exact) const {
    Resolution r;
    const std::vector<std::string> tokens = name_tokens(folded);
    if (tokens.empty()) return r;
    std::vector<int> cands;
    int own = -1;
    if (auto it = by_vkey_.find(join(tokens)); it != by_vkey_.end()) {
        own = variants_[static_cast<std::size_t>(it->second)].group;
        const Group& g = groups_[static_cast<std::size_t>(own)];
        r.keys = g.keys;
        if (exact || g.candidates.empty()) return r;
        cands = g.candidates;
    } else {
        // Not indexed as such (a surname only ever written with a first name): the
        // people it fits.
        cands = fitting_groups(tokens);
        if (cands.empty()) return r;
        if (const int d = dominant(cands); d >= 0) {
            r.keys = groups_[static_cast<std::size_t>(d)].keys;
            return r;
        }
    }
    for (int c : cands) {
        const Group& g = groups_[static_cast<std::size_t>(c)];
        r.keys.insert(r.keys.end(), g.keys.begin(), g.keys.end());
        r.people.push_back(label(c));
    }
    std::stable_sort(r.people.begin(), r.people.end(),
                     [](const NameCount& a, const NameCount& b) { return a.docs > b.docs; });
    return r;
}

std::string PeopleTable::serialise() const {
    // "m<TAB>name<TAB>label" for each name of a group of several that is not its label;
    // "a<TAB>label<TAB>person<TAB>documents..." for each ambiguous short form. Names
    // hold no tab or newline (folded words joined by spaces). Sorted, so that the same
    // table is stored as the same bytes.
    std::vector<std::string> lines;
    for (const auto& [k, l] : label_)
        lines.push_back("m\t" + k + "\t" + l + "\n");
    for (const auto& [l, people] : ambiguous_) {
        std::string line = "a\t" + l;
        for (const NameCount& p : people)
            line += "\t" + p.key + "\t" + std::to_string(p.docs);
        lines.push_back(line + "\n");
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines)
        out += l;
    return out;
}

std::optional<PeopleTable> PeopleTable::parse(std::string_view s) {
    PeopleTable t;
    std::vector<std::string_view> f;
    while (!s.empty()) {
        const std::size_t nl = s.find('\n');
        if (nl == std::string_view::npos) return std::nullopt;
        std::string_view line = s.substr(0, nl);
        s.remove_prefix(nl + 1);
        f.clear();
        for (;;) {
            const std::size_t tab = line.find('\t');
            f.push_back(line.substr(0, tab));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        if (f.size() == 3 && f[0] == "m" && !f[1].empty() && !f[2].empty()) {
            const std::string label(f[2]);
            t.label_.emplace(std::string(f[1]), label);
            std::vector<std::string>& m = t.members_[label];
            if (m.empty()) m.push_back(label);
            m.emplace_back(f[1]);
        } else if (f.size() >= 4 && f.size() % 2 == 0 && f[0] == "a" && !f[1].empty()) {
            std::vector<NameCount> people;
            for (std::size_t i = 2; i + 1 < f.size(); i += 2) {
                NameCount n{std::string(f[i]), 0};
                if (std::from_chars(f[i + 1].data(), f[i + 1].data() + f[i + 1].size(), n.docs).ptr !=
                    f[i + 1].data() + f[i + 1].size())
                    return std::nullopt;
                people.push_back(std::move(n));
            }
            t.ambiguous_.emplace(std::string(f[1]), std::move(people));
        } else {
            return std::nullopt;
        }
    }
    return t;
}

std::vector<NameCount> PeopleTable::names_in(const Xapian::Database& db, const std::string& term_prefix) {
    std::vector<NameCount> names;
    for (Xapian::TermIterator it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it)
        names.push_back({(*it).substr(term_prefix.size()), it.get_termfreq()});
    return names;
}

std::string people_metadata_key(std::string_view field_name) {
    return "newsfacet:people:" + std::string(field_name);
}

namespace {

constexpr std::string_view kTableFields[] = {"person", "speaker"};

}  // namespace

void store_people_tables(Xapian::WritableDatabase& db) {
    const std::string count = std::to_string(db.get_doccount());
    for (std::string_view f : kTableFields) {
        const PeopleTable t = PeopleTable::build(PeopleTable::names_in(db, std::string(field(f).prefix)));
        db.set_metadata(people_metadata_key(f), std::string(kHeader) + count + "\n" + t.serialise());
    }
}

std::shared_ptr<const PeopleTable> people_table(const Xapian::Database& db, std::string_view field_name) {
    struct Cache {
        std::mutex m;
        std::map<std::string, std::shared_ptr<const PeopleTable>> tables;  // "version/field" -> table
    };
    static Cache cache;
    // A database version; for shards (no single revision), their ids and sizes.
    std::string version = database_version(db);
    if (version.empty()) {
        try {
            version = db.get_uuid() + "/" + std::to_string(db.get_lastdocid()) + "/" +
                      std::to_string(db.get_doccount()) + "/" + std::to_string(db.get_total_length());
        } catch (const Xapian::Error&) {
        }
    }
    const std::string ck = version + "/" + std::string(field_name);
    if (!version.empty()) {
        std::lock_guard<std::mutex> lk(cache.m);
        if (auto it = cache.tables.find(ck); it != cache.tables.end()) return it->second;
    }
    std::shared_ptr<const PeopleTable> table;
    // The stored table, when it was made for this database as it is now.
    const std::string meta = db.get_metadata(people_metadata_key(field_name));
    const std::string want = std::string(kHeader) + std::to_string(db.get_doccount()) + "\n";
    if (meta.size() >= want.size() && std::string_view(meta).substr(0, want.size()) == want)
        if (auto t = PeopleTable::parse(std::string_view(meta).substr(want.size())))
            table = std::make_shared<const PeopleTable>(std::move(*t));
    if (!table)
        table = std::make_shared<const PeopleTable>(
            PeopleTable::build(PeopleTable::names_in(db, std::string(field(field_name).prefix))));
    if (!version.empty()) {
        std::lock_guard<std::mutex> lk(cache.m);
        if (cache.tables.size() > 8) cache.tables.clear();  // a long-running process that sees many versions
        cache.tables[ck] = table;
    }
    return table;
}

}  // namespace newsfacet
