// The database schema: the one table of every field, its Xapian term prefix and its
// value slot. The indexer, the query parser, --help and docs/schema.md all follow it.
//
// On-disk layout (Xapian glass database, a directory):
//
//  Documents. Two kinds, told apart by their terms:
//   * article — one per input article. Unique term Q<id>. Free-text terms: body and
//     title words unprefixed (title words with extra wdf), title words also under S;
//     stems as Z<stem> / ZS<stem> (Xapian's TermGenerator convention, so that
//     QueryParser's STEM_SOME finds them); positions for phrases. Boolean terms:
//     XTYPEarticle, and the entity and date fields below.
//   * quote — one per quotation found in an article (for --quotes). Unique term
//     XQQ<id>#<n>. All its terms carry the quote prefix XQ in front of the article
//     prefix (XQ<word>, ZXQ<stem>, XQXSPEAKER<key>, XQD<date> ...), so that article
//     queries never match quotes and quote statistics never skew article ranking.
//     Term XQXPARENT<id> links it to its article (deleted with it).
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
//  Metadata keys: "newsfacet:schema" (kSchemaVersion), "newsfacet:created" (ISO time),
//  "newsfacet:mentioned-min"/"-max" (YYYYMMDD bounds of mentioned dates, for open
//  ranges).
#pragma once

#include <array>
#include <string_view>

namespace newsfacet {

/// Bumped whenever terms, slots or the document record change meaning.
inline constexpr int kSchemaVersion = 2;
inline constexpr std::string_view kSchemaKey = "newsfacet:schema";

/// Value slots.
enum Slot : unsigned {
    kSlotPublished = 0,  ///< "YYYYMMDD" publication day (sortable); absent when unknown
    kSlotSpeakers = 1,   ///< canonical speaker names
    kSlotPeople = 2,     ///< canonical names of everyone mentioned or quoted
    kSlotCountries = 3,  ///< canonical countries (named, or containing a named city)
    kSlotPlaces = 4,     ///< canonical places as named: cities, countries, regions
    kSlotMentioned = 5,  ///< ISO values of dates mentioned ("2023-10-07", "2024-04", "2020")
    kSlotCities = 6,     ///< canonical cities only
    kSlotOrder = 7,      ///< 8 bytes from a hash of the unique term: breaks ties in ranking the same way in
                         ///< one database, in shards and over remote shards (docids differ between them)
};
inline constexpr char kValueSeparator = '\x1f';

/// How a field is searched.
enum class FieldKind {
    text,     ///< probabilistic, stemmed words with positions
    boolean,  ///< exact filter terms, no effect on ranking
    date,     ///< day/month/year terms + a range syntax
    internal  ///< not typed by users
};

/// One row of the schema table.
struct Field {
    std::string_view name;    ///< as typed in queries ("speaker")
    std::string_view prefix;  ///< Xapian term prefix
    FieldKind kind;
    int slot;  ///< value slot, or -1
    std::string_view description;
    std::string_view example;  ///< an example query
};

// The date fields use three prefixes each (day, month, year): D/M/Y for publication
// (Omega's convention) and XMD/XMM/XMY for mentioned dates.
inline constexpr std::array<Field, 12> kFields{{
    {"id", "Q", FieldKind::boolean, -1, "the article's id (its file name without .txt)", "id:000_9a5ad2e1a0c9bfef"},
    {"title", "S", FieldKind::text, -1, "words of the headline", "title:peace"},
    {"speaker", "XSPEAKER", FieldKind::boolean, kSlotSpeakers, "a person quoted (full name or unambiguous surname)",
     "speaker:\"John Smith\""},
    {"person", "XPERSON", FieldKind::boolean, kSlotPeople, "a person mentioned or quoted", "person:Smith"},
    {"place", "XPLACE", FieldKind::boolean, kSlotPlaces, "a place named (any alias; a country matches its cities)",
     "place:UK"},
    {"city", "XCITY", FieldKind::boolean, kSlotCities, "a city named", "city:Tokyo"},
    {"date", "D", FieldKind::date, kSlotPublished, "publication date: YYYY, YYYY-MM, YYYY-MM-DD or a range A..B",
     "date:2024-08..2024-12"},
    {"mentioned", "XMD", FieldKind::date, kSlotMentioned,
     "a date mentioned in the text, same syntax as date:", "mentioned:2023-10-07"},
    {"type", "XTYPE", FieldKind::internal, -1, "document kind: article or quote", ""},
    {"parent", "XPARENT", FieldKind::internal, -1, "a quote's article id", ""},
    {"speakerkey", "XSPK", FieldKind::internal, -1, "look-up keys of speakers: full name, surname, spelling variants",
     ""},
    {"personkey", "XPK", FieldKind::internal, -1, "look-up keys of people", ""},
}};

// Date-level prefixes.
inline constexpr std::string_view kPublishedDay = "D", kPublishedMonth = "M", kPublishedYear = "Y";
inline constexpr std::string_view kMentionedDay = "XMD", kMentionedMonth = "XMM", kMentionedYear = "XMY";
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kQuotePrefix = "XQ";  ///< in front of every term of a quote document

/// The schema row for a field name; throws std::out_of_range for an unknown name.
constexpr const Field& field(std::string_view name) {
    for (const Field& f : kFields)
        if (f.name == name) return f;
    throw "unknown field";  // not a constant expression: a compile error when used at compile time
}

/// The term prefix of a field, looked up by name (code names fields, never letters).
constexpr std::string_view prefix(std::string_view name) {
    return field(name).prefix;
}

namespace detail {
constexpr bool prefixes_unique() {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        for (std::size_t j = i + 1; j < kFields.size(); ++j)
            if (kFields[i].prefix == kFields[j].prefix || kFields[i].name == kFields[j].name) return false;
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
        if (f.prefix.size() > 1 && f.prefix[0] != 'X') return false;
    return true;
}
}  // namespace detail

static_assert(detail::prefixes_unique(), "field names and prefixes must be unique");
static_assert(detail::slots_unique(), "value slots must be unique");
static_assert(detail::user_prefixes_start_with_x(), "multi-letter prefixes must start with X");

}  // namespace newsfacet
