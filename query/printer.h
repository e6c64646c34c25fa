// Output of a search: one traversal of SearchResult, two printers (text for people,
// JSON for programs; the JSON shape is specified in docs/json.md).
#pragma once

#include <ostream>

#include "search.h"
#include "version.h"

namespace newsfacet {

/// Human-readable results; `colour` turns on ANSI highlighting of matched words.
void print_text(const SearchResult& r, const SearchOptions& o, bool colour, std::ostream& out);

/// The schema table (newsfacet-query --fields): every field with its prefixes, kind,
/// slot, aliases, facet levels and example, then the value slots.
void print_fields_text(std::ostream& out);
/// The same as one JSON object (docs/json.md).
void print_fields_json(std::ostream& out);

/// What --output prints for each hit.
enum class LineOutput { ids, paths };

/// One line per hit, for pipes (--output): the article's id or file path. Quote hits
/// print their article's, once per article.
void print_lines(const SearchResult& r, const SearchOptions& o, LineOutput what, std::ostream& out);

/// One JSON object (docs/json.md).
void print_json(const SearchResult& r, const SearchOptions& o, std::ostream& out);

}  // namespace newsfacet
