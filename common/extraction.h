// Entity extraction: the types every extractor fills and every consumer reads.
//
// All spans are UTF-8 *byte* offsets into Article::text (the decoded article:
// BOM removed, CR LF folded to LF, invalid bytes replaced by U+FFFD). Printers
// convert them to code-point offsets for users (see docs/json.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"

namespace newsfacet {

/// A half-open byte range [begin, end) into Article::text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

/// A place named in the text, resolved against the gazetteer.
struct PlaceMention {
    Span span;
    std::string surface;  ///< the text as written ("U.K.", "Tokyo")
    std::string name;     ///< canonical name ("United Kingdom", "Tokyo")
    std::string level;    ///< "country", "city", "region" (e.g. Middle East), "admin1"
    std::string country;  ///< canonical country name; empty for supranational regions
    std::string admin1;   ///< first-level region of a city, when known
    std::string rule;     ///< provenance, e.g. "gazetteer:city", "alias:U.K."
};

/// A person named in the text, merged within the article to one canonical form.
struct PersonMention {
    Span span;
    std::string surface;  ///< "Mr Healey"
    std::string name;     ///< canonical fullest form in the article: "John Healey"
    std::string rule;     ///< "honorific", "title+name", "given-name", "speech-frame" ...
};

/// A quotation and, when found, who said it.
struct Quote {
    Span span;            ///< the quoted content, without the quote marks
    std::string text;     ///< the content as one string (multi-paragraph quotes joined by a space)
    std::string speaker;  ///< canonical person name, or the source's text when not a person
    bool speaker_is_person = false;
    std::optional<Span> speaker_span;  ///< where the speaker is named (or the pronoun/cue)
    std::string speaker_rule;          ///< "said-after-quote", "pronoun:He->John Healey", "continuation" ...
    bool indirect = false;             ///< reported speech ("X said that ..."), no quote marks
    std::string rule;                  ///< how the quote itself was found: "double-quotes", "multi-paragraph" ...
};

/// A normalised date, either the publication date or one mentioned in the text.
struct DateMention {
    Span span;
    std::string surface;  ///< "last year", "7 October", "Tuesday"
    std::string value;    ///< ISO value: "2023-10-07", "2023-10", "2023", "2024-W32"; empty if unresolved
    Granularity granularity = Granularity::day;
    std::string rule;  ///< "absolute:dmy", "relative:yesterday", "weekday:past" ...
    bool resolved() const { return !value.empty(); }
};

/// Everything extracted from one article.
struct Extraction {
    std::vector<PersonMention> people;
    std::vector<PlaceMention> places;
    std::vector<Quote> quotes;
    std::vector<DateMention> dates;  ///< dates mentioned in the text (not the publication date)
};

}  // namespace newsfacet
