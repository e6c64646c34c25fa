// The extraction pipeline: one entry point, called by the indexer, --dry-run and
// newsfacet-eval, so that what is measured is exactly what is indexed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.h"
#include "extraction.h"
#include "tagger.h"
#include "tokens.h"

namespace newsfacet {
namespace detail {
struct Token;  // people.h
}

/// Places named in text, found in the gazetteer, with context guards (places.cc).
std::vector<PlaceMention> find_places(std::string_view text);
/// find_places over the article's token layer (tokens.h), built once by extract().
std::vector<PlaceMention> find_places(const TokenLayer& layer);

/// People named in text, merged within the article (people.cc). `places` are the place
/// candidates, so that a place is never taken for a person.
std::vector<PersonMention> find_people(std::string_view text, const std::vector<PlaceMention>& places);

/// People among the tagger's names (tagger.h): its person spans, merged within the
/// article, and later mentions of their surnames (people.cc).
std::vector<PersonMention> find_people(std::string_view text, const std::vector<PlaceMention>& places,
                                       const std::vector<TaggedEntity>& tagged);

/// The places the tagger confirms (recognise.cc): gazetteer matches it tags as places
/// (with its span), and its place spans the matcher missed, looked up in the gazetteer.
/// A gazetteer match it tags as an organisation, a person or another name goes
/// ("Barcelona beat", "Santa Fe Pacific").
std::vector<PlaceMention> confirm_places(std::string_view text, std::vector<PlaceMention> matched,
                                         const std::vector<TaggedEntity>& tagged);

/// Lower-case index keys for one person (people.cc): the canonical name, its surname and
/// the near-identical surname spellings among `surfaces` (the article's mentions of that
/// person), so that `speaker:Cleverly` and `speaker:Cleverley` both find "James Cleverley".
std::vector<std::string> person_name_keys(std::string_view canonical_name, const std::vector<std::string>& surfaces);

/// Quotes and their speakers (quotes.cc). May add people found in speech frames.
std::vector<Quote> find_quotes(std::string_view text, std::vector<PersonMention>& people);

/// find_people (with the tagger's names) and find_quotes given the article's tokens,
/// detail::tokenize(text) (people.h): extract() tokenizes once for both finders.
std::vector<PersonMention> find_people(std::string_view text, std::vector<detail::Token> toks,
                                       const std::vector<PlaceMention>& places,
                                       const std::vector<TaggedEntity>& tagged);
std::vector<Quote> find_quotes(std::string_view text, std::vector<detail::Token> toks,
                               std::vector<PersonMention>& people);

/// Dates mentioned in text, normalised against the publication date when known
/// (date_extract.cc). Without one, relative dates are returned unresolved.
std::vector<DateMention> find_dates(std::string_view text, const std::optional<Ymd>& published);
/// find_dates over the article's token layer (tokens.h), built once by extract().
std::vector<DateMention> find_dates(const TokenLayer& layer, const std::optional<Ymd>& published);

/// Runs every extractor over the article in the right order (extract.cc).
Extraction extract(const Article& article);

}  // namespace newsfacet
