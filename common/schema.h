// The database schema: the one table of every field, its Xapian term prefix and its
// value slot. The indexer, the query parser, --help and docs/schema.md all follow it.
//
// On-disk layout (Xapian glass database, a directory):
//
//  Documents. Two kinds, told apart by their terms:
//   * article — one per input article. Unique term Q<source>: the article's source,
//     the canonical path of its file, and for a file of many articles (JSON Lines,
//     Reuters SGML) a NUL and the record's key within it (docs/input.md); stdin
//     "stdin:<hash of the text>". Re-indexing a source replaces its article, never
//     another source's. The id shown to users is a boolean term XID<id>, not unique:
//     two sources may give the same id (both are kept, with a warning). XFILE<path>
//     names the file (newsfacet-index --delete-file). Free-text terms: body and
//     title words unprefixed (title words with extra wdf), title words also under S;
//     stems as Z<stem> / ZS<stem> (Xapian's TermGenerator convention, so that
//     QueryParser's STEM_SOME finds them); positions for phrases. Boolean terms:
//     XTYPEarticle, and the entity and date fields below.
//   * quote — one per quotation found in an article (for --quotes). Unique term
//     XQQ<source>\0q<n>. All its terms carry the quote prefix XQ in front of the
//     article prefix (XQ<word>, ZXQ<stem>, XQXSPEAKER<key>, XQD<date>, XQXID<id> ...),
//     so that article queries never match quotes and quote statistics never skew
//     article ranking. Term XQXPARENT<the article's unique term> links it to its
//     article (deleted and replaced with it).
//
//  Boolean field terms are lower-case folded keys (text.h fold_key), so none starts
//  with a capital and no ':' separator is needed after multi-letter prefixes.
//  Person look-up keys (XSPK, XPK) are "<key>=<folded full name>" — the key being the
//  full name, the surname or a spelling variant — so that a surname typed in a query
//  finds every full name it stands for, and the query side can tell when it is
//  ambiguous.
//
//  Values (slots): see Slot. Multi-valued slots hold display strings joined by
//  kValueSeparator.
//
//  Document data: the stored record (docrecord.h), used for output.
//
//  Metadata keys: "newsfacet:schema" (kSchemaVersion); the people tables (people_table.h);
//  the stored facet columns (facet_columns.h).
#pragma once

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

/// Bumped whenever terms, slots or the document record change meaning.
inline constexpr int kSchemaVersion = 4;
inline constexpr std::string_view kSchemaKey = "newsfacet:schema";

/// Value slots.
enum Slot : unsigned {
    kSlotPublished = 0,  ///< "YYYYMMDD" publication day (sortable); absent when unknown
    kSlotSpeakers = 1,   ///< canonical speaker names
    kSlotPeople = 2,     ///< canonical names of everyone mentioned or quoted
    kSlotCountries = 3,  ///< canonical countries (named, or containing a named city)
    kSlotPlaces = 4,     ///< canonical places named, and the countries and regions containing them
    kSlotMentioned = 5,  ///< ISO values of dates mentioned ("2023-10-07", "2024-04", "2020")
    kSlotCities = 6,     ///< canonical cities only
    kSlotOrder = 7,      ///< 8 bytes from a hash of the unique term: breaks ties in ranking the same way in
                         ///< one database, in shards and over remote shards (docids differ between them)
    kSlotFileStamp = 8,  ///< articles: "<canonical path>\0<stamp>", what their file was when read (skipping
                         ///< unchanged files, finding vanished ones: docs/input.md)
};
inline constexpr char kValueSeparator = '\x1f';

/// What each slot holds, for --fields and the check of docs/schema.md.
struct SlotInfo {
    unsigned slot;
    std::string_view name;
    std::string_view content;
};
inline constexpr std::array<SlotInfo, 9> kSlots{{
    {kSlotPublished, "published", "YYYYMMDD publication day (sortable); absent when unknown"},
    {kSlotSpeakers, "speakers", "canonical names of the people quoted"},
    {kSlotPeople, "people", "canonical names of everyone mentioned or quoted"},
    {kSlotCountries, "countries", "canonical countries named or containing a named place"},
    {kSlotPlaces, "places", "canonical places named, and the countries and regions that contain them"},
    {kSlotMentioned, "mentioned", "ISO values of the dates mentioned (2023-10-07, 2024-04, 2020)"},
    {kSlotCities, "cities", "canonical cities"},
    {kSlotOrder, "order", "8 bytes, big-endian FNV-1a 64 of the unique term: the order of equal scores"},
    {kSlotFileStamp, "filestamp",
     "articles: the canonical path of their file, NUL, and its stamp when read (size, modification time, id, "
     "date inputs, version): unchanged files are skipped"},
}};

/// How a field is searched.
enum class FieldKind {
    text,     ///< probabilistic, stemmed words with positions
    boolean,  ///< exact filter terms, no effect on ranking
    date,     ///< day/month/year terms + a range syntax
    internal  ///< not typed by users
};

/// A named level of a facet ("place:country", "published:year").
struct FacetLevel {
    std::string_view name;    ///< "" marks an unused entry
    int slot = -1;            ///< the slot whose values are counted
    std::string_view filter;  ///< the field that -f NAME:LEVEL=VALUE filters on
};

/// One row of the schema table: everything the indexer, the query parser, the facets,
/// --explain, --fields and --help know about a field.
struct Field {
    std::string_view name;    ///< as typed in queries ("speaker")
    std::string_view prefix;  ///< Xapian term prefix (for date fields the day prefix)
    FieldKind kind;
    int slot;  ///< value slot, or -1
    std::string_view description;
    std::string_view example;               ///< an example query
    std::string_view aliases = {};          ///< other names accepted in queries and -f, comma-separated
    std::string_view month_prefix = {};     ///< date fields: the month-term prefix
    std::string_view year_prefix = {};      ///< date fields: the year-term prefix
    bool folded = false;                    ///< values are written as folded keys (text.h fold_key)
    bool place_names = false;               ///< values typed are resolved through the gazetteer
    std::string_view lookup = {};           ///< field of the look-up keys (surnames, spelling variants)
    std::string_view facet = {};            ///< its name under --facet; empty: not a facet
    std::array<FacetLevel, 3> levels = {};  ///< the facet's named levels (the default counts `slot`)
    std::string_view governs = {};          ///< facets whose values a filter on it selects (multi-select)
};

// The date fields use three prefixes each (day, month, year): D/M/Y for publication
// (Omega's convention) and XMD/XMM/XMY for mentioned dates. Date facets bucket one
// slot by level; place:country and place:city count other slots.
inline constexpr std::array<Field, 15> kFields{{
    {.name = "id",
     .prefix = "XID",
     .kind = FieldKind::boolean,
     .slot = -1,
     .description = "the article's id (its file name without .txt; articles from different files may share one)",
     .example = "id:000_9a5ad2e1a0c9bfef"},
    {.name = "title",
     .prefix = "S",
     .kind = FieldKind::text,
     .slot = -1,
     .description = "words of the headline",
     .example = "title:peace"},
    {.name = "speaker",
     .prefix = "XSPEAKER",
     .kind = FieldKind::boolean,
     .slot = kSlotSpeakers,
     .description = "a person quoted (full name or unambiguous surname)",
     .example = "speaker:\"John Smith\"",
     .folded = true,
     .lookup = "speakerkey",
     .facet = "speaker",
     .governs = "speaker"},
    {.name = "person",
     .prefix = "XPERSON",
     .kind = FieldKind::boolean,
     .slot = kSlotPeople,
     .description = "a person mentioned or quoted",
     .example = "person:Smith",
     .folded = true,
     .lookup = "personkey",
     .facet = "person",
     .governs = "person"},
    {.name = "place",
     .prefix = "XPLACE",
     .kind = FieldKind::boolean,
     .slot = kSlotPlaces,
     .description = "a place named, or a country or region containing one (any alias)",
     .example = "place:UK",
     .folded = true,
     .place_names = true,
     .facet = "place",
     .levels = {{{"all", kSlotPlaces, "place"}, {"country", kSlotCountries, "country"}, {"city", kSlotCities, "city"}}},
     .governs = "place"},
    {.name = "city",
     .prefix = "XCITY",
     .kind = FieldKind::boolean,
     .slot = kSlotCities,
     .description = "a city named",
     .example = "city:Tokyo",
     .folded = true,
     .place_names = true,
     .facet = "city",
     .governs = "place,city"},
    {.name = "country",
     .prefix = "XCOUNTRY",
     .kind = FieldKind::boolean,
     .slot = kSlotCountries,
     .description = "a country named, or containing a place named",
     .example = "country:Japan",
     .folded = true,
     .place_names = true,
     .governs = "place"},
    {.name = "date",
     .prefix = "D",
     .kind = FieldKind::date,
     .slot = kSlotPublished,
     .description = "publication date: YYYY, YYYY-MM, YYYY-MM-DD or a range A..B",
     .example = "date:2024-08..2024-12",
     .aliases = "published",
     .month_prefix = "M",
     .year_prefix = "Y",
     .facet = "published",
     .levels = {{{"year", kSlotPublished, "date"}, {"month", kSlotPublished, "date"}, {"day", kSlotPublished, "date"}}},
     .governs = "published"},
    {.name = "mentioned",
     .prefix = "XMD",
     .kind = FieldKind::date,
     .slot = kSlotMentioned,
     .description = "a date mentioned in the text, same syntax as date:",
     .example = "mentioned:2023-10-07",
     .month_prefix = "XMM",
     .year_prefix = "XMY",
     .facet = "mentioned",
     .levels = {{{"year", kSlotMentioned, "mentioned"},
                 {"month", kSlotMentioned, "mentioned"},
                 {"day", kSlotMentioned, "mentioned"}}},
     .governs = "mentioned"},
    {.name = "type",
     .prefix = "XTYPE",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "document kind: article or quote",
     .example = ""},
    {.name = "parent",
     .prefix = "XPARENT",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "a quote's article: the article's unique term (Q<source>)",
     .example = ""},
    {.name = "source",
     .prefix = "Q",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "an article's source, its unique term: the file's canonical path, for a file of many "
                    "articles with a NUL and the record's key",
     .example = ""},
    {.name = "file",
     .prefix = "XFILE",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "the canonical path of an article's file (newsfacet-index --delete-file)",
     .example = ""},
    {.name = "speakerkey",
     .prefix = "XSPK",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "look-up keys of speakers: KEY=FULL NAME, the key a full name, surname or spelling variant",
     .example = ""},
    {.name = "personkey",
     .prefix = "XPK",
     .kind = FieldKind::internal,
     .slot = -1,
     .description = "look-up keys of people, as speakerkey",
     .example = ""},
}};

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kQuotePrefix = "XQ";  ///< in front of every term of a quote document

/// True when `item` is one of the comma-separated names in `list`.
constexpr bool in_list(std::string_view list, std::string_view item) {
    while (!list.empty()) {
        const std::size_t c = list.find(',');
        if (list.substr(0, c) == item) return true;
        if (c == std::string_view::npos) break;
        list.remove_prefix(c + 1);
    }
    return false;
}

/// The names of a comma-separated list ("place,city").
inline std::vector<std::string_view> list_items(std::string_view list) {
    std::vector<std::string_view> out;
    while (!list.empty()) {
        const std::size_t c = list.find(',');
        out.push_back(list.substr(0, c));
        if (c == std::string_view::npos) break;
        list.remove_prefix(c + 1);
    }
    return out;
}

/// The schema row for a field name or alias ("published" is "date"); nullptr when
/// there is none.
constexpr const Field* find_field(std::string_view name);

/// The index in kFields of a field name or alias; kFields.size() when there is none.
/// Compile-time code uses indexes, not pointers: GCC's UBSan instrumentation makes
/// comparisons of addresses inside an array non-constant.
constexpr std::size_t field_index(std::string_view name) {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        if (kFields[i].name == name || in_list(kFields[i].aliases, name)) return i;
    return kFields.size();
}

constexpr const Field* find_field(std::string_view name) {
    const std::size_t i = field_index(name);
    return i < kFields.size() ? &kFields[i] : nullptr;
}

/// True when a facet of that name (or a field with a facet of that name) exists.
constexpr bool facet_exists(std::string_view facet_name) {
    for (const Field& f : kFields)
        if (!f.facet.empty() && f.facet == facet_name) return true;
    const std::size_t i = field_index(facet_name);
    return i < kFields.size() && !kFields[i].facet.empty();
}

/// The schema row for a field name or alias; throws std::out_of_range for an unknown
/// name (at compile time, an unknown name is a compile error).
constexpr const Field& field(std::string_view name) {
    const std::size_t i = field_index(name);
    if (i == kFields.size()) throw std::out_of_range("unknown field");
    return kFields[i];
}

/// The term prefix of a field, looked up by name (code names fields, never letters).
constexpr std::string_view prefix(std::string_view name) {
    return field(name).prefix;
}

/// The row of the field whose facet is called `facet_name`, or whose name or alias
/// it is ("date" -> the published facet); nullptr when it is not a facet.
constexpr const Field* find_facet(std::string_view facet_name) {
    for (const Field& f : kFields)
        if (!f.facet.empty() && f.facet == facet_name) return &f;
    const Field* f = find_field(facet_name);
    return f && !f->facet.empty() ? f : nullptr;
}

/// A facet level of a field ("" is the default level: the field's own slot); nullptr
/// when the field has no such level.
constexpr const FacetLevel* find_level(const Field& f, std::string_view level) {
    for (const FacetLevel& l : f.levels)
        if (!l.name.empty() && l.name == level) return &l;
    return nullptr;
}

/// The date-level prefixes of the published dates (D, M, Y) and of mentioned dates.
inline constexpr std::string_view kPublishedDay = field("date").prefix, kPublishedMonth = field("date").month_prefix,
                                  kPublishedYear = field("date").year_prefix;
inline constexpr std::string_view kMentionedDay = field("mentioned").prefix,
                                  kMentionedMonth = field("mentioned").month_prefix,
                                  kMentionedYear = field("mentioned").year_prefix;

/// The terms a value of a field is written under, for articles (kind prefix "") or
/// quotes ("XQ"); the first selects exactly that value. Boolean fields: the prefix
/// and the folded key (or the value as given for ids and internal fields). Date
/// fields, an ISO value: a day gives its day, month and year terms, a month its month
/// and year, a year its year; a week, quarter or season the month and/or year that
/// contain it whole; a decade none. Terms over 240 bytes are shortened (safe_term).
/// The indexer, the query parser and --explain all use it.
std::vector<std::string> value_terms(const Field& f, std::string_view value, std::string_view kind_prefix = {});

/// What a term is: its field and value ("XPLACEjapan" -> place, "japan"), with the
/// level of date terms ("month"). Free-text words give the field "text" (stems with
/// `stemmed` set, "ZSpeac" gives title); an unknown prefix an empty field. Quote terms
/// are read with kind prefix "XQ".
struct TermField {
    std::string_view field;
    std::string_view level;
    std::string value;
    bool stemmed = false;
};
TermField term_field(std::string_view term, std::string_view kind_prefix = {});

namespace detail {
constexpr bool names_and_prefixes_unique() {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            const Field &a = kFields[i], &b = kFields[j];
            if (a.prefix == b.prefix || a.name == b.name || field_index(b.name) != j) return false;
            for (std::string_view p : {a.month_prefix, a.year_prefix})
                if (!p.empty() && (p == b.prefix || p == b.month_prefix || p == b.year_prefix)) return false;
        }
    return true;
}
constexpr bool slots_unique() {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        for (std::size_t j = i + 1; j < kFields.size(); ++j)
            if (kFields[i].slot >= 0 && kFields[i].slot == kFields[j].slot) return false;
    return true;
}
constexpr bool user_prefixes_start_with_x() {
    // Omega's convention: single capitals are reserved meanings (Q id, S title, D date);
    // everything of our own starts with X.
    for (const Field& f : kFields)
        for (std::string_view p : {f.prefix, f.month_prefix, f.year_prefix})
            if (p.size() > 1 && p[0] != 'X') return false;
    return true;
}
constexpr bool references_resolve() {
    // Every field a row names (look-up keys, level filters, governed
    // facets) exists; date fields have all three prefixes.
    for (const Field& f : kFields) {
        const std::size_t none = kFields.size();
        if (!f.lookup.empty() && field_index(f.lookup) == none) return false;
        for (const FacetLevel& l : f.levels)
            if (!l.name.empty() && (field_index(l.filter) == none || l.slot < 0)) return false;
        if ((f.kind == FieldKind::date) != (!f.month_prefix.empty() && !f.year_prefix.empty())) return false;
        std::string_view g = f.governs;
        while (!g.empty()) {
            const std::size_t c = g.find(',');
            if (!facet_exists(g.substr(0, c))) return false;
            if (c == std::string_view::npos) break;
            g.remove_prefix(c + 1);
        }
    }
    return true;
}
}  // namespace detail

static_assert(detail::names_and_prefixes_unique(), "field names and prefixes must be unique");
static_assert(detail::slots_unique(), "value slots must be unique");
static_assert(detail::user_prefixes_start_with_x(), "multi-letter prefixes must start with X");
static_assert(detail::references_resolve(), "a field row names a field or facet that does not exist");

}  // namespace newsfacet
