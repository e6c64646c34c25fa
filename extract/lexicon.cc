#include "lexicon.h"

#include <charconv>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

#include "embedded.h"

namespace newsfacet {

Lexicon::Lexicon(std::string_view name, std::string_view text) : name_(name) {
    std::unordered_map<std::string_view, std::unordered_set<std::string_view>> seen;
    std::size_t p = 0, line = 0;
    while (p < text.size()) {
        std::size_t e = text.find('\n', p);
        if (e == std::string_view::npos) e = text.size();
        std::string_view l = text.substr(p, e - p);
        p = e + 1;
        ++line;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.empty() || l.front() == '#') continue;
        const std::size_t t1 = l.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : l.find('\t', t1 + 1);
        const std::string_view cls = l.substr(0, t1);
        const std::string_view word = t1 == std::string_view::npos ? std::string_view() : l.substr(t1 + 1, t2 - t1 - 1);
        const std::string_view value = t2 == std::string_view::npos ? std::string_view() : l.substr(t2 + 1);
        const std::string where = name_ + ":" + std::to_string(line) + ": ";
        if (cls.empty() || word.empty())
            throw std::runtime_error(where + "expected CLASS<TAB>WORD[<TAB>VALUE], got \"" + std::string(l) + "\"");
        if (!seen[cls].insert(word).second)
            throw std::runtime_error(where + "duplicate \"" + std::string(word) + "\" in class " + std::string(cls));
        classes_[cls].push_back(LexEntry{word, value});
    }
}

const std::vector<LexEntry>& Lexicon::list(std::string_view cls) const {
    const auto it = classes_.find(cls);
    if (it == classes_.end()) throw std::runtime_error(name_ + ": no class " + std::string(cls));
    return it->second;
}

WordSet Lexicon::set(std::string_view cls) const {
    WordSet s;
    for (const LexEntry& e : list(cls)) {
        int v = 0;
        if (!e.value.empty()) {
            const auto r = std::from_chars(e.value.data(), e.value.data() + e.value.size(), v);
            if (r.ec != std::errc() || r.ptr != e.value.data() + e.value.size())
                throw std::runtime_error(name_ + ": class " + std::string(cls) + ": \"" + std::string(e.word) +
                                         "\" has a value that is not a number: " + std::string(e.value));
        }
        s.map_.emplace(e.word, v);
    }
    return s;
}

const Lexicon& embedded_lexicon(std::string_view name) {
    // A few files, each parsed on first use; the map never drops an entry, so the
    // references it hands out stay valid.
    static std::mutex mu;
    static std::map<std::string, std::unique_ptr<Lexicon>, std::less<>> cache;
    const std::lock_guard<std::mutex> lock(mu);
    const auto it = cache.find(name);
    if (it != cache.end()) return *it->second;
    const std::string_view text = embedded(name);
    if (text.empty()) throw std::runtime_error("no embedded data file " + std::string(name));
    return *cache.emplace(std::string(name), std::make_unique<Lexicon>(name, text)).first->second;
}

}  // namespace newsfacet
