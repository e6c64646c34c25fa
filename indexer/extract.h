// The extraction pipeline: one entry point, called by the indexer, --dry-run and
// newsfacet-eval, so that what is measured is exactly what is indexed.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "article.h"
#include "extraction.h"

namespace newsfacet {

/// Places named in text, found in the gazetteer, with context guards (places.cc).
std::vector<PlaceMention> find_places(std::string_view text);

/// People named in text, merged within the article (people.cc). `places` are the place
/// candidates, so that a place is never taken for a person.
std::vector<PersonMention> find_people(std::string_view text, const std::vector<PlaceMention>& places);

/// Quotes and their speakers (quotes.cc). May add people found in speech frames.
std::vector<Quote> find_quotes(std::string_view text, std::vector<PersonMention>& people);

/// Dates mentioned in text, normalised against the publication date when known
/// (date_extract.cc). Without one, relative dates are returned unresolved.
std::vector<DateMention> find_dates(std::string_view text, const std::optional<Ymd>& published);

/// Runs every extractor over the article in the right order (extract.cc).
Extraction extract(const Article& article);

}  // namespace newsfacet
