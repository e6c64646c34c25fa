// Words typed as the text has them: "S&P", "AT&T", "CSRA.S", "U.S.-owned", "D-R.I.",
// "www.example.com", "Fußball". The indexer splits and folds words with ICU
// (common/text.h); Xapian's QueryParser splits them its own way ("csra.s" becomes the
// phrase "csra s", "Fußball" stays "fußball"), and such a word would find nothing.
// protect_literals hands each word that QueryParser would make into other terms than
// the indexer to a field processor, which builds its query with the indexer's own
// tokenizer: the term (stemmed as QueryParser stems it) or the phrase of its words.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsfacet {

/// The reserved field names a protected word is given under (an invisible detail of
/// the rewritten query; the value is the word's UTF-8 bytes in hexadecimal, which the
/// parser passes whole).
inline constexpr std::string_view kLiteralField = "xnfliteral";
inline constexpr std::string_view kLiteralTitleField = "xnfliteraltitle";

/// Rewrites a query (already through normalize_query_text) so that every word that
/// QueryParser would turn into other terms than the indexer's tokenizer becomes
/// `xnfliteral:HEX` (`xnfliteraltitle:HEX` after `title:`), and so does a quoted phrase
/// holding such a word (the value then has the quotes: the phrase of the indexer's
/// words). Operators, love/hate signs and parentheses around a word, field filters
/// and their phrases, wildcards and words QueryParser already reads as the indexer
/// does are left as they are.
std::string protect_literals(std::string_view query);

/// True when QueryParser would make other terms of `word` (one word, no query syntax
/// around it) than the indexer's tokenizer.
bool needs_literal(std::string_view word);

/// The query for one word as the indexer indexed it, its terms under `prefix` (the
/// kind prefix, and "S" for titles): one word is its term, or its stem under Z when
/// the word was typed starting with a lower-case letter (what QueryParser does for
/// plain words; not in quotes); several words are their phrase. MatchNothing for a
/// word with none.
Xapian::Query literal_query(std::string_view word, const std::string& prefix);

/// Registers the processors of kLiteralField and kLiteralTitleField on a parser;
/// `kind_prefix` is "" for articles, "XQ" for quotes.
void add_literal_processors(Xapian::QueryParser& qp, const std::string& kind_prefix);

}  // namespace newsfacet
