// The gazetteer: place names (countries, regions, first-level regions, cities) and
// their aliases, read from the embedded data/gazetteer.tsv (built from Debian packages
// by scripts/build-gazetteer.sh; see docs/places.md). Shared by the indexer (finding
// places in text) and the query side (resolving `place:` filters), so it lives here.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

/// One gazetteer row: a surface form and the place it names. All views point into
/// the embedded data, so entries stay valid for the life of the process.
struct GazetteerEntry {
    std::string_view surface;      ///< as written in text: "U.K.", "Tel Aviv", "Kiev"
    std::string_view name;         ///< canonical name: "United Kingdom", "Tel Aviv", "Kyiv"
    std::string_view level;        ///< "country", "region", "admin1" or "city"
    std::string_view country;      ///< canonical country; empty for supranational regions
    std::string_view admin1;       ///< first-level region of a city, when known
    std::string_view rule;         ///< provenance: "gazetteer:city", "alias:curated", "region" ...
    std::string_view within;       ///< countries and regions: the continent containing it ("Europe"),
                                   ///< '|' between if ever several; see regions_of()
    std::uint32_t population = 0;  ///< cities only
    bool common_word = false;      ///< the lower-cased surface is an ordinary English word ("Reading")
    bool nation = false;           ///< a first-level region that is a nation (England, Scotland)
};

/// The place-name table. Lookups are read-only and thread-safe once built.
class Gazetteer {
  public:
    /// The process-wide gazetteer, parsed from embedded("gazetteer.tsv") on first use.
    static const Gazetteer& instance();

    /// Parses a gazetteer in the data/gazetteer.tsv format. `tsv` must outlive the object.
    explicit Gazetteer(std::string_view tsv);

    /// Rows whose surface is exactly `surface` (case-sensitive), best candidate first.
    std::span<const GazetteerEntry> lookup(std::string_view surface) const;

    /// True when some surface starts with `prefix` (case-sensitive); lets a matcher
    /// stop extending a multi-word candidate early.
    bool has_prefix(std::string_view prefix) const;

    /// Rows whose folded surface (ASCII lower case, dots removed) equals the folded
    /// `text`: "UK", "u.k.", "BRITAIN", "united kingdom" all find the same rows.
    std::vector<const GazetteerEntry*> lookup_folded(std::string_view text) const;

    /// True when some folded surface starts with the folded `prefix`.
    bool has_folded_prefix(std::string_view prefix) const;

    /// The canonical row of a place by its canonical name ("Tokyo" -> city, Japan), or
    /// nullptr. When several places share a name the preferred one is returned.
    const GazetteerEntry* place(std::string_view canonical_name) const;

    /// The canonical name for a user's place text (any alias, any case), or nothing.
    std::optional<std::string> resolve(std::string_view user_text) const;

    /// Number of rows.
    std::size_t size() const { return entries_.size(); }

    /// All rows, sorted by surface (bytewise), best candidate first within a surface.
    std::span<const GazetteerEntry> entries() const { return entries_; }

  private:
    using FoldedIndex = std::vector<std::pair<std::string, std::uint32_t>>;  // (folded surface, row), sorted
    const FoldedIndex& folded() const;
    const GazetteerEntry* scan_folded(std::string_view folded_key) const;

    std::vector<GazetteerEntry> entries_;
    // Only ALL-CAPS text and queries need the folded index, so it is built on first use.
    mutable std::once_flag folded_once_;
    mutable FoldedIndex folded_;
};

/// Preference order between candidates for one surface: countries first, then
/// regions, cities (most populous first), first-level regions; curated aliases win ties.
bool gazetteer_prefers(const GazetteerEntry& a, const GazetteerEntry& b);

/// ASCII lower case with dots and surrounding white space removed, runs of white space
/// folded to one space: the key for case-insensitive lookups ("U.K." -> "uk").
std::string fold_place_text(std::string_view text);

/// Maps a `place:` filter value to the canonical place name, case-insensitively and
/// through any alias: "uk", "Britain", "united kingdom", "U.K." -> "United Kingdom".
std::optional<std::string> resolve_place_query(std::string_view user_text);

/// The country of a city (or admin1 or region) by canonical name; empty when unknown.
std::string_view country_of(std::string_view canonical_name);

/// The first-level region of a city by canonical name; empty when unknown.
std::string_view admin1_of(std::string_view canonical_name);

/// The continent that contains a place (UN M49 as CLDR names it, the Americas split
/// into North and South America), by canonical name: a country's own, a region's own
/// ("Southeast Asia" -> Asia), or that of the place's country (Tokyo -> Asia). Empty
/// for continents, regions across continents and unknown names. A list, so that a
/// finer level could follow.
std::vector<std::string_view> regions_of(std::string_view canonical_name);

/// The country a demonym refers to ("Israeli" -> "Israel"), from the separate
/// data/places-demonyms.tsv. A weak signal: demonyms are never indexed as places.
std::optional<std::string_view> demonym_country(std::string_view word);

}  // namespace newsfacet
