// The record stored as each document's data: what output needs without re-reading
// the article. A line per item, "key<TAB>value...", with \t \n \\ escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

/// Why an article is under a facet value (for --explain).
struct Provenance {
    std::string field;  ///< "speaker", "person", "place", "mentioned", "date"
    std::string value;  ///< canonical value
    std::string why;    ///< e.g. "\"Mr Healey\" said-after-quote at 1532"
};

/// A date value with its granularity ("2023-10-07"/"day").
struct DatedValue {
    std::string value;
    std::string granularity;
};

/// The stored record of an article or a quote.
struct DocRecord {
    std::string kind = "article";  ///< "article" or "quote"
    std::string id;
    std::string path;
    std::string source;  ///< articles: the source as shown in messages (its file's canonical path ...)
    std::string title;
    std::string published;  ///< ISO day, or empty when unknown
    std::string text;       ///< article text (for snippets), or the quote's text
    std::vector<std::string> speakers, people, places, countries, cities;
    std::vector<DatedValue> mentioned;
    std::vector<Provenance> provenance;
    // Quotes only.
    std::string parent;   ///< article id
    std::string speaker;  ///< canonical speaker
    std::string speaker_rule;
    bool indirect = false;

    /// Serialises to the stored form.
    std::string serialise() const;
    /// Parses the stored form; unknown keys are ignored (forward compatible).
    static DocRecord parse(std::string_view data);
};

}  // namespace newsfacet
