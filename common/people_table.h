// The collection's people table: which indexed names stand for one person across the
// whole collection, not only within one article (docs/speakers.md, "One person across
// the collection").
//
// Extraction canonicalises a person within an article ("Baker" after "James Baker"
// becomes "James Baker"), but an article that only says "Baker", "Mr Baker" or "J.
// Baker" is indexed under that. The table groups the names of one field (person or
// speaker) from the index itself: each name's spelling-insensitive key (name_tokens),
// then, within one surname, less specific forms (a surname alone, a first name without
// the middle initial, an initial for the first name) join the one fuller form they fit,
// or the one holding at least 3/4 of the articles of the fuller forms they fit; when no
// form dominates, the short form stays a value of its own and a query for it matches
// all the people it may stand for, with a note.
//
// The query side (filters, facets) and the indexer (which stores the table in the
// database's metadata once per run) both build it with PeopleTable::build, so the
// result depends only on the names and their document counts.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsfacet {

/// fold_key of a name as written ("George W. Bush" -> "george w bush"), without ICU
/// for the common case of ASCII letters, spaces and a full stop ending a word (facets
/// fold every distinct name they count).
std::string fold_name(std::string_view name);

/// The words of a folded name (fold_key) that identify the person: dots removed
/// ("w." and "w" are one initial), leading titles and honorifics ("mr", "president",
/// "the") and trailing generational suffixes ("jr", "iii") dropped. Never empty for a
/// non-empty name (a name that is all title keeps its last word).
std::vector<std::string> name_tokens(std::string_view folded);

/// True when a folded name is a first name (a known given name, data/names-given.tsv,
/// or an initial) and a surname: what a people facet prefers to show for a person.
bool is_full_name(std::string_view folded);

/// name_tokens joined by spaces: names with the same variant key are one person
/// ("george w. bush", "president george w bush", "George W Bush").
std::string name_variant_key(std::string_view folded);

/// True when name `a` is a less specific form of name `b` (both name_tokens): the same
/// surname, and either `a` is a tail of `b` ("bush", "w bush" of "george w bush") or
/// `a` keeps `b`'s first word and surname and some of its middle words, where a single
/// letter stands for a word it begins ("george bush", "g bush", "j a baker" of
/// "james a baker").
bool is_partial_name(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// One indexed name (a folded term key) and how many documents hold it.
struct NameCount {
    std::string key;
    std::size_t docs = 0;
};

/// A field's names grouped into people. A table made by build() can resolve any name;
/// one read back from the database's metadata (parse) holds only the groups of more
/// than one name and the ambiguous short forms, which is all that label_of, members
/// and candidates need.
class PeopleTable {
  public:
    /// Groups `names` (each key once). The dominance rule: a less specific form joins
    /// the group it fits when it fits one only, or when that group holds at least
    /// kDominance of the documents of all the groups it fits.
    static PeopleTable build(std::vector<NameCount> names);
    static constexpr double kDominance = 0.75;

    /// The names of `term_prefix` (e.g. "XPERSON") in `db` with their term frequencies.
    static std::vector<NameCount> names_in(const Xapian::Database& db, const std::string& term_prefix);

    /// The person an indexed folded name stands for, as one of its names (the group's
    /// label): the same string for every name of one person; `key` itself when it is
    /// the only name of its person (or not in the table).
    std::string label_of(const std::string& key) const;
    /// The indexed names of the person labelled `label` (label_of).
    std::vector<std::string> members(const std::string& label) const;
    /// For a short form that stands for several people (label_of gives itself): those
    /// people's labels and documents, most documents first; nullptr otherwise.
    const std::vector<NameCount>* candidates(const std::string& label) const;

    /// What a name stands for in a table made by build(): the folded names to match
    /// (empty when none fits), and, when it stands for several people, their labels
    /// and documents. `exact` (a facet value given with -f): an ambiguous short form
    /// selects only its own names, as the facet counted them.
    struct Resolution {
        std::vector<std::string> keys;
        std::vector<NameCount> people;
    };
    Resolution resolve(std::string_view folded, bool exact = false) const;

    /// The stored form (groups of several names, ambiguous short forms) and back;
    /// nullopt when `s` is not one.
    std::string serialise() const;
    static std::optional<PeopleTable> parse(std::string_view s);

  private:
    struct Variant {
        std::vector<std::string> tokens;
        std::vector<std::string> keys;  ///< indexed folded names with this variant key
        std::size_t docs = 0;
        int group = -1;
    };
    struct Group {
        int root = -1;  ///< the most specific variant
        std::vector<std::string> keys;
        std::size_t docs = 0;
        std::vector<int> candidates;  ///< an ambiguous short form: the groups it may stand for
    };
    std::vector<int> fitting_groups(const std::vector<std::string>& tokens) const;
    int dominant(const std::vector<int>& cands) const;
    NameCount label(int g) const;
    void link();

    // build() only.
    std::vector<Variant> variants_;
    std::vector<Group> groups_;
    std::unordered_map<std::string, int> by_vkey_;                  ///< variant key -> variant
    std::unordered_map<std::string, std::vector<int>> by_surname_;  ///< surname -> variants
    // Both.
    std::unordered_map<std::string, std::string> label_;                ///< name -> label, groups of several names
    std::unordered_map<std::string, std::vector<std::string>> members_;  ///< label -> names, groups of several
    std::unordered_map<std::string, std::vector<NameCount>> ambiguous_;  ///< label -> people it may stand for
};

/// The metadata key of a field's table ("newsfacet:people:person").
std::string people_metadata_key(std::string_view field);

/// Recomputes the people tables of the person and speaker fields from `db`'s terms
/// and stores them in its metadata, with the document count they were made at (the
/// indexer calls it before the last commit of a run).
void store_people_tables(Xapian::WritableDatabase& db);

/// The people table of a field ("person" or "speaker") for searching `db`: the one in
/// its metadata when it was made for this database's document count (one local or
/// remote database newsfacet-index wrote), else built from the field's terms (sharded
/// databases, databases written before the table existed). Cached per database
/// version within a process.
std::shared_ptr<const PeopleTable> people_table(const Xapian::Database& db, std::string_view field);

}  // namespace newsfacet
