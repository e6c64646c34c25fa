// Internals shared by the people finder (people.cc) and the quote finder (quotes.cc):
// a light tokenizer with sentence and paragraph numbers, and the name lexicons built
// by scripts/build-names.sh. Not a public API: only indexer/ and its tests include it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tokens.h"

namespace newsfacet::detail {

/// What a token is: a word (letters, digits, inner apostrophes and hyphens), one
/// punctuation code point, or a line break (a paragraph boundary).
enum class TokKind : std::uint8_t { word, punct, newline };

/// One token: byte offsets into the text and the facts the finders ask about.
struct Token {
    std::uint32_t begin = 0, end = 0;
    TokKind kind = TokKind::punct;
    char32_t cp = 0;          ///< the code point of a punct token
    bool cap = false;         ///< word whose first letter is upper case
    bool sent_start = false;  ///< first word of a sentence or paragraph
    std::uint32_t sent = 0;   ///< sentence number
    std::uint32_t para = 0;   ///< paragraph number
};

/// Splits text into tokens in one linear pass. Possessive 's is split off ("Smith's"
/// gives "Smith", "'s"), other inner apostrophes and hyphens stay in the word.
std::vector<Token> tokenize(std::string_view text);
/// The same tokens, as the people and quotes view of the text's token layer (tokens.h).
std::vector<Token> tokenize(const TokenLayer& layer);

/// ASCII-lower-cased copy (other bytes kept): enough for the English lexicons.
std::string lower(std::string_view s);

/// True for the double quotation marks the quote finder pairs: " “ ” „ « ».
bool is_double_quote(char32_t c);

/// The reference lists, parsed once from the embedded data/names-*.tsv files.
struct NameLexicon {
    std::unordered_map<std::string, char> given;  ///< "John" -> 'm' / 'f' / 'b' / 'u'
    std::unordered_set<std::string> surnames;     ///< "Smith"
    std::unordered_set<std::string> words;        ///< common lower-case English words
    std::unordered_set<std::string> orgwords;     ///< "Ministry", "Party" ... (as written)
    std::unordered_set<std::string> honorifics;   ///< lower case: "mr", "dr" ...
    std::unordered_set<std::string> offices;      ///< lower case, may be several words
    std::unordered_set<std::string> roles;        ///< lower case: "spokesman", "counterpart"
    std::unordered_set<std::string> demonyms;     ///< "Israeli", "Israelis", "Dutch" (from places-demonyms.tsv)
    std::size_t longest_office = 1;               ///< words in the longest office phrase
};

/// The lexicon, loaded on first use (thread-safe static initialisation).
const NameLexicon& name_lexicon();

/// Verbs that introduce speech ("said", "told", "warned" ...), lower case: the "frame"
/// verbs of data/speech-verbs.tsv (quotes.cc reads the file).
bool is_speech_verb(std::string_view lower_word);

/// Words that never start a name: pronouns, determiners, conjunctions, prepositions,
/// months and weekdays, as written (capitalised) or lower case.
bool is_function_word(std::string_view lower_word);

/// 'm' for he/him/his, 'f' for she/her, 0 for anything else.
char pronoun_gender(std::string_view lower_word);

/// Levenshtein distance, stopping early once it exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace newsfacet::detail
