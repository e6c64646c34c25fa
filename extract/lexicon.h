// Word lists read from data files (data/dates-en.tsv, data/speech-verbs.tsv), so that
// the extractors' vocabulary lives beside its provenance instead of in code.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsfacet {

/// One entry of a word list: a word or phrase and its value column ("" when none).
struct LexEntry {
    std::string_view word, value;
};

/// A class of a lexicon as a set, one hash lookup a word, with each word's value read
/// as an integer (0 when it has none).
class WordSet {
  public:
    bool contains(std::string_view w) const { return map_.count(w) > 0; }
    /// The word's integer value, or `missing` when the word is not in the set.
    int value(std::string_view w, int missing) const {
        const auto it = map_.find(w);
        return it == map_.end() ? missing : it->second;
    }
    std::size_t size() const { return map_.size(); }
    /// Adds a word (a view that must outlive the set) unless it is there already.
    void insert(std::string_view w, int value = 0) { map_.emplace(w, value); }

  private:
    friend class Lexicon;
    std::unordered_map<std::string_view, int> map_;
};

/// The word lists of one data file: after '#' comment lines (the provenance header),
/// one entry a line, `CLASS<TAB>WORD[<TAB>VALUE]`. The views point into `text`, which
/// must outlive the lexicon (embedded data does).
class Lexicon {
  public:
    /// Parses `text`; `name` is the file's name for messages. Throws
    /// std::runtime_error("NAME:LINE: ...") for a line without a class and a word, and
    /// for a word given twice in one class: a duplicate is a mistake in the list (two
    /// values for one word, or a list edited without looking), so it stops the
    /// program instead of being silently merged.
    Lexicon(std::string_view name, std::string_view text);

    /// The entries of a class, in file order. Throws std::runtime_error when the file
    /// has no such class (a misspelt class in code fails as loudly as a duplicate).
    const std::vector<LexEntry>& list(std::string_view cls) const;
    /// The entries of a class as a set; the value column must be an integer or empty.
    WordSet set(std::string_view cls) const;

  private:
    std::string name_;
    std::unordered_map<std::string_view, std::vector<LexEntry>> classes_;
};

/// The lexicon of the embedded data file `name` (data/NAME), parsed once.
const Lexicon& embedded_lexicon(std::string_view name);

}  // namespace newsfacet
