#include "gazetteer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "embedded.h"
#include "tsv.h"

namespace newsfacet {
namespace {

int level_rank(std::string_view level) {
    if (level == "country") return 0;
    if (level == "region") return 1;
    if (level == "city") return 2;
    return 3;  // admin1: "Washington" and "New York" are the cities first
}

// Splits a TSV line into at most 9 fields without allocating; returns the count.
std::size_t split_tabs(std::string_view line, std::array<std::string_view, 9>& f) {
    std::size_t n = 0, start = 0;
    while (n < f.size()) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            f[n++] = line.substr(start);
            break;
        }
        f[n++] = line.substr(start, tab - start);
        start = tab + 1;
    }
    return n;
}

}  // namespace

bool gazetteer_prefers(const GazetteerEntry& a, const GazetteerEntry& b) {
    const int ra = level_rank(a.level), rb = level_rank(b.level);
    if (ra != rb) return ra < rb;
    if (a.population != b.population) return a.population > b.population;
    const bool ca = a.rule == "alias:curated", cb = b.rule == "alias:curated";
    if (ca != cb) return ca;
    return a.name < b.name;
}

std::string fold_place_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '.') continue;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(u < 0x80 ? static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u) : c);
    }
    return out;
}

Gazetteer::Gazetteer(std::string_view tsv) {
    entries_.reserve(tsv.size() / 60);
    for (const std::string_view line : data_lines(tsv)) {
        std::array<std::string_view, 9> f;
        const std::size_t nf = split_tabs(line, f);
        if (nf < 7 || f[0].empty() || f[1].empty()) continue;  // a malformed row is skipped, not fatal
        GazetteerEntry e;
        e.surface = f[0];
        e.name = f[1];
        e.level = f[2];
        e.country = f[3];
        e.admin1 = f[4];
        std::from_chars(f[5].data(), f[5].data() + f[5].size(), e.population);
        e.rule = f[6];
        e.common_word = nf > 7 && f[7].find('w') != std::string_view::npos;
        e.nation = nf > 7 && f[7].find('n') != std::string_view::npos;
        if (nf > 8) e.within = f[8];
        entries_.push_back(e);
    }
    // The script writes rows in this order already; sort only a hand-edited file.
    auto order = [](const GazetteerEntry& a, const GazetteerEntry& b) {
        if (a.surface != b.surface) return a.surface < b.surface;
        return gazetteer_prefers(a, b);
    };
    if (!std::is_sorted(entries_.begin(), entries_.end(), order)) std::sort(entries_.begin(), entries_.end(), order);
}

const Gazetteer& Gazetteer::instance() {
    static const Gazetteer g(embedded("gazetteer.tsv"));
    return g;
}

std::span<const GazetteerEntry> Gazetteer::lookup(std::string_view surface) const {
    auto lo = std::lower_bound(entries_.begin(), entries_.end(), surface,
                               [](const GazetteerEntry& e, std::string_view s) { return e.surface < s; });
    auto hi = lo;
    while (hi != entries_.end() && hi->surface == surface)
        ++hi;
    return {lo, hi};
}

bool Gazetteer::has_prefix(std::string_view prefix) const {
    auto lo = std::lower_bound(entries_.begin(), entries_.end(), prefix,
                               [](const GazetteerEntry& e, std::string_view s) { return e.surface < s; });
    return lo != entries_.end() && lo->surface.starts_with(prefix);
}

const Gazetteer::FoldedIndex& Gazetteer::folded() const {
    std::call_once(folded_once_, [this] {
        folded_.reserve(entries_.size());
        for (std::uint32_t i = 0; i < entries_.size(); ++i)
            folded_.emplace_back(fold_place_text(entries_[i].surface), i);
        std::stable_sort(folded_.begin(), folded_.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    });
    return folded_;
}

std::vector<const GazetteerEntry*> Gazetteer::lookup_folded(std::string_view text) const {
    const FoldedIndex& idx = folded();
    const std::string key = fold_place_text(text);
    std::vector<const GazetteerEntry*> out;
    auto lo =
        std::lower_bound(idx.begin(), idx.end(), key, [](const auto& p, const std::string& k) { return p.first < k; });
    for (; lo != idx.end() && lo->first == key; ++lo)
        out.push_back(&entries_[lo->second]);
    std::stable_sort(out.begin(), out.end(),
                     [](const GazetteerEntry* a, const GazetteerEntry* b) { return gazetteer_prefers(*a, *b); });
    return out;
}

bool Gazetteer::has_folded_prefix(std::string_view prefix) const {
    const FoldedIndex& idx = folded();
    const std::string key = fold_place_text(prefix);
    auto lo =
        std::lower_bound(idx.begin(), idx.end(), key, [](const auto& p, const std::string& k) { return p.first < k; });
    return lo != idx.end() && std::string_view(lo->first).starts_with(key);
}

const GazetteerEntry* Gazetteer::place(std::string_view canonical_name) const {
    for (const GazetteerEntry& e : lookup(canonical_name))
        if (e.name == canonical_name) return &e;
    return nullptr;
}

std::optional<std::string> Gazetteer::resolve(std::string_view user_text) const {
    // Exact spelling first ("US" the country, not a folded "us"), then any case.
    for (const GazetteerEntry& e : lookup(user_text))
        return std::string(e.name);
    // A one-shot query process resolves one or two values: a linear scan (~0.1 ms)
    // is cheaper than building the folded index.
    const std::string key = fold_place_text(user_text);
    if (key.empty()) return std::nullopt;
    // "the UK", "the Gulf": the article is not part of the name (but "The Hague" is,
    // and is tried first).
    const GazetteerEntry* found = scan_folded(key);
    if (!found && key.starts_with("the ")) found = scan_folded(std::string_view(key).substr(4));
    if (found) return std::string(found->name);
    return std::nullopt;
}

const GazetteerEntry* Gazetteer::scan_folded(std::string_view key) const {
    const GazetteerEntry* best = nullptr;
    std::string folded;
    for (const GazetteerEntry& e : entries_) {
        if (e.surface.size() < key.size()) continue;
        folded = fold_place_text(e.surface);
        if (folded == key && (!best || gazetteer_prefers(e, *best))) best = &e;
    }
    return best;
}

std::optional<std::string> resolve_place_query(std::string_view user_text) {
    return Gazetteer::instance().resolve(user_text);
}

std::string_view country_of(std::string_view canonical_name) {
    const GazetteerEntry* e = Gazetteer::instance().place(canonical_name);
    return e ? e->country : std::string_view();
}

std::string_view admin1_of(std::string_view canonical_name) {
    const GazetteerEntry* e = Gazetteer::instance().place(canonical_name);
    return e ? e->admin1 : std::string_view();
}

std::vector<std::string_view> regions_of(std::string_view canonical_name) {
    const Gazetteer& g = Gazetteer::instance();
    const GazetteerEntry* e = g.place(canonical_name);
    if (e && e->within.empty() && !e->country.empty() && e->country != e->name) e = g.place(e->country);
    std::vector<std::string_view> out;
    if (!e) return out;
    for (std::string_view w = e->within; !w.empty();) {
        const std::size_t bar = w.find('|');
        out.push_back(w.substr(0, bar));
        w = bar == std::string_view::npos ? std::string_view() : w.substr(bar + 1);
    }
    return out;
}

std::optional<std::string_view> demonym_country(std::string_view word) {
    static const std::map<std::string_view, std::string_view> table = [] {
        std::map<std::string_view, std::string_view> m;
        const std::string_view tsv = embedded("places-demonyms.tsv");
        for (const std::string_view line : data_lines(tsv)) {
            std::array<std::string_view, 9> f;
            if (split_tabs(line, f) >= 2) m.emplace(f[0], f[1]);
        }
        return m;
    }();
    auto it = table.find(word);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

}  // namespace newsfacet
