// "Did you mean": a corrected query for words of the query that no document holds,
// from the spelling data newsfacet-index writes (Xapian's spelling table: the words of
// article text, docs/schema.md). Field values are not corrected here: speaker:, place:
// and the other fields suggest their nearest values themselves (fields.cc).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

/// True for QueryParser's operator words: AND, OR, NOT, XOR, NEAR, ADJ.
bool is_operator_word(std::string_view word);

/// A free-text word of a query string: its bytes [begin, end).
struct QueryWord {
    std::size_t begin = 0, end = 0;
};

/// The words of a query that spelling may correct: outside field filters
/// (`place:Frnace`, `speaker:"J Smith"`), not operator words (AND, OR, NOT, XOR, NEAR,
/// ADJ), not wildcards (`ceasef*`), without digits. Words of phrases count; a word
/// is a run of letters, apostrophes and non-ASCII bytes.
std::vector<QueryWord> correctable_words(std::string_view query);

/// The query with each correctable word that no document (of the kind searched, by
/// `kind_prefix`: "" articles, "XQ" quotes) holds, as a word or a stem, replaced by
/// the database's spelling suggestion (a capital first letter is kept); "" when no
/// word was replaced. A database without spelling data (indexed before it was
/// written, or remote shards, which do not serve it in Xapian 1.4) gives "".
std::string spelling_suggestion(const Xapian::Database& db, std::string_view query, const std::string& kind_prefix);

}  // namespace newsfacet
